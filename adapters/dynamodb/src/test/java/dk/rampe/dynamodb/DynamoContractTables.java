package dk.rampe.dynamodb;

import dk.rampe.followup.FollowUpPorts;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.embedded.Tables;
import dk.rampe.platform.RampeConfig;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One DynamoDB Local for this module's contract tests; fresh tables from the SAM template per test. */
final class DynamoContractTables {
    private static DynamoLocal dynamo;

    private DynamoContractTables() {
    }

    static synchronized DynamoDbClient client() {
        if (dynamo == null) dynamo = DynamoLocal.inMemory();
        return dynamo.client();
    }

    static RampeConfig freshTables() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("RAMPE_TABLE", "rampe-" + suffix, "RAMPE_AUDIT_TABLE", "rampe-audit-" + suffix);
        Tables.createAll(SamTemplate.bundled(), client(), env);
        return RampeConfig.from(env);
    }

    static FollowUpPorts followUps() {
        RampeConfig config = freshTables();
        DynamoAuditLog audit = new DynamoAuditLog(client(), config.auditTable(), config.auditRetention());
        return new FollowUpPorts(new DynamoFollowUpStore(client(), config.table(), audit),
                new DynamoOutbox(client(), config.table()));
    }
}
