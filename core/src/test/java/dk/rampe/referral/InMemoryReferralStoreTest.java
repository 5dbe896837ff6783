package dk.rampe.referral;

import dk.rampe.audit.InMemoryAuditLog;

class InMemoryReferralStoreTest extends ReferralStoreContract {
    @Override
    protected ReferralStore newStore() {
        return new InMemoryReferralStore(new InMemoryAuditLog());
    }
}
