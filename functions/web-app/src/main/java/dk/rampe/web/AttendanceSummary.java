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

    /**
     * What the rules say about one day, for the participant page's "today": the expected session by the same rule
     * as the table's ({@link Expectations#expected}: the plan with a one-day agreement applied, the calendar, the
     * internship, enrolment and exit), and where none is expected, why: an agreed day off, a weekend, an internship
     * (the plan does not apply during it), a public holiday, one of the programme's closing days, or a weekday the plan
     * leaves out. {@code NONE} when there is nothing to say (no plan and no internship, before the enrolment, after
     * the exit).
     */
    record Today(Kind kind, Session session, boolean agreed) {
        enum Kind { SESSION, DAY_OFF, WEEKEND, INTERNSHIP, HOLIDAY, CLOSING_DAY, NOT_PLANNED, NONE }

        static Today of(Attendance a, Referral r, Expectations expectations, Duration grace, LocalDate date) {
            Optional<Session> s = expectations.expected(a, r, date, grace);
            boolean agreed = a.agreementOn(date).isPresent();
            if (s.isPresent()) return new Today(Kind.SESSION, s.get(), agreed);
            if (agreed && a.agreementOn(date).get().dayOff()) return new Today(Kind.DAY_OFF, null, true);
            Optional<dk.rampe.attendance.AttendancePlan> plan = a.planOn(date);
            boolean internship = a.inInternship(date)
                    && !plan.map(dk.rampe.attendance.AttendancePlan::duringInternship).orElse(false);
            if (plan.isEmpty() && !internship) return new Today(Kind.NONE, null, false);
            if (dk.rampe.schedule.WorkingDays.isWeekend(date)) return new Today(Kind.WEEKEND, null, false);
            if (internship) return new Today(Kind.INTERNSHIP, null, false);
            dk.rampe.schedule.WorkingDays calendar = expectations.workingDays();
            if (!calendar.isWorkingDay(null, date)) return new Today(Kind.HOLIDAY, null, false);
            if (!calendar.isWorkingDay(r.programmeId(), date)) return new Today(Kind.CLOSING_DAY, null, false);
            if (!plan.get().plannedOn(date)) return new Today(Kind.NOT_PLANNED, null, false);
            return new Today(Kind.NONE, null, false); // planned, but not enrolled yet or left
        }
    }

    /** Attended in per cent of the expected sessions that count (not excused, not open); null if none count. */
    Integer stabilityPercent() {
        int counted = attended + absent;
        return counted == 0 ? null : (int) Math.round(100.0 * attended / counted);
    }
}
