package dk.rampe.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.json.Json;
import dk.rampe.json.JsonReader;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading and writing the attendance parts of the API. */
final class AttendanceJson {
    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    static final LocalDate MIN = LocalDate.of(2020, 1, 1);
    static final LocalDate MAX = LocalDate.of(2100, 12, 31);

    private AttendanceJson() {
    }

    /** A time of day {@code HH:mm}, or null with an error. */
    static LocalTime time(JsonReader r, JsonNode parent, String path, String name, boolean required) {
        String t = r.text(parent, path, name, required, 5);
        if (t == null) return null;
        if (!TIME.matcher(t).matches()) {
            r.add(JsonReader.path(path, name), "time.invalid");
            return null;
        }
        return LocalTime.parse(t);
    }

    static DayOfWeek weekday(String s) {
        for (DayOfWeek d : DayOfWeek.values()) if (d.name().toLowerCase(Locale.ROOT).equals(s)) return d;
        return null;
    }

    static ObjectNode plan(AttendancePlan p) {
        ObjectNode o = Json.object();
        o.put("validFrom", p.validFrom().toString());
        ArrayNode days = o.putArray("weekdays");
        p.weekdays().forEach(d -> days.add(d.name().toLowerCase(Locale.ROOT)));
        o.put("start", p.start().toString());
        o.put("minutesPerDay", p.minutes());
        o.put("duringInternship", p.duringInternship());
        o.put("recordedBy", p.recordedBy());
        o.put("recordedAt", p.recordedAt().toString());
        return o;
    }

    static ObjectNode agreement(Agreement a) {
        ObjectNode o = Json.object();
        o.put("date", a.date().toString());
        o.put("dayOff", a.dayOff());
        if (a.start() != null) o.put("start", a.start().toString());
        if (a.minutes() != null) o.put("minutes", a.minutes());
        o.put("recordedBy", a.recordedBy());
        o.put("recordedAt", a.recordedAt().toString());
        return o;
    }

    static ObjectNode registration(Registration g) {
        ObjectNode o = Json.object();
        o.put("registrationId", g.id());
        o.put("date", g.date().toString());
        o.put("status", g.status().wireName());
        if (g.arrival() != null) o.put("arrival", g.arrival().toString());
        if (g.reason() != null) o.put("reason", g.reason().wireName());
        o.put("recordedBy", g.recordedBy());
        o.put("recordedAt", g.recordedAt().toString());
        if (g.detected()) o.put("detected", true);
        if (g.review()) o.put("review", true);
        return o;
    }

    static ObjectNode notice(Notice n) {
        ObjectNode o = Json.object();
        o.put("noticeId", n.id());
        o.put("referralId", n.referralId());
        o.put("date", n.date().toString());
        ArrayNode reasons = o.putArray("reasons");
        n.reasons().forEach(x -> reasons.add(x.wireName()));
        o.put("createdAt", n.createdAt().toString());
        o.put("corrected", n.corrected());
        if (n.corrected()) {
            ObjectNode c = o.putObject("correction");
            c.put("status", n.correction().status().wireName());
            c.put("correctedBy", n.correction().correctedBy());
            c.put("correctedAt", n.correction().correctedAt().toString());
        }
        return o;
    }

    /** The attendance section of a referral: the plan steps, the agreements and the registrations (history included). */
    static ObjectNode view(Attendance a, LocalDate today) {
        ObjectNode o = Json.object();
        a.currentPlan(today).ifPresent(p -> o.set("currentPlan", plan(p)));
        ArrayNode steps = o.putArray("planSteps");
        a.plans().forEach(p -> steps.add(plan(p)));
        ArrayNode ag = o.putArray("agreements");
        a.agreements().forEach(x -> ag.add(agreement(x)));
        ArrayNode regs = o.putArray("registrations");
        List<Registration> all = a.registrations();
        all.stream().filter(x -> !x.date().isAfter(today)).forEach(x -> regs.add(registration(x)));
        o.put("flagged", a.flagged());
        return o;
    }
}
