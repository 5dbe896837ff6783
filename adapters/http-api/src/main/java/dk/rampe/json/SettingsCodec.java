package dk.rampe.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.attendance.EarlyWarning;
import dk.rampe.settings.Channel;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Programme, jobcentre and consultant settings as JSON (see events/settings-sample.json). */
public final class SettingsCodec {
    /** The window an intake date must lie in: a programme of this century, not a typo of a year. */
    public static final LocalDate EARLIEST_INTAKE_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_INTAKE_DATE = LocalDate.of(2099, 12, 31);

    private SettingsCodec() {
    }

    public static Settings parse(JsonNode root) {
        JsonReader r = new JsonReader();
        if (root == null || !root.isObject()) {
            r.add("body", "type.object");
            r.throwIfAny();
        }
        r.onlyKnown(root, "", Set.of("jobcentres", "programmes"));
        List<Settings.Jobcentre> jobcentres = new ArrayList<>();
        Set<String> clientIds = new HashSet<>();
        Set<String> jobcentreIds = new HashSet<>();
        JsonNode jcs = root.path("jobcentres");
        if (!jcs.isArray()) r.add("jobcentres", "type.array");
        for (int i = 0; jcs.isArray() && i < jcs.size(); i++) {
            String p = "jobcentres[" + i + "]";
            JsonNode j = jcs.get(i);
            r.onlyKnown(j, p, Set.of("id", "name", "clientIds"));
            String id = ReferralCodec.id(r, j, p, "id");
            if (id != null && !jobcentreIds.add(id)) r.add(p + ".id", "duplicate");
            String name = r.text(j, p, "name", true, 200);
            List<String> clients = r.texts(j, p, "clientIds", true, 10, 128);
            for (String c : clients) if (!clientIds.add(c)) r.add(p + ".clientIds", "duplicate");
            jobcentres.add(new Settings.Jobcentre(id, name, clients));
        }
        List<Settings.Programme> programmes = new ArrayList<>();
        JsonNode ps = root.path("programmes");
        if (!ps.isArray()) r.add("programmes", "type.array");
        Set<String> programmeIds = new HashSet<>();
        for (int i = 0; ps.isArray() && i < ps.size(); i++) {
            Settings.Programme programme = programme(r, ps.get(i), "programmes[" + i + "]", jobcentres);
            if (programme.id() != null && !programmeIds.add(programme.id())) {
                r.add("programmes[" + i + "].id", "duplicate");
            }
            programmes.add(programme);
        }
        r.throwIfAny();
        return new Settings(programmes, jobcentres);
    }

