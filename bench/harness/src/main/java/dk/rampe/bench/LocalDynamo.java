package dk.rampe.bench;

import dk.rampe.dynamodb.BenchItems;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.embedded.Tables;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB Local in the harness's own JVM (not in the measured child), with the SAM template's
 * tables and the sample settings. {@link #reset()} gives every child the same starting state.
 */
final class LocalDynamo implements AutoCloseable {
    static final Map<String, String> TABLES = Map.of("RAMPE_TABLE", "rampe-bench", "RAMPE_AUDIT_TABLE", "rampe-bench-audit");

    private final DynamoLocal local;
    private final SamTemplate template;
    private final String settingsJson;

    LocalDynamo(SamTemplate template, String settingsJson) {
        this.template = template;
        this.settingsJson = settingsJson;
        this.local = DynamoLocal.inMemory();
        reset();
    }

    String endpoint() {
        return local.endpoint();
    }

    DynamoDbClient client() {
        return local.client();
    }

    String table() {
        return TABLES.get("RAMPE_TABLE");
    }

    /** Empty tables, created from the template, with the settings loaded. */
    void reset() {
        for (String t : TABLES.values()) {
            try {
                local.client().deleteTable(b -> b.tableName(t));
            } catch (ResourceNotFoundException notThere) {
                // first time
            }
        }
        Tables.createAll(template, local.client(), TABLES);
        BenchItems.putSettings(local.client(), table(), settingsJson);
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        local.close();
    }
}
