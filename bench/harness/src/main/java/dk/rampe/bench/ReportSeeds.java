package dk.rampe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.dynamodb.BenchItems;
import dk.rampe.dynamodb.ReportSeed;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The monthly report's bench: the events of its two functions (cold start, cost) and its growth rows,
 * one report of a programme of 1,000 and of 10,000 participants in a table of 100,000 items, with the
 * budget items read ≤ 1.2 × the programme's items + {@value #CONSTANT}. The programme's items are
 * everything of it the report needs, counted as they are seeded ({@link ReportSeed}: referrals,
 * path records, attendance plans, registrations and notices, follow-up tasks); the rest of the table
 * is participants of other programmes, shaped the same. Both programmes are in one table, seeded once.
 */
final class ReportSeeds {
    static final String PROGRAMME = "rampe-oestjylland";
    static final String BUCKET = "rampe-bench-reports";
    /** Reads beyond the programme's items: the settings, the outbox's failed partition, the 31 due days of delivery health. */
    static final int CONSTANT = 50;
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    /** Read requests a participant may cost: one query of its path, one of its attendance partition. */
    static final int PER_PARTICIPANT = 2;

    static final String TABLE = "per participant (about 7.6 items, as the functions write them): the referral, an"
            + " enrolment record, a plan on Mondays and Wednesdays for the report month's last two weeks and a registration"
            + " of every session; every 10th a detected absence with its closed follow-up (every 20th a notice too), every"
            + " 5th an internship, every 10th a job three months before with its aftercare call done, every 20th an exit";

    private ReportSeeds() {
    }

    /** The month a report made now covers: the one just ended (Copenhagen). */
    static YearMonth lastMonth() {
        return YearMonth.now(CPH).minusMonths(1);
    }

    /** The scheduled run's input for one programme and the month just ended. */
    static Path monthlyEvent(Path out) {
        ObjectNode o = BenchJson.object();
        o.put("programmeId", PROGRAMME);
        o.put("month", lastMonth().toString());
        return Templates.write(o, out);
    }

    /** {@code POST /v1/admin/reports} by an admin (the settings sample's admin claims), for the month just ended. */
    static Path adminPost(String adminSample, Path out) {
        ObjectNode ev = Templates.object(adminSample);
        String route = "POST /v1/admin/reports";
        ev.put("routeKey", route);
        ev.put("rawPath", "/v1/admin/reports");
        ObjectNode body = BenchJson.object();
        body.put("programmeId", PROGRAMME);
        body.put("month", lastMonth().toString());
        ev.put("body", BenchJson.write(body));
        ev.put("isBase64Encoded", false);
        ObjectNode ctx = (ObjectNode) ev.get("requestContext");
        ctx.put("routeKey", route);
        ctx.put("requestId", "bench-report-{{SEQ}}");
        ((ObjectNode) ctx.get("http")).put("method", "POST").put("path", "/v1/admin/reports");
        return Templates.write(ev, out);
    }

    /** {@code GET /v1/admin/reports} by an admin. */
    static Path adminList(String adminSample, Path out) {
        ObjectNode ev = Templates.object(adminSample);
        String route = "GET /v1/admin/reports";
        ev.put("routeKey", route);
        ev.put("rawPath", "/v1/admin/reports");
        ev.remove("body");
        ev.put("isBase64Encoded", false);
        ((ObjectNode) ev.get("headers")).remove("content-type");
        ObjectNode ctx = (ObjectNode) ev.get("requestContext");
        ctx.put("routeKey", route);
        ctx.put("requestId", "bench-report-list-{{SEQ}}");
        ((ObjectNode) ctx.get("http")).put("method", "GET").put("path", "/v1/admin/reports");
        return Templates.write(ev, out);
    }

    static String programme(int participants) {
        return "rampe-bench-" + participants;
    }

    /** The settings sample with one programme more per size (a copy of the sample's first programme). */
    static String settings(String sample, List<Integer> sizes) {
        ObjectNode root = Templates.object(sample);
        ArrayNode programmes = (ArrayNode) root.get("programmes");
        JsonNode first = programmes.get(0);
        for (int n : sizes) {
            ObjectNode p = first.deepCopy();
            p.put("id", programme(n));
            p.put("name", "Bench " + n);
            programmes.add(p);
        }
        return BenchJson.write(root);
    }

    /**
     * Seeds the table: each size's programme, then other programmes up to {@code tableItems}; returns each
     * programme's item count.
     */
    static Map<String, Long> seed(LocalDynamo db, String settingsSample, List<Integer> sizes, int tableItems) {
        BenchItems.putSettings(db.client(), db.table(), settings(settingsSample, sizes));
        YearMonth month = lastMonth();
        Map<String, Long> counts = new LinkedHashMap<>();
        long written = 0;
        for (int n : sizes) {
            long c = write(db, programme(n), month, 0, n, Long.MAX_VALUE);
            counts.put(programme(n), c);
            written += c;
        }
        // other programmes' participants, 1,000 at a time, until the table holds tableItems
        for (int batch = 0; written < tableItems; batch++) {
            written += write(db, "rampe-other-" + (batch % 20), month, batch * 1000, batch * 1000 + 1000, tableItems - written);
        }
        counts.put("table", written);
        return counts;
    }

