package dk.rampe.referral;

import java.time.Instant;

/**
 * One step in a referral's history. {@code actor} is a jobcentre or staff id; {@code reason}
 * is a staff-written reason for a decline or an exit, returned only to those who may read the referral;
 * {@code outcome} is an exit's outcome (wire name); {@code reasonCode} a decline's reason from the fixed
 * list ({@link DeclineReason}, wire name), or null.
 */
public record StatusChange(ReferralStatus status, Instant at, String actor, String reason, String outcome,
                           String reasonCode) {

    /** A change without a reason code. */
    public StatusChange(ReferralStatus status, Instant at, String actor, String reason, String outcome) {
        this(status, at, actor, reason, outcome, null);
    }
}
