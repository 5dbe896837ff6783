package dk.rampe.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outbox as the dispatcher sees it. Every state change is conditional on the state it expects. */
public interface Outbox {

    Optional<OutboxMessage> find(String messageId);

    /** Ids of PENDING or SENDING messages whose due time (or lease) is at or before {@code now}, oldest first. */
    List<String> dueIds(Instant now, int limit);

    /**
     * PENDING or SENDING messages whose due time (or lease) is in [{@code from}, {@code to}], oldest
     * first, as the due index has them (it may lag a little: every transition is conditional, so a
     * stale copy only loses its claim). A store with an index reads them in one query per day.
     */
    default List<OutboxMessage> due(Instant from, Instant to, int limit) {
        List<OutboxMessage> out = new ArrayList<>();
        for (String id : dueIds(to, limit)) find(id).ifPresent(out::add);
        return out;
    }

    /**
     * PENDING → SENDING for this dispatcher only, if the message is still as it was read (same
     * attempt count) and, for reminders, its task is still open. False if someone else has it.
     */
    ClaimResult claim(OutboxMessage message, String claimId, Instant now, Instant leaseUntil);

    /** CLAIMED: this dispatcher owns the send (attempts was counted up); LOST: someone else moved it first. */
    enum ClaimResult { CLAIMED, LOST, TASK_CLOSED }

    /** SENDING (by this claim) → SENT, with the provider's message id. */
    void markSent(String messageId, String claimId, String providerMessageId, Instant at);

    /** SENDING (by this claim) → PENDING again, not before {@code nextAttemptAt}. */
    void markRetry(String messageId, String claimId, Instant nextAttemptAt, String errorCode);

    /**
     * SENDING → FAILED, kept visible. With a {@code claimId}, only by that claim; with null, only
     * when the lease has run out at {@code at} (a dispatcher died mid-send: the outcome is unknown).
     */
    boolean markFailed(String messageId, String claimId, String errorCode, Instant at);

    /** PENDING reminder → CANCELLED (its task was closed before it was due). */
    boolean cancel(String messageId, Instant at);

    /**
     * (aftercare) Puts a message that belongs to no task (the caseworker's notice of an exit
     * description) in the outbox, once: false if a message with its id is there already.
     */
    default boolean enqueue(OutboxMessage message) {
        throw new UnsupportedOperationException("enqueue");
    }

    /** FAILED messages, newest first (for the monthly report and for people to look at). */
    List<OutboxMessage> failed(int limit);
}
