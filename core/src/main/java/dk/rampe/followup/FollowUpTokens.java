package dk.rampe.followup;

import java.time.Duration;
import java.time.Instant;

/**
 * Signed links to one follow-up task: {@code {taskId}.{expiry, base 36 epoch seconds}.{HMAC}}.
 * The HMAC-SHA256 (truncated to 96 bits, base64url) covers a purpose label, the task id and
 * the expiry, so a token cannot be stretched in time or moved to another task. Short, so a link
 * fits in one SMS. The key comes from Secrets Manager in AWS, from config locally. The HMAC is
 * {@link LinkSigner}'s (purpose {@value #PURPOSE}); links issued before it was shared are the same bytes.
 */
public final class FollowUpTokens {
    static final String PURPOSE = "rampe.follow-up.v1";

    private final LinkSigner signer;
    private final Duration ttl;

    public FollowUpTokens(byte[] key, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("token ttl must be positive");
        this.signer = new LinkSigner(key, PURPOSE);
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A token for the task, valid until {@code from + ttl}. */
    public String issue(String taskId, Instant from) {
        return issueUntil(taskId, from.plus(ttl));
    }

    /** A token for the task, valid until {@code until} (the end of a number of working days, say). */
    public String issueUntil(String taskId, Instant until) {
        if (!Ids.isTaskId(taskId)) throw new IllegalArgumentException("not a task id");
        String expiry = Long.toString(until.getEpochSecond(), 36);
        return taskId + "." + expiry + "." + signer.sign(taskId, expiry);
    }

    /** The outcome of checking a token: valid for one task, or refused with a reason (logged, never shown). */
    public sealed interface Check permits Valid, Refused {
    }

    public record Valid(String taskId, Instant expiresAt) implements Check {
    }

    public record Refused(Reason reason) implements Check {
    }

    public enum Reason { MALFORMED, BAD_SIGNATURE, EXPIRED, OTHER_TASK }

    public Check verify(String token, Instant now) {
        if (token == null || token.length() > 80) return new Refused(Reason.MALFORMED);
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !Ids.isTaskId(parts[0]) || !parts[1].matches("^[0-9a-z]{1,8}$")
                || !parts[2].matches("^[A-Za-z0-9_-]{16}$")) {
            return new Refused(Reason.MALFORMED);
        }
        if (!signer.verify(parts[2], parts[0], parts[1])) return new Refused(Reason.BAD_SIGNATURE);
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[1], 36));
        if (!now.isBefore(expiresAt)) return new Refused(Reason.EXPIRED);
        return new Valid(parts[0], expiresAt);
    }

    /** Checks the token and that it belongs to {@code taskId} (e.g. the task named in a posted form). */
    public Check verifyFor(String token, String taskId, Instant now) {
        Check c = verify(token, now);
        if (c instanceof Valid v && !v.taskId().equals(taskId)) return new Refused(Reason.OTHER_TASK);
        return c;
    }
}
