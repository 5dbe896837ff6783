package dk.rampe.dynamodb;

import dk.rampe.settings.ReportSettings;

import static dk.rampe.dynamodb.ReferralItems.list;
import static dk.rampe.dynamodb.ReferralItems.put;
import static dk.rampe.dynamodb.ReferralItems.strings;
import static dk.rampe.dynamodb.ReferralItems.text;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.settings.Channel;
import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The settings document as stored: a versioned DynamoDB map, apart from the admin API's JSON.
 * Validation happens at the edge (the admin route); reading back is lenient, so a rule added to
 * the API later never makes the stored settings unreadable.
 */
final class SettingsItems {
    static final int VERSION = 1;

    private SettingsItems() {
    }

    static AttributeValue write(Settings s) {
        Map<String, AttributeValue> root = new LinkedHashMap<>();
        root.put("v", Attrs.n(VERSION));
        List<AttributeValue> jcs = new ArrayList<>();
        for (Settings.Jobcentre j : s.jobcentres()) {
            Map<String, AttributeValue> o = new LinkedHashMap<>();
            put(o, "id", j.id());
            put(o, "name", j.name());
            o.put("clientIds", strings(j.clientIds()));
            jcs.add(AttributeValue.fromM(o));
        }
        root.put("jobcentres", AttributeValue.fromL(jcs));
        List<AttributeValue> ps = new ArrayList<>();
        for (Settings.Programme p : s.programmes()) {
            Map<String, AttributeValue> o = new LinkedHashMap<>();
            put(o, "id", p.id());
            put(o, "name", p.name());
            put(o, "intakeOpens", p.intakeOpens().toString());
            put(o, "intakeStops", p.intakeStops().toString());
            List<AttributeValue> partners = new ArrayList<>();
            for (Settings.Partner x : p.partners()) {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                put(m, "jobcentreId", x.jobcentreId());
                m.put("quota", Attrs.n(x.quota()));
                put(m, "defaultConsultantId", x.defaultConsultantId());
                partners.add(AttributeValue.fromM(m));
            }
            o.put("partners", AttributeValue.fromL(partners));
            List<AttributeValue> consultants = new ArrayList<>();
            for (Settings.Consultant c : p.consultants()) {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                put(m, "id", c.id());
                put(m, "name", c.name());
                if (c.email() != null) put(m, "email", c.email().value());
                if (c.phone() != null) put(m, "phone", c.phone().e164());
                if (c.channel() != null) put(m, "channel", c.channel().name().toLowerCase(Locale.ROOT));
                if (c.language() != null) put(m, "language", c.language().name().toLowerCase(Locale.ROOT));
                consultants.add(AttributeValue.fromM(m));
            }
            o.put("consultants", AttributeValue.fromL(consultants));
            o.put("staff", strings(p.staff()));
            put(o, "projectManagerId", p.projectManagerId());
            if (!p.closingDays().isEmpty()) {
                List<String> days = new ArrayList<>();
                for (LocalDate d : p.closingDays()) days.add(d.toString());
                o.put("closingDays", strings(days));
            }
            if (!p.report().equals(ReportSettings.none())) {
                Map<String, AttributeValue> rep = new LinkedHashMap<>();
                List<String> recipients = new ArrayList<>();
                p.report().recipients().forEach(e -> recipients.add(e.value()));
                rep.put("recipients", strings(recipients));
                rep.put("maxStartsPerConsultant4Weeks", Attrs.n(p.report().maxStartsPerConsultant4Weeks()));
                List<AttributeValue> targets = new ArrayList<>();
                for (ReportSettings.Target t : p.report().targets()) {
                    Map<String, AttributeValue> tm = new LinkedHashMap<>();
                    put(tm, "kind", t.kind().wireName());
                    tm.put("value", AttributeValue.fromN(Double.toString(t.value())));
                    targets.add(AttributeValue.fromM(tm));
                }
                rep.put("targets", AttributeValue.fromL(targets));
                o.put("report", AttributeValue.fromM(rep));
            }
            o.put("attendance", attendance(p.attendance()));
            o.put("calendar", calendar(p.calendar()));
            if (!p.earlyWarning().isEmpty()) o.put("earlyWarning", earlyWarning(p.earlyWarning()));
            ps.add(AttributeValue.fromM(o));
        }
        root.put("programmes", AttributeValue.fromL(ps));
        return AttributeValue.fromM(root);
    }

