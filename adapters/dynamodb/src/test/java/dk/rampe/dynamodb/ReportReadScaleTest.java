package dk.rampe.dynamodb;

import dk.rampe.attendance.AttendanceRules;
import dk.rampe.platform.RampeConfig;
import dk.rampe.report.Figure;
import dk.rampe.report.MonthlyReport;
import dk.rampe.report.ReportMaker;
import dk.rampe.report.ReportPeriod;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.ReportSettings;
import dk.rampe.settings.Settings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read budget: a report of a programme with 1,000 and then 10,000 participants, in a table
 * of 100,000 items, reads only that programme's items (≤ 1.2 × the programme's items + a constant), by
 * query and by key. The programme's items are everything of it the report needs ({@link ReportSeed}:
 * referrals, path records, attendance plans, registrations, notices, follow-up tasks), counted as they
 * are seeded; items read are counted as DynamoDB bills them ({@link ReadCountingDynamo}), and the read
 * requests are at most 2 a participant (its path, its attendance partition; the referrals by programme and
 * the follow-up tasks in batches of 100 are a few more per hundred participants).
 * Seeding 100,000 items takes about a minute on 2 cores, so the test run uses a tenth of every size
 * (100 and 1,000 participants in 10,000 items); {@code -Drampe.scale=true} runs the full sizes.
 */
class ReportReadScaleTest {
    static final int DIVISOR = Boolean.getBoolean("rampe.scale") ? 1 : 10;
    static final int TABLE = 100_000 / DIVISOR;
    static final YearMonth MONTH = YearMonth.of(2027, 3);
    /** Reads beyond the programme's items: the outbox's failed partition and the 31 due days of delivery health. */
    static final int CONSTANT = 50;

    @Test
    void readsFollowTheProgrammeNotTheTable() {
        RampeConfig config = DynamoContractTables.freshTables();
        DynamoDbClient db = DynamoContractTables.client();
        long t0 = System.nanoTime();
        Map<String, Integer> programmeItems = new java.util.HashMap<>();
        int written = 0;
        int small = 1_000 / DIVISOR;
        int big = 10_000 / DIVISOR;
        for (String[] p : new String[][] {{"p-small", Integer.toString(small)}, {"p-big", Integer.toString(big)}}) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(p[1]); i++) items.addAll(ReportSeed.participant(config.table(), p[0], MONTH, i));
            ReportSeed.write(db, config.table(), items);
            programmeItems.put(p[0], items.size());
            written += items.size();
        }
        // the rest of the table: participants of 20 other programmes, shaped the same
        for (int i = 0; written < TABLE; i++) {
            List<Map<String, AttributeValue>> items = ReportSeed.participant(config.table(), "p-other-" + (i % 20), MONTH, i);
            ReportSeed.write(db, config.table(), items);
            written += items.size();
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        for (String[] c : new String[][] {{"p-small", Integer.toString(small)}, {"p-big", Integer.toString(big)}}) {
            ReadCountingDynamo counting = new ReadCountingDynamo(db);
            DynamoReportFigures figures = new DynamoReportFigures(counting, config.table(), ReportSeed.WEEKDAYS,
                    p -> AttendanceRules.DEFAULTS);
            Settings.Programme programme = new Settings.Programme(c[0], "Bench", LocalDate.of(2026, 11, 1),
                    LocalDate.of(2028, 12, 31), List.of(new Settings.Partner("jc-aarhus", 5000, "c-anna"),
                    new Settings.Partner("jc-odder", 5000, "c-bo"), new Settings.Partner("jc-randers", 5000, "c-carla")),
                    List.of(), List.of(), List.of(), new ReportSettings(List.of(), 6, List.of(
                    new ReportSettings.Target(ReportSettings.TargetKind.KEPT_JOB_6_MONTHS_SHARE, 60),
                    new ReportSettings.Target(ReportSettings.TargetKind.EMPLOYED_6_MONTHS_AFTER_EXIT, 30))));
            long t = System.nanoTime();
            MonthlyReport report = new ReportMaker(figures, Clock.fixed(new ReportPeriod(MONTH, WorkingDays.ZONE).end()
                    .plusSeconds(6 * 3600), ZoneOffset.UTC)).make(programme, Map.of(), new ReportPeriod(MONTH, WorkingDays.ZONE));
            double ms = (System.nanoTime() - t) / 1e6;
            int n = Integer.parseInt(c[1]);
            // a total since the start that did not grow by 5 shows its value as last published, with that month
            String total = report.shown("flow", "participants.total", "programme");
            assertTrue(total.equals(Integer.toString(n)) || total.startsWith(n + Figure.AS_OF), total);
            assertEquals(Integer.toString(n / 10), report.shown("attendance", "absences", "programme"));
            assertEquals(Integer.toString(n / 10), report.shown("aftercare", "follow_ups.on_time", "programme"),
                    "the aftercare calls of the jobs, closed on their day");
            int items = programmeItems.get(c[0]);
            long budget = (long) (1.2 * items) + CONSTANT;
            System.out.printf("report (read + compute), %,d participants (%,d items) in a table of %,d items: %,d items read"
                    + " in %,d requests (budget %,d), %.0f ms (seeding %.1f s)%n", n, items, written, counting.items.get(),
                    counting.requests.get(), budget, ms, seedSeconds);
            assertTrue(counting.items.get() <= budget, counting.items.get() + " > " + budget);
            // two queries a participant; the referrals' pages and a batch per 100 tasks are the programme's, not theirs
            assertTrue(counting.requests.get() <= 2L * n + n / 50 + CONSTANT, counting.requests.get() + " requests for "
                    + n + " participants: more than 2 a participant");
        }
    }
}
