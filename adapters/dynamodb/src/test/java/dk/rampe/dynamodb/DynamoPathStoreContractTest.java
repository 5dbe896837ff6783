package dk.rampe.dynamodb;

import dk.rampe.path.PathStore;
import dk.rampe.path.PathStoreContract;
import dk.rampe.platform.RampeConfig;

/** The path store contract against DynamoDB Local over HTTP with the real SDK client. */
class DynamoPathStoreContractTest extends PathStoreContract {
    @Override
    protected PathStore newStore() {
        RampeConfig config = DynamoContractTables.freshTables();
        return new DynamoPathStore(DynamoContractTables.client(), config.table());
    }
}
