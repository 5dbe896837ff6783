package dk.rampe.dynamodb;

import dk.rampe.platform.RampeConfig;
import dk.rampe.referral.ReferralStore;
import dk.rampe.referral.ReferralStoreContract;

/** The referral store contract against DynamoDB Local over HTTP with the real SDK client. */
class DynamoReferralStoreContractTest extends ReferralStoreContract {
    @Override
    protected ReferralStore newStore() {
        RampeConfig config = DynamoContractTables.freshTables();
        return new DynamoReferralStore(DynamoContractTables.client(), config.table(),
                new DynamoAuditLog(DynamoContractTables.client(), config.auditTable(), config.auditRetention()));
    }
}
