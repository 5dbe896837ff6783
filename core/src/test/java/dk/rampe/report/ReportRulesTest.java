package dk.rampe.report;

import dk.rampe.referral.Referral;
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
        assertEquals(Figure.HIDDEN, r.shown("intake", "received.total", "jcB"));
        assertEquals("18", r.shown("intake", "received.total", P));
        assertEquals("9", r.shown("intake", "received.month", P), "A's 7 and B's 2 on 12 and 13 October");
    }

    @Test
    void countsUnderFiveAreHiddenAndSoIsWhatWouldGiveThemAway() {
        MonthlyReport r = october(new ReportScenario(), NOV_1_0700);
        // received this month: A 7, B 2, C 0, programme 9. B is small; programme 9 - A 7 - C 0 would give B, so A
        // and C are hidden with it
        assertEquals(Figure.HIDDEN, r.shown("intake", "received.month", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("intake", "received.month", "jcA"));
        assertEquals(Figure.HIDDEN, r.shown("intake", "received.month", "jcC"));
        assertEquals("9", r.shown("intake", "received.month", P));
        // decided in October (A only): accepted 5, declined 1 -> declined "<5"; accepted hidden (A and programme)
        assertEquals(Figure.HIDDEN, r.shown("intake", "declined.month", "jcA"));
        assertEquals(Figure.HIDDEN, r.shown("intake", "declined.month", P));
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
        // every count has its cell: 0, or hidden where the audit hid a zero (its totals were never published: "x",
        // 0 to 4) so that the other jobcentres' small counts cannot be worked out
        for (String key : List.of("received.month", "received.total", "accepted.month", "awaiting_visitation")) {
            assertTrue(List.of("0", Figure.HIDDEN).contains(r.shown("intake", key, "jcC")), key);
        }
        assertEquals("5", r.shown("intake", "quota", "jcC"));
        assertEquals(Figure.HIDDEN, r.shown("flow", "participants.total", "jcC"), "a total never published: 0 to 4");
    }

    @Test
    void flowCountsPhasesAtMonthEndAndEveryMoveOfAParticipantWhoMovedTwice() {
        MonthlyReport r = october(new ReportScenario(), NOV_1_0700);
        // at month end: A 5 in course; B: b1 paid hours, b2 course (its internship was recorded in November), b3 exited
        assertEquals(Figure.HIDDEN, r.shown("flow", "phase.course", P));
        assertEquals("0", r.shown("flow", "phase.internship", P));
        assertEquals(Figure.HIDDEN, r.shown("flow", "phase.paid_hours_or_job", P));
        assertEquals(Figure.HIDDEN, r.shown("flow", "phase.exited", P));
        // 8 in all is hidden: A's 5 starts are hidden (September showed B's 3 as "<5"), and A's total with them
        assertEquals(Figure.HIDDEN, r.shown("flow", "participants.total", P));
        assertEquals(Figure.HIDDEN, r.shown("flow", "phase.course", "jcB"));
        assertEquals("5", r.shown("flow", "phase.course", "jcA"), "shown: the 6 in all is hidden, so 6 - A gives nothing");
        // moves in October: 5 starts (A), b1 course->internship->paid hours, b3 course->exited
        assertEquals("5", r.shown("flow", "moves.start_to_course", "jcA"), "the same number as the month's starts");
        assertEquals(Figure.HIDDEN, r.shown("flow", "moves.start_to_course", P), "the same as the month's starts in all");
        assertEquals(Figure.HIDDEN, r.shown("flow", "moves.course_to_internship", P));
        assertEquals(Figure.HIDDEN, r.shown("flow", "moves.internship_to_paid_hours_or_job", P));
        assertEquals(Figure.HIDDEN, r.shown("flow", "moves.course_to_exited", P));
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
        assertEquals(Figure.HIDDEN, one.shown(), "b2's internship, dated 10 October, recorded 3 November");
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
        assertEquals(Figure.HIDDEN, r.shown("exits", "month.ordinary_job", P));
        assertEquals(Figure.HIDDEN, r.shown("exits", "month.total", P));
        assertEquals("0", r.shown("exits", "month.flexjob", P));
        // A's five enrolments are shown and the programme's month is hidden: September hid B's 3, and 8 in all - 5
        // would give them
        assertEquals("5", r.shown("funders", "participants_at_start.month", "jcA"));
        assertEquals(Figure.HIDDEN, r.shown("funders", "participants_at_start.month", P));
        assertEquals(Figure.HIDDEN, r.shown("funders", "participants_at_start.total", P));
        assertEquals(Figure.HIDDEN, r.shown("funders", "participants_at_exit.total", P));
        // competitive work: b1's paid hours are not an ordinary job, so none of the 8 on the caseload this quarter
        assertEquals("8", r.shown("funders", "quarter.active", P));
        assertEquals("0.0 %", r.shown("funders", "quarter.competitive_work_share", P));
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
        assertEquals(Figure.HIDDEN, r.shown("targets", "exits_to_work_or_education.actual", P));
        assertEquals("pending", r.shown("targets", "employed_6_months_after_exit.actual", P));
        assertEquals(Figure.HIDDEN, r.shown("targets", "exits_to_work_or_education.trend.2026-09", P));
        // delivery health from the outbox; attendance and aftercare pending
        assertEquals("2", r.shown("delivery", "nudges.failed", P));
        assertEquals("1", r.shown("delivery", "nudges.waiting", P));
        assertTrue(r.section("attendance").orElseThrow().pending());
        assertTrue(r.section("aftercare").orElseThrow().pending());
        assertFalse(r.section("intake").orElseThrow().pending());
        assertEquals("pending", r.shown("delivery", "gaps.jobs_without_aftercare_outcome", P));
    }

    static MonthlyReport withFigures(ReportScenario s) {
        return s.makerWithFigures(NOV_1_0700).make(ReportScenario.programme(), ReportScenario.jobcentreNames(),
                ReportScenario.OCTOBER);
    }

    @Test
    void attendanceOfFewerThanFivePeopleIsHiddenAndMediansCoverTheWholeProgramme() {
        MonthlyReport r = withFigures(new ReportScenario());
        assertFalse(r.section("attendance").orElseThrow().pending());
        // participants with planned hours: A 6, B 2 -> B "<5", and A hidden too (8 - 6 would give B's 2)
        assertEquals("8", r.shown("attendance", "participants_planned", P));
        assertEquals(Figure.HIDDEN, r.shown("attendance", "participants_planned", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("attendance", "participants_planned", "jcA"));
        // the hours follow their participant counts: B's 80 of 80 would tell two people's absence
        assertEquals(Figure.HIDDEN, r.shown("attendance", "hours.planned", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("attendance", "hours.attended", "jcA"), "400 - A would give B");
        assertEquals("400", r.shown("attendance", "hours.planned", P));
        assertEquals("360", r.shown("attendance", "hours.attended", P));
        assertEquals("10.0 %", r.shown("attendance", "absence_rate", P), "(400 - 360) / 400");
        assertEquals("-", r.shown("attendance", "absence_rate", "jcA"));
        assertEquals("0", r.shown("attendance", "hours.planned", "jcC"), "no participants: nothing to hide");
        assertTrue(Double.isNaN(r.figure("attendance", "hours.planned", "jcB").orElseThrow().value()));
        assertEquals("12", r.shown("attendance", "absences", P));
        // nearest rank over A's 12 (the programme's are the same 12): rank 6 -> 4 min, rank 11 -> 25 min
        assertEquals("4", r.shown("attendance", "minutes_to_nudge.median", P));
        assertEquals("25", r.shown("attendance", "minutes_to_nudge.p90", P));
        assertEquals("4", r.shown("attendance", "minutes_to_nudge.median", "jcA"));
        // closed: 10 -> rank 5 = 120 min, rank 9 = 400 min
        assertEquals("120", r.shown("attendance", "minutes_to_closed.median", P));
        assertEquals("400", r.shown("attendance", "minutes_to_closed.p90", P));
        assertEquals("-", r.shown("attendance", "minutes_to_nudge.median", "jcB"), "no absences: no median");
        assertEquals("75.0 %", r.shown("attendance", "closed_same_day_share", "jcA"), "9 of 12");
        assertEquals("75.0 %", r.shown("attendance", "closed_same_day_share", P));
        assertEquals(Figure.HIDDEN, r.shown("attendance", "escalations", P));
        // stable: A 3, B 2 of 6 and 2 with sessions in the last four weeks: programme 5 of 8
        assertEquals("5", r.shown("attendance", "stable_last_4_weeks", P));
        assertEquals("62.5 %", r.shown("attendance", "stable_last_4_weeks_share", P));
        assertEquals("-", r.shown("attendance", "stable_last_4_weeks_share", "jcA"), "3 of 6: under 5");
        // the chart: September had 4 participants with planned hours (not shown), October 8
        assertEquals(2, r.absenceLast12Months().size());
        assertTrue(Double.isNaN(r.absenceLast12Months().get(0).value()));
        assertEquals(10.0, r.absenceLast12Months().get(1).value(), 1e-9);
        // B's correction after the month's end is counted apart
        assertEquals(Figure.HIDDEN, r.corrections().stream().filter(f -> f.key().equals(
                "attendance_registrations_recorded_after_month_end") && f.scope().equals(P)).findFirst().orElseThrow().shown());
    }

    @Test
    void aftercareTargetsAreSinceTheStartWithTheirTrend() {
        MonthlyReport r = withFigures(new ReportScenario());
        assertEquals("6", r.shown("aftercare", "follow_ups.due", P));
        assertEquals(Figure.HIDDEN, r.shown("aftercare", "follow_ups.on_time", P));
        assertEquals("5", r.shown("aftercare", "job_starts_3_months_ago", "jcA"));
        assertEquals("100.0 %", r.shown("aftercare", "employed_at_3_months_share", "jcA"), "5 of 5 checked");
        assertEquals("-", r.shown("aftercare", "employed_at_6_months_share", "jcA"), "1 checked of 2: too few");
        assertEquals(Figure.HIDDEN, r.shown("aftercare", "not_checked_at_6_months", "jcA"));
        // since the start: 18 jobs past six months, 8 checked held, 5 checked lost, 5 not checked
        assertEquals("18", r.shown("aftercare", "job_starts_6_months_passed.total", P));
        assertEquals("8", r.shown("aftercare", "kept_job_6_months.total", P));
        assertEquals("5", r.shown("aftercare", "lost_job_6_months.total", P));
        assertEquals("5", r.shown("aftercare", "not_checked_job_6_months.total", P));
        assertEquals("13", r.shown("aftercare", "checked_job_6_months.total", P));
        assertEquals("61.5 %", r.shown("aftercare", "kept_job_6_months.total_share", P), "8 of the 13 checked");
        assertEquals("5", r.shown("aftercare", "employed_or_education_6_months_after_exit.total", P));
        assertEquals("0", r.shown("aftercare", "not_checked_6_months_after_exit.total", P));
        assertEquals(Figure.HIDDEN, r.shown("delivery", "gaps.jobs_without_aftercare_outcome", P));
        // targets: kept 6 months 61.5 % of the checked against 60, 5 not checked; employed six months after exit 5
        assertEquals("60", r.shown("targets", "kept_job_6_months_share.target", P));
        assertEquals("61.5 %", r.shown("targets", "kept_job_6_months_share.actual", P));
        assertEquals("5", r.shown("targets", "kept_job_6_months_share.not_checked", P));
        assertEquals("0", r.shown("targets", "employed_6_months_after_exit.not_checked", P));
        // status so far: a share against its target; a count against the target on the intake window's line
        // (304 of 365 days by 31 October: 30 x 0.833 = 25 expected by now)
        assertEquals(Figure.ON_TRACK, r.shown("targets", "kept_job_6_months_share.status", P), "61.5 % against 60");
        assertEquals("25", r.shown("targets", "employed_6_months_after_exit.expected_by_now", P));
        assertEquals(Figure.BEHIND, r.shown("targets", "employed_6_months_after_exit.status", P), "5 against 25 by now");
        assertEquals("25", r.shown("targets", "exits_to_work_or_education.expected_by_now", P));
        String exitsToWork = r.shown("targets", "exits_to_work_or_education.actual", P);
        assertEquals(exitsToWork.matches("\\d+") ? Figure.BEHIND : "-", r.shown("targets",
                "exits_to_work_or_education.status", P), "no status against a count shown as <5: " + exitsToWork);
        assertEquals("75.0 %", r.shown("targets", "kept_job_6_months_share.trend.2026-09", P), "6 of 8 checked at September's end");
        assertEquals("-", r.shown("targets", "kept_job_6_months_share.trend.2026-08", P), "nothing yet");
        assertEquals("5", r.shown("targets", "employed_6_months_after_exit.actual", P));
        assertEquals(Figure.HIDDEN, r.shown("targets", "employed_6_months_after_exit.trend.2026-09", P));
        assertEquals("0", r.shown("targets", "employed_6_months_after_exit.trend.2026-01", P), "from the start");
        // funders: people keeping a job for 90 days (IPS): 1 this month, 7 since the start
        assertEquals(Figure.HIDDEN, r.shown("funders", "kept_job_90_days.month", P));
        assertEquals("7", r.shown("funders", "kept_job_90_days.total", P));
    }

    @Test
    void retentionWithNothingCheckedShowsNoShareAndSaysHowManyWereNotChecked() {
        ReportScenario s = new ReportScenario();
        // 29 jobs past six months and 7 exits six months ago, none of them checked
        AftercareFigures nothingChecked = (p, period, asOf) -> java.util.Optional.of(new AftercareFigures.Aftercare(
                java.util.Map.of("jcA", new AftercareFigures.PerJobcentre(0, 0, 0, 0, 9, 0, 29, 0, 7, 0, 0, 29, 29, 0, 7,
                        0, 0))));
        MonthlyReport r = new ReportMaker(p -> List.copyOf(s.referrals), p -> List.copyOf(s.moves),
                ReportScenario.attendance(), nothingChecked, DeliveryFigures.none(), NOV_1_0700)
                .make(ReportScenario.programme(), ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        assertEquals("29", r.shown("aftercare", "job_starts_6_months_passed.total", P));
        assertEquals("29", r.shown("aftercare", "not_checked_job_6_months.total", P));
        assertEquals("0", r.shown("aftercare", "checked_job_6_months.total", P));
        assertEquals("-", r.shown("aftercare", "kept_job_6_months.total_share", P), "no share of nothing checked");
        assertEquals("-", r.shown("aftercare", "employed_at_6_months_share", P));
        assertEquals("9", r.shown("aftercare", "not_checked_at_3_months", P));
        assertEquals("7", r.shown("aftercare", "not_checked_6_months_after_exit", P));
        assertEquals("-", r.shown("targets", "kept_job_6_months_share.actual", P), "not 100 %");
        assertEquals("-", r.shown("targets", "kept_job_6_months_share.status", P), "no status from nothing checked");
        assertEquals("29", r.shown("targets", "kept_job_6_months_share.not_checked", P));
        assertEquals("0", r.shown("targets", "employed_6_months_after_exit.actual", P));
        assertEquals("7", r.shown("targets", "employed_6_months_after_exit.not_checked", P));
        assertEquals("29", r.shown("delivery", "gaps.jobs_without_aftercare_outcome", P));
    }

    @Test
    void intakeAgainstQuotaAndThePaceNeededDeclinesByReasonAndStartsPerConsultant() {
        ReportScenario s = new ReportScenario();
        // one of B's October referrals is declined on 20 October for health reasons (code only)
        Referral b4 = s.referrals.stream().filter(x -> x.id().equals("R018")).findFirst().orElseThrow();
        s.change(b4.moveTo(ReferralStatus.DECLINED, ReportScenario.local("2026-10-20T10:00"), "staff", null, null, "health"));
        MonthlyReport r = october(s, NOV_1_0700);
        // October's end: two months of intake left (November, December) before the stop on 31 December
        // programme (35 - 18) / 2 = 8.5; A (20 - 13) / 2 = 3.5; B (10 - 5) / 2 = 2.5; C 5 / 2 = 2.5
        assertEquals("8.5", r.shown("intake", "pace.needed_per_month", P));
        assertEquals("3.5", r.shown("intake", "pace.needed_per_month", "jcA"));
        // shown only where the total received is shown: B's and C's were never published (under 5)
        assertEquals("-", r.shown("intake", "pace.needed_per_month", "jcB"));
        assertEquals("-", r.shown("intake", "pace.needed_per_month", "jcC"));
        // declines of October by reason: A's not motivated, B's health; none without a code
        assertEquals(Figure.HIDDEN, r.shown("intake", "declined.reason.not_motivated.month", "jcA"));
        assertEquals(Figure.HIDDEN, r.shown("intake", "declined.reason.health.month", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("intake", "declined.reason.health.month", P));
        // the reasons no one gave: 0, or hidden where the audit hid a zero beside the small ones
        assertTrue(List.of("0", Figure.HIDDEN).contains(r.shown("intake", "declined.reason.not_coded.month", P)));
        assertTrue(List.of("0", Figure.HIDDEN).contains(r.shown("intake", "declined.reason.moved.month", P)));
        assertEquals(Figure.HIDDEN, r.shown("intake", "declined.month", P));
        // received by October's end (18): accepted 8, declined 2, outside 0, waiting 8 -> declined "<5"
        // and, in the group received = accepted + declined + outside + waiting, one more hidden
        assertEquals(Figure.HIDDEN, r.shown("intake", "declined.total", P));
        assertEquals("18", r.shown("intake", "received.total", P));
        long hiddenInGroup = List.of("accepted.total", "declined.total", "outside_target_group.total",
                "awaiting_visitation").stream().filter(k -> !r.shown("intake", k, P).matches("\\d+")).count();
        assertTrue(hiddenInGroup >= 2, "hidden in the group: " + hiddenInGroup);
        // the free text of a decline is never in the report
        assertFalse(r.figures().stream().anyMatch(f -> f.shown().contains("no")));
        // starts in the 28 days before 1 November: A's five (10-14 October, all c-a); B's were in September
        assertEquals("5", r.shown("intake", "starts.last_4_weeks", "jcA"));
        assertEquals("0", r.shown("intake", "starts.last_4_weeks", "jcB"));
        assertEquals("5", r.shown("intake", "starts.max_per_consultant_last_4_weeks", P));
        assertEquals("4", r.shown("intake", "starts.max_per_consultant_setting", P));
        assertTrue(r.warnings().contains("intake.starts.bunching:1"));
    }

    @Test
    void theQuarterShareInCompetitiveWorkCountsWhoWorkedAtSomeTimeInTheQuarter() {
        ReportScenario s = new ReportScenario();
        s.moves.clear();
        // A's five (enrolled 10-14 October) start ordinary jobs on 25 October; b1 (R015) an ordinary job on
        // 20 October; b2 (R016) had one from 10 to 25 September only (before the quarter); b3 (R017) a wage
        // subsidy (not competitive) from 1 October until its exit on 28 October
        for (int i = 1; i <= 5; i++) {
            s.moves.add(new PhaseMove(String.format("R%03d", i), Phase.PAID_HOURS_OR_JOB, ReportScenario.local("2026-10-25T00:00"),
                    ReportScenario.local("2026-10-25T12:00"), true));
        }
        s.moves.add(new PhaseMove("R015", Phase.PAID_HOURS_OR_JOB, ReportScenario.local("2026-10-20T00:00"),
                ReportScenario.local("2026-10-20T12:00"), true));
        s.moves.add(new PhaseMove("R016", Phase.PAID_HOURS_OR_JOB, ReportScenario.local("2026-09-10T00:00"),
                ReportScenario.local("2026-09-10T12:00"), true));
        s.moves.add(new PhaseMove("R016", Phase.COURSE, ReportScenario.local("2026-09-25T00:00"),
                ReportScenario.local("2026-09-25T12:00"), false));
        s.moves.add(new PhaseMove("R017", Phase.PAID_HOURS_OR_JOB, ReportScenario.local("2026-10-01T00:00"),
                ReportScenario.local("2026-10-01T12:00"), false));
        MonthlyReport r = october(s, NOV_1_0700);
        // the fourth quarter so far: 8 participants on the caseload (b3 until 28 October), 6 in competitive work
        assertEquals("8", r.shown("funders", "quarter.active", P));
        assertEquals("6", r.shown("funders", "quarter.in_competitive_work", P));
        assertEquals("75.0 %", r.shown("funders", "quarter.competitive_work_share", P));
        assertEquals(Figure.HIDDEN, r.shown("funders", "quarter.in_competitive_work", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("funders", "quarter.in_competitive_work", "jcA"), "6 - A would give B");
        assertEquals("-", r.shown("funders", "quarter.competitive_work_share", "jcA"));
    }
}