    private static Settings.Programme programme(JsonReader r, JsonNode p, String path, List<Settings.Jobcentre> jcs) {
        r.onlyKnown(p, path, Set.of("id", "name", "intakeOpens", "intakeStops", "partners", "consultants", "staff",
                "closingDays", "report", "projectManagerId", "attendance", "calendar", "earlyWarning"));
        String id = ReferralCodec.id(r, p, path, "id");
        String name = r.text(p, path, "name", true, 200);
        LocalDate opens = r.date(p, path, "intakeOpens", true, EARLIEST_INTAKE_DATE, LATEST_INTAKE_DATE);
        LocalDate stops = r.date(p, path, "intakeStops", true, EARLIEST_INTAKE_DATE, LATEST_INTAKE_DATE);
        if (opens != null && stops != null && stops.isBefore(opens)) r.add(path + ".intakeStops", "date.beforeOpen");
        List<Settings.Consultant> consultants = new ArrayList<>();
        Set<String> consultantIds = new HashSet<>();
        JsonNode cs = p.path("consultants");
        for (int i = 0; cs.isArray() && i < cs.size(); i++) {
            String cp = path + ".consultants[" + i + "]";
            JsonNode c = cs.get(i);
            r.onlyKnown(c, cp, Set.of("id", "name", "email", "phone", "channel", "language"));
            String cid = ReferralCodec.id(r, c, cp, "id");
            if (cid != null && !consultantIds.add(cid)) r.add(cp + ".id", "duplicate");
            String cname = r.text(c, cp, "name", true, 200);
            EmailAddress email = ReferralCodec.email(r, c, cp, true);
            PhoneNumber phone = ReferralCodec.phone(r, c, cp, true);
            String ch = r.text(c, cp, "channel", false, 8);
            Channel channel = Channel.BOTH;
            if (ch != null) {
                try {
                    channel = Channel.fromWire(ch);
                } catch (IllegalArgumentException e) {
                    r.add(cp + ".channel", "enum", "sms, email, both");
                }
            }
            String lang = r.text(c, cp, "language", false, 2);
            Language language = lang == null ? Language.DA : Language.from(lang);
            // refused, not coerced: a language Rampe does not write is not stored as Danish
            if (lang != null && !lang.equals(language.name().toLowerCase(Locale.ROOT))) r.add(cp + ".language", "enum", "da, en");
            consultants.add(new Settings.Consultant(cid, cname, email, phone, channel, language));
        }
        if (!cs.isArray()) r.add(path + ".consultants", "type.array");
        List<Settings.Partner> partners = new ArrayList<>();
        Set<String> partnerIds = new HashSet<>();
        JsonNode pa = p.path("partners");
        if (!pa.isArray()) r.add(path + ".partners", "type.array");
        for (int i = 0; pa.isArray() && i < pa.size(); i++) {
            String pp = path + ".partners[" + i + "]";
            JsonNode x = pa.get(i);
            r.onlyKnown(x, pp, Set.of("jobcentreId", "quota", "defaultConsultantId"));
            String jc = ReferralCodec.id(r, x, pp, "jobcentreId");
            if (jc != null && !partnerIds.add(jc)) r.add(pp + ".jobcentreId", "duplicate");
            if (jc != null && jcs.stream().noneMatch(j -> jc.equals(j.id()))) r.add(pp + ".jobcentreId", "unknownReference");
            Integer quota = r.integer(x, pp, "quota", true, 0, 100_000);
            String dc = ReferralCodec.id(r, x, pp, "defaultConsultantId");
            if (dc != null && consultants.stream().noneMatch(c -> dc.equals(c.id()))) {
                r.add(pp + ".defaultConsultantId", "unknownReference");
            }
            partners.add(new Settings.Partner(jc, quota == null ? 0 : quota, dc));
        }
        List<String> staff = r.texts(p, path, "staff", false, 100, 128);
        for (int i = 0; i < staff.size(); i++) {
            if (staff.indexOf(staff.get(i)) < i) r.add(JsonReader.path(path, "staff") + "[" + i + "]", "duplicate");
        }
        // aftercare: the consultant entry of the project manager, who gets overdue aftercare reminders
        String pm = p.hasNonNull("projectManagerId") ? ReferralCodec.id(r, p, path, "projectManagerId") : null;
        if (pm != null && consultants.stream().noneMatch(c -> pm.equals(c.id()))) {
            r.add(JsonReader.path(path, "projectManagerId"), "unknownReference");
        }
        return new Settings.Programme(id, name, opens, stops, partners, consultants, staff, closingDays(r, p, path),
                report(r, p, path), pm, attendance(r, p, path), calendar(r, p, path), earlyWarning(r, p, path));
    }

    /**
     * The programme's optional early-warning thresholds ({@code dk.rampe.attendance.EarlyWarning.Thresholds}, by
     * name; each optional with its default): whole numbers 0..365 that fit together (a minimum within its window,
     * a share at most 100); an error names the threshold at fault. Only those given are kept.
     */
    static Map<String, Integer> earlyWarning(JsonReader r, JsonNode p, String path) {
        JsonNode w = r.object(p, path, "earlyWarning", false);
        if (w == null) return Map.of();
        String wp = JsonReader.path(path, "earlyWarning");
        List<String> names = EarlyWarning.Thresholds.names();
        r.onlyKnown(w, wp, Set.copyOf(names));
        Map<String, Integer> set = new LinkedHashMap<>();
        boolean read = true;
        for (String name : names) {
            if (!w.has(name)) continue;
            Integer v = r.integer(w, wp, name, false, 0, 365);
            if (v == null) read = false;
            else set.put(name, v);
        }
        if (read) {
            try {
                EarlyWarning.Thresholds.with(set);
            } catch (IllegalArgumentException e) {
                r.add(JsonReader.path(wp, e.getMessage()), "earlyWarning.inconsistent");
            }
        }
        return set;
    }

