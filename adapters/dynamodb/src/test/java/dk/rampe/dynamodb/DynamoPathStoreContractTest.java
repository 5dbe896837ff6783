package dk.rampe.dynamodb;

import dk.rampe.path.PathStoreContract;
import dk.rampe.platform.RampeConfig;

/** The path store contract against DynamoDB Local over HTTP with the real SDK client. */
class DynamoPathStoreContractTest extends PathStoreContract {
    @Override
    protected Parts newParts() {
        RampeConfig config = DynamoContractTables.freshTables();
        return new Parts(new DynamoPathStore(DynamoContractTables.client(), config.table()),
                new DynamoDueWork(DynamoContractTables.client(), config.table()),
                new DynamoAttendanceStore(DynamoContractTables.client(), config.table()));
    }
}
