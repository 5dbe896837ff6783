package dk.rampe.followup;

import dk.rampe.audit.InMemoryAuditLog;

class InMemoryFollowUpStoreTest extends FollowUpStoreContract {
    @Override
    protected FollowUpPorts newPorts() {
        InMemoryFollowUpStore store = new InMemoryFollowUpStore(new InMemoryAuditLog());
        return new FollowUpPorts(store, new InMemoryOutbox(store));
    }
}
