package dk.rampe.dynamodb;

import dk.rampe.followup.Ids;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The referral's retention ({@code expiresAt}, DynamoDB TTL) on every item about the participant: the
 * referral's partition (path records, exit text, plan), the attendance partition (plan steps,
 * agreements, registrations, notices, flag, SMS consent, internships, the session chain), the follow-up
 * tasks (gsi2 {@code REFERRAL#{id}#TASKS}) and the items kept elsewhere that name the referral
 * (gsi2 {@code REFERRAL#{id}#ITEMS}: the intake's idempotency items, due work); the nudges of its tasks
 * at the latest with it.
 * <p>
 * At the exit or decline as many of them as fit go into the transaction that ends the referral
 * ({@link #MAX_TRANSACTION_ITEMS}); the rest follow in single updates that are safe to repeat ({@link #stampAll}):
 * a repeated exit, the exit's path record and the exit text write them again.
 */
final class Retention {
    /** DynamoDB's limit of items in one TransactWriteItems. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    Retention(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * The keys of every stored item about the referral except the referral item itself and
     * {@code skip} (items the caller writes in the same transaction): read consistently where the
     * table allows (the index is read as it stands).
     */
    List<Map<String, AttributeValue>> keysAbout(String referralId, List<Map<String, AttributeValue>> skip) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (Map<String, AttributeValue> k : partition(Keys.referralPk(referralId))) {
            if (!Keys.REFERRAL_SK.equals(k.get("sk").s())) out.add(k);
        }
        out.addAll(partition(Keys.attendancePk(referralId)));
        out.addAll(index(Keys.referralTasksGsi2pk(referralId)));
        out.addAll(index(Keys.referralItemsGsi2pk(referralId)));
        out.removeIf(skip::contains);
        return out;
    }

    /** The update that gives an existing item the retention (refused if the item is gone). */
    TransactWriteItem stamp(Map<String, AttributeValue> key, Instant expiresAt) {
        return TransactWriteItem.builder().update(update(key, expiresAt)).build();
    }

    private Update update(Map<String, AttributeValue> key, Instant expiresAt) {
        return Update.builder().tableName(table).key(key).conditionExpression("attribute_exists(pk)")
                .updateExpression("SET expiresAt = :e")
                .expressionAttributeValues(Map.of(":e", Attrs.n(expiresAt.getEpochSecond()))).build();
    }

    /** Gives each item the retention, one update each; an item gone meanwhile is skipped. Safe to repeat. */
    void stamp(List<Map<String, AttributeValue>> keys, Instant expiresAt) {
        for (Map<String, AttributeValue> key : keys) {
            Update u = update(key, expiresAt);
            try {
                dynamo.updateItem(b -> b.tableName(table).key(u.key()).conditionExpression(u.conditionExpression())
                        .updateExpression(u.updateExpression()).expressionAttributeValues(u.expressionAttributeValues()));
            } catch (ConditionalCheckFailedException e) {
                // deleted meanwhile (its own expiry): nothing to keep
            }
        }
    }

    /** Every item about the referral gets the retention (the referral item too): the repeatable follow-up. */
    void stampAll(String referralId, Instant expiresAt) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(keysAbout(referralId, List.of()));
        keys.add(Keys.referralKey(referralId));
        stamp(keys, expiresAt);
        stampMessages(keys, expiresAt);
    }

    /**
     * The nudges of the referral's tasks (their links name the referral) expire with it at the latest: a
     * message that expires earlier (sent, cancelled) keeps its own time. Their ids come from the task
     * ({@link OutboxMessage#dedupeKey}), so they are updated by key, and skipped when there is none.
     */
    void stampMessages(List<Map<String, AttributeValue>> keys, Instant expiresAt) {
        AttributeValue e = Attrs.n(expiresAt.getEpochSecond());
        for (Map<String, AttributeValue> key : keys) {
            String taskId = Keys.taskIdOf(key.get("pk").s());
            if (taskId == null) continue;
            for (boolean reminder : new boolean[] {false, true}) {
                for (MessageChannel channel : MessageChannel.values()) {
                    Map<String, AttributeValue> message = Keys.messageKey(Ids.messageId(
                            OutboxMessage.dedupeKey(taskId, reminder, channel)));
                    try {
                        dynamo.updateItem(b -> b.tableName(table).key(message)
                                .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(expiresAt) OR expiresAt > :e)")
                                .updateExpression("SET expiresAt = :e").expressionAttributeValues(Map.of(":e", e)));
                    } catch (ConditionalCheckFailedException none) {
                        // no such message, or one that goes earlier
                    }
                }
            }
        }
    }

    private List<Map<String, AttributeValue>> partition(String pk) {
        return keys(QueryRequest.builder().tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .projectionExpression("pk, sk").expressionAttributeValues(Map.of(":pk", Attrs.s(pk))));
    }

    private List<Map<String, AttributeValue>> index(String gsi2pk) {
        return keys(QueryRequest.builder().tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk")
                .projectionExpression("pk, sk").expressionAttributeValues(Map.of(":pk", Attrs.s(gsi2pk))));
    }

    private List<Map<String, AttributeValue>> keys(QueryRequest.Builder query) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            if (start != null) query.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : page.items()) out.add(Attrs.key(item.get("pk").s(), item.get("sk").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
