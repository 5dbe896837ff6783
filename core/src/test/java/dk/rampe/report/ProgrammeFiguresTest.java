package dk.rampe.report;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.Ids;
import dk.rampe.path.AftercarePlan;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.path.Reminder;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.WorkingDays;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report's attendance, aftercare and phase-move rules on an in-memory programme (no store): the
 * same small programme the DynamoDB adapter's test seeds (a detected absence closed the same day, a late
 * arrival, a correction recorded after the month, an enrolled participant without a plan, a job whose
 * aftercare call was done on its day, an internship whose workplace check is overdue).
 */
class ProgrammeFiguresTest {
    static final ReportPeriod OCTOBER = new ReportPeriod(YearMonth.of(2026, 10), WorkingDays.ZONE);
    static final Instant AS_OF = OCTOBER.end();
    static final WorkingDays WEEKDAYS = (programmeId, date) -> !WorkingDays.isWeekend(date);
    static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(WorkingDays.ZONE).toInstant();
    }

    static Referral referral(String id, String jc, Instant receivedAt, Instant enrolledAt) {
        ReferralDetails d = new ReferralDetails("p1", "ref-" + id, new Citizen(null, "Deltager " + id, null, null),
                Benefit.KONTANTHJAELP, new Caseworker("Sagsbehandler", null, null), List.of(), null, null, null,
                List.of(), false, null);
        return Referral.received(id, jc, d, "c-a", false, receivedAt)
                .moveTo(ReferralStatus.ACCEPTED, receivedAt.plus(Duration.ofDays(1)), "staff", null, null)
                .moveTo(ReferralStatus.ENROLLED, enrolledAt, "staff", null, null);
    }

    static Registration reg(String id, LocalDate d, Registration.Status s, LocalTime arrival, Instant at) {
        return new Registration(id, d, s, arrival, null, "c-a", at, false, false);
    }

    static Milestone milestone(String id, String referralId, MilestoneType type, LocalDate on, Instant at) {
        return new Milestone(id, referralId, type, on, "c-a", at, null, null, null, null, null, null, null);
    }

    static ProgrammeSnapshot.Participant participant(Referral r, List<Milestone> path, Attendance a, List<Notice> n) {
        return new ProgrammeSnapshot.Participant(r, new Path(path), a, n);
    }

    @Test
    void countsAttendanceAftercareAndMovesAsTheyStoodAtTheMonthsEnd() {
        List<Referral> referrals = new ArrayList<>();
        List<ProgrammeSnapshot.Participant> participants = new ArrayList<>();
        List<FollowUpTask> tasks = new ArrayList<>();

        // R1 (jcA): Mon-Fri 09:00 for 3 hours from 1 October (also during its internship); present every day
        // but one detected absence (14 October) and one late arrival (20 October, 10:00: 2 of 3 hours)
        Referral r1 = referral("R1", "jcA", local("2026-09-01T10:00"), local("2026-09-15T09:00"));
        List<Registration> regs = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 10, 1); d.getMonthValue() == 10; d = d.plusDays(1)) {
            if (WorkingDays.isWeekend(d) || d.getDayOfMonth() == 14) continue;
            boolean late = d.getDayOfMonth() == 20;
            regs.add(reg("reg-" + d, d, late ? Registration.Status.LATE : Registration.Status.PRESENT,
                    late ? LocalTime.of(10, 0) : null, local(d + "T" + (late ? "10:00" : "09:05"))));
        }
        LocalDate absent = LocalDate.of(2026, 10, 14);
        Instant cutoff = local("2026-10-14T09:30");
        regs.add(new Registration("det-1", absent, Registration.Status.ABSENT, null, null, "system:absence", cutoff,
                true, false));
        // a correction recorded after the month's end does not change October
        regs.add(reg("late-fix", LocalDate.of(2026, 10, 30), Registration.Status.ABSENT, null, local("2026-11-03T10:00")));
        Attendance a1 = new Attendance("R1", List.of(new AttendancePlan(LocalDate.of(2026, 10, 1), MON_FRI,
                LocalTime.of(9, 0), 180, "c-a", local("2026-09-20T10:00"), true)), List.of(), regs, false);
        String absenceTask = Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|p1|R1|absence|" + absent);
        tasks.add(FollowUpTask.open(absenceTask, FollowUpKind.ABSENCE_TODAY, "R1", "c-a", "p1", cutoff,
                cutoff.plus(Duration.ofMinutes(2))).close(new FollowUpOutcome(true, FollowUpOutcome.Cause.ILLNESS,
                FollowUpOutcome.NextStep.NONE, null), "c-a", local("2026-10-14T12:30")));
        // an internship from 19 October: its workplace check (3 working days later) is not done by the month's end
        referrals.add(r1);
        participants.add(participant(r1, List.of(milestone("M1", "R1", MilestoneType.INTERNSHIP_STARTED,
                        LocalDate.of(2026, 10, 19), local("2026-10-19T12:00"))), a1,
                List.of(new Notice("N1", "R1", "jcA", absent, List.of(Notice.Reason.UNEXCUSED_ABSENCE), cutoff))));

        // R2 (jcA): enrolled, no plan
        Referral r2 = referral("R2", "jcA", local("2026-09-02T10:00"), local("2026-09-20T09:00"));
        referrals.add(r2);
        participants.add(participant(r2, List.of(), Attendance.empty("R2"), List.of()));

        // R4 (jcA): Monday and Wednesday, one hour, from 26 October, present both days: stable
        Referral r4 = referral("R4", "jcA", local("2026-09-03T10:00"), local("2026-10-01T09:00"));
        referrals.add(r4);
        participants.add(participant(r4, List.of(), new Attendance("R4", List.of(new AttendancePlan(
                LocalDate.of(2026, 10, 26), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(9, 0), 60,
                "c-a", local("2026-10-25T10:00"))), List.of(), List.of(
                reg("r4-1", LocalDate.of(2026, 10, 26), Registration.Status.PRESENT, null, local("2026-10-26T09:01")),
                reg("r4-2", LocalDate.of(2026, 10, 28), Registration.Status.PRESENT, null, local("2026-10-28T09:01"))),
                false), List.of()));

        // R3 (jcB): a job from 6 July; the aftercare call due 6 October was closed that day: still employed
        Referral r3 = referral("R3", "jcB", local("2026-04-01T10:00"), local("2026-05-01T09:00"));
        List<Milestone> path3 = List.of(milestone("M3", "R3", MilestoneType.JOB_STARTED, LocalDate.of(2026, 7, 6),
                local("2026-07-06T10:00")));
        Reminder call = new AftercarePlan(WEEKDAYS).plan("R3", "p1", new Path(path3)).stream()
                .filter(w -> w.kind() == Reminder.Kind.AFTERCARE).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 10, 6), call.dueOn());
        String callTask = Ids.taskId(FollowUpKind.AFTERCARE_CALL_DUE.wireName() + "|p1|R3|reminder|" + call.id());
        tasks.add(FollowUpTask.open(callTask, FollowUpKind.AFTERCARE_CALL_DUE, "R3", "c-b", "p1",
                local("2026-10-06T09:00"), local("2026-10-06T09:00")).close(new FollowUpOutcome(true,
                FollowUpOutcome.Cause.NONE, FollowUpOutcome.NextStep.NONE, null, new FollowUpOutcome.Aftercare(
                FollowUpOutcome.Method.PHONE, FollowUpOutcome.WithWhom.EMPLOYEE, true, BigDecimal.valueOf(20))),
                "c-b", local("2026-10-06T13:00")));
        referrals.add(r3);
        participants.add(participant(r3, path3, Attendance.empty("R3"), List.of()));

        ReportSources.Sources october = new ProgrammeFigures(WEEKDAYS, p -> AttendanceRules.DEFAULTS).sources(
                ProgrammeSnapshot.of(referrals, participants, tasks), DeliveryFigures.none());

        AttendanceFigures.Attendance att = october.attendance().month("p1", OCTOBER, AS_OF).orElseThrow();
        AttendanceFigures.PerJobcentre a = att.byJobcentre().get("jcA");
        assertEquals(22 * 3 + 2, a.plannedHours(), 1e-9, "22 weekdays of 3 hours, and R4's two hours");
        assertEquals(20 * 3 + 2 + 2, a.attendedHours(), 1e-9, "the absence gives nothing, the late day 2 hours");
        assertEquals(2, a.participantsPlanned(), "R1 and R4 (R2 has no plan)");
        assertEquals(1, a.absencesDetected());
        assertEquals(List.of(Duration.ofMinutes(2)), a.toNudge());
        assertEquals(List.of(Duration.ofHours(3)), a.toClosed());
        assertEquals(1, a.closedSameDay());
        assertEquals(1, a.escalations());
        assertEquals(2, a.participantsLast4Weeks(), "R1 and R4 had sessions in the last 28 days");
        assertEquals(1, a.stableLast4Weeks(), "R4 only: R1 was absent on 14 October");
        assertEquals(1, a.enrolledWithoutPlan(), "R2");
        assertEquals(1, a.registrationsRecordedAfterMonthEnd(), "the correction of 30 October, recorded 3 November");
        AttendanceFigures.PerJobcentre b = att.byJobcentre().get("jcB");
        assertEquals(0, b.plannedHours(), 1e-9);
        assertEquals(List.of(), b.toNudge());
        assertEquals(1, b.enrolledWithoutPlan(), "R3 has a job and no attendance plan");
        assertEquals(Map.of(YearMonth.of(2026, 10), new AttendanceFigures.MonthHours(68, 64, 2)), att.last12Months());

        AftercareFigures.Aftercare aft = october.aftercare().month("p1", OCTOBER, AS_OF).orElseThrow();
        // R3's July job: the call due and done on time; held at 3 months; its 90 days reached on 4 October
        assertEquals(new AftercareFigures.PerJobcentre(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1),
                aft.byJobcentre().get("jcB"));
        assertEquals(new AftercareFigures.PerJobcentre(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                aft.byJobcentre().get("jcA"), "the internship's workplace check is overdue");
        // as of the day before the call was closed it is overdue
        assertEquals(1, october.aftercare().month("p1", OCTOBER, local("2026-10-06T12:00")).orElseThrow()
                .byJobcentre().get("jcB").overdue());
        // January 2027 from the same snapshot: R3's job (July) has passed six months, not checked
        AftercareFigures.PerJobcentre january = october.aftercare().month("p1",
                new ReportPeriod(YearMonth.of(2027, 1), WorkingDays.ZONE), AS_OF).orElseThrow().byJobcentre().get("jcB");
        assertEquals(1, january.jobStarts6MonthsPassedToDate());
        assertEquals(0, january.keptJob6MonthsToDate(), "its six-month check is not done: not checked, not held");
        assertEquals(0, january.lostJob6MonthsToDate());

        assertEquals(Set.of(
                        new PhaseMove("R1", Phase.INTERNSHIP, local("2026-10-19T00:00"), local("2026-10-19T12:00")),
                        new PhaseMove("R3", Phase.PAID_HOURS_OR_JOB, local("2026-07-06T00:00"), local("2026-07-06T10:00"))),
                Set.copyOf(october.moves().moves("p1")));
    }

    /** A path with a job from {@code on}, its six-month check answered {@code stillEmployed} (null: no answer). */
    private static void job(String id, LocalDate on, LocalDate ended, Boolean stillEmployed, boolean checkClosed,
                            List<Referral> referrals, List<ProgrammeSnapshot.Participant> participants,
                            List<FollowUpTask> tasks) {
        Referral r = referral(id, "jcA", local("2025-12-01T10:00"), local("2026-01-05T09:00"));
        List<Milestone> path = new ArrayList<>();
        path.add(milestone("J" + id, id, MilestoneType.JOB_STARTED, on, on.atTime(12, 0).atZone(WorkingDays.ZONE).toInstant()));
        if (ended != null) {
            path.add(milestone("E" + id, id, MilestoneType.JOB_ENDED, ended,
                    ended.atTime(12, 0).atZone(WorkingDays.ZONE).toInstant()));
        }
        Reminder check = new AftercarePlan(WEEKDAYS).plan(id, "p1", new Path(path)).stream()
                .filter(w -> w.kind() == Reminder.Kind.RETENTION_CHECK).findFirst().orElse(null);
        if (check != null && checkClosed) {
            String taskId = Ids.taskId(FollowUpKind.RETENTION_CHECK_DUE.wireName() + "|p1|" + id + "|reminder|" + check.id());
            Instant at = check.dueOn().atTime(11, 0).atZone(WorkingDays.ZONE).toInstant();
            tasks.add(FollowUpTask.open(taskId, FollowUpKind.RETENTION_CHECK_DUE, id, "c-a", "p1", at, at).close(
                    new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE, FollowUpOutcome.NextStep.NONE, null,
                            stillEmployed == null ? null : new FollowUpOutcome.Aftercare(FollowUpOutcome.Method.PHONE,
                                    FollowUpOutcome.WithWhom.EMPLOYEE, stillEmployed, null)), "c-a", at.plusSeconds(3600)));
        }
        referrals.add(r);
        participants.add(participant(r, path, Attendance.empty(id), List.of()));
    }

    @Test
    void retentionCountsWhatWasCheckedKeptWhatWasCheckedLostAndWhatWasNotChecked() {
        List<Referral> referrals = new ArrayList<>();
        List<ProgrammeSnapshot.Participant> participants = new ArrayList<>();
        List<FollowUpTask> tasks = new ArrayList<>();
        LocalDate april = LocalDate.of(2026, 4, 6);
        job("K1", april, null, true, true, referrals, participants, tasks);    // checked: still employed
        job("K2", april, null, true, true, referrals, participants, tasks);    // checked: still employed
        job("L1", april, null, false, true, referrals, participants, tasks);   // checked: no longer employed
        job("L2", april, LocalDate.of(2026, 6, 1), null, false, referrals, participants, tasks); // its end is recorded
        job("N1", april, null, null, false, referrals, participants, tasks);   // the check is not done
        job("N2", april, null, null, true, referrals, participants, tasks);    // closed without the answer
        ReportSources.Sources october = new ProgrammeFigures(WEEKDAYS, p -> AttendanceRules.DEFAULTS).sources(
                ProgrammeSnapshot.of(referrals, participants, tasks), DeliveryFigures.none());

        AftercareFigures.PerJobcentre a = october.aftercare().month("p1", OCTOBER, AS_OF).orElseThrow()
                .byJobcentre().get("jcA");
        assertEquals(6, a.jobStarts6MonthsAgo());
        assertEquals(2, a.stillEmployedAt6Months(), "K1, K2: checked and kept");
        assertEquals(2, a.lostAt6Months(), "L1 answered no, L2's end is recorded");
        assertEquals(6, a.jobStarts6MonthsPassedToDate());
        assertEquals(2, a.keptJob6MonthsToDate());
        assertEquals(2, a.lostJob6MonthsToDate(), "N1 and N2 are neither: not checked");
        assertEquals(5, a.jobsWithoutAftercareOutcome(), "no three-month call answered for any but L2 (ended)");
        // as of before the checks were closed, none of them is checked; L2's recorded end still counts as lost
        AftercareFigures.PerJobcentre before = october.aftercare().month("p1", OCTOBER, local("2026-10-01T00:00"))
                .orElseThrow().byJobcentre().get("jcA");
        assertEquals(0, before.stillEmployedAt6Months());
        assertEquals(1, before.lostAt6Months());
    }
}
