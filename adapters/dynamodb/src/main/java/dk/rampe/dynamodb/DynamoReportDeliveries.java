package dk.rampe.dynamodb;

import dk.rampe.report.ReportDeliveries;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The monthly report's sends, one item per programme and month ({@code REPORT#{programme}} /
 * {@code SENT#{yyyy-mm}}): the first written on the condition that there is none yet, a resend over it.
 * No personal data: ids, counts, times.
 */
public final class DynamoReportDeliveries implements ReportDeliveries {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportDeliveries(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Sent> sent(String programmeId, String month) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.reportSentKey(programmeId, month)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new Sent(programmeId, month, Attrs.str(item, "decisionId"), Attrs.str(item, "emailId"),
                (int) Attrs.num(item, "recipients"), Instant.parse(Attrs.str(item, "sentAt")), Attrs.str(item, "sentBy")));
    }

    @Override
    public boolean recordFirst(Sent sent) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(sent)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void recordResend(Sent sent) {
        dynamo.putItem(b -> b.tableName(table).item(item(sent)));
    }

    @Override
    public boolean claimResend(Sent seen, Instant now) {
        Instant before = now.minus(RESEND_INTENT);
        // the record must still be the one seen (its decision id), so its send time is the one read
        if (!seen.sentAt().isBefore(before)) return false;
        try {
            // the claim's time in milliseconds; the resend's record replaces the whole item, claim and all
            dynamo.updateItem(b -> b.tableName(table).key(Keys.reportSentKey(seen.programmeId(), seen.month()))
                    .updateExpression("SET resendClaimedAt = :now")
                    .conditionExpression("decisionId = :seen"
                            + " AND (attribute_not_exists(resendClaimedAt) OR resendClaimedAt < :before)")
                    .expressionAttributeValues(Map.of(":now", Attrs.n(now.toEpochMilli()), ":seen", Attrs.s(seen.decisionId()),
                            ":before", Attrs.n(before.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> item(Sent s) {
        Map<String, AttributeValue> m = new HashMap<>(Keys.reportSentKey(s.programmeId(), s.month()));
        m.put("type", Attrs.s("reportSent"));
        m.put("programmeId", Attrs.s(s.programmeId()));
        m.put("month", Attrs.s(s.month()));
        m.put("decisionId", Attrs.s(s.decisionId()));
        if (s.emailId() != null) m.put("emailId", Attrs.s(s.emailId()));
        m.put("recipients", Attrs.n(s.recipients()));
        m.put("sentAt", Attrs.s(s.sentAt().toString()));
        m.put("sentBy", Attrs.s(s.sentBy()));
        return m;
    }
}