    static ObjectNode writeEarlyWarning(Map<String, Integer> set) {
        ObjectNode o = Json.object();
        for (String name : EarlyWarning.Thresholds.names()) if (set.containsKey(name)) o.put(name, set.get(name));
        return o;
    }

    /**
     * The programme's optional calendar switches, each optional with its default ({@link Settings.Calendar#DEFAULTS}):
     * {@code {"closedOnChristmasEve": true, "closedOnNewYearsEve": true, "closedOnConstitutionDay": true,
     * "extraDays": false}}.
     */
    static Settings.Calendar calendar(JsonReader r, JsonNode p, String path) {
        Settings.Calendar d = Settings.Calendar.DEFAULTS;
        JsonNode c = r.object(p, path, "calendar", false);
        if (c == null) return d;
        String cp = JsonReader.path(path, "calendar");
        r.onlyKnown(c, cp, Set.of("closedOnChristmasEve", "closedOnNewYearsEve", "closedOnConstitutionDay", "extraDays"));
        Boolean christmasEve = r.bool(c, cp, "closedOnChristmasEve", false);
        Boolean newYearsEve = r.bool(c, cp, "closedOnNewYearsEve", false);
        Boolean constitutionDay = r.bool(c, cp, "closedOnConstitutionDay", false);
        Boolean extraDays = r.bool(c, cp, "extraDays", false);
        return new Settings.Calendar(christmasEve == null ? d.closedOnChristmasEve() : christmasEve,
                newYearsEve == null ? d.closedOnNewYearsEve() : newYearsEve,
                constitutionDay == null ? d.closedOnConstitutionDay() : constitutionDay,
                extraDays == null ? d.extraDays() : extraDays);
    }

    static ObjectNode writeCalendar(Settings.Calendar c) {
        ObjectNode o = Json.object();
        o.put("closedOnChristmasEve", c.closedOnChristmasEve());
        o.put("closedOnNewYearsEve", c.closedOnNewYearsEve());
        o.put("closedOnConstitutionDay", c.closedOnConstitutionDay());
        o.put("extraDays", c.extraDays());
        return o;
    }

    /**
     * Optional monthly report settings: {@code {"recipients": ["styregruppe@x.dk"], "maxStartsPerConsultant4Weeks": 4,
     * "targets": [{"kind": "employer_based_share", "value": 85}]}} (shares in percent, counts in people).
     */
    static dk.rampe.settings.ReportSettings report(JsonReader r, JsonNode p, String path) {
        JsonNode n = p.path("report");
        if (n.isMissingNode() || n.isNull()) return dk.rampe.settings.ReportSettings.none();
        String rp = path + ".report";
        if (!n.isObject()) {
            r.add(rp, "type.object");
            return dk.rampe.settings.ReportSettings.none();
        }
        r.onlyKnown(n, rp, Set.of("recipients", "maxStartsPerConsultant4Weeks", "targets"));
        List<EmailAddress> recipients = new ArrayList<>();
        List<String> texts = r.texts(n, rp, "recipients", false, 20, 254);
        for (int i = 0; i < texts.size(); i++) {
            java.util.Optional<EmailAddress> e = EmailAddress.parse(texts.get(i));
            if (e.isPresent()) recipients.add(e.get());
            else r.add(rp + ".recipients[" + i + "]", "email.invalid");
        }
        Integer max = r.integer(n, rp, "maxStartsPerConsultant4Weeks", false, 0, 1000);
        List<dk.rampe.settings.ReportSettings.Target> targets = new ArrayList<>();
        JsonNode ts = n.path("targets");
        for (int i = 0; ts.isArray() && i < ts.size() && i < 20; i++) {
            String tp = rp + ".targets[" + i + "]";
            JsonNode t = ts.get(i);
            r.onlyKnown(t, tp, Set.of("kind", "value"));
            String kind = r.text(t, tp, "kind", true, 64);
            Integer value = r.integer(t, tp, "value", true, 0, 100_000);
            java.util.Optional<dk.rampe.settings.ReportSettings.TargetKind> k =
                    kind == null ? java.util.Optional.empty() : dk.rampe.settings.ReportSettings.TargetKind.fromWire(kind);
            if (kind != null && k.isEmpty()) {
                r.add(tp + ".kind", "enum", "employer_based_share, exits_to_work_or_education, kept_job_6_months_share,"
                        + " employed_6_months_after_exit");
            }
            // a share is a percentage: above 100 is refused, not kept as a target no programme can reach
            if (k.isPresent() && value != null && k.get().wireName().endsWith("_share") && value > 100) {
                r.add(tp + ".value", "range", 0, 100);
                value = null;
            }
            if (k.isPresent() && value != null) targets.add(new dk.rampe.settings.ReportSettings.Target(k.get(), value));
        }
        return new dk.rampe.settings.ReportSettings(recipients, max == null ? 0 : max, targets);
    }

