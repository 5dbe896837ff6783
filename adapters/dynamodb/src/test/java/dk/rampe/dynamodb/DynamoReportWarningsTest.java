package dk.rampe.dynamodb;

import static dk.rampe.dynamodb.DynamoReportFiguresTest.MON_FRI;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.OCTOBER;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.WEEKDAYS;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.local;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.referral;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.reg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.Registration;
import dk.rampe.audit.AuditEntry;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.platform.RampeConfig;
import dk.rampe.referral.Referral;
import dk.rampe.report.WarningFigures;
import dk.rampe.schedule.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's reader carries the early warning's follow-ups: a participant seeded through the real stores,
 * present every weekday from September and absent on Wednesday 14 October (after a long run attended: the
 * warning's signal), the warning stored as started that day and its {@code attention_due} follow-up created
 * that afternoon and closed the next day; a
 * participant present every day beside it. October's figures read back from DynamoDB Local.
 */
class DynamoReportWarningsTest {

    @Test
    void theWarningsOfTheMonthAreReadWithTheProgramme() {
        RampeConfig config = DynamoContractTables.freshTables();
        var client = DynamoContractTables.client();
        DynamoAuditLog audit = new DynamoAuditLog(client, config.auditTable(), config.auditRetention());
        DynamoReferralStore referrals = new DynamoReferralStore(client, config.table(), audit);
        DynamoAttendanceStore attendance = new DynamoAttendanceStore(client, config.table());
        DynamoFollowUpStore tasks = new DynamoFollowUpStore(client, config.table(), audit);

        LocalDate absent = LocalDate.of(2026, 10, 14);
        for (String id : List.of("R1", "R2")) {
            Referral r = referral(id, "jcA", "c-a", local("2026-08-01T10:00"), local("2026-08-20T09:00"));
            DynamoReportReferralsTest.write(referrals, r, "ck-" + id);
            attendance.putPlan(id, new AttendancePlan(LocalDate.of(2026, 9, 1), MON_FRI, LocalTime.of(9, 0), 180, "c-a",
                    local("2026-08-25T10:00"), true));
            for (LocalDate d = LocalDate.of(2026, 9, 1); d.getMonthValue() <= 10; d = d.plusDays(1)) {
                if (WorkingDays.isWeekend(d)) continue;
                boolean away = id.equals("R1") && d.equals(absent);
                attendance.addRegistration(id, reg(id + "-" + d, d, away ? Registration.Status.ABSENT
                        : Registration.Status.PRESENT, null, local(d + "T10:00")));
            }
        }
        // the warning as the detection stores it (in R1's attendance partition), and its follow-up by its derived id
        dk.rampe.attendance.Warning started = dk.rampe.attendance.Warning.of("R1", absent,
                List.of(new dk.rampe.attendance.EarlyWarning.Signal("absence_after_stable_run", List.of(32))),
                local("2026-10-14T16:00"));
        client.putItem(b -> b.tableName(config.table()).item(DynamoAttendanceStore.warningItem(started)));
        String taskId = started.followUpTaskId("p1");
        FollowUpTask warning = FollowUpTask.open(taskId, FollowUpKind.ATTENTION_DUE, "R1", "c-a", "p1",
                local("2026-10-16T16:00"), local("2026-10-14T16:00"));
        assertInstanceOf(FollowUpStore.Created.class, tasks.create(warning, List.of(),
                new AuditEntry("followUp:" + taskId, "system", "followUp.created", warning.createdAt())));
        Instant closed = local("2026-10-15T11:00");
        assertTrue(tasks.close(taskId, new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE,
                FollowUpOutcome.NextStep.NONE, null), "c-a", closed, new AuditEntry("followUp:" + taskId, "c-a",
                "followUp.closed", closed)));

        WarningFigures.Warnings w = new DynamoReportFigures(client, config.table(), WEEKDAYS, p -> AttendanceRules.DEFAULTS)
                .open("p1", OCTOBER).warnings().month("p1", OCTOBER, OCTOBER.end()).orElseThrow();
        assertEquals(new WarningFigures.PerJobcentre(1, 1, 0, 0), w.byJobcentre().get("jcA"));
    }
}
