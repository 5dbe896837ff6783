package dk.rampe.dynamodb;

import dk.rampe.report.MonthlyFacts;
import dk.rampe.report.MonthlyFactsContract;

/** The monthly facts' contract against DynamoDB Local over HTTP with the real SDK client. */
class DynamoMonthlyFactsContractTest extends MonthlyFactsContract {
    @Override
    protected MonthlyFacts newFacts() {
        return new DynamoMonthlyFacts(DynamoContractTables.client(), DynamoContractTables.freshTables().table());
    }
}
