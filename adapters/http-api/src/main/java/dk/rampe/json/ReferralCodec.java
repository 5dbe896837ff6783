package dk.rampe.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.core.InputFields;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.StatusChange;
import dk.rampe.referral.ReferralStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The referral on the wire and in storage: one format, one parser. The parser validates every
 * field and names each bad one; the writer produces the normalised form (E.164 phones, ten-digit
 * CPR), which is also what the request fingerprint is computed from.
 */
public final class ReferralCodec {
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Set<String> TOP = Set.of("programmeId", "jobcentreReference", "citizen", "benefit",
            "caseworker", "jobWishes", "motivation", "transport", "otherIssues", "subGoals", "relativesConsent",
            "desiredStart", "receivedAt");
    private static final Set<String> CITIZEN = Set.of("cpr", "name", "phone", "email");
    private static final Set<String> CASEWORKER = Set.of("name", "email", "phone");

    private ReferralCodec() {
    }

    /** Parses and validates a referral; throws {@link dk.rampe.core.ValidationException} naming every bad field. */
    public static ReferralDetails parse(JsonNode body) {
        JsonReader r = new JsonReader();
        if (body == null || !body.isObject()) {
            r.add("body", "type.object");
            r.throwIfAny();
        }
        r.onlyKnown(body, "", TOP);
        String programmeId = id(r, body, "", "programmeId");
        String reference = r.field(body, "", InputFields.JOBCENTRE_REFERENCE, true);
        if (reference != null && !InputFields.JOBCENTRE_REFERENCE_FORMAT.matcher(reference).matches()) {
            r.add("jobcentreReference", "reference.format");
            reference = null;
        }
        Citizen citizen = citizen(r, r.object(body, "", "citizen", true));
        Benefit benefit = null;
        String benefitText = r.text(body, "", "benefit", true, 64);
        if (benefitText != null) {
            benefit = Benefit.fromWire(benefitText).orElse(null);
            if (benefit == null) r.add("benefit", "enum", Benefit.wireNames());
        }
        Caseworker caseworker = caseworker(r, r.object(body, "", "caseworker", true));
        List<String> jobWishes = r.fields(body, "", InputFields.JOB_WISH, false, 3);
        String motivation = r.field(body, "", InputFields.MOTIVATION, false);
        String transport = r.field(body, "", InputFields.TRANSPORT, false);
        String otherIssues = r.field(body, "", InputFields.OTHER_ISSUES, false);
        List<String> subGoals = r.fields(body, "", InputFields.SUB_GOAL, false, 5);
        Boolean consent = r.bool(body, "", "relativesConsent", true);
        var desiredStart = r.date(body, "", "desiredStart", false);
        r.throwIfAny();
        return new ReferralDetails(programmeId, reference, citizen, benefit, caseworker, jobWishes, motivation,
                transport, otherIssues, subGoals, consent, desiredStart);
    }

