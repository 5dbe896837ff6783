package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.referral.Benefit;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.WorkingDays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attendance rules without a database: when a session is expected, which registration counts, when to escalate. */
class AttendanceRulesTest {
    private static final Duration GRACE = Duration.ofMinutes(30);
    /** Weekends and, for the test, Easter Monday 2027 and Christmas Eve 2026 as closing day. */
    private static final Set<LocalDate> CLOSED = Set.of(LocalDate.of(2027, 3, 29), LocalDate.of(2026, 12, 24));
    private static final WorkingDays CALENDAR = (p, d) -> !WorkingDays.isWeekend(d) && !CLOSED.contains(d);
    private static final Expectations RULES = new Expectations(CALENDAR);
    private static final Instant T = Instant.parse("2026-10-01T06:00:00Z");

    private static AttendancePlan plan(String from, int minutes, DayOfWeek... days) {
        return new AttendancePlan(LocalDate.parse(from), EnumSet.of(days[0], days), LocalTime.of(9, 0), minutes, "c1", T);
    }

    private static Referral enrolled(Benefit benefit, String on) {
        return Participants.enrolled("R7K2M9Q4X1ZA8", "p1", benefit, T, Instant.parse(on + "T07:00:00Z"));
    }

    private static Registration reg(String date, Registration.Status status, String at) {
        return new Registration("G" + date + at, LocalDate.parse(date), status,
                status == Registration.Status.LATE ? LocalTime.of(9, 20) : null,
                status == Registration.Status.EXCUSED ? Registration.Reason.SICK : null, "c1", Instant.parse(at),
                false, false);
    }

