package dk.rampe.dynamodb;

import dk.rampe.followup.FollowUpPorts;
import dk.rampe.followup.FollowUpStoreContract;

/** The follow-up store contract against DynamoDB Local over HTTP with the real SDK client. */
class DynamoFollowUpStoreContractTest extends FollowUpStoreContract {
    @Override
    protected FollowUpPorts newPorts() {
        return DynamoContractTables.followUps();
    }
}
