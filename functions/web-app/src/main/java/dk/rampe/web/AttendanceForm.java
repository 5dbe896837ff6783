package dk.rampe.web;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import dk.rampe.attendance.Registration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attendance forms of the participant page, read with the API's rules and error codes
 * (PUT …/attendance-plan, POST …/attendance-agreements, POST …/attendance): the same ranges, the
 * same messages, the field named as the form names it. Field names carry a prefix per form
 * ({@code ap.}, {@code ag.}, {@code reg.}) so that the three forms on one page never mix their errors.
 */
final class AttendanceForm {
    static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    static final LocalDate MIN = LocalDate.of(2020, 1, 1);
    static final LocalDate MAX = LocalDate.of(2100, 12, 31);
    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

    private AttendanceForm() {
    }

    /** One plan step (a step-up plan is posted step by step, each with its own from-date). */
    static AttendancePlan plan(Map<String, String> f, String actor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(f, "ap.validFrom", true, MIN, MAX, errors);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : WEEKDAYS) if (f.containsKey(weekdayField(d))) days.add(d);
        for (String k : f.keySet()) {
            if (k.startsWith("ap.weekday.") && WEEKDAYS.stream().noneMatch(d -> weekdayField(d).equals(k))) {
                errors.add(new FieldError("ap.weekdays", "weekdays.weekend"));
                break;
            }
        }
        if (days.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("ap.weekdays"))) errors.add(new FieldError("ap.weekdays", "required"));
        LocalTime start = time(f, "ap.start", true, errors);
        Integer minutes = hours(f, "ap.hoursPerDay", true, errors);
        String during = f.get("ap.duringInternship");
        if (during != null && !during.equals("1")) errors.add(new FieldError("ap.duringInternship", "type.boolean"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new AttendancePlan(from, days, start, minutes, actor, now, "1".equals(during));
    }

    static String weekdayField(DayOfWeek d) {
        return "ap.weekday." + d.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A one-day agreement, quick: the kind (a shorter day, a later start, a day off) and one value;
     * what is left blank comes from the plan of that date (a later start ends at the planned time).
     */
    static Agreement agreement(Map<String, String> f, Attendance a, LocalDate today, String actor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(f, "ag.date", true, today.minusDays(31), today.plusYears(1), errors);
        String kind = f.getOrDefault("ag.kind", "");
        if (kind.isBlank()) errors.add(new FieldError("ag.kind", "required"));
        else if (!Set.of("shorter", "later", "dayOff").contains(kind)) {
            errors.add(new FieldError("ag.kind", "enum", "shorter, later, dayOff"));
        }
        boolean off = "dayOff".equals(kind);
        LocalTime start = time(f, "ag.start", "later".equals(kind), errors);
        Integer minutes = hours(f, "ag.hours", "shorter".equals(kind), errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        if (off) return new Agreement(date, true, null, null, actor, now);
        AttendancePlan plan = a.planOn(date).orElse(null);
        if (start == null) {
            if (plan == null) errors.add(new FieldError("ag.start", "required"));
            else start = plan.start();
        }
        if (minutes == null) {
            if (plan == null) {
                errors.add(new FieldError("ag.hours", "required"));
            } else {
                // a later start keeps the planned end of the day
                int end = plan.start().toSecondOfDay() / 60 + plan.minutes();
                int left = start == null ? plan.minutes() : end - start.toSecondOfDay() / 60;
                if (left < 15) errors.add(new FieldError("ag.hours", "required"));
                else minutes = Math.min(720, left);
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new Agreement(date, false, start, minutes, actor, now);
    }

    record NewRegistration(LocalDate date, Registration.Status status, LocalTime arrival, Registration.Reason reason) {
    }

    /** A registration; a correction is simply a new one for the same date. */
    static NewRegistration registration(Map<String, String> f, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(f, "reg.date", true, today.minusDays(62), today.plusDays(31), errors);
        String s = f.getOrDefault("reg.status", "");
        Registration.Status status = null;
        if (s.isBlank()) errors.add(new FieldError("reg.status", "required"));
        else {
            status = Registration.Status.fromWire(s).orElse(null);
            if (status == null) errors.add(new FieldError("reg.status", "enum", "present, late, excused, absent"));
        }
        LocalTime arrival = time(f, "reg.arrival", status == Registration.Status.LATE, errors);
        Registration.Reason reason = null;
        String r = f.getOrDefault("reg.reason", "");
        if (status == Registration.Status.EXCUSED) {
            if (r.isBlank()) errors.add(new FieldError("reg.reason", "required"));
            else {
                reason = Registration.Reason.fromWire(r).orElse(null);
                if (reason == null) errors.add(new FieldError("reg.reason", "enum", "sick, appointment, agreed"));
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new NewRegistration(date, status, status == Registration.Status.LATE ? arrival : null, reason);
    }

    // ---------------------------------------------------------------- fields

    private static LocalDate date(Map<String, String> f, String name, boolean required, LocalDate min, LocalDate max,
                                  List<FieldError> errors) {
        String v = f.getOrDefault(name, "").strip();
        if (v.isEmpty()) {
            if (required) errors.add(new FieldError(name, "required"));
            return null;
        }
        LocalDate d;
        try {
            d = v.length() == 10 ? LocalDate.parse(v) : null;
        } catch (DateTimeParseException e) {
            d = null;
        }
        if (d == null) {
            errors.add(new FieldError(name, "date.invalid"));
            return null;
        }
        if (d.isBefore(min) || d.isAfter(max)) {
            errors.add(new FieldError(name, "date.range", min, max));
            return null;
        }
        return d;
    }

    private static LocalTime time(Map<String, String> f, String name, boolean required, List<FieldError> errors) {
        String v = f.getOrDefault(name, "").strip();
        if (v.isEmpty()) {
            if (required) errors.add(new FieldError(name, "required"));
            return null;
        }
        if (!TIME.matcher(v).matches()) {
            errors.add(new FieldError(name, "time.invalid"));
            return null;
        }
        return LocalTime.parse(v);
    }

    /**
     * Hours of a day as people write them, "4", "4,5" or "4.5" (a decimal comma or point), as whole minutes
     * (to the nearest minute): from a quarter of an hour to 12 hours, the API's 15 to 720 minutes.
     */
    static Integer hours(Map<String, String> f, String name, boolean required, List<FieldError> errors) {
        String v = f.getOrDefault(name, "").strip().replace(',', '.');
        if (v.isEmpty()) {
            if (required) errors.add(new FieldError(name, "required"));
            return null;
        }
        if (v.matches("[0-9]{1,2}(\\.[0-9]{1,2})?")) {
            int minutes = new java.math.BigDecimal(v).multiply(java.math.BigDecimal.valueOf(60))
                    .setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
            if (minutes >= MIN_MINUTES && minutes <= MAX_MINUTES) return minutes;
        }
        errors.add(new FieldError(name, "hours.day"));
        return null;
    }

    /** A day's attendance: a quarter of an hour to twelve hours, as the API takes it in minutes. */
    static final int MIN_MINUTES = 15;
    static final int MAX_MINUTES = 720;
}
