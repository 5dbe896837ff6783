package dk.rampe.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import dk.rampe.json.SettingsCodec;
import dk.rampe.referral.Benefit;
import dk.rampe.settings.ReportSettings;
import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsPart;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of the settings as a form: the values it shows for what is stored ({@link #values}), and the typed
 * values put in place of that part of the stored settings document ({@link #merge}), which then goes through the
 * admin API's own parser ({@link SettingsCodec#parse}): the same rules, the same error codes, each error's JSON
 * path led back to the form field it came from ({@link Merged#field}). The form's fields are named by the JSON
 * paths inside the programme where they can be ({@code intakeOpens}, {@code attendance.inARow}); rows of a list
 * carry the row's number on the page ({@code consultants[2].email}), the partners and targets their jobcentre
 * and kind ({@code partner.jc-aarhus.quota}, {@code targets.employer_based_share.value}).
 */
final class SettingsForm {
    /** The parts edited one at a time, each with its page's address. */
    enum Part {
        JOBCENTRES("jobcentres", SettingsPart.Kind.JOBCENTRES),
        NEW_PROGRAMME("new-programme", SettingsPart.Kind.PROGRAMME_ADDED),
        QUOTAS_AND_DATES("quotas-and-dates", SettingsPart.Kind.QUOTAS_AND_DATES),
        CONSULTANTS("consultants", SettingsPart.Kind.CONSULTANTS),
        TARGETS("targets", SettingsPart.Kind.TARGETS),
        CLOSING_DAYS("closing-days", SettingsPart.Kind.CLOSING_DAYS),
        ABSENCE("absence", SettingsPart.Kind.ABSENCE);

        final String slug;
        final SettingsPart.Kind kind;

        /** Whether the part belongs to one programme (its page under /programmes/{id}/). */
        boolean ofProgramme() {
            return this != JOBCENTRES && this != NEW_PROGRAMME;
        }

        Part(String slug, SettingsPart.Kind kind) {
            this.slug = slug;
            this.kind = kind;
        }

        static java.util.Optional<Part> fromSlug(String s) {
            for (Part p : values()) if (p.slug.equals(s)) return java.util.Optional.of(p);
            return java.util.Optional.empty();
        }
    }

    static final String[] CALENDAR = {"closedOnChristmasEve", "closedOnNewYearsEve", "closedOnConstitutionDay", "extraDays"};
    private static final Pattern ROW = Pattern.compile("^(jobcentres|consultants)\\[(\\d{1,3})]\\.");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    private static final DateTimeFormatter DANISH_DATE_SHOWN = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private SettingsForm() {
    }

    // ---------------------------------------------------------------- what is stored, as the form shows it

    /** The stored part as form values (a list's rows numbered from 0, without the empty row for a new one). */
    static Map<String, String> values(Part part, Settings s, Settings.Programme p) {
        Map<String, String> v = new LinkedHashMap<>();
        switch (part) {
            case JOBCENTRES -> {
                for (int i = 0; i < s.jobcentres().size(); i++) {
                    Settings.Jobcentre j = s.jobcentres().get(i);
                    String r = "jobcentres[" + i + "].";
                    v.put(r + "existing", "1");
                    v.put(r + "id", j.id());
                    v.put(r + "name", j.name());
                    v.put(r + "clientIds", String.join(" ", j.clientIds()));
                }
            }
            case NEW_PROGRAMME -> {
                // a new programme starts empty: its name, id and intake dates, then its other parts
            }
            case QUOTAS_AND_DATES -> {
                v.put("name", p.name());
                v.put("intakeOpens", p.intakeOpens() == null ? "" : p.intakeOpens().format(DANISH_DATE_SHOWN));
                v.put("intakeStops", p.intakeStops() == null ? "" : p.intakeStops().format(DANISH_DATE_SHOWN));
                for (Settings.Jobcentre j : s.jobcentres()) {
                    var partner = p.partner(j.id());
                    v.put("partner." + j.id() + ".quota", partner.map(x -> Integer.toString(x.quota())).orElse(""));
                    v.put("partner." + j.id() + ".defaultConsultantId",
                            partner.map(Settings.Partner::defaultConsultantId).orElse(""));
                }
            }
            case CONSULTANTS -> {
                for (int i = 0; i < p.consultants().size(); i++) {
                    Settings.Consultant c = p.consultants().get(i);
                    String r = "consultants[" + i + "].";
                    v.put(r + "existing", "1");
                    v.put(r + "id", c.id());
                    v.put(r + "name", c.name());
                    v.put(r + "email", c.email() == null ? "" : c.email().value());
                    v.put(r + "phone", c.phone() == null ? "" : c.phone().e164());
                    v.put(r + "channel", c.channel().name().toLowerCase(Locale.ROOT));
                    v.put(r + "language", c.language().name().toLowerCase(Locale.ROOT));
                }
                v.put("staff", String.join("\n", p.staff()));
                v.put("projectManagerId", p.projectManagerId() == null ? "" : p.projectManagerId());
            }
            case TARGETS -> {
                ReportSettings r = p.report();
                v.put("report.recipients", String.join("\n", r.recipients().stream().map(e -> e.value()).toList()));
                v.put("report.maxStartsPerConsultant4Weeks", Integer.toString(r.maxStartsPerConsultant4Weeks()));
                for (ReportSettings.TargetKind k : ReportSettings.TargetKind.values()) {
                    v.put("targets." + k.wireName() + ".value", r.targets().stream().filter(t -> t.kind() == k)
                            .map(t -> Long.toString((long) t.value())).findFirst().orElse(""));
                }
            }
            case CLOSING_DAYS -> {
                v.put("closingDays", String.join("\n", p.closingDays().stream().map(d -> d.format(DANISH_DATE_SHOWN)).toList()));
                Settings.Calendar c = p.calendar();
                boolean[] on = {c.closedOnChristmasEve(), c.closedOnNewYearsEve(), c.closedOnConstitutionDay(), c.extraDays()};
                for (int i = 0; i < CALENDAR.length; i++) if (on[i]) v.put("calendar." + CALENDAR[i], "1");
            }
            case ABSENCE -> {
                Settings.Attendance a = p.attendance();
                v.put("attendance.graceMinutes", Long.toString(a.grace().toMinutes()));
                for (String b : a.reportEveryAbsence()) v.put("attendance.reportEveryAbsence." + b, "1");
                v.put("attendance.inARow", Integer.toString(a.inARow()));
                v.put("attendance.withinCount", Integer.toString(a.withinCount()));
                v.put("attendance.withinWorkingDays", Integer.toString(a.withinWorkingDays()));
                v.put("attendance.escalateAfterHours", hours(a.escalateAfter().toMinutes()));
                v.put("attendance.teamLeadEmail", a.teamLeadEmail() == null ? "" : a.teamLeadEmail().value());
                if (a.participantSms()) v.put("attendance.participantSms", "1");
                // the early warning's thresholds as set; empty: the default (shown beside the field)
                for (String name : EARLY_WARNING) {
                    Integer set = p.earlyWarning().get(name);
                    v.put("earlyWarning." + name, set == null ? "" : Integer.toString(set));
                }
            }
        }
        return v;
    }

    /** Minutes as hours with a decimal comma: 150 → "2,5", 120 → "2". */
    static String hours(long minutes) {
        return new BigDecimal(minutes).divide(new BigDecimal(60), 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString().replace('.', ',');
    }

    /** The numbers of a list's rows in the form's values, in order (jobcentres or consultants). */
    static List<Integer> rows(Map<String, String> values, String list) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String k : values.keySet()) {
            Matcher m = ROW.matcher(k);
            if (m.find() && m.group(1).equals(list)) out.add(Integer.parseInt(m.group(2)));
        }
        return new ArrayList<>(out);
    }

    // ---------------------------------------------------------------- the typed part in the stored document

    /**
     * The settings document with the typed part in place, for the admin API's parser; {@code rows} lead a JSON
     * path inside the programme back to a form field's row, {@code errors} are what the form itself could not read
     * (hours that are not a number), by form field, as error codes of the web app's texts.
     */
    record Merged(ObjectNode root, int programmeIndex, Map<String, String> rows, Map<String, String> errors) {
        /** The form field an error of the parser names, or null when it is about another part of the settings. */
        String field(Part part, String jsonPath, java.util.Set<String> fields) {
            String rel;
            if (part == Part.JOBCENTRES) {
                if (!jsonPath.startsWith("jobcentres[")) return null;
                rel = jsonPath;
            } else {
                String prefix = "programmes[" + programmeIndex + "].";
                if (!jsonPath.startsWith(prefix)) return null;
                rel = jsonPath.substring(prefix.length());
            }
            for (Map.Entry<String, String> r : rows.entrySet()) {
                String from = r.getKey();
                if (rel.equals(from) || rel.startsWith(from + ".") || rel.startsWith(from + "[")) {
                    rel = r.getValue() + rel.substring(from.length());
                    break;
                }
            }
            if ("attendance.escalateAfterWorkingMinutes".equals(rel)) rel = "attendance.escalateAfterHours";
            while (!fields.contains(rel)) {
                Matcher m = INDEX.matcher(rel);
                if (!m.find()) return null;
                rel = rel.substring(0, m.start());
            }
            return rel;
        }
    }

    static Merged merge(Part part, Settings stored, String programmeId, Map<String, String> typed) {
        ObjectNode root = SettingsCodec.write(stored);
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        int index = -1;
        ArrayNode programmes = (ArrayNode) root.get("programmes");
        for (int i = 0; i < programmes.size(); i++) {
            if (programmes.get(i).path("id").asText().equals(programmeId)) index = i;
        }
        ObjectNode p = index < 0 ? null : (ObjectNode) programmes.get(index);
        switch (part) {
            case NEW_PROGRAMME -> {
                index = programmes.size();
                ObjectNode n = programmes.addObject();
                text(n, "id", typed.getOrDefault("id", "").strip());
                text(n, "name", typed.getOrDefault("name", "").strip());
                text(n, "intakeOpens", date(typed.getOrDefault("intakeOpens", "")));
                text(n, "intakeStops", date(typed.getOrDefault("intakeStops", "")));
                n.putArray("partners");
                n.putArray("consultants");
                n.putArray("staff");
            }
            case JOBCENTRES -> {
                ArrayNode list = root.putArray("jobcentres");
                for (int i : rows(typed, "jobcentres")) {
                    String r = "jobcentres[" + i + "].";
                    if (typed.containsKey(r + "remove")) continue;
                    String id = typed.getOrDefault(r + "id", "").strip();
                    String name = typed.getOrDefault(r + "name", "").strip();
                    String clients = typed.getOrDefault(r + "clientIds", "").strip();
                    if (!typed.containsKey(r + "existing") && id.isEmpty() && name.isEmpty() && clients.isEmpty()) continue;
                    rows.put("jobcentres[" + list.size() + "]", "jobcentres[" + i + "]");
                    ObjectNode j = list.addObject();
                    text(j, "id", id);
                    text(j, "name", name);
                    ArrayNode c = j.putArray("clientIds");
                    for (String x : words(clients)) c.add(x);
                }
            }
            case QUOTAS_AND_DATES -> {
                text(p, "name", typed.getOrDefault("name", "").strip());
                text(p, "intakeOpens", date(typed.getOrDefault("intakeOpens", "")));
                text(p, "intakeStops", date(typed.getOrDefault("intakeStops", "")));
                ArrayNode list = p.putArray("partners");
                for (Settings.Jobcentre j : stored.jobcentres()) {
                    String r = "partner." + j.id();
                    String quota = typed.getOrDefault(r + ".quota", "").strip();
                    String consultant = typed.getOrDefault(r + ".defaultConsultantId", "").strip();
                    if (quota.isEmpty() && consultant.isEmpty()) continue; // not a partner
                    rows.put("partners[" + list.size() + "]", r);
                    ObjectNode x = list.addObject().put("jobcentreId", j.id());
                    number(x, "quota", quota);
                    text(x, "defaultConsultantId", consultant);
                }
            }
            case CONSULTANTS -> {
                ArrayNode list = p.putArray("consultants");
                for (int i : rows(typed, "consultants")) {
                    String r = "consultants[" + i + "].";
                    if (typed.containsKey(r + "remove")) continue;
                    String[] f = {"id", "name", "email", "phone"};
                    boolean blank = !typed.containsKey(r + "existing");
                    for (String x : f) blank &= typed.getOrDefault(r + x, "").isBlank();
                    if (blank) continue;
                    rows.put("consultants[" + list.size() + "]", "consultants[" + i + "]");
                    ObjectNode c = list.addObject();
                    for (String x : f) text(c, x, typed.getOrDefault(r + x, "").strip());
                    text(c, "channel", typed.getOrDefault(r + "channel", "both"));
                    text(c, "language", typed.getOrDefault(r + "language", "da"));
                }
                ArrayNode staff = p.putArray("staff");
                for (String s : words(typed.getOrDefault("staff", ""))) staff.add(s);
                String pm = typed.getOrDefault("projectManagerId", "").strip();
                if (pm.isEmpty()) p.remove("projectManagerId");
                else p.put("projectManagerId", pm);
            }
            case TARGETS -> {
                ObjectNode report = p.putObject("report");
                ArrayNode recipients = report.putArray("recipients");
                for (String s : words(typed.getOrDefault("report.recipients", ""))) recipients.add(s);
                number(report, "maxStartsPerConsultant4Weeks", typed.getOrDefault("report.maxStartsPerConsultant4Weeks", ""));
                ArrayNode targets = report.putArray("targets");
                for (ReportSettings.TargetKind k : ReportSettings.TargetKind.values()) {
                    String value = typed.getOrDefault("targets." + k.wireName() + ".value", "").strip();
                    if (k.unit() == ReportSettings.Unit.SHARE) value = value.replaceFirst("\\s*%$", "");
                    if (value.isEmpty()) continue; // no target of this kind
                    rows.put("report.targets[" + targets.size() + "]", "targets." + k.wireName());
                    number(targets.addObject().put("kind", k.wireName()), "value", value);
                }
            }
            case CLOSING_DAYS -> {
                ArrayNode days = p.putArray("closingDays");
                for (String s : typed.getOrDefault("closingDays", "").split("[\\r\\n,;]+")) {
                    if (!s.isBlank()) days.add(date(s));
                }
                ObjectNode c = p.putObject("calendar");
                for (String x : CALENDAR) c.put(x, typed.containsKey("calendar." + x));
            }
            case ABSENCE -> {
                ObjectNode a = p.putObject("attendance");
                number(a, "graceMinutes", typed.getOrDefault("attendance.graceMinutes", ""));
                ArrayNode benefits = a.putArray("reportEveryAbsence");
                for (Benefit b : Benefit.values()) {
                    if (typed.containsKey("attendance.reportEveryAbsence." + b.wireName())) benefits.add(b.wireName());
                }
                number(a, "inARow", typed.getOrDefault("attendance.inARow", ""));
                number(a, "withinCount", typed.getOrDefault("attendance.withinCount", ""));
                number(a, "withinWorkingDays", typed.getOrDefault("attendance.withinWorkingDays", ""));
                String h = typed.getOrDefault("attendance.escalateAfterHours", "").strip();
                if (!h.isEmpty()) {
                    try {
                        BigDecimal minutes = new BigDecimal(h.replace(',', '.')).multiply(new BigDecimal(60));
                        number(a, "escalateAfterWorkingMinutes", minutes.setScale(0, java.math.RoundingMode.HALF_UP)
                                .toPlainString());
                    } catch (NumberFormatException e) {
                        errors.put("attendance.escalateAfterHours", "hours");
                    }
                }
                text(a, "teamLeadEmail", typed.getOrDefault("attendance.teamLeadEmail", "").strip());
                a.put("participantSms", typed.containsKey("attendance.participantSms"));
                ObjectNode w = p.putObject("earlyWarning");
                for (String name : EARLY_WARNING) number(w, name, typed.getOrDefault("earlyWarning." + name, ""));
                if (w.isEmpty()) p.remove("earlyWarning");
            }
        }
        return new Merged(root, index, rows, errors);
    }

    /** The early warning's thresholds by name, in their order (each empty in the form: its default). */
    static final List<String> EARLY_WARNING = dk.rampe.attendance.EarlyWarning.Thresholds.names();

    /** Set when typed; left out when empty (the parser then says whether it is needed). */
    private static void text(ObjectNode o, String name, String value) {
        if (value == null || value.isEmpty()) o.remove(name);
        else o.put(name, value);
    }

    /** A whole number as typed ("1 250" and "1.250" too) as a number; anything else as text, which the parser refuses. */
    private static void number(ObjectNode o, String name, String typed) {
        String s = typed.strip();
        if (s.isEmpty()) {
            o.remove(name);
            return;
        }
        String digits = s.replaceAll("(?<=\\d)[ .](?=\\d{3}(\\D|$))", "");
        if (digits.matches("-?\\d{1,12}")) o.set(name, Json.NODES.numberNode(new BigInteger(digits)));
        else o.put(name, s);
    }

    /** A date typed as 5.1.2026, 05.01.2026 or 2026-01-05, as the parser reads dates; else as typed (refused). */
    static String date(String typed) {
        String s = typed.strip();
        try {
            return LocalDate.parse(s, DANISH_DATE).toString();
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s,;]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }
}
