package dk.rampe.dynamodb;

import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.Ids;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.audit.AuditEntry;
import dk.rampe.followup.FollowUpStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Follow-up tasks with their outbox messages (transactional outbox): the task, every message
 * and the audit entry go in one TransactWriteItems, each guarded by attribute_not_exists, so
 * the same decision made twice writes nothing the second time. Keys in {@link Keys}.
 */
public final class DynamoFollowUpStore implements FollowUpStore {
    private static final int MAX_ATTEMPTS = 5;
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog audit;

    public DynamoFollowUpStore(DynamoDbClient dynamo, String table, DynamoAuditLog audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.audit = audit;
    }

    @Override
    public CreateResult create(FollowUpTask task, List<OutboxMessage> messages, AuditEntry auditEntry) {
        List<TransactWriteItem> writes = new ArrayList<>(messages.size() + 2);
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(OutboxItems.taskItem(task))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        for (OutboxMessage m : messages) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(OutboxItems.messageItem(m))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        writes.add(TransactWriteItem.builder().put(audit.put(auditEntry)).build());
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return new Created(task);
            } catch (TransactionCanceledException e) {
                Optional<FollowUpTask> existing = find(task.taskId());
                if (existing.isPresent()) return new AlreadyExists(existing.get());
                // the same decision being written right now by someone else: look again shortly
                if (attempt >= MAX_ATTEMPTS) throw e;
                Attrs.backoff(attempt);
            }
        }
    }

    @Override
    public Optional<FollowUpTask> find(String taskId) {
        if (!Ids.isTaskId(taskId)) return Optional.empty();
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.taskKey(taskId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OutboxItems.task(item));
    }

    @Override
    public boolean close(String taskId, FollowUpOutcome outcome, String closedBy, Instant at, AuditEntry auditEntry) {
        Map<String, String> names = new HashMap<>();
        names.put("#status", "status");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", Attrs.s("open"));
        values.put(":closed", Attrs.s("closed"));
        values.put(":reached", Attrs.bool(outcome.reached()));
        values.put(":cause", Attrs.s(outcome.cause().wireName()));
        values.put(":next", Attrs.s(outcome.nextStep().wireName()));
        values.put(":note", Attrs.s(outcome.note()));
        values.put(":at", Attrs.s(at.toString()));
        values.put(":by", Attrs.s(closedBy));
        // aftercare (issue 10): how it was done, with whom, still employed, hours
        StringBuilder aftercare = new StringBuilder();
        FollowUpOutcome.Aftercare a = outcome.aftercare();
        if (a != null) {
            if (a.method() != null) aftercareSet(aftercare, values, "aftercareMethod", Attrs.s(a.method().wireName()));
            if (a.withWhom() != null) aftercareSet(aftercare, values, "aftercareWith", Attrs.s(a.withWhom().wireName()));
            if (a.stillEmployed() != null) aftercareSet(aftercare, values, "stillEmployed", Attrs.bool(a.stillEmployed()));
            if (a.hoursPerWeek() != null) aftercareSet(aftercare, values, "hoursPerWeek", Attrs.s(a.hoursPerWeek().toPlainString()));
        }
        Update update = Update.builder().tableName(table).key(Keys.taskKey(taskId))
                .conditionExpression("#status = :open")
                .updateExpression("SET #status = :closed, reached = :reached, cause = :cause, nextStep = :next, "
                        + "note = :note, closedAt = :at, closedBy = :by" + aftercare + " REMOVE gsi1pk, gsi1sk")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(update).build(),
                        TransactWriteItem.builder().put(audit.put(auditEntry)).build()));
                return true;
            } catch (TransactionCanceledException e) {
                if (e.cancellationReasons() != null && !e.cancellationReasons().isEmpty()
                        && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                    return false;
                }
                // a conflicting write in flight (a double tap): closed by it, or try again
                if (find(taskId).map(t -> !t.isOpen()).orElse(false)) return false;
                if (attempt >= MAX_ATTEMPTS) throw e;
                Attrs.backoff(attempt);
            }
        }
    }

    private static void aftercareSet(StringBuilder set, Map<String, AttributeValue> values, String name, AttributeValue v) {
        set.append(", ").append(name).append(" = :").append(name);
        values.put(":" + name, v);
    }

    @Override
    public List<OutboxMessage> messagesOf(String taskId) {
        List<OutboxMessage> out = new ArrayList<>(4);
        for (boolean reminder : new boolean[] {false, true}) {
            for (MessageChannel c : MessageChannel.values()) {
                String id = Ids.messageId(OutboxMessage.dedupeKey(taskId, reminder, c));
                Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(Keys.messageKey(id)).consistentRead(true)).item();
                if (item != null && !item.isEmpty()) out.add(OutboxItems.message(item));
            }
        }
        return out;
    }
}
