package dk.rampe.monthlyreport;

import dk.rampe.dynamodb.DynamoMonthlyFacts;
import dk.rampe.local.embedded.FolderReportArchive;
import dk.rampe.local.embedded.TimeToLive;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.report.MonthlyReport;
import dk.rampe.report.ReportArchive;
import dk.rampe.report.ScriptedProgramme;
import dk.rampe.testkit.RampeFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled reports of a scripted programme on DynamoDB Local while its clock runs through the retention:
 * every month's report is made on the 1st, DynamoDB's TTL deletes what AWS would as the clock passes each
 * {@code expiresAt}, and every month made again after every ended referral was deleted has the HTML figures and
 * the CSV it was sent with; the totals since the start never shrink.
 */
class FactsOutliveRetentionTest {
    static final YearMonth FIRST = YearMonth.of(2026, 1);
    static final YearMonth LAST = YearMonth.of(2027, 6);

    @Test
    void everyMonthMadeAgainAfterTheRetentionDeletedTheParticipantsHasTheFiguresItWasSentWith() throws Exception {
        Instant start = Instant.parse("2026-02-01T06:00:00Z");
        RampeFixture f = new RampeFixture(start, Map.of());
        f.loadSettings(MonthlyReportHandlerTest.SETTINGS);
        ScriptedProgramme script = new ScriptedProgramme(18);
        script.referrals.forEach(r -> MonthlyReportHandlerTest.write(f, r, f.config.retentionAfterExit()));
        FolderReportArchive archive = new FolderReportArchive(Files.createTempDirectory("reports"));
        MonthlyReportHandler handler = new MonthlyReportHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);

        Map<YearMonth, String[]> sent = new LinkedHashMap<>();
        Map<YearMonth, MonthlyReport> reports = new LinkedHashMap<>();
        int deleted = 0;
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            Instant scheduled = m.plusMonths(1).atDay(1).atTime(6, 0).atZone(java.time.ZoneOffset.UTC).toInstant();
            f.clock.set(scheduled);
            deleted += TimeToLive.expire(f.dynamo, f.config.table(), scheduled);
            ReportRun.Made made = MonthlyReportHandler.runFor(f.config, f.dynamo, f.local, archive, f.clock)
                    .monthBefore(scheduled).get(0);
            assertEquals(m.toString(), made.month());
            reports.put(m, made.report());
            sent.put(m, files(archive, made.stored()));
        }
        assertTrue(deleted > 0, "the retention deleted items while the months were reported");
        assertTrue(f.dynamo.scan(b -> b.tableName(f.config.table())).items().stream()
                .anyMatch(i -> i.get("sk").s().startsWith("FACTS#")), "the months' facts are kept");

        // a year and more later every ended referral is gone; each month made again through the handler
        f.clock.set(LAST.plusMonths(24).atDay(1).atTime(6, 0).atZone(java.time.ZoneOffset.UTC).toInstant());
        deleted += TimeToLive.expire(f.dynamo, f.config.table(), f.clock.instant());
        long ended = script.referrals.stream().filter(r -> r.status() == ReferralStatus.EXITED
                || r.status() == ReferralStatus.DECLINED || r.status() == ReferralStatus.OUTSIDE_TARGET_GROUP).count();
        long left = f.dynamo.scan(b -> b.tableName(f.config.table())).items().stream()
                .filter(i -> i.get("sk").s().equals("REFERRAL")).count();
        assertEquals(script.referrals.size() - ended, left, "only the referrals still open are left");
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            String month = m.toString();
            handler.report(Map.of("programmeId", "p1", "month", month), null);
            List<ReportArchive.Stored> kept = archive.list("p1").stream().filter(s -> s.month().equals(month)).toList();
            assertEquals(2, kept.size());
            ReportArchive.Stored again = kept.get(1);
            String[] first = sent.get(m);
            String[] now = files(archive, again);
            assertEquals(first[1], now[1], "the CSV of " + m + " made again");
            assertEquals(first[0], now[0], "the HTML figures of " + m + " made again");
        }

        // the totals since the start of the months made while the data went: what happened, never less
        for (MonthlyReport r : reports.values()) {
            for (String key : List.of("referred", "enrolled", "exits.total")) {
                var fig = r.figure("since_start", "since_start." + key, MonthlyReport.PROGRAMME).orElseThrow();
                if (!fig.shownAsNumber()) continue;
                String kind = switch (key) {
                    case "exits.total" -> "exit.";
                    default -> key;
                };
                assertEquals(script.count(kind, MonthlyReport.PROGRAMME, r.asOf()), (long) fig.value(), r.month() + " " + key);
            }
        }
        // and the number behind the latest month's total (shown or suppressed) counts every referral
        Map<String, Double> lastFacts = new DynamoMonthlyFacts(f.dynamo, f.config.table()).months("p1").get(LAST).values();
        assertEquals(script.referrals.size(), Math.round(lastFacts.get("intake/received.total@programme")));
        assertEquals(script.count("exit.", MonthlyReport.PROGRAMME, reports.get(LAST).asOf()),
                Math.round(lastFacts.get("since_start/since_start.exits.total@programme")));
    }

    /** The report's HTML without the time it was made (the one line that differs), and its CSV. */
    private static String[] files(FolderReportArchive archive, ReportArchive.Stored stored) {
        String html = new String(archive.read(stored, ReportRun.HTML_FILE).orElseThrow(), StandardCharsets.UTF_8);
        String csv = new String(archive.read(stored, ReportRun.CSV_FILE).orElseThrow(), StandardCharsets.UTF_8);
        String withoutMadeAt = html.replaceFirst(" Lavet \\d+/\\d+-\\d{4} \\d{2}:\\d{2}\\.", " Lavet (then).");
        assertTrue(!withoutMadeAt.equals(html), "the one line with the time it was made");
        return new String[] {withoutMadeAt, csv};
    }
}
