package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.Language;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Referral;
import dk.rampe.schedule.WorkingDays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each signal of the early warning alone, its sentence, and when a warning starts. */
class EarlyWarningTest {
    private static final WorkingDays CALENDAR = (p, d) -> !WorkingDays.isWeekend(d);
    private static final EarlyWarning RULE = new EarlyWarning(new Expectations(CALENDAR), EarlyWarning.Thresholds.DEFAULTS);
    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);
    private static final Duration GRACE = Duration.ofMinutes(30);
    private static final Referral REFERRAL = Participants.enrolled("R1", "p1", Benefit.KONTANTHJAELP,
            DriftProgramme.at(MONDAY, 7, 0), DriftProgramme.at(MONDAY, 7, 30));
    private static final AttendancePlan PLAN = new AttendancePlan(MONDAY, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), 240, "c1", DriftProgramme.at(MONDAY, 7, 0));

    private final List<Registration> registrations = new ArrayList<>();
    private final List<Agreement> agreements = new ArrayList<>();
    private final List<Internship> internships = new ArrayList<>();
    private LocalDate day = MONDAY;

    /** The next working day registered so; late arrivals {@code minutes} after 09:00. */
    private LocalDate next(Registration.Status status, int minutes) {
        while (!CALENDAR.isWorkingDay("p1", day)) day = day.plusDays(1);
        LocalDate d = day;
        registrations.add(new Registration("G" + d, d, status,
                status == Registration.Status.LATE ? LocalTime.of(9, 0).plusMinutes(minutes) : null,
                status == Registration.Status.EXCUSED ? Registration.Reason.SICK : null, "c1",
                DriftProgramme.at(d, 10, 0), false, false));
        day = day.plusDays(1);
        return d;
    }

    private LocalDate days(int n, Registration.Status status) {
        LocalDate last = null;
        for (int i = 0; i < n; i++) last = next(status, 0);
        return last;
    }

    private List<String> codes(LocalDate on) {
        return RULE.signals(new Attendance("R1", List.of(PLAN), agreements, registrations, false, internships), REFERRAL,
                on, GRACE).stream().map(EarlyWarning.Signal::code).toList();
    }

    @Test
    void aSteadyParticipantRaisesNothingAndOneSickDayIsNotAPattern() {
        days(20, Registration.Status.PRESENT);
        next(Registration.Status.EXCUSED, 0);
        assertEquals(List.of(), codes(days(9, Registration.Status.PRESENT)));
    }

    @Test
    void comingToFewerDaysThanBeforeIsNoticed() {
        days(20, Registration.Status.PRESENT);
        days(4, Registration.Status.PRESENT);
        next(Registration.Status.EXCUSED, 0);
        next(Registration.Status.PRESENT, 0);
        next(Registration.Status.EXCUSED, 0);
        LocalDate last = next(Registration.Status.EXCUSED, 0);
        assertEquals(List.of("attendance_falling"), codes(last));
        EarlyWarning.Signal s = RULE.signals(new Attendance("R1", List.of(PLAN), agreements, registrations, false),
                REFERRAL, last, GRACE).get(0);
        assertEquals(List.of(7, 10, 18, 18), s.values(), "came to 7 of the last 10, against all 18 before");
        assertEquals("Mødt op 7 af 10 planlagte dage for nylig, mod 18 af 18 dage før.", s.sentence(Language.DA));
        assertEquals("Came to 7 of 10 planned days recently, against 18 of 18 days before.", s.sentence(Language.EN));
    }

    @Test
    void arrivalsGettingLaterAreNoticedButAFewMinutesAreNot() {
        days(20, Registration.Status.PRESENT);
        next(Registration.Status.LATE, 5);
        next(Registration.Status.LATE, 7);
        LocalDate minutes = next(Registration.Status.LATE, 8);
        assertEquals(List.of(), codes(minutes), "a few minutes late is not a change");
        next(Registration.Status.LATE, 20);
        next(Registration.Status.PRESENT, 0);
        next(Registration.Status.LATE, 25);
        LocalDate late = next(Registration.Status.LATE, 40);
        assertEquals(List.of("arrivals_later"), codes(late));
    }

    @Test
    void shorterDaysAgreedPilingUpAreNoticed() {
        LocalDate last = days(15, Registration.Status.PRESENT);
        agreements.add(new Agreement(last.minusDays(1), false, LocalTime.of(10, 0), 120, "c1", DriftProgramme.at(MONDAY, 8, 0)));
        agreements.add(new Agreement(last.minusDays(2), false, LocalTime.of(9, 0), 240, "c1", DriftProgramme.at(MONDAY, 8, 0)));
        agreements.add(new Agreement(last.minusDays(3), true, null, null, "c1", DriftProgramme.at(MONDAY, 8, 0)));
        assertEquals(List.of(), codes(last), "a day as planned is not shorter: two of three");
        agreements.add(new Agreement(last, false, LocalTime.of(11, 0), 240, "c1", DriftProgramme.at(MONDAY, 8, 0)));
        assertEquals(List.of("shorter_days"), codes(last));
    }

    @Test
    void anAbsenceAfterALongStableRunIsNoticedOnItsDay() {
        days(16, Registration.Status.PRESENT);
        LocalDate absent = next(Registration.Status.ABSENT, 0);
        assertTrue(codes(absent).contains("absence_after_stable_run"), codes(absent).toString());
        assertFalse(codes(days(1, Registration.Status.PRESENT)).contains("absence_after_stable_run"));
    }

    @Test
    void anythingShortOfPresentInTheFirstDaysOfAnInternship() {
        days(10, Registration.Status.PRESENT);
        internships.add(new Internship(day, day.plusWeeks(8)));
        next(Registration.Status.PRESENT, 0);
        LocalDate late = next(Registration.Status.LATE, 15);
        assertEquals(List.of("internship_start"), codes(late));
        days(4, Registration.Status.PRESENT);
        LocalDate sixth = next(Registration.Status.EXCUSED, 0);
        assertEquals(List.of(), codes(sixth), "after the first five working days it is the internship's own business");
    }

    @Test
    void aWarningStartsOnceAnEpisodeAndNotAgainWithinAWeek() {
        List<EarlyWarning.Signal> firing = List.of(new EarlyWarning.Signal("shorter_days", List.of(3, 14)));
        EarlyWarning.Evaluation first = EarlyWarning.next(MONDAY, firing, EarlyWarning.State.NEVER);
        assertTrue(first.starts());
        EarlyWarning.Evaluation still = EarlyWarning.next(MONDAY.plusDays(1), firing, first.next());
        assertFalse(still.starts(), "the same episode");
        EarlyWarning.Evaluation quiet = EarlyWarning.next(MONDAY.plusDays(2), List.of(), still.next());
        assertFalse(quiet.fired());
        assertFalse(EarlyWarning.next(MONDAY.plusDays(3), firing, quiet.next()).starts(), "a new episode within a week waits");
        assertTrue(EarlyWarning.next(MONDAY.plusDays(7), firing, quiet.next()).starts(), "a new episode a week later starts");
        assertFalse(EarlyWarning.next(MONDAY.plusDays(30), firing, still.next()).starts(),
                "one long episode is one warning, however long");
    }
}
