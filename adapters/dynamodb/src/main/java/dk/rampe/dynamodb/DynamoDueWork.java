package dk.rampe.dynamodb;

import dk.rampe.schedule.DueIndex;
import dk.rampe.schedule.DueWork;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Generic due work in the Rampe table: {@code DUEWORK#{kind}#{id}} / {@code DUEWORK}, on gsi1 under
 * {@code DUE#{kind}#{day}} until done; its texts in the map attribute {@code dueWork}, which gsi1
 * projects, so a sweep reads it from the index alone. Done work expires after {@code keepDone}.
 */
public final class DynamoDueWork implements DueWork {
    static final String TYPE = "dueWork";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration keepDone;

    public DynamoDueWork(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Duration.ofDays(90));
    }

    public DynamoDueWork(DynamoDbClient dynamo, String table, Duration keepDone) {
        this.dynamo = dynamo;
        this.table = table;
        this.keepDone = keepDone;
    }

    /** The same as a Put, to schedule work in the transaction of the decision that makes it due. */
    public Put put(String kind, String id, Instant dueAt, Map<String, String> work) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.dueWorkKey(kind, id));
        item.put("type", Attrs.s(TYPE));
        item.put("kind", Attrs.s(kind));
        item.put("dueAt", Attrs.s(Keys.time(dueAt)));
        Map<String, AttributeValue> texts = new LinkedHashMap<>();
        work.forEach((k, v) -> texts.put(k, Attrs.s(v)));
        item.put("dueWork", AttributeValue.fromM(texts));
        item.putAll(Keys.due(kind, dueAt, id));
        // work about a referral is found again at the referral's retention (gsi2)
        if (work.get("referralId") != null) item.putAll(Keys.aboutReferral(work.get("referralId"), item));
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR attribute_not_exists(doneAt)").build();
    }

    @Override
    public boolean schedule(String kind, String id, Instant dueAt, Map<String, String> work) {
        Put put = put(kind, id, dueAt, work);
        try {
            dynamo.putItem(b -> b.tableName(table).item(put.item()).conditionExpression(put.conditionExpression()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean claim(String kind, String id, Instant dueAt, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.dueWorkKey(kind, id))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(doneAt) AND dueAt = :due")
                    .updateExpression("SET claimedAt = :at")
                    .expressionAttributeValues(Map.of(":due", Attrs.s(Keys.time(dueAt)), ":at", Attrs.s(Keys.time(at)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The same as {@link #done}, to cancel work in the transaction of the decision that cancels it: never
     * refused (work done already stays as it was done; work never scheduled is marked done, so it is not
     * scheduled later by a stale decision).
     */
    public Update cancel(String kind, String id, Instant at) {
        return Update.builder().tableName(table).key(Keys.dueWorkKey(kind, id))
                .updateExpression("SET doneAt = if_not_exists(doneAt, :at), expiresAt = if_not_exists(expiresAt, :expires)"
                        + " REMOVE gsi1pk, gsi1sk")
                .expressionAttributeValues(Map.of(":at", Attrs.s(Keys.time(at)),
                        ":expires", Attrs.n(at.plus(keepDone).getEpochSecond()))).build();
    }

    @Override
    public boolean done(String kind, String id, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.dueWorkKey(kind, id))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(doneAt)")
                    // an expiry already there (the referral's retention, stamped at its exit) stays: done work about
                    // a participant never outlives their data
                    .updateExpression("SET doneAt = :at, expiresAt = if_not_exists(expiresAt, :expires) REMOVE gsi1pk, gsi1sk")
                    .expressionAttributeValues(Map.of(":at", Attrs.s(Keys.time(at)),
                            ":expires", Attrs.n(at.plus(keepDone).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public DueIndex<Map<String, String>> index(String kind) {
        return DueQuery.index(dynamo, table, kind, item -> {
            AttributeValue m = item.get("dueWork");
            Map<String, String> out = new LinkedHashMap<>();
            if (m != null && m.hasM()) m.m().forEach((k, v) -> out.put(k, v.s()));
            return out;
        });
    }
}
