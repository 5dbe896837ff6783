package dk.rampe.referral;

import java.time.Instant;

/** The first answer to a referral, kept so that a retry gets exactly the same answer. */
public record IntakeAnswer(String referralId, String consultantId, boolean overQuota, Instant receivedAt) {
}
