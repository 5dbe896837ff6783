package dk.rampe.followup;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links to one follow-up task: {@code {taskId}.{expiry, base 36 epoch seconds}.{HMAC}}.
 * The HMAC-SHA256 (truncated to 96 bits, base64url) covers a purpose label, the task id and
 * the expiry, so a token cannot be stretched in time or moved to another task. Short, so a link
 * fits in one SMS. The key comes from Secrets Manager in AWS, from config locally.
 */
public final class FollowUpTokens {
    private static final String PURPOSE = "rampe.follow-up.v1";
    private static final int MAC_BYTES = 12;
    private static final int MIN_KEY_BYTES = 16;

    private final SecretKeySpec key;
    private final Duration ttl;

    public FollowUpTokens(byte[] key, Duration ttl) {
        if (key == null || key.length < MIN_KEY_BYTES) throw new IllegalArgumentException("token key must be at least 16 bytes");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("token ttl must be positive");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A token for the task, valid until {@code from + ttl}. */
    public String issue(String taskId, Instant from) {
        if (!Ids.isTaskId(taskId)) throw new IllegalArgumentException("not a task id");
        String expiry = Long.toString(from.plus(ttl).getEpochSecond(), 36);
        return taskId + "." + expiry + "." + mac(taskId, expiry);
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
        byte[] expected = mac(parts[0], parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return new Refused(Reason.BAD_SIGNATURE);
        }
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

    private String mac(String taskId, String expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((PURPOSE + "|" + taskId + "|" + expiry).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
