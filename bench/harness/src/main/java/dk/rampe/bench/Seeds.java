package dk.rampe.bench;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Seeders for the growth rows: items shaped like the real ones, written with {@link Seeder}. */
final class Seeds {
    private static final String FILLER = "x".repeat(700);

    private Seeds() {
    }

    /**
     * Referrals from earlier intakes, about the size of a real one (~1 KB): they make the table
     * big without being anything the next intake must look at.
     */
    static void referrals(LocalDynamo db, int from, int to, int due) {
        Seeder.put(db.client(), db.table(), to - from, i -> referral(from + i), Seeder.THREADS);
    }

    static Map<String, AttributeValue> referral(long n) {
        String id = "RSEED" + Long.toString(100_000_000L + n, 32).toUpperCase();
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("pk", AttributeValue.fromS("REFERRAL#" + id));
        m.put("sk", AttributeValue.fromS("REFERRAL"));
        m.put("type", AttributeValue.fromS("referral"));
        m.put("gsi1pk", AttributeValue.fromS("JOBCENTRE#jc-aarhus"));
        m.put("gsi1sk", AttributeValue.fromS("2026-01-05T09:00:00Z#" + id));
        m.put("programmeId", AttributeValue.fromS("rampe-oestjylland"));
        m.put("jobcentreId", AttributeValue.fromS("jc-aarhus"));
        m.put("consultantId", AttributeValue.fromS("c-anna"));
        m.put("status", AttributeValue.fromS("enrolled"));
        m.put("version", AttributeValue.fromN("3"));
        m.put("details", AttributeValue.fromS(FILLER));
        return m;
    }
}