    /**
     * The programme's optional attendance settings; every field is optional with the
     * defaults of {@link Settings.Attendance#DEFAULTS}.
     */
    static Settings.Attendance attendance(JsonReader r, JsonNode p, String path) {
        Settings.Attendance d = Settings.Attendance.DEFAULTS;
        JsonNode a = r.object(p, path, "attendance", false);
        if (a == null) return d;
        String ap = JsonReader.path(path, "attendance");
        r.onlyKnown(a, ap, Set.of("graceMinutes", "reportEveryAbsence", "inARow", "withinCount", "withinWorkingDays",
                "escalateAfterWorkingMinutes", "teamLeadEmail", "participantSms"));
        Integer grace = r.integer(a, ap, "graceMinutes", false, 0, 240);
        List<String> benefits = d.reportEveryAbsence();
        if (a.has("reportEveryAbsence")) {
            benefits = new ArrayList<>();
            List<String> given = r.texts(a, ap, "reportEveryAbsence", false, 20, 64);
            for (int i = 0; i < given.size(); i++) {
                String b = given.get(i);
                if (dk.rampe.referral.Benefit.fromWire(b).isEmpty()) {
                    r.add(JsonReader.path(ap, "reportEveryAbsence") + "[" + i + "]", "enum",
                            dk.rampe.referral.Benefit.wireNames());
                } else if (benefits.contains(b)) {
                    r.add(JsonReader.path(ap, "reportEveryAbsence") + "[" + i + "]", "duplicate");
                } else {
                    benefits.add(b);
                }
            }
        }
        Integer inARow = r.integer(a, ap, "inARow", false, 0, 20);
        Integer withinCount = r.integer(a, ap, "withinCount", false, 0, 20);
        Integer withinDays = r.integer(a, ap, "withinWorkingDays", false, 1, 60);
        Integer escalate = r.integer(a, ap, "escalateAfterWorkingMinutes", false, 0, 8 * 60 * 5);
        EmailAddress teamLead = null;
        String tl = r.text(a, ap, "teamLeadEmail", false, 254);
        if (tl != null) {
            teamLead = EmailAddress.parse(tl).orElse(null);
            if (teamLead == null) r.add(JsonReader.path(ap, "teamLeadEmail"), "email.invalid");
        }
        Boolean sms = r.bool(a, ap, "participantSms", false);
        return new Settings.Attendance(grace == null ? d.grace() : java.time.Duration.ofMinutes(grace), benefits,
                inARow == null ? d.inARow() : inARow, withinCount == null ? d.withinCount() : withinCount,
                withinDays == null ? d.withinWorkingDays() : withinDays,
                escalate == null ? d.escalateAfter() : java.time.Duration.ofMinutes(escalate), teamLead,
                sms != null && sms);
    }

