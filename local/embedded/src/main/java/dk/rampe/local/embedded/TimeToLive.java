package dk.rampe.local.embedded;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * DynamoDB's time to live, as AWS applies it, for DynamoDB Local (which keeps expired items for ever):
 * every item whose TTL attribute ({@code expiresAt}, the template's {@code TimeToLiveSpecification}) is a
 * number of epoch seconds at or before {@code now} is deleted. AWS deletes within days of the time, never
 * before it; an item without the attribute, or with a non-number, is kept. Local use only (a scan).
 */
public final class TimeToLive {
    public static final String ATTRIBUTE = "expiresAt";

    private TimeToLive() {
    }

    /** Deletes the table's expired items as of {@code now}; returns how many. */
    public static int expire(DynamoDbClient dynamo, String table, Instant now) {
        int deleted = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).exclusiveStartKey(from)
                    .filterExpression("#t <= :now").expressionAttributeNames(Map.of("#t", ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            for (Map<String, AttributeValue> item : page.items()) {
                Map<String, AttributeValue> key = new HashMap<>();
                key.put("pk", item.get("pk"));
                key.put("sk", item.get("sk"));
                dynamo.deleteItem(b -> b.tableName(table).key(key));
                deleted++;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return deleted;
    }
}
