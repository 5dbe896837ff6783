package dk.rampe.referral;

import java.time.Instant;

/**
 * One step in a referral's history. {@code at} is when it took effect (the step's effective date: now, or a
 * day in the past for a step recorded late, see {@link EffectiveDates}); {@code recordedAt} when it was written
 * down, by {@code actor} (a jobcentre or staff id). {@code reason} is a staff-written reason for a decline or
 * an exit, returned only to those who may read the referral; {@code outcome} is an exit's outcome (wire name);
 * {@code reasonCode} a decline's reason from the fixed list ({@link DeclineReason}, wire name), or null.
 */
public record StatusChange(ReferralStatus status, Instant at, String actor, String reason, String outcome,
                           String reasonCode, Instant recordedAt) {

    public StatusChange {
        if (recordedAt == null) recordedAt = at;
    }

    /** A change recorded when it took effect. */
    public StatusChange(ReferralStatus status, Instant at, String actor, String reason, String outcome,
                        String reasonCode) {
        this(status, at, actor, reason, outcome, reasonCode, at);
    }

    /** A change without a reason code, recorded when it took effect. */
    public StatusChange(ReferralStatus status, Instant at, String actor, String reason, String outcome) {
        this(status, at, actor, reason, outcome, null, at);
    }

    /** Known by {@code t}: it took effect and was recorded before it. */
    public boolean knownBefore(Instant t) {
        return at.isBefore(t) && recordedAt.isBefore(t);
    }
}