    static Settings read(AttributeValue stored) {
        Map<String, AttributeValue> root = stored.m();
        List<Settings.Jobcentre> jobcentres = new ArrayList<>();
        for (Map<String, AttributeValue> j : maps(root, "jobcentres")) {
            jobcentres.add(new Settings.Jobcentre(text(j, "id"), text(j, "name"), list(j, "clientIds")));
        }
        List<Settings.Programme> programmes = new ArrayList<>();
        for (Map<String, AttributeValue> p : maps(root, "programmes")) {
            List<Settings.Partner> partners = new ArrayList<>();
            for (Map<String, AttributeValue> x : maps(p, "partners")) {
                AttributeValue quota = x.get("quota");
                partners.add(new Settings.Partner(text(x, "jobcentreId"),
                        quota == null || quota.n() == null ? 0 : Integer.parseInt(quota.n()),
                        text(x, "defaultConsultantId")));
            }
            List<Settings.Consultant> consultants = new ArrayList<>();
            for (Map<String, AttributeValue> c : maps(p, "consultants")) {
                String email = text(c, "email");
                String phone = text(c, "phone");
                consultants.add(new Settings.Consultant(text(c, "id"), text(c, "name"),
                        email == null ? null : EmailAddress.stored(email), phone == null ? null : PhoneNumber.stored(phone),
                        channel(text(c, "channel")), Language.from(text(c, "language"))));
            }
            programmes.add(new Settings.Programme(text(p, "id"), text(p, "name"), LocalDate.parse(text(p, "intakeOpens")),
                    LocalDate.parse(text(p, "intakeStops")), partners, consultants, list(p, "staff"),
                    closingDays(list(p, "closingDays")), report(p.get("report")), text(p, "projectManagerId"),
                    attendance(p.get("attendance")), calendar(p.get("calendar")), earlyWarning(p.get("earlyWarning"))));
        }
        return new Settings(programmes, jobcentres);
    }

    /** Lenient: an unknown target kind or an unreadable address is left out. */
    private static ReportSettings report(AttributeValue stored) {
        if (stored == null || !stored.hasM()) return ReportSettings.none();
        Map<String, AttributeValue> m = stored.m();
        List<EmailAddress> recipients = new ArrayList<>();
        for (String e : list(m, "recipients")) recipients.add(EmailAddress.stored(e));
        AttributeValue max = m.get("maxStartsPerConsultant4Weeks");
        List<ReportSettings.Target> targets = new ArrayList<>();
        for (Map<String, AttributeValue> t : maps(m, "targets")) {
            AttributeValue v = t.get("value");
            ReportSettings.TargetKind.fromWire(String.valueOf(text(t, "kind"))).ifPresent(k -> targets.add(
                    new ReportSettings.Target(k, v == null || v.n() == null ? 0 : Double.parseDouble(v.n()))));
        }
        return new ReportSettings(recipients, max == null || max.n() == null ? 0 : Integer.parseInt(max.n()), targets);
    }

    /** Lenient: a stored day that does not parse is left out rather than making the settings unreadable. */
    private static List<LocalDate> closingDays(List<String> stored) {
        List<LocalDate> out = new ArrayList<>();
        for (String s : stored) {
            try {
                out.add(LocalDate.parse(s));
            } catch (java.time.format.DateTimeParseException e) {
                // skipped
            }
        }
        return out;
    }

