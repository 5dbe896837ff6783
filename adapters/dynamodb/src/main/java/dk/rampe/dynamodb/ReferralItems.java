package dk.rampe.dynamodb;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The referral as stored: DynamoDB maps and lists, versioned ({@code v}), apart from the API's
 * JSON. Writing keeps every field; reading is lenient: nothing is validated again (the API did
 * that on the way in), so a stricter API rule added later never makes a stored referral
 * unreadable. A value that is no longer known (a removed benefit) reads as null.
 */
final class ReferralItems {
    /** The version of the stored format written now; readers accept it and every earlier one. */
    static final int VERSION = 1;

    private ReferralItems() {
    }

    static AttributeValue details(ReferralDetails d) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("v", Attrs.n(VERSION));
        put(m, "programmeId", d.programmeId());
        put(m, "jobcentreReference", d.jobcentreReference());
        Citizen c = d.citizen();
        Map<String, AttributeValue> citizen = new LinkedHashMap<>();
        if (c.cpr() != null) put(citizen, "cpr", c.cpr().digits());
        put(citizen, "name", c.name());
        if (c.phone() != null) put(citizen, "phone", c.phone().e164());
        if (c.email() != null) put(citizen, "email", c.email().value());
        m.put("citizen", AttributeValue.fromM(citizen));
        if (d.benefit() != null) put(m, "benefit", d.benefit().wireName());
        Caseworker w = d.caseworker();
        Map<String, AttributeValue> caseworker = new LinkedHashMap<>();
        put(caseworker, "name", w.name());
        if (w.email() != null) put(caseworker, "email", w.email().value());
        if (w.phone() != null) put(caseworker, "phone", w.phone().e164());
        m.put("caseworker", AttributeValue.fromM(caseworker));
        m.put("jobWishes", strings(d.jobWishes()));
        put(m, "motivation", d.motivation());
        put(m, "transport", d.transport());
        put(m, "otherIssues", d.otherIssues());
        m.put("subGoals", strings(d.subGoals()));
        m.put("relativesConsent", Attrs.bool(d.relativesConsent()));
        if (d.desiredStart() != null) put(m, "desiredStart", d.desiredStart().toString());
        return AttributeValue.fromM(m);
    }

    static ReferralDetails details(AttributeValue stored) {
        Map<String, AttributeValue> m = stored.m();
        Map<String, AttributeValue> c = map(m, "citizen");
        Map<String, AttributeValue> w = map(m, "caseworker");
        String cpr = text(c, "cpr");
        String phone = text(c, "phone");
        String email = text(c, "email");
        Citizen citizen = new Citizen(cpr == null ? null : Cpr.stored(cpr), text(c, "name"),
                phone == null ? null : PhoneNumber.stored(phone), email == null ? null : EmailAddress.stored(email));
        String wEmail = text(w, "email");
        String wPhone = text(w, "phone");
        Caseworker caseworker = new Caseworker(text(w, "name"), wEmail == null ? null : EmailAddress.stored(wEmail),
                wPhone == null ? null : PhoneNumber.stored(wPhone));
        String benefit = text(m, "benefit");
        String desiredStart = text(m, "desiredStart");
        AttributeValue consent = m.get("relativesConsent");
        return new ReferralDetails(text(m, "programmeId"), text(m, "jobcentreReference"), citizen,
                benefit == null ? null : Benefit.fromWire(benefit).orElse(null), caseworker, list(m, "jobWishes"),
                text(m, "motivation"), text(m, "transport"), text(m, "otherIssues"), list(m, "subGoals"),
                consent != null && Boolean.TRUE.equals(consent.bool()),
                desiredStart == null ? null : LocalDate.parse(desiredStart));
    }

    static AttributeValue history(List<StatusChange> history) {
        List<AttributeValue> out = new ArrayList<>(history.size());
        for (StatusChange h : history) {
            Map<String, AttributeValue> e = new LinkedHashMap<>();
            put(e, "status", h.status().wireName());
            put(e, "at", h.at().toString());
            put(e, "by", h.actor());
            put(e, "reason", h.reason());
            put(e, "outcome", h.outcome());
            put(e, "reasonCode", h.reasonCode());
            if (!h.recordedAt().equals(h.at())) put(e, "recordedAt", h.recordedAt().toString());
            out.add(AttributeValue.fromM(e));
        }
        return AttributeValue.fromL(out);
    }

    static List<StatusChange> history(AttributeValue stored) {
        List<StatusChange> out = new ArrayList<>();
        if (stored == null || !stored.hasL()) return out;
        for (AttributeValue v : stored.l()) {
            Map<String, AttributeValue> e = v.m();
            out.add(new StatusChange(ReferralStatus.fromWire(text(e, "status")), Instant.parse(text(e, "at")),
                    text(e, "by"), text(e, "reason"), text(e, "outcome"), text(e, "reasonCode"),
                    text(e, "recordedAt") == null ? null : Instant.parse(text(e, "recordedAt"))));
        }
        return out;
    }

    static void put(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) m.put(name, Attrs.s(value));
    }

    static AttributeValue strings(List<String> values) {
        List<AttributeValue> l = new ArrayList<>(values.size());
        for (String s : values) l.add(Attrs.s(s));
        return AttributeValue.fromL(l);
    }

    static String text(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m == null ? null : m.get(name);
        return v == null ? null : v.s();
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null || !v.hasM() ? Map.of() : v.m();
    }

    static List<String> list(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m == null ? null : m.get(name);
        if (v == null || !v.hasL()) return List.of();
        List<String> out = new ArrayList<>();
        for (AttributeValue x : v.l()) if (x.s() != null) out.add(x.s());
        return out;
    }
}
