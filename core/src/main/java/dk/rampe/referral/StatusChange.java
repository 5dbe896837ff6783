package dk.rampe.referral;

import java.time.Instant;

/**
 * One step in a referral's history. {@code actor} is a jobcentre or staff id; {@code reason}
 * is a staff-written reason for a decline or an exit, returned only to those who may read the referral.
 */
public record StatusChange(ReferralStatus status, Instant at, String actor, String reason, String outcome) {
}
