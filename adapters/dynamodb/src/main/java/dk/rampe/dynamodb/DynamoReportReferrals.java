package dk.rampe.dynamodb;

import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.report.DeliveryFigures;
import dk.rampe.report.ReportReferrals;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the monthly report reads: the programme's referrals from gsi2 ({@code PROGRAMME#{p}#REFERRAL}),
 * one paged query, never a scan. gsi2 projects no referral details (no CPR number, no benefit): the
 * referrals come back with details holding only the programme id. Counts the items it read.
 */
public final class DynamoReportReferrals implements ReportReferrals, DeliveryFigures {
    /** The waiting nudges' day buckets read at the same time. */
    static final int PARALLEL = 8;
    public static final String GSI2 = "gsi2";

    private final DynamoDbClient dynamo;
    private final String table;
    private final AtomicLong itemsRead = new AtomicLong();

    public DynamoReportReferrals(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Items read so far (for the benchmark's budget). */
    public long itemsRead() {
        return itemsRead.get();
    }

    @Override
    public List<Referral> ofProgramme(String programmeId) {
        List<Referral> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse r = dynamo.query(b -> b.tableName(table).indexName(GSI2)
                    .keyConditionExpression("gsi2pk = :p")
                    .expressionAttributeValues(Map.of(":p", Attrs.s(Keys.programmeReferralsGsi2pk(programmeId))))
                    .exclusiveStartKey(after));
            itemsRead.addAndGet(r.count());
            for (Map<String, AttributeValue> m : r.items()) out.add(referral(programmeId, m));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static Referral referral(String programmeId, Map<String, AttributeValue> m) {
        ReferralDetails details = new ReferralDetails(programmeId, null, null, null, null, List.of(), null, null, null,
                List.of(), false, null);
        return new Referral(Keys.referralIdOf(Attrs.str(m, "pk")), Attrs.str(m, "jobcentreId"), details,
                Attrs.str(m, "consultantId"), ReferralStatus.fromWire(Attrs.str(m, "status")), Attrs.flag(m, "overQuota"),
                ReferralItems.history(m.get("history")), Instant.parse(Attrs.str(m, "createdAt")), Attrs.num(m, "version"));
    }

    /**
     * Nudges of the programme that failed before {@code asOf} (the failed partition of gsi1, filtered
     * by programme) and that wait to be sent (pending or sending, due in the 31 days before {@code asOf}).
     */
    @Override
    public Nudges nudges(String programmeId, Instant asOf) {
        long failed = count(Keys.reportFailedOutboxGsi1pk(), Keys.skFrom(Instant.EPOCH), Keys.skTo(asOf), programmeId);
        long waiting = 0;
        for (Map<String, AttributeValue> item : DueQuery.everyItem(dynamo, table, Keys.KIND_OUTBOX,
                asOf.minus(java.time.Duration.ofDays(31)), asOf, PARALLEL)) {
            if (programmeId.equals(Attrs.str(item, "programmeId"))) waiting++;
        }
        return new Nudges(failed, waiting);
    }

    private long count(String pk, String lo, String hi, String programmeId) {
        long n = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse r = dynamo.query(b -> b.tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :lo AND :hi")
                    .filterExpression("programmeId = :p")
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(pk), ":lo", Attrs.s(lo), ":hi", Attrs.s(hi),
                            ":p", Attrs.s(programmeId)))
                    .exclusiveStartKey(after));
            n += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return n;
    }
}
