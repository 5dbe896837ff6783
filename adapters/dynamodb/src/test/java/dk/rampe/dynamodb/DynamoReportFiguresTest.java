package dk.rampe.dynamodb;

import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.audit.AuditEntry;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.Ids;
import dk.rampe.path.AftercarePlan;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.path.Reminder;
import dk.rampe.platform.RampeConfig;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.report.AftercareFigures;
import dk.rampe.report.AttendanceFigures;
import dk.rampe.report.Phase;
import dk.rampe.report.PhaseMove;
import dk.rampe.report.ReportPeriod;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small programme seeded through the real stores in DynamoDB Local (referrals, attendance plans and
 * registrations with one detected absence, a job start with its aftercare call closed on time, an
 * internship whose check is overdue) and the report's figures for October 2026 read back by query.
 */
class DynamoReportFiguresTest {
    static final ReportPeriod OCTOBER = new ReportPeriod(YearMonth.of(2026, 10), WorkingDays.ZONE);
    static final Instant AS_OF = OCTOBER.end();
    static final WorkingDays WEEKDAYS = (programmeId, date) -> !WorkingDays.isWeekend(date);
    static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(WorkingDays.ZONE).toInstant();
    }

    static Referral referral(String id, String jc, String consultant, Instant receivedAt, Instant enrolledAt) {
        ReferralDetails d = new ReferralDetails("p1", "ref-" + id, new Citizen(null, "Deltager " + id, null, null),
                Benefit.KONTANTHJAELP, new Caseworker("Sagsbehandler", null, null), List.of(), null, null, null,
                List.of(), false, null);
        return Referral.received(id, jc, d, consultant, false, receivedAt)
                .moveTo(ReferralStatus.ACCEPTED, receivedAt.plus(Duration.ofDays(1)), "staff", null, null)
                .moveTo(ReferralStatus.ENROLLED, enrolledAt, "staff", null, null);
    }

    static Registration reg(String id, LocalDate d, Registration.Status s, LocalTime arrival, Instant at) {
        return new Registration(id, d, s, arrival, null, "c-a", at, false, false);
    }

    static Milestone milestone(String id, String referralId, MilestoneType type, LocalDate on, Instant at) {
        return new Milestone(id, referralId, type, on, "c-a", at, null, null, null, null, null, null, null);
    }

    @Test
    void countsAttendanceAftercareAndMovesAsTheyStoodAtTheMonthsEnd() {
        RampeConfig config = DynamoContractTables.freshTables();
        var client = DynamoContractTables.client();
        DynamoAuditLog audit = new DynamoAuditLog(client, config.auditTable(), config.auditRetention());
        DynamoReferralStore referrals = new DynamoReferralStore(client, config.table(), audit);
        DynamoAttendanceStore attendance = new DynamoAttendanceStore(client, config.table());
        DynamoPathStore paths = new DynamoPathStore(client, config.table());
        DynamoFollowUpStore tasks = new DynamoFollowUpStore(client, config.table(), audit);

        // R1 (jcA): Mon-Fri 09:00 for 3 hours from 1 October; present every day but one detected
        // absence (14 October) and one late arrival (20 October, 10:00: 2 of 3 hours)
        Referral r1 = referral("R1", "jcA", "c-a", local("2026-09-01T10:00"), local("2026-09-15T09:00"));
        DynamoReportReferralsTest.write(referrals, r1, "ck-R1");
        // (the plan applies during R1's internship below; without that its days plan nothing, see
        // DynamoReportInternshipTest)
        attendance.putPlan("R1", new AttendancePlan(LocalDate.of(2026, 10, 1), MON_FRI, LocalTime.of(9, 0), 180, "c-a",
                local("2026-09-20T10:00"), true));
        for (LocalDate d = LocalDate.of(2026, 10, 1); d.getMonthValue() == 10; d = d.plusDays(1)) {
            if (WorkingDays.isWeekend(d) || d.getDayOfMonth() == 14) continue;
            boolean late = d.getDayOfMonth() == 20;
            attendance.addRegistration("R1", reg("reg-" + d, d, late ? Registration.Status.LATE : Registration.Status.PRESENT,
                    late ? LocalTime.of(10, 0) : null, local(d + "T" + (late ? "10:00" : "09:05"))));
        }
        LocalDate absent = LocalDate.of(2026, 10, 14);
        Instant cutoff = local("2026-10-14T09:30");
        attendance.addRegistration("R1", new Registration("det-1", absent, Registration.Status.ABSENT, null, null,
                "system:absence", cutoff, true, false));
        // a correction recorded after the month's end does not change October
        attendance.addRegistration("R1", reg("late-fix", LocalDate.of(2026, 10, 30), Registration.Status.ABSENT, null,
                local("2026-11-03T10:00")));
        attendance.addNotice(new Notice("N1", "R1", "jcA", absent, List.of(Notice.Reason.UNEXCUSED_ABSENCE), cutoff),
                false, null);
        String absenceTask = Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|p1|R1|absence|" + absent);
        create(tasks, FollowUpTask.open(absenceTask, FollowUpKind.ABSENCE_TODAY, "R1", "c-a", "p1", cutoff,
                cutoff.plus(Duration.ofMinutes(2))));
        assertTrue(tasks.close(absenceTask, new FollowUpOutcome(true, FollowUpOutcome.Cause.ILLNESS,
                FollowUpOutcome.NextStep.NONE, null), "c-a", local("2026-10-14T12:30"),
                new AuditEntry("followUp:" + absenceTask, "c-a", "followUp.closed", local("2026-10-14T12:30"))));
        // an internship from 19 October: its workplace check (3 working days later) is not done by the month's end
        paths.add(milestone("M1", "R1", MilestoneType.INTERNSHIP_STARTED, LocalDate.of(2026, 10, 19),
                local("2026-10-19T12:00")));

        // R2 (jcA): enrolled, no plan
        DynamoReportReferralsTest.write(referrals, referral("R2", "jcA", "c-a", local("2026-09-02T10:00"),
                local("2026-09-20T09:00")), "ck-R2");

        // R4 (jcA): Monday and Wednesday, one hour, from 26 October, present both days: stable
        DynamoReportReferralsTest.write(referrals, referral("R4", "jcA", "c-a", local("2026-09-03T10:00"),
                local("2026-10-01T09:00")), "ck-R4");
        attendance.putPlan("R4", new AttendancePlan(LocalDate.of(2026, 10, 26), EnumSet.of(DayOfWeek.MONDAY,
                DayOfWeek.WEDNESDAY), LocalTime.of(9, 0), 60, "c-a", local("2026-10-25T10:00")));
        attendance.addRegistration("R4", reg("r4-1", LocalDate.of(2026, 10, 26), Registration.Status.PRESENT, null,
                local("2026-10-26T09:01")));
        attendance.addRegistration("R4", reg("r4-2", LocalDate.of(2026, 10, 28), Registration.Status.PRESENT, null,
                local("2026-10-28T09:01")));

        // R3 (jcB): a job from 6 July; the aftercare call due 6 October was closed that day: still employed
        DynamoReportReferralsTest.write(referrals, referral("R3", "jcB", "c-b", local("2026-04-01T10:00"),
                local("2026-05-01T09:00")), "ck-R3");
        paths.add(milestone("M3", "R3", MilestoneType.JOB_STARTED, LocalDate.of(2026, 7, 6), local("2026-07-06T10:00")));
        Reminder call = new AftercarePlan(WEEKDAYS).plan("R3", "p1", new Path(paths.milestones("R3"))).stream()
                .filter(w -> w.kind() == Reminder.Kind.AFTERCARE).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 10, 6), call.dueOn());
        String callTask = Ids.taskId(FollowUpKind.AFTERCARE_CALL_DUE.wireName() + "|p1|R3|reminder|" + call.id());
        create(tasks, FollowUpTask.open(callTask, FollowUpKind.AFTERCARE_CALL_DUE, "R3", "c-b", "p1",
                local("2026-10-06T09:00"), local("2026-10-06T09:00")));
        tasks.close(callTask, new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE, FollowUpOutcome.NextStep.NONE, null,
                        new FollowUpOutcome.Aftercare(FollowUpOutcome.Method.PHONE, FollowUpOutcome.WithWhom.EMPLOYEE,
                                true, BigDecimal.valueOf(20))), "c-b", local("2026-10-06T13:00"),
                new AuditEntry("followUp:" + callTask, "c-b", "followUp.closed", local("2026-10-06T13:00")));

        DynamoReportFigures figures = new DynamoReportFigures(client, config.table(), WEEKDAYS,
                p -> AttendanceRules.DEFAULTS);
        dk.rampe.report.ReportSources.Sources october = figures.open("p1", OCTOBER);

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
        assertEquals(0, b.absencesDetected());
        assertEquals(List.of(), b.toNudge());
        assertEquals(1, b.enrolledWithoutPlan(), "R3 has a job and no attendance plan");
        assertEquals(Map.of(YearMonth.of(2026, 10), new AttendanceFigures.MonthHours(68, 64, 2)), att.last12Months());

        AftercareFigures.Aftercare aft = october.aftercare().month("p1", OCTOBER, AS_OF).orElseThrow();
        // R3's July job: the call due and done on time; held at 3 months; its 90 days reached on 4 October
        assertEquals(new AftercareFigures.PerJobcentre(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1),
                aft.byJobcentre().get("jcB"));
        assertEquals(new AftercareFigures.PerJobcentre(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                aft.byJobcentre().get("jcA"), "the internship's workplace check is overdue");

        // read as of the day before the call was closed: it is overdue then
        AftercareFigures.Aftercare early = october.aftercare().month("p1", OCTOBER, local("2026-10-06T12:00")).orElseThrow();
        assertEquals(1, early.byJobcentre().get("jcB").overdue());
        // January 2027 from the same snapshot: R3's job (July) has passed six months, not checked
        AftercareFigures.Aftercare january = october.aftercare().month("p1",
                new ReportPeriod(YearMonth.of(2027, 1), WorkingDays.ZONE), AS_OF).orElseThrow();
        assertEquals(1, january.byJobcentre().get("jcB").jobStarts6MonthsPassedToDate());
        assertEquals(0, january.byJobcentre().get("jcB").keptJob6MonthsToDate(), "its six-month check is not done");

        assertEquals(Set.of(
                        new PhaseMove("R1", Phase.INTERNSHIP, local("2026-10-19T00:00"), local("2026-10-19T12:00")),
                        new PhaseMove("R3", Phase.PAID_HOURS_OR_JOB, local("2026-07-06T00:00"), local("2026-07-06T10:00"))),
                Set.copyOf(october.moves().moves("p1")));
    }

    private static void create(DynamoFollowUpStore tasks, FollowUpTask t) {
        assertInstanceOf(FollowUpStore.Created.class, tasks.create(t, List.of(),
                new AuditEntry("followUp:" + t.taskId(), "system", "followUp.created", t.createdAt())));
    }
}