    @Test
    void sessionsFollowTheStepUpPlanAgreementsAndTheCalendar() {
        Attendance a = new Attendance("r", List.of(plan("2026-11-23", 180, DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                plan("2026-12-07", 240, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)),
                List.of(new Agreement(LocalDate.of(2026, 11, 24), false, LocalTime.of(10, 30), 60, "c1", T),
                        new Agreement(LocalDate.of(2026, 12, 8), true, null, null, "c1", T)), List.of(), false);
        Referral r = enrolled(Benefit.DAGPENGE, "2026-11-23");
        assertEquals(180, RULES.expected(a, r, LocalDate.of(2026, 11, 23), GRACE).orElseThrow().minutes());
        Session later = RULES.expected(a, r, LocalDate.of(2026, 11, 24), GRACE).orElseThrow();
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), later.cutoff(), "10:30 + 30 min, Copenhagen winter time");
        assertTrue(RULES.expected(a, r, LocalDate.of(2026, 11, 26), GRACE).isEmpty(), "Thursday: not yet in the plan");
        assertEquals(240, RULES.expected(a, r, LocalDate.of(2026, 12, 10), GRACE).orElseThrow().minutes(), "step-up");
        assertTrue(RULES.expected(a, r, LocalDate.of(2026, 12, 8), GRACE).isEmpty(), "a day off agreed");
        assertTrue(RULES.expected(a, r, LocalDate.of(2026, 12, 12), GRACE).isEmpty(), "Saturday");
        assertTrue(RULES.expected(a, r, LocalDate.of(2026, 12, 24), GRACE).isEmpty(), "a closing day");
        assertTrue(RULES.expected(a, enrolled(Benefit.DAGPENGE, "2026-12-01"), LocalDate.of(2026, 11, 30), GRACE)
                .isEmpty(), "before enrolment");
        Referral exited = r.moveTo(ReferralStatus.EXITED, Instant.parse("2026-12-09T12:00:00Z"), "c1", null, "job");
        assertTrue(RULES.expected(a, exited, LocalDate.of(2026, 12, 10), GRACE).isEmpty(), "after exit");
        assertEquals(LocalDate.of(2026, 12, 7), RULES.nextPlanned(a, "p1", LocalDate.of(2026, 12, 1), GRACE, 30)
                .orElseThrow().date());
    }

    @Test
    void anInternshipSuspendsThePlanUnlessTheStepSaysSoAndAnAgreementStillCounts() {
        AttendancePlan course = plan("2026-11-23", 240, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        AttendancePlan fridays = new AttendancePlan(LocalDate.parse("2026-12-07"), EnumSet.of(DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 180, "c1", T, true);
        List<Internship> internship = List.of(new Internship(LocalDate.of(2026, 11, 25), null));
        Attendance a = new Attendance("r", List.of(course, fridays),
                List.of(new Agreement(LocalDate.of(2026, 12, 2), false, LocalTime.of(13, 0), 60, "c1", T)),
                List.of(), false, internship);
        Referral r = enrolled(Benefit.DAGPENGE, "2026-11-23");
        assertTrue(RULES.expected(a, r, LocalDate.of(2026, 11, 23), GRACE).isPresent(), "before the internship");
        assertTrue(RULES.expected(a, r, LocalDate.of(2026, 11, 25), GRACE).isEmpty(), "its first day");
        assertTrue(RULES.expected(a, r, LocalDate.of(2026, 11, 30), GRACE).isEmpty(), "open: still in it");
        assertTrue(RULES.planned(a, "p1", LocalDate.of(2026, 11, 30), GRACE).isPresent(), "planned, not expected");
        assertEquals(60, RULES.expected(a, r, LocalDate.of(2026, 12, 2), GRACE).orElseThrow().minutes(),
                "an agreement for the date still decides it");
        assertEquals(180, RULES.expected(a, r, LocalDate.of(2026, 12, 11), GRACE).orElseThrow().minutes(),
                "the Friday step applies during an internship");
        Attendance ended = a.withInternships(List.of(new Internship(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27))));
        assertTrue(ended.inInternship(LocalDate.of(2026, 11, 27)), "its last day included");
        assertTrue(RULES.expected(ended, r, LocalDate.of(2026, 11, 30), GRACE).isPresent(), "back after it");
    }

    @Test
    void nineOClockIsNineOClockOnBothSidesOfTheSummerTimeChange() {
        Attendance a = new Attendance("r", List.of(plan("2026-10-01", 240, DayOfWeek.FRIDAY, DayOfWeek.MONDAY)),
                List.of(), List.of(), false);
        assertEquals(Instant.parse("2026-10-23T07:30:00Z"),
                RULES.planned(a, "p1", LocalDate.of(2026, 10, 23), GRACE).orElseThrow().cutoff());
        assertEquals(Instant.parse("2026-10-26T08:30:00Z"),
                RULES.planned(a, "p1", LocalDate.of(2026, 10, 26), GRACE).orElseThrow().cutoff());
        assertTrue(RULES.planned(new Attendance("r", List.of(plan("2027-03-01", 240, DayOfWeek.MONDAY)), List.of(),
                List.of(), false), "p1", LocalDate.of(2027, 3, 29), GRACE).isEmpty(), "Easter Monday");
    }

    @Test
    void theLatestRegistrationOfADateCountsAndTheEarlierStay() {
        Attendance a = new Attendance("r", List.of(), List.of(), List.of(
                reg("2026-11-23", Registration.Status.EXCUSED, "2026-11-23T08:10:00Z"),
                reg("2026-11-23", Registration.Status.ABSENT, "2026-11-23T07:50:00Z")), false);
        assertEquals(Registration.Status.EXCUSED, a.registrationOn(LocalDate.of(2026, 11, 23)).orElseThrow().status());
        assertEquals(2, a.registrations().size());
    }

    @Test
    void escalationTwoInARowThreeInTenWorkingDaysAndTheBenefitList() {
        AbsenceDetection detection = new AbsenceDetection(null, null, null, CALENDAR, null,
                p -> AttendanceRules.DEFAULTS, "https://rampe.example");
        List<AttendancePlan> plans = List.of(plan("2026-11-23", 240, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY));
        Referral dagpenge = enrolled(Benefit.DAGPENGE, "2026-11-23");
        List<Registration> regs = new ArrayList<>(List.of(
                reg("2026-11-23", Registration.Status.ABSENT, "2026-11-23T08:30:00Z"),
                reg("2026-11-25", Registration.Status.PRESENT, "2026-11-25T08:00:00Z")));
        Attendance one = new Attendance("r", plans, List.of(), regs, false);
        regs.add(reg("2026-11-27", Registration.Status.ABSENT, "2026-11-27T08:30:00Z"));
        Attendance two = new Attendance("r", plans, List.of(), regs, false);
        assertEquals(List.of(), detection.escalationReasons(dagpenge, two, LocalDate.of(2026, 11, 27),
                AttendanceRules.DEFAULTS), "two absences, a present day between");
        regs.add(reg("2026-11-30", Registration.Status.ABSENT, "2026-11-30T08:30:00Z"));
        Attendance three = new Attendance("r", plans, List.of(), regs, false);
        assertEquals(List.of(Notice.Reason.TWO_IN_A_ROW, Notice.Reason.THREE_IN_TEN_WORKING_DAYS),
                detection.escalationReasons(dagpenge, three, LocalDate.of(2026, 11, 30), AttendanceRules.DEFAULTS));
        assertEquals(List.of(Notice.Reason.UNEXCUSED_ABSENCE), detection.escalationReasons(
                enrolled(Benefit.KONTANTHJAELP, "2026-11-23"), one, LocalDate.of(2026, 11, 23), AttendanceRules.DEFAULTS));
    }
}
