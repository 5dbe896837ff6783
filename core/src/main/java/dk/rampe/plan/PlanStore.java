package dk.rampe.plan;

import dk.rampe.audit.AuditEntry;
import java.util.Optional;

/** Plans, one per referral. */
public interface PlanStore {
    Optional<Plan> find(String referralId);

    /**
     * Writes the plan and its audit entry in one transaction, if the stored version is still
     * {@code plan.version() - 1} (none for version 1); otherwise throws
     * {@link dk.rampe.referral.ReferralStore.ConcurrentChange}.
     */
    void save(Plan plan, AuditEntry audit);
}
