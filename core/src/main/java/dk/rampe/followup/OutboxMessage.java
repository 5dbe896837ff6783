package dk.rampe.followup;

import java.time.Instant;
import java.util.Objects;

/**
 * One message to one recipient by one channel, written in the same transaction as the decision
 * that made it (transactional outbox). {@code messageId} is derived from {@code dedupeKey}, and
 * the dedupe key from the decision, so deciding the same thing twice gives the same record.
 *
 * <p>States: PENDING (waiting for {@code notBefore} and {@code nextAttemptAt}), SENDING (claimed by
 * one dispatcher, until {@code leaseUntil}), SENT, FAILED (after the last try, or when it is not
 * known whether the provider got it: it stays visible and raises an alarm), CANCELLED (a reminder
 * whose task was closed first).
 *
 * <p>{@code reminder} messages are only sent while their task is still open.
 */
public record OutboxMessage(
        String messageId,
        String dedupeKey,
        String taskId,
        String programmeId,
        MessageChannel channel,
        String recipient,
        String subject,
        String text,
        String html,
        boolean reminder,
        State state,
        int attempts,
        Instant notBefore,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String claimId,
        String providerMessageId,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public enum State {
        PENDING, SENDING, SENT, FAILED, CANCELLED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static State fromWire(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public OutboxMessage {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(dedupeKey);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(text);
        Objects.requireNonNull(state);
        Objects.requireNonNull(notBefore);
        Objects.requireNonNull(createdAt);
        if (channel == MessageChannel.EMAIL && (subject == null || html == null)) {
            throw new IllegalArgumentException("an email has a subject and an HTML part");
        }
    }

    public static OutboxMessage pending(String dedupeKey, String taskId, String programmeId, MessageChannel channel,
                                        String recipient, String subject, String text, String html, boolean reminder,
                                        Instant notBefore, Instant createdAt) {
        return new OutboxMessage(Ids.messageId(dedupeKey), dedupeKey, taskId, programmeId, channel, recipient, subject,
                text, html, reminder, State.PENDING, 0, notBefore, notBefore, null, null, null, null, createdAt, null);
    }

    /** The dedupe key of a task's message: one initial message and at most one reminder per channel. */
    public static String dedupeKey(String taskId, boolean reminder, MessageChannel channel) {
        return taskId + "|" + (reminder ? "reminder" : "initial") + "|" + channel.wireName();
    }

    /** The same message to another recipient with its words re-rendered (a consultant handover). */
    public OutboxMessage readdressed(String newRecipient, String newSubject, String newText, String newHtml) {
        return new OutboxMessage(messageId, dedupeKey, taskId, programmeId, channel, newRecipient, newSubject, newText,
                newHtml, reminder, state, attempts, notBefore, nextAttemptAt, leaseUntil, claimId, providerMessageId,
                lastError, createdAt, sentAt);
    }

    /** When the dispatcher may try next: not before quiet hours end, not before the backoff. */
    public Instant dueAt() {
        return nextAttemptAt == null || nextAttemptAt.isBefore(notBefore) ? notBefore : nextAttemptAt;
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + messageId + "," + channel + "," + state + "]";
    }
}