    static ObjectNode writeAttendance(Settings.Attendance a) {
        ObjectNode o = Json.object();
        o.put("graceMinutes", a.grace().toMinutes());
        ArrayNode b = o.putArray("reportEveryAbsence");
        a.reportEveryAbsence().forEach(b::add);
        o.put("inARow", a.inARow());
        o.put("withinCount", a.withinCount());
        o.put("withinWorkingDays", a.withinWorkingDays());
        o.put("escalateAfterWorkingMinutes", a.escalateAfter().toMinutes());
        if (a.teamLeadEmail() != null) o.put("teamLeadEmail", a.teamLeadEmail().value());
        o.put("participantSms", a.participantSms());
        return o;
    }

    /** Optional dates the programme is closed (besides weekends and public holidays): at most 366, each once. */
    static List<LocalDate> closingDays(JsonReader r, JsonNode p, String path) {
        List<String> texts = r.texts(p, path, "closingDays", false, 366, 10);
        List<LocalDate> days = new ArrayList<>();
        JsonNode n = p.path("closingDays");
        for (int i = 0; i < n.size() && i < 366; i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual() || !texts.contains(item.textValue().strip())) continue; // reported by texts()
            String ip = JsonReader.path(path, "closingDays") + "[" + i + "]";
            try {
                LocalDate d = LocalDate.parse(item.textValue().strip());
                if (days.contains(d)) r.add(ip, "duplicate");
                else days.add(d);
            } catch (java.time.format.DateTimeParseException e) {
                r.add(ip, "date.invalid");
            }
        }
        days.sort(null);
        return days;
    }

    public static ObjectNode write(Settings s) {
        ObjectNode root = Json.object();
        ArrayNode jcs = root.putArray("jobcentres");
        for (Settings.Jobcentre j : s.jobcentres()) {
            ObjectNode o = jcs.addObject();
            o.put("id", j.id());
            o.put("name", j.name());
            ArrayNode c = o.putArray("clientIds");
            j.clientIds().forEach(c::add);
        }
        ArrayNode ps = root.putArray("programmes");
        for (Settings.Programme p : s.programmes()) {
            ObjectNode o = ps.addObject();
            o.put("id", p.id());
            o.put("name", p.name());
            o.put("intakeOpens", p.intakeOpens().toString());
            o.put("intakeStops", p.intakeStops().toString());
            ArrayNode pa = o.putArray("partners");
            for (Settings.Partner x : p.partners()) {
                pa.addObject().put("jobcentreId", x.jobcentreId()).put("quota", x.quota())
                        .put("defaultConsultantId", x.defaultConsultantId());
            }
            ArrayNode cs = o.putArray("consultants");
            for (Settings.Consultant c : p.consultants()) {
                cs.addObject().put("id", c.id()).put("name", c.name()).put("email", c.email().value())
                        .put("phone", c.phone().e164()).put("channel", c.channel().name().toLowerCase(Locale.ROOT))
                        .put("language", c.language().name().toLowerCase(Locale.ROOT));
            }
            ArrayNode st = o.putArray("staff");
            p.staff().forEach(st::add);
            if (p.projectManagerId() != null) o.put("projectManagerId", p.projectManagerId());
            if (!p.closingDays().isEmpty()) {
                ArrayNode cd = o.putArray("closingDays");
                p.closingDays().forEach(d -> cd.add(d.toString()));
            }
            if (!p.report().equals(dk.rampe.settings.ReportSettings.none())) {
                ObjectNode rep = o.putObject("report");
                ArrayNode rc = rep.putArray("recipients");
                p.report().recipients().forEach(e -> rc.add(e.value()));
                rep.put("maxStartsPerConsultant4Weeks", p.report().maxStartsPerConsultant4Weeks());
                ArrayNode ts = rep.putArray("targets");
                p.report().targets().forEach(t -> ts.addObject().put("kind", t.kind().wireName())
                        .put("value", (long) t.value()));
            }
            o.set("attendance", writeAttendance(p.attendance()));
            o.set("calendar", writeCalendar(p.calendar()));
            if (!p.earlyWarning().isEmpty()) o.set("earlyWarning", writeEarlyWarning(p.earlyWarning()));
        }
        return root;
    }
}
