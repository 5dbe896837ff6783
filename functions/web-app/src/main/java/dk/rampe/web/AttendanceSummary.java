package dk.rampe.web;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.Expectations;
import dk.rampe.attendance.Registration;
import dk.rampe.attendance.Session;
import dk.rampe.referral.Referral;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Planned against registered for a range of days, by the absence detection's own rules
 * ({@link Expectations#expected}: plan, one-day agreements, calendar, enrolment and exit).
 * <p>Stability: the share of the expected sessions the participant came to (present or late);
 * excused days are left out, and so are sessions with nothing registered yet (today before its
 * cutoff, or a day the detection has not decided).
 */
record AttendanceSummary(List<Day> days, int expected, int attended, int late, int excused, int absent,
                         int detected, int open, boolean flagged) {

    /** One day: the expected session (if any) and what counts as registered for it (the latest registration). */
    record Day(LocalDate date, Session session, Registration registration, boolean agreed) {
    }

    static AttendanceSummary of(Attendance a, Referral r, Expectations expectations, Duration grace, LocalDate from,
                                LocalDate to) {
        List<Day> days = new ArrayList<>();
        int expected = 0, attended = 0, late = 0, excused = 0, absent = 0, detected = 0, open = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Optional<Session> s = expectations.expected(a, r, d, grace);
            Registration reg = a.registrationOn(d).orElse(null);
            boolean agreed = a.agreementOn(d).isPresent();
            if (s.isEmpty() && reg == null && !agreed) continue;
            days.add(new Day(d, s.orElse(null), reg, agreed));
            if (s.isEmpty()) continue;
            expected++;
            if (reg == null) {
                open++;
                continue;
            }
            switch (reg.status()) {
                case PRESENT -> attended++;
                case LATE -> {
                    attended++;
                    late++;
                }
                case EXCUSED -> excused++;
                case ABSENT -> {
                    absent++;
                    if (reg.detected()) detected++;
                }
                default -> throw new IllegalStateException();
            }
        }
        return new AttendanceSummary(List.copyOf(days), expected, attended, late, excused, absent, detected, open,
                a.flagged());
    }

    /** Attended in per cent of the expected sessions that count (not excused, not open); null if none count. */
    Integer stabilityPercent() {
        int counted = attended + absent;
        return counted == 0 ? null : (int) Math.round(100.0 * attended / counted);
    }
}