    /**
     * The day the jobcentre received the referral, if it posts an older one ({@code receivedAt}: a date, or a date
     * and time with an offset, whose Copenhagen day is taken); null when not given (today). Its window is the
     * service's to check.
     */
    public static LocalDate receivedOn(JsonNode body) {
        if (body == null || !body.hasNonNull("receivedAt")) return null;
        JsonReader r = new JsonReader();
        String s = r.text(body, "", "receivedAt", false, 40);
        r.throwIfAny();
        try {
            return s.length() == 10 ? LocalDate.parse(s)
                    : java.time.OffsetDateTime.parse(s).atZoneSameInstant(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate();
        } catch (java.time.DateTimeException e) {
            r.add("receivedAt", "date.invalid");
            r.throwIfAny();
            return null;
        }
    }

    static String id(JsonReader r, JsonNode node, String path, String name) {
        String s = r.text(node, path, name, true, 64);
        if (s != null && !ID.matcher(s).matches()) {
            r.add(JsonReader.path(path, name), "id.format");
            return null;
        }
        return s;
    }

    private static Citizen citizen(JsonReader r, JsonNode node) {
        if (node == null) return null;
        r.onlyKnown(node, "citizen", CITIZEN);
        Cpr cpr = null;
        String cprText = r.text(node, "citizen", "cpr", true, 64);
        if (cprText != null) {
            Optional<Cpr> parsed = Cpr.parse(cprText);
            if (parsed.isPresent()) cpr = parsed.get();
            else r.add("citizen.cpr", Cpr.isTenDigits(cprText) ? "cpr.date" : "cpr.format");
        }
        String name = r.field(node, "citizen", InputFields.CITIZEN_NAME, true);
        PhoneNumber phone = phone(r, node, "citizen", true);
        EmailAddress email = email(r, node, "citizen", false);
        return new Citizen(cpr, name, phone, email);
    }

    private static Caseworker caseworker(JsonReader r, JsonNode node) {
        if (node == null) return null;
        r.onlyKnown(node, "caseworker", CASEWORKER);
        String name = r.field(node, "caseworker", InputFields.CASEWORKER_NAME, true);
        EmailAddress email = email(r, node, "caseworker", true);
        PhoneNumber phone = phone(r, node, "caseworker", false);
        return new Caseworker(name, email, phone);
    }

    public static PhoneNumber phone(JsonReader r, JsonNode node, String path, boolean required) {
        String s = r.text(node, path, "phone", required, 32);
        if (s == null) return null;
        Optional<PhoneNumber> p = PhoneNumber.parse(s);
        if (p.isEmpty()) r.add(JsonReader.path(path, "phone"), "phone.invalid");
        return p.orElse(null);
    }

    public static EmailAddress email(JsonReader r, JsonNode node, String path, boolean required) {
        String s = r.text(node, path, "email", required, 254);
        if (s == null) return null;
        Optional<EmailAddress> e = EmailAddress.parse(s);
        if (e.isEmpty()) r.add(JsonReader.path(path, "email"), "email.invalid");
        return e.orElse(null);
    }

    /** The normalised referral as sent, for storage, fingerprints, and the referring jobcentre. */
    public static ObjectNode write(ReferralDetails d) {
        return write(d, true);
    }

    /** As {@link #write(ReferralDetails)}; without the CPR number for readers other than the referring jobcentre. */
    public static ObjectNode write(ReferralDetails d, boolean withCpr) {
        ObjectNode o = Json.object();
        o.put("programmeId", d.programmeId());
        o.put("jobcentreReference", d.jobcentreReference());
        ObjectNode c = o.putObject("citizen");
        if (withCpr) c.put("cpr", d.citizen().cpr().digits());
        c.put("name", d.citizen().name());
        c.put("phone", d.citizen().phone().e164());
        if (d.citizen().email() != null) c.put("email", d.citizen().email().value());
        if (d.benefit() != null) o.put("benefit", d.benefit().wireName());
        ObjectNode w = o.putObject("caseworker");
        w.put("name", d.caseworker().name());
        w.put("email", d.caseworker().email().value());
        if (d.caseworker().phone() != null) w.put("phone", d.caseworker().phone().e164());
        ArrayNode wishes = o.putArray("jobWishes");
        d.jobWishes().forEach(wishes::add);
        if (d.motivation() != null) o.put("motivation", d.motivation());
        if (d.transport() != null) o.put("transport", d.transport());
        if (d.otherIssues() != null) o.put("otherIssues", d.otherIssues());
        ArrayNode goals = o.putArray("subGoals");
        d.subGoals().forEach(goals::add);
        o.put("relativesConsent", d.relativesConsent());
        if (d.desiredStart() != null) o.put("desiredStart", d.desiredStart().toString());
        return o;
    }

    public static ArrayNode writeHistory(List<StatusChange> history) {
        ArrayNode a = Json.array();
        for (StatusChange h : history) {
            ObjectNode e = a.addObject();
            e.put("status", h.status().wireName());
            e.put("at", h.at().toString());
            e.put("by", h.actor());
            if (h.reason() != null) e.put("reason", h.reason());
            if (h.outcome() != null) e.put("outcome", h.outcome());
            if (h.reasonCode() != null) e.put("reasonCode", h.reasonCode());
            e.put("recordedAt", h.recordedAt().toString());
        }
        return a;
    }

    public static List<StatusChange> readHistory(JsonNode a) {
        List<StatusChange> out = new ArrayList<>();
        for (JsonNode e : a) {
            out.add(new StatusChange(ReferralStatus.fromWire(e.get("status").textValue()),
                    Instant.parse(e.get("at").textValue()), e.get("by").textValue(),
                    e.hasNonNull("reason") ? e.get("reason").textValue() : null,
                    e.hasNonNull("outcome") ? e.get("outcome").textValue() : null,
                    e.hasNonNull("reasonCode") ? e.get("reasonCode").textValue() : null,
                    e.hasNonNull("recordedAt") ? Instant.parse(e.get("recordedAt").textValue()) : null));
        }
        return out;
    }

    /**
     * The referral as its readers see it: status, consultant, history and the referral itself.
     * The CPR number is included only for the referring jobcentre ({@code withCpr}).
     */
    public static ObjectNode view(Referral r, boolean withCpr) {
        ObjectNode o = Json.object();
        o.put("referralId", r.id());
        o.put("status", r.status().wireName());
        o.put("programmeId", r.programmeId());
        o.put("jobcentreId", r.jobcentreId());
        o.put("consultantId", r.consultantId());
        o.put("overQuota", r.overQuota());
        o.put("receivedAt", r.createdAt().toString());
        o.set("history", writeHistory(r.history()));
        o.set("referral", write(r.details(), withCpr));
        return o;
    }
}
