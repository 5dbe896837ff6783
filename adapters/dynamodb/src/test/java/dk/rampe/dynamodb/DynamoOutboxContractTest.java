package dk.rampe.dynamodb;

import dk.rampe.followup.FollowUpPorts;
import dk.rampe.followup.OutboxContract;

/** The outbox contract against DynamoDB Local over HTTP with the real SDK client. */
class DynamoOutboxContractTest extends OutboxContract {
    @Override
    protected FollowUpPorts newPorts() {
        return DynamoContractTables.followUps();
    }
}
