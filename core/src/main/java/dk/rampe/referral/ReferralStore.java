package dk.rampe.referral;

import dk.rampe.audit.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Referrals, their idempotency keys, the active-citizen guard and the intake counters. */
public interface ReferralStore {

    sealed interface CreateResult permits Created, KeyTaken, CitizenActive {}

    record Created(IntakeAnswer answer) implements CreateResult {}

    /** An idempotency key was used before: with the same request (replay) or another (conflict). */
    record KeyTaken(IdempotencyKey key, String requestFingerprint, IntakeAnswer firstAnswer) implements CreateResult {}

    /** The citizen already has an active referral in the programme. */
    record CitizenActive(String referralId, String jobcentreId) implements CreateResult {}

    /** A referral was changed by someone else between read and write. */
    final class ConcurrentChange extends RuntimeException {
        public ConcurrentChange() {
            super("concurrent change", null, false, false);
        }
    }

    /** Looks up idempotency keys without writing (consistent read). */
    Optional<KeyTaken> findKey(String jobcentreId, List<IdempotencyKey> keys);

    /**
     * Writes the referral, its keys, the active-citizen guard, the intake counter and the audit
     * entry in one transaction: all or nothing. Whether the referral is over the jobcentre's
     * {@code quota} is decided in that same transaction (the counter before this referral is
     * below the quota, or not), so exactly the first {@code quota} referrals are unflagged however
     * many arrive at once; {@link Created#answer()} carries the decision.
     */
    CreateResult create(Referral referral, String citizenKey, List<IdempotencyKey> keys, String requestFingerprint,
                        int quota, AuditEntry audit);

    Optional<Referral> find(String referralId);

    /**
     * Writes a changed referral if its stored version is still {@code updated.version() - 1}.
     * With {@code releaseCitizen}, the citizen's active-referral guard is removed in the same
     * transaction; with {@code expiresAt} set, personal data is deleted at that time.
     */
    void update(Referral updated, String citizenKey, boolean releaseCitizen, Instant expiresAt, AuditEntry audit);

    /**
     * Gives every stored item about an ended referral its {@code expiresAt} again (the items the ending
     * transaction could not hold, items written since): safe to repeat. A store that keeps nothing
     * beside the referral has nothing to do.
     */
    default void applyRetention(String referralId, Instant expiresAt) {
    }

    /** Referrals the jobcentre has sent to the programme so far (for its quota). */
    long intakeCount(String programmeId, String jobcentreId);

    /**
     * The programme's referrals, oldest first, in one query (index gsi2, never a scan); with a
     * status, only those in it. For lists: the visitation queue, a consultant's participants, the
     * owner's overview.
     */
    List<Referral> listByProgramme(String programmeId, ReferralStatus statusOrNull);

    /** The referrals a jobcentre sent to the programme, oldest first (one query). */
    List<Referral> listByProgrammeForJobcentre(String programmeId, String jobcentreId);
}
