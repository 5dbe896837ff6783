package dk.rampe.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox over an {@link InMemoryFollowUpStore}'s messages (tests). Every transition checks the
 * state (and claim) it expects, like the conditional updates of the DynamoDB outbox; a transition
 * that finds another state throws, as a failed condition does there. Passes {@link OutboxContract}.
 */
public final class InMemoryOutbox implements Outbox {
    private final InMemoryFollowUpStore store;

    public InMemoryOutbox(InMemoryFollowUpStore store) {
        this.store = store;
    }

    @Override
    public boolean enqueue(OutboxMessage message) {
        synchronized (store) {
            return store.messages.putIfAbsent(message.messageId(), message) == null;
        }
    }

    @Override
    public Optional<OutboxMessage> find(String messageId) {
        synchronized (store) {
            return Optional.ofNullable(store.messages.get(messageId));
        }
    }

    @Override
    public List<String> dueIds(Instant now, int limit) {
        synchronized (store) {
            return store.due.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                    .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(Map.Entry::getKey).toList();
        }
    }

    @Override
    public ClaimResult claim(OutboxMessage m, String claimId, Instant now, Instant leaseUntil) {
        synchronized (store) {
            OutboxMessage stored = store.messages.get(m.messageId());
            if (stored == null || stored.state() != OutboxMessage.State.PENDING || stored.attempts() != m.attempts()) {
                return ClaimResult.LOST;
            }
            if (m.reminder()) {
                FollowUpTask task = store.tasks.get(m.taskId());
                if (task == null || !task.isOpen()) return ClaimResult.TASK_CLOSED;
            }
            put(with(stored, OutboxMessage.State.SENDING, stored.attempts() + 1, stored.nextAttemptAt(), leaseUntil,
                    claimId, null, stored.lastError(), null));
            store.due.put(m.messageId(), leaseUntil);
            return ClaimResult.CLAIMED;
        }
    }

    @Override
    public void markSent(String messageId, String claimId, String providerMessageId, Instant at) {
        synchronized (store) {
            OutboxMessage stored = sending(messageId, claimId);
            put(with(stored, OutboxMessage.State.SENT, stored.attempts(), stored.nextAttemptAt(), null, claimId,
                    providerMessageId, stored.lastError(), at));
            store.due.remove(messageId);
        }
    }

    @Override
    public void markRetry(String messageId, String claimId, Instant nextAttemptAt, String errorCode) {
        synchronized (store) {
            OutboxMessage stored = sending(messageId, claimId);
            put(with(stored, OutboxMessage.State.PENDING, stored.attempts(), nextAttemptAt, null, null, null,
                    errorCode, null));
            store.due.put(messageId, nextAttemptAt);
        }
    }

    @Override
    public boolean markFailed(String messageId, String claimId, String errorCode, Instant at) {
        synchronized (store) {
            OutboxMessage stored = store.messages.get(messageId);
            if (stored == null || stored.state() != OutboxMessage.State.SENDING) return false;
            if (claimId != null ? !claimId.equals(stored.claimId())
                    : stored.leaseUntil() == null || stored.leaseUntil().isAfter(at)) {
                return false;
            }
            put(with(stored, OutboxMessage.State.FAILED, stored.attempts(), stored.nextAttemptAt(), null,
                    stored.claimId(), null, errorCode, null));
            store.due.remove(messageId);
            store.failedAt.put(messageId, at);
            return true;
        }
    }

    @Override
    public boolean cancel(String messageId, Instant at) {
        synchronized (store) {
            OutboxMessage stored = store.messages.get(messageId);
            if (stored == null || stored.state() != OutboxMessage.State.PENDING || !stored.reminder()) return false;
            put(with(stored, OutboxMessage.State.CANCELLED, stored.attempts(), stored.nextAttemptAt(),
                    stored.leaseUntil(), stored.claimId(), null, stored.lastError(), null));
            store.due.remove(messageId);
            return true;
        }
    }

    @Override
    public List<OutboxMessage> failed(int limit) {
        synchronized (store) {
            return store.failedAt.entrySet().stream()
                    .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey())
                            .reversed())
                    .limit(limit).map(e -> store.messages.get(e.getKey())).filter(Objects::nonNull).toList();
        }
    }

    private OutboxMessage sending(String messageId, String claimId) {
        OutboxMessage stored = store.messages.get(messageId);
        if (stored == null || stored.state() != OutboxMessage.State.SENDING || !claimId.equals(stored.claimId())) {
            throw new IllegalStateException("message " + messageId + " is not being sent under claim " + claimId);
        }
        return stored;
    }

    private void put(OutboxMessage m) {
        store.messages.put(m.messageId(), m);
    }

    private static OutboxMessage with(OutboxMessage m, OutboxMessage.State state, int attempts, Instant nextAttemptAt,
                                      Instant leaseUntil, String claimId, String providerMessageId, String lastError,
                                      Instant sentAt) {
        return new OutboxMessage(m.messageId(), m.dedupeKey(), m.taskId(), m.programmeId(), m.channel(), m.recipient(),
                m.subject(), m.text(), m.html(), m.reminder(), state, attempts, m.notBefore(), nextAttemptAt,
                leaseUntil, claimId, providerMessageId, lastError, m.createdAt(),
                sentAt != null ? sentAt : m.sentAt());
    }

}
