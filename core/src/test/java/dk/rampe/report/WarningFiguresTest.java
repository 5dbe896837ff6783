package dk.rampe.report;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.Registration;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dk.rampe.report.ProgrammeFiguresTest.MON_FRI;
import static dk.rampe.report.ProgrammeFiguresTest.WEEKDAYS;
import static dk.rampe.report.ProgrammeFiguresTest.local;
import static dk.rampe.report.ProgrammeFiguresTest.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The early warning's figures of October on an in-memory programme: the {@code attention_due} follow-ups raised
 * in the month and closed within two working days, the participants warned in September and still active a month
 * after; and the report's section of them, suppressed as every count is.
 */
class WarningFiguresTest {
    static final ReportPeriod OCTOBER = ProgrammeFiguresTest.OCTOBER;
    /** The report is made on 1 November, after October ended. */
    static final java.time.Clock NOV_1 = java.time.Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), java.time.ZoneOffset.UTC);
    static final FollowUpOutcome DONE = new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE, FollowUpOutcome.NextStep.NONE, null);

    /** Present every weekday from 3 August, and an unexcused absence on {@code absent}: after a stable run, a signal. */
    static Attendance stableUntil(String id, LocalDate absent) {
        List<Registration> regs = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 8, 3); d.isBefore(LocalDate.of(2026, 11, 1)); d = d.plusDays(1)) {
            if (WorkingDays.isWeekend(d)) continue;
            Registration.Status s = d.equals(absent) ? Registration.Status.ABSENT : Registration.Status.PRESENT;
            regs.add(new Registration(id + d, d, s, null, null, "c-a", local(d + "T10:00"), false, false));
        }
        return new Attendance(id, List.of(new AttendancePlan(LocalDate.of(2026, 8, 3), MON_FRI, LocalTime.of(9, 0), 180,
                "c-a", local("2026-08-01T10:00"))), List.of(), regs, false);
    }

    /** The warning started on the day {@code created} (as stored with its reason) and its follow-up, by its derived id. */
    static FollowUpTask warning(String referralId, String created, String closed) {
        Instant at = local(created);
        FollowUpTask t = FollowUpTask.open(stored(referralId, created).followUpTaskId("p1"), FollowUpKind.ATTENTION_DUE,
                referralId, "c-a", "p1", at.plusSeconds(2 * 86_400), at);
        return closed == null ? t : t.close(DONE, "c-a", local(closed));
    }

    static dk.rampe.attendance.Warning stored(String referralId, String started) {
        return dk.rampe.attendance.Warning.of(referralId, LocalDate.parse(started.substring(0, 10)),
                List.of(new dk.rampe.attendance.EarlyWarning.Signal("absence_after_stable_run", List.of(15))), local(started));
    }

    /** {@code p} with the warnings of its attention_due follow-ups stored, as the detection writes them. */
    static ProgrammeSnapshot.Participant withWarnings(ProgrammeSnapshot.Participant p, List<FollowUpTask> tasks) {
        List<dk.rampe.attendance.Warning> warnings = tasks.stream()
                .filter(t -> t.kind() == FollowUpKind.ATTENTION_DUE && t.referralId().equals(p.referral().id()))
                .map(t -> stored(t.referralId(), t.createdAt().atZone(WorkingDays.ZONE).toLocalDateTime().toString()))
                .toList();
        return new ProgrammeSnapshot.Participant(p.referral(), p.path(), p.attendance(), p.notices(), warnings);
    }

    record Programme(List<Referral> referrals, List<ProgrammeSnapshot.Participant> participants, List<FollowUpTask> tasks) {
    }

    static Programme programme() {
        List<Referral> referrals = new ArrayList<>();
        List<ProgrammeSnapshot.Participant> participants = new ArrayList<>();
        List<FollowUpTask> tasks = new ArrayList<>();
        // R1: absent Wednesday 14 October, warned that day, the consultant acted on Friday 16th (the second working day)
        Referral r1 = referral("R1", "jcA", local("2026-07-01T10:00"), local("2026-07-20T09:00"));
        participants.add(new ProgrammeSnapshot.Participant(r1, new dk.rampe.path.Path(List.of()),
                stableUntil("R1", LocalDate.of(2026, 10, 14)), List.of()));
        tasks.add(warning("R1", "2026-10-14T16:00", "2026-10-16T15:00"));
        // an absence's follow-up is not a warning
        tasks.add(FollowUpTask.open("A-R1", FollowUpKind.ABSENCE_TODAY, "R1", "c-a", "p1", local("2026-10-14T10:00"),
                local("2026-10-14T09:32")));
        // R2: warned Wednesday 21 October, acted on Monday 26th (after Friday 23rd, its second working day): late
        Referral r2 = referral("R2", "jcA", local("2026-07-01T10:00"), local("2026-07-20T09:00"));
        participants.add(new ProgrammeSnapshot.Participant(r2, new dk.rampe.path.Path(List.of()),
                stableUntil("R2", LocalDate.of(2026, 10, 21)), List.of()));
        tasks.add(warning("R2", "2026-10-21T16:00", "2026-10-26T09:00"));
        // R3: warned 15 September, still in the programme on 15 October
        Referral r3 = referral("R3", "jcB", local("2026-07-01T10:00"), local("2026-07-20T09:00"));
        participants.add(new ProgrammeSnapshot.Participant(r3, new dk.rampe.path.Path(List.of()),
                stableUntil("R3", LocalDate.of(2026, 9, 15)), List.of()));
        tasks.add(warning("R3", "2026-09-15T16:00", "2026-09-16T09:00"));
        // R4: warned 16 September, left on 2 October: not active a month after
        Referral r4 = referral("R4", "jcB", local("2026-07-01T10:00"), local("2026-07-20T09:00"))
                .moveTo(ReferralStatus.EXITED, local("2026-10-02T12:00"), "c-a", null, "dropped");
        participants.add(new ProgrammeSnapshot.Participant(r4, new dk.rampe.path.Path(List.of()),
                stableUntil("R4", LocalDate.of(2026, 9, 16)), List.of()));
        tasks.add(warning("R4", "2026-09-16T16:00", null));
        // R5: present every day, never slipped: not read again
        Referral r5 = referral("R5", "jcB", local("2026-07-01T10:00"), local("2026-07-20T09:00"));
        participants.add(new ProgrammeSnapshot.Participant(r5, new dk.rampe.path.Path(List.of()),
                stableUntil("R5", null), List.of()));
        for (ProgrammeSnapshot.Participant p : participants) referrals.add(p.referral());
        return new Programme(referrals, participants.stream().map(p -> withWarnings(p, tasks)).toList(), tasks);
    }

    @Test
    void countsWarningsActedOnWithinTwoWorkingDaysAndThoseStillActiveAMonthAfter() {
        Programme p = programme();
        ProgrammeSnapshot all = ProgrammeSnapshot.of(p.referrals(), p.participants(), p.tasks());
        Set<String> asked = new TreeSet<>();
        ProgrammeSnapshot counting = new ProgrammeSnapshot() {
            @Override
            public List<Referral> referrals() {
                return all.referrals();
            }

            @Override
            public Collection<Participant> participants() {
                return all.participants();
            }

            @Override
            public Map<String, FollowUpTask> tasks(Collection<String> ids) {
                asked.addAll(ids);
                return all.tasks(ids);
            }
        };
        WarningFigures.Warnings w = new ProgrammeFigures(WEEKDAYS, x -> AttendanceRules.DEFAULTS)
                .warnings(counting, "p1", OCTOBER, OCTOBER.end()).orElseThrow();
        assertEquals(new WarningFigures.PerJobcentre(2, 1, 0, 0), w.byJobcentre().get("jcA"));
        assertEquals(new WarningFigures.PerJobcentre(0, 0, 2, 1), w.byJobcentre().get("jcB"));
        assertEquals(p.tasks().stream().filter(t -> t.kind() == FollowUpKind.ATTENTION_DUE).map(FollowUpTask::taskId)
                .collect(java.util.stream.Collectors.toSet()), asked,
                "read by key, only the warned participants' follow-ups: the participant who never slipped is not read again");

        // as it stood on 20 October: one warning, acted on
        Instant oct20 = local("2026-10-20T12:00");
        assertEquals(new WarningFigures.PerJobcentre(1, 1, 0, 0), new ProgrammeFigures(WEEKDAYS, x -> AttendanceRules.DEFAULTS)
                .warnings(all, "p1", OCTOBER, oct20).orElseThrow().byJobcentre().get("jcA"));
    }

    @Test
    void aWarningStartedUnderTheProgrammesOwnThresholdsIsCountedThoughTheDefaultsWouldNotFire() {
        Programme p = programme();
        // R6: present every day (the defaults see nothing), but the programme's own thresholds warned on 19 October,
        // stored with its reasons; the consultant acted the next day
        Referral r6 = referral("R6", "jcA", local("2026-07-01T10:00"), local("2026-07-20T09:00"));
        List<ProgrammeSnapshot.Participant> participants = new ArrayList<>(p.participants());
        participants.add(new ProgrammeSnapshot.Participant(r6, new dk.rampe.path.Path(List.of()), stableUntil("R6", null),
                List.of(), List.of(dk.rampe.attendance.Warning.of("R6", LocalDate.of(2026, 10, 19),
                List.of(new dk.rampe.attendance.EarlyWarning.Signal("arrivals_later", List.of(3, 5, 14, 0, 20))), local("2026-10-19T16:00")))));
        List<Referral> referrals = new ArrayList<>(p.referrals());
        referrals.add(r6);
        List<FollowUpTask> tasks = new ArrayList<>(p.tasks());
        tasks.add(warning("R6", "2026-10-19T16:00", "2026-10-20T10:00"));
        WarningFigures.Warnings w = new ProgrammeFigures(WEEKDAYS, x -> AttendanceRules.DEFAULTS)
                .warnings(ProgrammeSnapshot.of(referrals, participants, tasks), "p1", OCTOBER, OCTOBER.end()).orElseThrow();
        assertEquals(new WarningFigures.PerJobcentre(3, 2, 0, 0), w.byJobcentre().get("jcA"));
    }

    @Test
    void theReportShowsTheSectionPerJobcentreThroughTheSuppression() {
        MonthlyReport r = new ReportScenario().makerWithFigures(NOV_1).make(ReportScenario.programme(),
                ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        MonthlyReport.Section s = r.section("warnings").orElseThrow();
        assertTrue(!s.pending() && !s.figures().isEmpty());
        assertEquals("9", r.shown("warnings", "warnings.raised", MonthlyReport.PROGRAMME));
        assertEquals(Figure.HIDDEN, r.shown("warnings", "warnings.raised", "jcB"), "a group under 5");
        assertEquals("6", r.shown("warnings", "warnings.warned_month_before", "jcA"));
        assertEquals("5", r.shown("warnings", "warnings.active_a_month_after", "jcA"));
        assertEquals("83.3 %", r.shown("warnings", "warnings.active_a_month_after_share", "jcA"));
        // without the figures the section waits, as the others do
        MonthlyReport pending = new ReportScenario().maker(NOV_1).make(ReportScenario.programme(),
                ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        assertTrue(pending.section("warnings").orElseThrow().pending());
        assertEquals(Figure.PENDING_TEXT, pending.shown("warnings", "warnings.raised", MonthlyReport.PROGRAMME));
    }
}
