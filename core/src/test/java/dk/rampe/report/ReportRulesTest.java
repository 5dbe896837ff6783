package dk.rampe.report;

import dk.rampe.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The October 2026 scenario of {@link ReportScenario}, every expected figure worked out by hand. */
class ReportRulesTest {
    static final String P = MonthlyReport.PROGRAMME;
    static final Clock NOV_1_0700 = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), ZoneOffset.UTC);
    static final Clock NOV_5 = Clock.fixed(Instant.parse("2026-11-05T06:00:00Z"), ZoneOffset.UTC);

    private static MonthlyReport october(ReportScenario s, Clock clock) {
        return s.maker(clock).make(ReportScenario.programme(), ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
    }

    @Test
    void octoberIsCutAtLocalMidnightAcrossTheSummerTimeChange() {
        ReportPeriod oct = ReportScenario.OCTOBER;
        assertEquals(Instant.parse("2026-09-30T22:00:00Z"), oct.start(), "1 October 00:00 summer time (UTC+2)");
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), oct.end(), "1 November 00:00 winter time (UTC+1)");
        MonthlyReport r = october(new ReportScenario(), NOV_1_0700);
        // A: 00:30 on 1 Oct and 23:59 on 31 Oct count, 00:30 on 1 Nov does not: 7 in October, 13 in all
        assertEquals("13", r.shown("intake", "received.total", "jcA"));
        assertEquals("5", r.shown("intake", "received.total", "jcB"));
        assertEquals("18", r.shown("intake", "received.total", P));
        assertEquals("9", r.shown("intake", "received.month", P));
    }

    @Test
    void countsUnderFiveAreHiddenAndSoIsWhatWouldGiveThemAway() {
        MonthlyReport r = october(new ReportScenario(), NOV_1_0700);
        // received this month: A 7, B 2, C 0, programme 9. B is "<5"; programme 9 - A 7 would give B, so A is hidden
        assertEquals("<5", r.shown("intake", "received.month", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("intake", "received.month", "jcA"));
        assertEquals("0", r.shown("intake", "received.month", "jcC"));
        assertEquals("9", r.shown("intake", "received.month", P));
        // decided in October (A only): accepted 5, declined 1 -> declined "<5"; accepted hidden (A and programme)
        assertEquals("<5", r.shown("intake", "declined.month", "jcA"));
        assertEquals("<5", r.shown("intake", "declined.month", P));
        assertEquals(Figure.HIDDEN, r.shown("intake", "accepted.month", "jcA"));
        assertEquals(Figure.HIDDEN, r.shown("intake", "accepted.month", P));
        // nothing shown as a number anywhere can be a count from 1 to 4
        for (Figure f : r.figures()) {
            if (f.kind() == Figure.Kind.COUNT && f.shownAsNumber()) {
                assertTrue(f.value() == 0 || f.value() >= 5, f.toString());
            }
        }
        // and no group with parts and a total has exactly one hidden cell
        for (String scope : r.scopes()) {
            List<String> phases = List.of("phase.course", "phase.internship", "phase.paid_hours_or_job", "phase.education",
                    "phase.exited", "participants.total");
            long hidden = phases.stream().map(k -> r.shown("flow", k, scope)).filter(s -> !s.matches("\\d+")).count();
            assertTrue(hidden != 1, scope);
        }
    }

    @Test
    void aJobcentreWithNoReferralsShowsZerosNotGaps() {
        MonthlyReport r = october(new ReportScenario(), NOV_1_0700);
        assertEquals(List.of(P, "jcA", "jcB", "jcC"), r.scopes());
        assertEquals("Jobcenter C", r.scopeNames().get("jcC"));
        for (String key : List.of("received.month", "received.total", "accepted.month", "awaiting_visitation")) {
            assertEquals("0", r.shown("intake", key, "jcC"), key);
        }
        assertEquals("5", r.shown("intake", "quota", "jcC"));
        assertEquals("0", r.shown("flow", "participants.total", "jcC"));
    }

    @Test
    void flowCountsPhasesAtMonthEndAndEveryMoveOfAParticipantWhoMovedTwice() {
        MonthlyReport r = october(new ReportScenario(), NOV_1_0700);
        // at month end: A 5 in course; B: b1 paid hours, b2 course (its internship was recorded in November), b3 exited
        assertEquals("6", r.shown("flow", "phase.course", P));
        assertEquals("0", r.shown("flow", "phase.internship", P));
        assertEquals("<5", r.shown("flow", "phase.paid_hours_or_job", P));
        assertEquals("<5", r.shown("flow", "phase.exited", P));
        assertEquals("8", r.shown("flow", "participants.total", P));
        assertEquals("<5", r.shown("flow", "phase.course", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("flow", "phase.course", "jcA"), "6 - A would give B");
        // moves in October: 5 starts (A), b1 course->internship->paid hours, b3 course->exited
        assertEquals("5", r.shown("flow", "moves.start_to_course", P));
        assertEquals("<5", r.shown("flow", "moves.course_to_internship", P));
        assertEquals("<5", r.shown("flow", "moves.internship_to_paid_hours_or_job", P));
        assertEquals("<5", r.shown("flow", "moves.course_to_exited", P));
        assertEquals("", r.shown("flow", "moves.start_to_internship", P));
    }

    @Test
    void aCorrectionRecordedAfterMonthEndIsListedApartAndChangesNoFigure() {
        ReportScenario s = new ReportScenario();
        MonthlyReport onTheFirst = october(s, NOV_1_0700);
        MonthlyReport later = october(s, NOV_5);
        assertEquals(onTheFirst.figures(), later.figures(), "the same month made again gives the same figures");
        Figure none = onTheFirst.corrections().stream().filter(f -> f.scope().equals(P)).findFirst().orElseThrow();
        Figure one = later.corrections().stream().filter(f -> f.scope().equals(P)).findFirst().orElseThrow();
        assertEquals("0", none.shown(), "on 1 November the 3 November record did not exist");
        assertEquals("<5", one.shown(), "b2's internship, dated 10 October, recorded 3 November");
    }

    @Test
    void laterHistoryDoesNotChangeAnEarlierMonth() {
        ReportScenario s = new ReportScenario();
        MonthlyReport before = october(s, NOV_1_0700);
        // in November: b1 exits with a flexjob, the September decline stays, a new enrolment in A
        s.referrals.stream().filter(x -> x.jobcentreId().equals("jcB") && x.status() == ReferralStatus.ENROLLED)
                .findFirst().map(x -> x.moveTo(ReferralStatus.EXITED, ReportScenario.local("2026-11-10T10:00"), "staff", null, "flexjob"))
                .ifPresent(s::change);
        s.moves.add(new PhaseMove("R016", Phase.EDUCATION, ReportScenario.local("2026-11-12T10:00"),
                ReportScenario.local("2026-11-12T10:00")));
        MonthlyReport dec = s.maker(Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC))
                .make(ReportScenario.programme(), ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        assertEquals(before.figures(), dec.figures());
        assertEquals(before.warnings(), dec.warnings());
    }

    @Test
    void exitsFundersTargetsAndWarnings() {
        MonthlyReport r = october(new ReportScenario(), NOV_1_0700);
        assertEquals("<5", r.shown("exits", "month.ordinary_job", P));
        assertEquals("<5", r.shown("exits", "month.total", P));
        assertEquals("0", r.shown("exits", "month.flexjob", P));
        assertEquals("5", r.shown("funders", "participants_at_start.month", P), "A's five enrolments");
        assertEquals("8", r.shown("funders", "participants_at_start.total", P));
        assertEquals("<5", r.shown("funders", "participants_at_exit.total", P));
        // competitive work: b1 of 7 active -> numerator under 5, so the share is not shown
        assertEquals("-", r.shown("funders", "quarter.competitive_work_share", P));
        // quota 35; intake window 365 days, 304 passed by 31 October: pace 35 * 304/365 = 29.2, A 16.7, B 8.3, C 4.2
        assertEquals("35", r.shown("intake", "quota", P));
        assertEquals("29.2", r.shown("intake", "pace", P));
        assertEquals("16.7", r.shown("intake", "pace", "jcA"));
        assertEquals("8.3", r.shown("intake", "pace", "jcB"));
        // B 5 < 75 % of 8.3; A 13 is within 75-125 % of 16.7; C's pace 4.2 is too small to judge;
        // consultant c-a had 5 starts in the last four weeks against a setting of 4
        assertEquals(List.of("intake.pace.below:jcB", "intake.starts.bunching:1"), r.warnings());
        // targets: employer-based 1 of 8 participants (under 5: no share), exits to work 1, aftercare pending
        assertEquals("85", r.shown("targets", "employer_based_share.target", P));
        assertEquals("-", r.shown("targets", "employer_based_share.actual", P));
        assertEquals("<5", r.shown("targets", "exits_to_work_or_education.actual", P));
        assertEquals("pending", r.shown("targets", "employed_6_months_after_exit.actual", P));
        assertEquals("0", r.shown("targets", "exits_to_work_or_education.trend.2026-09", P));
        // delivery health from the outbox; attendance and aftercare pending
        assertEquals("2", r.shown("delivery", "nudges.failed", P));
        assertEquals("1", r.shown("delivery", "nudges.waiting", P));
        assertTrue(r.section("attendance").orElseThrow().pending());
        assertTrue(r.section("aftercare").orElseThrow().pending());
        assertFalse(r.section("intake").orElseThrow().pending());
        assertEquals("pending", r.shown("delivery", "gaps.jobs_without_aftercare_outcome", P));
    }

    @Test
    void attendanceAndAftercareAppearOnceTheirStoresAnswer() {
        ReportScenario s = new ReportScenario();
        AttendanceFigures att = (p, period, asOf) -> java.util.Optional.of(new AttendanceFigures.Attendance(Map.of(
                "jcA", new AttendanceFigures.PerJobcentre(320, 280, 12, java.time.Duration.ofMinutes(9),
                        java.time.Duration.ofMinutes(25), java.time.Duration.ofMinutes(95), java.time.Duration.ofMinutes(300),
                        9, 2, 3, 0),
                "jcB", new AttendanceFigures.PerJobcentre(80, 80, 0, null, null, null, null, 0, 0, 3, 1)),
                Map.of(java.time.YearMonth.of(2026, 10), 10.0)));
        MonthlyReport r = new ReportMaker(p -> List.copyOf(s.referrals), p -> List.copyOf(s.moves), att,
                AftercareFigures.notRecordedYet(), DeliveryFigures.none(), NOV_1_0700)
                .make(ReportScenario.programme(), ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        assertFalse(r.section("attendance").orElseThrow().pending());
        assertEquals("400", r.shown("attendance", "hours.planned", P));
        assertEquals("10.0 %", r.shown("attendance", "absence_rate", P), "(400 - 360) / 400");
        assertEquals("12.5 %", r.shown("attendance", "absence_rate", "jcA"));
        assertEquals("12", r.shown("attendance", "absences", P));
        assertEquals("9", r.shown("attendance", "minutes_to_nudge.median", "jcA"));
        assertEquals("-", r.shown("attendance", "minutes_to_nudge.median", "jcB"), "no absences: no median");
        assertEquals("75.0 %", r.shown("attendance", "closed_same_day_share", "jcA"), "9 of 12");
        assertEquals("<5", r.shown("attendance", "escalations", P));
        assertEquals("6", r.shown("attendance", "stable_last_4_weeks", P));
        assertEquals(1, r.absenceLast12Months().size());
    }
}
