package dk.rampe.referral;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Referrals, idempotency keys, active-citizen guards and intake counters in maps (tests); each
 * write all or nothing, like the one DynamoDB transaction it stands for. Passes {@link ReferralStoreContract}.
 */
public final class InMemoryReferralStore implements ReferralStore {
    private record Guard(String referralId, String jobcentreId) {
    }

    private final Map<String, Referral> referrals = new HashMap<>();
    private final Map<String, KeyTaken> keys = new HashMap<>();
    private final Map<String, Guard> guards = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private final AuditLog audit;

    public InMemoryReferralStore(AuditLog audit) {
        this.audit = audit;
    }

    private static String keyOf(String jobcentreId, IdempotencyKey k) {
        return jobcentreId + "#" + k.field() + "#" + k.value();
    }

    @Override
    public synchronized Optional<KeyTaken> findKey(String jobcentreId, List<IdempotencyKey> candidates) {
        for (IdempotencyKey k : candidates) {
            KeyTaken taken = keys.get(keyOf(jobcentreId, k));
            if (taken != null) return Optional.of(taken);
        }
        return Optional.empty();
    }

    @Override
    public synchronized CreateResult create(Referral referral, String citizenKey, List<IdempotencyKey> newKeys,
                                            String requestFingerprint, int quota, AuditEntry entry) {
        Optional<KeyTaken> taken = findKey(referral.jobcentreId(), newKeys);
        if (taken.isPresent()) return taken.get();
        Guard guard = guards.get(referral.programmeId() + "#" + citizenKey);
        if (guard != null) return new CitizenActive(guard.referralId(), guard.jobcentreId());
        if (referrals.containsKey(referral.id())) {
            throw new IllegalStateException("referral " + referral.id() + " exists");
        }
        // the flag is decided with the count, in the same step, as the DynamoDB transaction does
        boolean overQuota = counts.getOrDefault(referral.programmeId() + "#" + referral.jobcentreId(), 0L) >= quota;
        if (overQuota != referral.overQuota()) {
            referral = new Referral(referral.id(), referral.jobcentreId(), referral.details(), referral.consultantId(),
                    referral.status(), overQuota, referral.history(), referral.createdAt(), referral.version());
        }
        IntakeAnswer answer = new IntakeAnswer(referral.id(), referral.consultantId(), overQuota, referral.createdAt());
        referrals.put(referral.id(), referral);
        for (IdempotencyKey k : newKeys) {
            keys.put(keyOf(referral.jobcentreId(), k), new KeyTaken(k, requestFingerprint, answer));
        }
        guards.put(referral.programmeId() + "#" + citizenKey, new Guard(referral.id(), referral.jobcentreId()));
        counts.merge(referral.programmeId() + "#" + referral.jobcentreId(), 1L, Long::sum);
        audit.record(entry);
        return new Created(answer);
    }

    @Override
    public synchronized Optional<Referral> find(String referralId) {
        return Optional.ofNullable(referrals.get(referralId));
    }

    @Override
    public synchronized void update(Referral updated, String citizenKey, boolean releaseCitizen, Instant expiresAt,
                                    AuditEntry entry) {
        Referral stored = referrals.get(updated.id());
        if (stored == null || stored.version() != updated.version() - 1) throw new ConcurrentChange();
        String guardKey = updated.programmeId() + "#" + citizenKey;
        Guard guard = guards.get(guardKey);
        if (releaseCitizen && guard != null && !guard.referralId().equals(updated.id())) throw new ConcurrentChange();
        referrals.put(updated.id(), updated);
        if (releaseCitizen) guards.remove(guardKey);
        audit.record(entry);
    }

    @Override
    public synchronized long intakeCount(String programmeId, String jobcentreId) {
        return counts.getOrDefault(programmeId + "#" + jobcentreId, 0L);
    }

    @Override
    public synchronized List<Referral> listByProgramme(String programmeId, ReferralStatus statusOrNull) {
        return referrals.values().stream()
                .filter(r -> r.programmeId().equals(programmeId) && (statusOrNull == null || r.status() == statusOrNull))
                .sorted(java.util.Comparator.comparing((Referral r) -> r.status().wireName())
                        .thenComparing(Referral::createdAt).thenComparing(Referral::id))
                .toList();
    }

    @Override
    public synchronized List<Referral> listByProgrammeForJobcentre(String programmeId, String jobcentreId) {
        return listByProgramme(programmeId, null).stream().filter(r -> r.jobcentreId().equals(jobcentreId)).toList();
    }
}