    /** Participants [from, to) of a programme, written in batches; stops after {@code max} items. */
    private static long write(LocalDynamo db, String programme, YearMonth month, int from, int to, long max) {
        long total = 0;
        for (int start = from; start < to && total < max; start += 1000) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = start; i < Math.min(to, start + 1000); i++) {
                items.addAll(ReportSeed.participant(db.table(), programme, month, i));
            }
            if (items.size() > max - total) items = items.subList(0, (int) (max - total));
            List<Map<String, AttributeValue>> all = items;
            Seeder.put(db.client(), db.table(), all.size(), k -> all.get((int) k), Seeder.THREADS);
            total += all.size();
        }
        return total;
    }

    /** The report's one query of the base table that is not a participant's: the programme's kept monthly facts. */
    static final long KEPT_FACTS_QUERIES = 1;

    /**
     * Queries of the base table (no index): in a report, a participant's path or attendance partition, and once the
     * programme's kept monthly facts ({@link #KEPT_FACTS_QUERIES}).
     */
    static long participantQueries(Cost.Invocation inv, String table) {
        return inv.requests().stream().filter(q -> q.op().equals("Query") && q.table().equals(table)).count();
    }

    /**
     * The rows: one table, seeded once, then one report per size in a metered child JVM of the scheduled
     * function ({@code {"programmeId", "month"}}): items read against the budget, and the invocation's time.
     */
    static void growth(Report report, ChildJvm jvm, BenchMain.EnvFor envFor, LocalDynamo db, String settingsSample,
                       ChildJvm.Target target, Path work, List<Integer> sizes, int tableItems, long seqBase) {
        long t0 = System.nanoTime();
        Map<String, Long> counts = seed(db, settingsSample, sizes, tableItems);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        BenchMain.log(String.format(Locale.ROOT, "growth: monthly report, seeded %,d items (%s) in %.1f s",
                counts.get("table"), counts, seedSeconds));
        YearMonth month = lastMonth();
        long seq = seqBase;
        for (int n : sizes) {
            String programme = programme(n);
            ObjectNode ev = BenchJson.object();
            ev.put("programmeId", programme);
            ev.put("month", month.toString());
            Path event = Templates.write(ev, work.resolve("report-growth-" + n + ".json"));
            ChildJvm.Result r = jvm.run(target, envFor.env(target.handler(), target.name(), db.endpoint()),
                    List.of(ChildJvm.Step.of("report", event, 1)), seq, "growth-" + target.name() + "-" + n, false,
                    ChildJvm.Meter.CAPACITY);
            seq += 1_000_000;
            if (!r.invocations().get(0).status().startsWith("2")) {
                throw new IllegalStateException("growth monthly report " + n + ": answered " + r.invocations().get(0).status()
                        + "; see " + r.stdout());
            }
            Cost.Invocation inv = Cost.read(r).get(0);
            long items = counts.get(programme);
            long limit = (long) (1.2 * items) + CONSTANT;
            String subject = String.format(Locale.ROOT, "monthly report, %,d participants (%,d items) in a table of %,d items",
                    n, items, counts.get("table"));
            report.add("growth", subject, "items read (" + inv.readRequests() + " read requests, "
                            + BenchMain.cu(inv.estRcu()) + " RCU on AWS)", inv.itemsRead(), null, "",
                    new Report.Budget(String.format(Locale.ROOT, "items read ≤ 1.2 × %,d + %d", items, CONSTANT),
                            inv.itemsRead() <= limit));
            // a participant's reads are queries of its own partitions (the base table: its path, its attendance);
            // the programme's are the rest (the referrals' pages on gsi2, the tasks 100 a BatchGetItem, delivery
            // health on gsi1, the settings): budgeted apart, so the per-participant figure is the one that scales
            // one more query of the base table is the programme's: its kept monthly facts (REPORT#{programme})
            long own = Math.max(0, participantQueries(inv, db.table()) - KEPT_FACTS_QUERIES);
            long programmeReads = inv.readRequests() - own;
            report.add("growth", subject, String.format(Locale.ROOT, "read requests per participant: queries of its path and"
                            + " its attendance partition (%,d for %,d; %.2f a participant with the programme's)", own, n,
                            (double) inv.readRequests() / n), (double) own / n, null, "",
                    new Report.Budget("≤ " + PER_PARTICIPANT + " a participant", own <= (long) PER_PARTICIPANT * n));
            long programmeLimit = n / 50 + CONSTANT;
            report.add("growth", subject, "read requests of the programme (referrals by page, tasks 100 a batch, delivery"
                            + " health, settings, kept monthly facts)", programmeReads, null, "",
                    new Report.Budget(String.format(Locale.ROOT, "≤ %,d / 50 + %d", n, CONSTANT), programmeReads <= programmeLimit));
            double ms = r.invocations().get(0).nanos() / 1e6;
            report.add("growth", subject, "time of the report (read, compute, render, keep in S3, email)", ms, null, "ms",
                    null);
            ObjectNode d = report.details().withArrayProperty("growth").addObject();
            d.put("operation", "monthly report");
            d.put("participants", n);
            d.put("programmeItems", items);
            d.put("tableItems", counts.get("table"));
            d.put("itemsRead", inv.itemsRead());
            d.put("readRequests", inv.readRequests());
            d.put("participantReadRequests", own);
            d.put("rcu", inv.rcu());
            d.put("awsEstimateRcu", inv.estRcu());
            d.put("ms", ms);
            d.put("seedSeconds", seedSeconds);
        }
    }
}
