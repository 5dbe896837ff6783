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
        AttributeValue expiresAt = null; // the referral's retention, once it has ended
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = createWrites(task, messages, auditEntry, expiresAt);
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return new Created(task);
            } catch (TransactionCanceledException e) {
                Optional<FollowUpTask> existing = find(task.taskId());
                if (existing.isPresent()) return new AlreadyExists(existing.get());
                if (DynamoAttendanceStore.failed(e, 1 + messages.size())) {
                    // the referral ended (or its retention changed): the task goes with it
                    Map<String, AttributeValue> referral = dynamo.getItem(b -> b.tableName(table)
                            .key(Keys.referralKey(task.referralId())).projectionExpression("expiresAt")
                            .consistentRead(true)).item();
                    expiresAt = referral == null ? null : referral.get("expiresAt");
                    if (attempt >= MAX_ATTEMPTS) throw e;
                    continue;
                }
                // the same decision being written right now by someone else: look again shortly
                if (attempt >= MAX_ATTEMPTS) throw e;
                Attrs.backoff(attempt);
            }
        }
    }

    /**
     * The task, its messages, a check that the referral's retention is still {@code expiresAt} (none while
     * it is active: no extra read then), the audit entry. A task of an ended referral carries its expiresAt.
     */
    private List<TransactWriteItem> createWrites(FollowUpTask task, List<OutboxMessage> messages, AuditEntry auditEntry,
                                                 AttributeValue expiresAt) {
        List<TransactWriteItem> writes = new ArrayList<>(messages.size() + 3);
        Map<String, AttributeValue> item = OutboxItems.taskItem(task);
        if (expiresAt != null) item.put("expiresAt", expiresAt);
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        for (OutboxMessage m : messages) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(OutboxItems.messageItem(m))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        var check = software.amazon.awssdk.services.dynamodb.model.ConditionCheck.builder().tableName(table)
                .key(Keys.referralKey(task.referralId()));
        if (expiresAt == null) {
            check.conditionExpression("attribute_not_exists(expiresAt)");
        } else {
            check.conditionExpression("expiresAt = :e").expressionAttributeValues(Map.of(":e", expiresAt));
        }
        writes.add(TransactWriteItem.builder().conditionCheck(check.build()).build());
        writes.add(TransactWriteItem.builder().put(audit.put(auditEntry)).build());
        return writes;
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
        // aftercare: how it was done, with whom, still employed, hours
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

    @Override
    public List<String> openTaskIds(String programmeId, String consultantId) {
        List<String> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var r = dynamo.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(Keys.openTasksGsi1pk(programmeId, consultantId))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) {
                String taskId = Keys.taskIdOf(Attrs.str(item, "pk"));
                if (taskId != null) out.add(taskId);
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public List<FollowUpTask> tasksOf(String referralId) {
        return queryTasks("gsi2", "gsi2pk", Keys.referralTasksGsi2pk(referralId));
    }

    @Override
    public List<FollowUpTask> openTasks(String programmeId, String consultantId) {
        // gsi1 projects what an open task is (ids, kind, due and creation time, status)
        return queryTasks("gsi1", "gsi1pk", Keys.openTasksGsi1pk(programmeId, consultantId));
    }

    private List<FollowUpTask> queryTasks(String index, String key, String value) {
        List<FollowUpTask> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var r = dynamo.query(b -> b.tableName(table).indexName(index).keyConditionExpression(key + " = :pk")
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(value))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) {
                if (Keys.taskIdOf(Attrs.str(item, "pk")) != null) out.add(OutboxItems.task(item));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** How long a message cancelled by a handover is kept (as a sent one is). */
    private static final java.time.Duration KEEP_CANCELLED = java.time.Duration.ofDays(90);

    @Override
    public boolean handOver(String taskId, String from, String to, Instant at, List<OutboxMessage> readdressed,
                            List<String> cancelled, AuditEntry auditEntry) {
        FollowUpTask task = find(taskId).orElse(null);
        if (task == null || !task.isOpen() || !task.consultantId().equals(from)) return false;
        List<TransactWriteItem> writes = new ArrayList<>(readdressed.size() + cancelled.size() + 2);
        Map<String, AttributeValue> entry = Map.of("at", Attrs.s(at.toString()), "from", Attrs.s(from),
                "to", Attrs.s(to), "by", Attrs.s(auditEntry.actor()));
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(Keys.taskKey(taskId))
                .conditionExpression("#status = :open AND consultantId = :from")
                .updateExpression("SET consultantId = :to, gsi1pk = :pk, "
                        + "handovers = list_append(if_not_exists(handovers, :none), :entry)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":open", Attrs.s("open"), ":from", Attrs.s(from), ":to", Attrs.s(to),
                        ":pk", Attrs.s(Keys.openTasksGsi1pk(task.programmeId(), to)),
                        ":none", AttributeValue.fromL(List.of()),
                        ":entry", AttributeValue.fromL(List.of(AttributeValue.fromM(entry)))))
                .build()).build());
        for (OutboxMessage m : readdressed) {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pending", Attrs.s("pending"));
            values.put(":recipient", Attrs.s(m.recipient()));
            values.put(":text", Attrs.s(m.text()));
            String set = "SET recipient = :recipient, #text = :text";
            if (m.subject() != null) {
                values.put(":subject", Attrs.s(m.subject()));
                set += ", subject = :subject";
            }
            if (m.html() != null) {
                values.put(":html", Attrs.s(m.html()));
                set += ", html = :html";
            }
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Keys.messageKey(m.messageId())).conditionExpression("#state = :pending")
                    .updateExpression(set).expressionAttributeNames(Map.of("#state", "state", "#text", "text"))
                    .expressionAttributeValues(values).build()).build());
        }
        for (String messageId : cancelled) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Keys.messageKey(messageId)).conditionExpression("#state = :pending")
                    .updateExpression("SET #state = :cancelled, cancelledAt = :at, expiresAt = :expires "
                            + "REMOVE gsi1pk, gsi1sk")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":pending", Attrs.s("pending"), ":cancelled", Attrs.s("cancelled"),
                            ":at", Attrs.s(at.toString()), ":expires", Attrs.n(at.plus(KEEP_CANCELLED).getEpochSecond())))
                    .build()).build());
        }
        writes.add(TransactWriteItem.builder().put(audit.put(auditEntry)).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            // closed or handed over meanwhile, or a message was claimed for sending: the caller looks again
            return false;
        }
    }

    /** The consultants a task was handed between, oldest first, as "from→to" (its history). */
    public List<String> handovers(String taskId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.taskKey(taskId))
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("handovers")) return List.of();
        return item.get("handovers").l().stream()
                .map(v -> v.m().get("from").s() + "→" + v.m().get("to").s()).toList();
    }
}
