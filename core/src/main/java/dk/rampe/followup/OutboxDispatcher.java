package dk.rampe.followup;

import dk.rampe.log.Log;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueIndex;
import dk.rampe.schedule.Sweeper;
import dk.rampe.schedule.Watermarks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends outbox messages, each at most once. For one message: read it; if it is due, claim it
 * with a conditional update (PENDING → SENDING, attempts + 1), send, record SENT with the
 * provider's id. A transient failure puts it back to PENDING with exponential backoff; after
 * {@code maxAttempts} tries, a permanent failure, or a send whose outcome is unknown, it is
 * FAILED and stays visible. A claim whose dispatcher died (lease ran out) is never sent again:
 * it may have gone out, so it is marked FAILED with the code {@value #UNKNOWN_OUTCOME}.
 */
public final class OutboxDispatcher {
    public static final String UNKNOWN_OUTCOME = "sendOutcomeUnknown";

    public record Policy(int maxAttempts, Duration firstRetryAfter, Duration maxRetryAfter, Duration lease) {
        public Policy {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts");
        }
    }

    public enum Result { SENT, NOT_DUE, DONE_ALREADY, CLAIMED_ELSEWHERE, RETRY_SCHEDULED, FAILED, CANCELLED, MISSING }

    /** The name of the nudge sweep (its watermark). */
    public static final String SWEEP = "outbox";

    private final Outbox outbox;
    private final Notifier notifier;
    private final Clock clock;
    private final Policy policy;
    private final Sweeper sweeper;

    /** A dispatcher whose due sweep keeps its watermark in {@code watermarks} (the table, in production). */
    public OutboxDispatcher(Outbox outbox, Notifier notifier, Clock clock, Policy policy, Watermarks watermarks) {
        this.outbox = outbox;
        this.notifier = notifier;
        this.clock = clock;
        this.policy = policy;
        this.sweeper = new Sweeper(watermarks, clock);
    }

    public Result dispatch(String messageId) {
        OutboxMessage m = outbox.find(messageId).orElse(null);
        if (m == null) return Result.MISSING;
        return dispatch(m);
    }

    /**
     * Dispatches a message as read (consistently, or from the due index): every step after this
     * read is conditional on the state it saw, so a stale copy loses its claim and sends nothing.
     */
    Result dispatch(OutboxMessage m) {
        Instant now = clock.instant();
        String messageId = m.messageId();
        switch (m.state()) {
            case SENT, FAILED, CANCELLED -> {
                return Result.DONE_ALREADY;
            }
            case SENDING -> {
                if (m.leaseUntil() != null && !m.leaseUntil().isAfter(now)
                        && outbox.markFailed(messageId, null, UNKNOWN_OUTCOME, now)) {
                    Log.error("outbox.failed", "messageId", messageId, "channel", m.channel().wireName(),
                            "code", UNKNOWN_OUTCOME, "attempts", Integer.toString(m.attempts()));
                    return Result.FAILED;
                }
                return Result.CLAIMED_ELSEWHERE;
            }
            case PENDING -> {
                if (m.dueAt().isAfter(now)) return Result.NOT_DUE;
            }
        }
        String claimId = UUID.randomUUID().toString();
        switch (outbox.claim(m, claimId, now, now.plus(policy.lease()))) {
            case LOST -> {
                return Result.CLAIMED_ELSEWHERE;
            }
            case TASK_CLOSED -> {
                outbox.cancel(messageId, now);
                return Result.CANCELLED;
            }
            case CLAIMED -> {
            }
        }
        int attempt = m.attempts() + 1;
        String providerId;
        try {
            providerId = notifier.send(m);
        } catch (Notifier.SendFailure f) {
            return failed(m, claimId, attempt, f.kind(), f.code());
        } catch (RuntimeException e) {
            return failed(m, claimId, attempt, Notifier.SendFailure.Kind.UNKNOWN, e.getClass().getSimpleName());
        }
        outbox.markSent(messageId, claimId, providerId, clock.instant());
        Log.info("outbox.sent", "messageId", messageId, "channel", m.channel().wireName(),
                "attempt", Integer.toString(attempt), "providerMessageId", providerId);
        return Result.SENT;
    }

    private Result failed(OutboxMessage m, String claimId, int attempt, Notifier.SendFailure.Kind kind, String code) {
        Instant now = clock.instant();
        if (kind == Notifier.SendFailure.Kind.TRANSIENT && attempt < policy.maxAttempts()) {
            Instant next = now.plus(backoff(attempt));
            outbox.markRetry(m.messageId(), claimId, next, code);
            Log.warn("outbox.retry", "messageId", m.messageId(), "channel", m.channel().wireName(), "code", code,
                    "attempt", Integer.toString(attempt), "nextAttemptAt", next.toString());
            return Result.RETRY_SCHEDULED;
        }
        String stored = kind == Notifier.SendFailure.Kind.UNKNOWN ? UNKNOWN_OUTCOME + ":" + code : code;
        outbox.markFailed(m.messageId(), claimId, stored, now);
        Log.error("outbox.failed", "messageId", m.messageId(), "channel", m.channel().wireName(), "code", stored,
                "attempts", Integer.toString(attempt));
        return Result.FAILED;
    }

    /** 30 s, 60 s, 120 s … up to the cap (with the default policy). */
    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = policy.firstRetryAfter().multipliedBy(factor);
        return d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d;
    }

    /** What a sweep did, by result. */
    public record Summary(Map<Result, Integer> counts, int errors) {
        public int count(Result r) {
            return counts.getOrDefault(r, 0);
        }
    }

    /**
     * Sends everything due now: for the local loop and the scheduled sweep. The first user of the
     * sweep seam: the due index is the outbox's (messages as the index has them, no read per
     * message), the rule is {@link #dispatch(OutboxMessage)}, the watermark is {@value #SWEEP}'s.
     */
    public Summary dispatchDue(int limit) {
        DueIndex<OutboxMessage> due = (from, to, max) -> outbox.due(from, to, max).stream()
                .map(m -> new Due<>(m.messageId(), indexTime(m), m)).toList();
        Sweeper.Run<Result> run = sweeper.run(SWEEP, due, (d, now) -> dispatch(d.item()), limit);
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        counts.putAll(run.counts());
        return new Summary(counts, run.errors());
    }

    /** Where a message sits on the due index: its lease while being sent, else its due time. */
    static Instant indexTime(OutboxMessage m) {
        return m.state() == OutboxMessage.State.SENDING && m.leaseUntil() != null ? m.leaseUntil() : m.dueAt();
    }
}
