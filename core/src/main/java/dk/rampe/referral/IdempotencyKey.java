package dk.rampe.referral;

/**
 * A key that makes a repeated request answer with the first result: the jobcentre's own
 * reference, or an {@code Idempotency-Key} header. {@code field} names where it came from.
 */
public record IdempotencyKey(String field, String value) {
}
