package dk.rampe.dynamodb;

import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.Outbox;
import dk.rampe.schedule.Sweeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The outbox in the Rampe table. Every transition is a conditional update on the state (and
 * claim id) it expects, so two dispatchers racing for one message cannot both send it. Sent
 * messages carry a recipient, so they expire (TTL) after {@code keepSent}; failed ones are kept
 * for {@code keepFailed} so they can be counted and looked at.
 */
public final class DynamoOutbox implements Outbox {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration keepSent;
    private final Duration keepFailed;

    public DynamoOutbox(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Duration.ofDays(90), Duration.ofDays(400));
    }

    public DynamoOutbox(DynamoDbClient dynamo, String table, Duration keepSent, Duration keepFailed) {
        this.dynamo = dynamo;
        this.table = table;
        this.keepSent = keepSent;
        this.keepFailed = keepFailed;
    }

    @Override
    public Optional<OutboxMessage> find(String messageId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.messageKey(messageId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OutboxItems.message(item));
    }

    @Override
    public List<String> dueIds(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        for (OutboxMessage m : due(now.minus(Sweeper.FIRST_LOOKBACK), now, limit)) ids.add(m.messageId());
        return ids;
    }

    /** Read from gsi1 only (its projection carries every attribute a message needs): one query per day. */
    @Override
    public List<OutboxMessage> due(Instant from, Instant to, int limit) {
        List<OutboxMessage> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : DueQuery.items(dynamo, table, Keys.KIND_OUTBOX, from, to, limit)) {
            out.add(OutboxItems.message(item));
        }
        return out;
    }

    @Override
    public ClaimResult claim(OutboxMessage m, String claimId, Instant now, Instant leaseUntil) {
        Map<String, String> names = Map.of("#state", "state", "#attempts", "attempts");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", Attrs.s("pending"));
        values.put(":sending", Attrs.s("sending"));
        values.put(":seen", Attrs.n(m.attempts()));
        values.put(":next", Attrs.n(m.attempts() + 1L));
        values.put(":claim", Attrs.s(claimId));
        values.put(":lease", Attrs.s(leaseUntil.toString()));
        values.put(":claimedAt", Attrs.s(now.toString()));
        values.put(":pk", Attrs.s(Keys.dueGsi1pk(Keys.KIND_OUTBOX, leaseUntil)));
        values.put(":sk", Attrs.s(Keys.timeSk(leaseUntil, m.messageId())));
        Update update = Update.builder().tableName(table).key(Keys.messageKey(m.messageId()))
                .conditionExpression("#state = :pending AND #attempts = :seen")
                .updateExpression("SET #state = :sending, #attempts = :next, claimId = :claim, leaseUntil = :lease, "
                        + "claimedAt = :claimedAt, gsi1pk = :pk, gsi1sk = :sk")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        if (!m.reminder()) {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(update.key()).conditionExpression(update.conditionExpression())
                        .updateExpression(update.updateExpression()).expressionAttributeNames(names)
                        .expressionAttributeValues(values));
                return ClaimResult.CLAIMED;
            } catch (ConditionalCheckFailedException e) {
                return ClaimResult.LOST;
            }
        }
        // A reminder goes only while its task is open: check that in the same transaction as the claim.
        ConditionCheck open = ConditionCheck.builder().tableName(table).key(Keys.taskKey(m.taskId()))
                .conditionExpression("#status = :open").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":open", Attrs.s("open"))).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().conditionCheck(open).build(),
                    TransactWriteItem.builder().update(update).build()));
            return ClaimResult.CLAIMED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean messageMoved = reasons != null && reasons.size() > 1
                    && "ConditionalCheckFailed".equals(reasons.get(1).code());
            boolean taskClosed = reasons != null && !reasons.isEmpty()
                    && "ConditionalCheckFailed".equals(reasons.get(0).code());
            if (messageMoved) return ClaimResult.LOST;
            if (taskClosed) return ClaimResult.TASK_CLOSED;
            return ClaimResult.LOST;
        }
    }

    @Override
    public void markSent(String messageId, String claimId, String providerMessageId, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", Attrs.s("sending"));
        values.put(":sent", Attrs.s("sent"));
        values.put(":claim", Attrs.s(claimId));
        values.put(":provider", Attrs.s(providerMessageId));
        values.put(":at", Attrs.s(at.toString()));
        values.put(":expires", Attrs.n(at.plus(keepSent).getEpochSecond()));
        updateExpiringNoLater(messageId, "#state = :sending AND claimId = :claim",
                "SET #state = :sent, providerMessageId = :provider, sentAt = :at", "REMOVE gsi1pk, gsi1sk, leaseUntil",
                values);
    }

    /**
     * A state transition that also sets the message's end ({@code :expires}), but never later than an end it
     * already has: a nudge of a referral that has ended carries the referral's retention and goes with it at
     * the latest. The common case is one conditional write; where the item's end is earlier (or the state
     * condition fails), the transition is tried again without touching the end, and a failed state condition
     * then throws as before.
     */
    private void updateExpiringNoLater(String messageId, String condition, String set, String remove,
            Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.messageKey(messageId))
                    .conditionExpression("(" + condition + ") AND (attribute_not_exists(expiresAt) OR expiresAt > :expires)")
                    .updateExpression(set + ", expiresAt = :expires " + remove)
                    .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> without = new HashMap<>(values);
            without.remove(":expires");
            dynamo.updateItem(b -> b.tableName(table).key(Keys.messageKey(messageId))
                    .conditionExpression(condition)
                    .updateExpression(set + " " + remove)
                    .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(without));
        }
    }

    @Override
    public void markRetry(String messageId, String claimId, Instant nextAttemptAt, String errorCode) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", Attrs.s("sending"));
        values.put(":pending", Attrs.s("pending"));
        values.put(":claim", Attrs.s(claimId));
        values.put(":next", Attrs.s(nextAttemptAt.toString()));
        values.put(":error", Attrs.s(errorCode));
        values.put(":pk", Attrs.s(Keys.dueGsi1pk(Keys.KIND_OUTBOX, nextAttemptAt)));
        values.put(":sk", Attrs.s(Keys.timeSk(nextAttemptAt, messageId)));
        dynamo.updateItem(b -> b.tableName(table).key(Keys.messageKey(messageId))
                .conditionExpression("#state = :sending AND claimId = :claim")
                .updateExpression("SET #state = :pending, nextAttemptAt = :next, lastError = :error, gsi1pk = :pk, gsi1sk = :sk "
                        + "REMOVE leaseUntil, claimId")
                .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values));
    }

    @Override
    public boolean markFailed(String messageId, String claimId, String errorCode, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", Attrs.s("sending"));
        values.put(":failed", Attrs.s("failed"));
        values.put(":error", Attrs.s(errorCode));
        values.put(":at", Attrs.s(at.toString()));
        values.put(":pk", Attrs.s(Keys.outboxFailedGsi1pk()));
        values.put(":sk", Attrs.s(Keys.timeSk(at, messageId)));
        values.put(":expires", Attrs.n(at.plus(keepFailed).getEpochSecond()));
        String condition;
        if (claimId != null) {
            values.put(":claim", Attrs.s(claimId));
            condition = "#state = :sending AND claimId = :claim";
        } else {
            condition = "#state = :sending AND leaseUntil <= :at";
        }
        try {
            updateExpiringNoLater(messageId, condition,
                    "SET #state = :failed, lastError = :error, failedAt = :at, gsi1pk = :pk, gsi1sk = :sk",
                    "REMOVE leaseUntil", values);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean cancel(String messageId, Instant at) {
        try {
            updateExpiringNoLater(messageId, "#state = :pending AND reminder = :yes",
                    "SET #state = :cancelled, cancelledAt = :at", "REMOVE gsi1pk, gsi1sk",
                    Map.of(":pending", Attrs.s("pending"), ":yes", Attrs.bool(true),
                            ":cancelled", Attrs.s("cancelled"), ":at", Attrs.s(at.toString()),
                            ":expires", Attrs.n(at.plus(keepSent).getEpochSecond())));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<OutboxMessage> failed(int limit) {
        QueryResponse r = dynamo.query(b -> b.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :failed")
                .expressionAttributeValues(Map.of(":failed", Attrs.s(Keys.outboxFailedGsi1pk())))
                .scanIndexForward(false).limit(limit));
        List<OutboxMessage> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : r.items()) out.add(OutboxItems.message(item)); // from the index only
        return out;
    }

    @Override
    public boolean enqueue(OutboxMessage message) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(OutboxItems.messageItem(message))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }
}
