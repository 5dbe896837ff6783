package dk.rampe.followup;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follow-up tasks and their outbox messages in maps (tests). Shares its state with
 * {@link InMemoryOutbox}, as the DynamoDB adapters share one table. Passes {@link FollowUpStoreContract}.
 */
public final class InMemoryFollowUpStore implements FollowUpStore {
    final Map<String, FollowUpTask> tasks = new LinkedHashMap<>();
    final Map<String, OutboxMessage> messages = new LinkedHashMap<>();
    /** Like the due index: when a pending or sending message is next looked at; absent otherwise. */
    final Map<String, Instant> due = new LinkedHashMap<>();
    /** Like the failed index: when a message failed. */
    final Map<String, Instant> failedAt = new LinkedHashMap<>();
    private final AuditLog audit;

    public InMemoryFollowUpStore(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public synchronized CreateResult create(FollowUpTask task, List<OutboxMessage> newMessages, AuditEntry entry) {
        FollowUpTask existing = tasks.get(task.taskId());
        if (existing != null) return new AlreadyExists(existing);
        for (OutboxMessage m : newMessages) {
            if (messages.containsKey(m.messageId())) {
                throw new IllegalStateException("message " + m.messageId() + " exists without its task");
            }
        }
        tasks.put(task.taskId(), task);
        for (OutboxMessage m : newMessages) {
            messages.put(m.messageId(), m);
            due.put(m.messageId(), m.dueAt());
        }
        audit.record(entry);
        return new Created(task);
    }

    @Override
    public synchronized Optional<FollowUpTask> find(String taskId) {
        if (!Ids.isTaskId(taskId)) return Optional.empty();
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public synchronized boolean close(String taskId, FollowUpOutcome outcome, String closedBy, Instant at,
                                      AuditEntry entry) {
        FollowUpTask task = tasks.get(taskId);
        if (task == null || !task.isOpen()) return false;
        tasks.put(taskId, task.close(outcome, closedBy, at));
        audit.record(entry);
        return true;
    }

    @Override
    public synchronized List<OutboxMessage> messagesOf(String taskId) {
        List<OutboxMessage> out = new ArrayList<>(4);
        for (boolean reminder : new boolean[] {false, true}) {
            for (MessageChannel c : MessageChannel.values()) {
                OutboxMessage m = messages.get(Ids.messageId(OutboxMessage.dedupeKey(taskId, reminder, c)));
                if (m != null) out.add(m);
            }
        }
        return out;
    }

    @Override
    public synchronized List<String> openTaskIds(String programmeId, String consultantId) {
        return tasks.values().stream().filter(t -> t.isOpen() && t.programmeId().equals(programmeId)
                        && t.consultantId().equals(consultantId))
                .sorted(java.util.Comparator.comparing(FollowUpTask::dueAt).thenComparing(FollowUpTask::taskId))
                .map(FollowUpTask::taskId).toList();
    }

    @Override
    public synchronized List<FollowUpTask> tasksOf(String referralId) {
        return tasks.values().stream().filter(t -> t.referralId().equals(referralId))
                .sorted(java.util.Comparator.comparing(FollowUpTask::dueAt).thenComparing(FollowUpTask::taskId)).toList();
    }

    /** Every task, in creation order (tests). */
    public synchronized List<FollowUpTask> tasks() {
        return List.copyOf(tasks.values());
    }
}
