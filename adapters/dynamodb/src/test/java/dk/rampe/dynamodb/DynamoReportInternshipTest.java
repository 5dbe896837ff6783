package dk.rampe.dynamodb;

import static dk.rampe.dynamodb.DynamoReportFiguresTest.AS_OF;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.MON_FRI;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.OCTOBER;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.WEEKDAYS;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.local;
import static dk.rampe.dynamodb.DynamoReportFiguresTest.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.PathStore;
import dk.rampe.platform.RampeConfig;
import dk.rampe.report.AttendanceFigures;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The report's planned hours follow the detection's rules (Expectations) during an internship: nothing of
 * a plan step is planned then unless the step applies during one; the internship as the path stood at the
 * month's end (an end recorded later does not change the month).
 */
class DynamoReportInternshipTest {

    @Test
    void anInternshipPlansNothingUnlessThePlanStepSaysSo() {
        RampeConfig config = DynamoContractTables.freshTables();
        var client = DynamoContractTables.client();
        DynamoAuditLog audit = new DynamoAuditLog(client, config.auditTable(), config.auditRetention());
        DynamoReferralStore referrals = new DynamoReferralStore(client, config.table(), audit);
        DynamoAttendanceStore attendance = new DynamoAttendanceStore(client, config.table());
        DynamoPathStore paths = new DynamoPathStore(client, config.table());
        // both Mon-Fri 09:00 for 3 hours from 1 October, both in an internship 19-23 October (expected end)
        for (String id : new String[] {"R1", "R2"}) {
            DynamoReportReferralsTest.write(referrals, referral(id, "jcA", "c-a", local("2026-09-01T10:00"),
                    local("2026-09-15T09:00")), "ck-" + id);
            attendance.putPlan(id, new AttendancePlan(LocalDate.of(2026, 10, 1), MON_FRI, LocalTime.of(9, 0), 180, "c-a",
                    local("2026-09-20T10:00"), id.equals("R2")));
            paths.record(new Milestone("M" + id, id, MilestoneType.INTERNSHIP_STARTED, LocalDate.of(2026, 10, 19), "c-a",
                    local("2026-10-19T12:00"), null, "Lager A/S", null, null, LocalDate.of(2026, 10, 23), null, null),
                    new PathStore.Changes(java.util.List.of(), java.util.List.of(),
                            java.util.List.of(new dk.rampe.attendance.Internship(LocalDate.of(2026, 10, 19),
                                    LocalDate.of(2026, 10, 23)))));
        }
        // recorded in November: ended early, on 20 October; October as it stood keeps the whole week
        paths.record(new Milestone("MR1E", "R1", MilestoneType.INTERNSHIP_ENDED, LocalDate.of(2026, 10, 20), "c-a",
                local("2026-11-02T12:00"), null, null, null, null, null, "for meget", null), PathStore.Changes.NONE);

        AttendanceFigures.Attendance att = new DynamoReportFigures(client, config.table(), WEEKDAYS,
                p -> AttendanceRules.DEFAULTS).open("p1", OCTOBER).attendance().month("p1", OCTOBER, AS_OF).orElseThrow();
        // R1: 22 weekdays but the internship's 5: 17 x 3 hours; R2: its plan applies during one: 22 x 3
        assertEquals(17 * 3 + 22 * 3, att.byJobcentre().get("jcA").plannedHours(), 1e-9);
    }
}
