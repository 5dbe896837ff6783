package dk.rampe.dynamodb;

import dk.rampe.platform.RampeConfig;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's read budget: a report of a programme with 1,000 and then 10,000 participants, in a table
 * of 100,000 items, reads only that programme's items (≤ 1.2 × the programme's items + a constant), by
 * query. Items read and the time are printed (the bench harness has a placeholder row for this).
 * Seeding 100,000 items takes about a minute on 2 cores, so the test run uses a tenth of every size
 * (100 and 1,000 participants in 10,000 items); {@code -Drampe.scale=true} runs the full sizes.
 */
class ReportReadScaleTest {
    static final int DIVISOR = Boolean.getBoolean("rampe.scale") ? 1 : 10;
    static final int TABLE = 100_000 / DIVISOR;

    @Test
    void readsFollowTheProgrammeNotTheTable() {
        RampeConfig config = DynamoContractTables.freshTables();
        DynamoDbClient db = DynamoContractTables.client();
        long t0 = System.nanoTime();
        // 1,000 referrals of p-small, 10,000 of p-big, the rest of 20 other programmes (each size divided by DIVISOR)
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < TABLE; i++) {
            String programme = i < 1_000 / DIVISOR ? "p-small" : i < 11_000 / DIVISOR ? "p-big" : "p-other-" + (i % 20);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(i, programme)).build()).build());
            if (batch.size() == 25) {
                write(db, config.table(), batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) write(db, config.table(), batch);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        for (String[] c : new String[][] {{"p-small", Integer.toString(1_000 / DIVISOR)},
                {"p-big", Integer.toString(10_000 / DIVISOR)}}) {
            DynamoReportReferrals source = new DynamoReportReferrals(db, config.table());
            long t = System.nanoTime();
            dk.rampe.settings.Settings.Programme programme = new dk.rampe.settings.Settings.Programme(c[0], "Bench",
                    java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2028, 12, 31),
                    List.of(new dk.rampe.settings.Settings.Partner("jc-0", 5000, "c-0"),
                            new dk.rampe.settings.Settings.Partner("jc-1", 5000, "c-1"),
                            new dk.rampe.settings.Settings.Partner("jc-2", 5000, "c-2")), List.of(), List.of());
            dk.rampe.report.MonthlyReport report = new dk.rampe.report.ReportMaker(source,
                    dk.rampe.report.PhaseMoves.none(), dk.rampe.report.AttendanceFigures.notRecordedYet(),
                    dk.rampe.report.AftercareFigures.notRecordedYet(), dk.rampe.report.DeliveryFigures.none(),
                    java.time.Clock.fixed(Instant.parse("2027-07-01T05:00:00Z"), java.time.ZoneOffset.UTC))
                    .make(programme, Map.of(), new dk.rampe.report.ReportPeriod(java.time.YearMonth.of(2027, 6),
                            java.time.ZoneId.of("Europe/Copenhagen")));
            double ms = (System.nanoTime() - t) / 1e6;
            int n = Integer.parseInt(report.shown("flow", "participants.total", "programme"));
            int programmeItems = Integer.parseInt(c[1]);
            assertEquals(programmeItems, n);
            long budget = (long) (1.2 * programmeItems) + 10;
            System.out.printf("report (read + compute), %s participants in a table of %,d items: %,d items read (budget %,d), %.0f ms"
                    + " (seeding %.1f s)%n", c[1], TABLE, source.itemsRead(), budget, ms, seedSeconds);
            assertTrue(source.itemsRead() <= budget, source.itemsRead() + " > " + budget);
        }
    }

    private static Map<String, AttributeValue> item(int i, String programme) {
        String id = String.format("R%012d", i);
        Instant created = Instant.parse("2026-01-05T09:00:00Z").plusSeconds(i * 60L);
        Map<String, AttributeValue> m = new HashMap<>(Keys.referralKey(id));
        m.put("type", Attrs.s("referral"));
        m.put("gsi2pk", Attrs.s(Keys.programmeReferralsGsi2pk(programme)));
        m.put("gsi2sk", Attrs.s(Keys.programmeReferralsGsi2sk("enrolled", created, id)));
        m.put("programmeId", Attrs.s(programme));
        m.put("jobcentreId", Attrs.s("jc-" + (i % 3)));
        m.put("consultantId", Attrs.s("c-" + (i % 7)));
        m.put("status", Attrs.s("enrolled"));
        m.put("overQuota", Attrs.bool(false));
        m.put("createdAt", Attrs.s(created.toString()));
        m.put("version", Attrs.n(3));
        m.put("history", ReferralItems.history(List.of(
                new StatusChange(ReferralStatus.RECEIVED, created, "jc", null, null),
                new StatusChange(ReferralStatus.ACCEPTED, created.plusSeconds(86_400), "staff", null, null),
                new StatusChange(ReferralStatus.ENROLLED, created.plusSeconds(7 * 86_400), "staff", null, null))));
        return m;
    }

    private static void write(DynamoDbClient db, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> now = Map.copyOf(pending);
            Map<String, List<WriteRequest>> left = db.batchWriteItem(b -> b.requestItems(now)).unprocessedItems();
            pending = left == null ? Map.of() : left;
        }
    }
}