    // --- calendar switches: optional, each with its default when missing (settings stored before them) ----
    private static AttributeValue calendar(Settings.Calendar c) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("closedOnChristmasEve", Attrs.bool(c.closedOnChristmasEve()));
        m.put("closedOnNewYearsEve", Attrs.bool(c.closedOnNewYearsEve()));
        m.put("closedOnConstitutionDay", Attrs.bool(c.closedOnConstitutionDay()));
        m.put("extraDays", Attrs.bool(c.extraDays()));
        return AttributeValue.fromM(m);
    }

    private static Settings.Calendar calendar(AttributeValue stored) {
        Settings.Calendar d = Settings.Calendar.DEFAULTS;
        if (stored == null || !stored.hasM()) return d;
        Map<String, AttributeValue> m = stored.m();
        return new Settings.Calendar(flag(m, "closedOnChristmasEve", d.closedOnChristmasEve()),
                flag(m, "closedOnNewYearsEve", d.closedOnNewYearsEve()),
                flag(m, "closedOnConstitutionDay", d.closedOnConstitutionDay()), flag(m, "extraDays", d.extraDays()));
    }

    private static boolean flag(Map<String, AttributeValue> m, String name, boolean fallback) {
        AttributeValue v = m.get(name);
        return v == null || v.bool() == null ? fallback : v.bool();
    }

    // --- the early warning's thresholds set (by name; the others at their defaults): optional -------------
    private static AttributeValue earlyWarning(Map<String, Integer> set) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        set.forEach((name, value) -> m.put(name, Attrs.n(value)));
        return AttributeValue.fromM(m);
    }

    private static Map<String, Integer> earlyWarning(AttributeValue stored) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (stored == null || !stored.hasM()) return out;
        stored.m().forEach((name, v) -> {
            if (v.n() != null) out.put(name, Integer.parseInt(v.n()));
        });
        return out;
    }

    // --- attendance settings: optional, each field with its default when missing --------
    private static AttributeValue attendance(Settings.Attendance a) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("graceMinutes", Attrs.n(a.grace().toMinutes()));
        m.put("reportEveryAbsence", strings(a.reportEveryAbsence()));
        m.put("inARow", Attrs.n(a.inARow()));
        m.put("withinCount", Attrs.n(a.withinCount()));
        m.put("withinWorkingDays", Attrs.n(a.withinWorkingDays()));
        m.put("escalateAfterMinutes", Attrs.n(a.escalateAfter().toMinutes()));
        if (a.teamLeadEmail() != null) put(m, "teamLeadEmail", a.teamLeadEmail().value());
        m.put("participantSms", Attrs.bool(a.participantSms()));
        return AttributeValue.fromM(m);
    }

    private static Settings.Attendance attendance(AttributeValue stored) {
        Settings.Attendance d = Settings.Attendance.DEFAULTS;
        if (stored == null || !stored.hasM()) return d;
        Map<String, AttributeValue> m = stored.m();
        String tl = text(m, "teamLeadEmail");
        AttributeValue sms = m.get("participantSms");
        return new Settings.Attendance(java.time.Duration.ofMinutes(number(m, "graceMinutes", d.grace().toMinutes())),
                m.containsKey("reportEveryAbsence") ? list(m, "reportEveryAbsence") : d.reportEveryAbsence(),
                (int) number(m, "inARow", d.inARow()), (int) number(m, "withinCount", d.withinCount()),
                (int) number(m, "withinWorkingDays", d.withinWorkingDays()),
                java.time.Duration.ofMinutes(number(m, "escalateAfterMinutes", d.escalateAfter().toMinutes())),
                tl == null ? null : EmailAddress.stored(tl), sms != null && Boolean.TRUE.equals(sms.bool()));
    }

    private static long number(Map<String, AttributeValue> m, String name, long fallback) {
        AttributeValue v = m.get(name);
        if (v == null || v.n() == null) return fallback;
        try {
            return Long.parseLong(v.n());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Channel channel(String s) {
        if (s == null) return Channel.BOTH;
        for (Channel c : Channel.values()) if (c.name().equalsIgnoreCase(s)) return c;
        return Channel.BOTH;
    }

    private static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        if (v == null || !v.hasL()) return List.of();
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (AttributeValue x : v.l()) if (x.hasM()) out.add(x.m());
        return out;
    }
}
