package dk.rampe.dynamodb;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * The audit table: one item per read or change, keyed by subject then time, deleted by TTL
 * after the retention period. It holds who, when and what, never the data.
 */
public final class DynamoAuditLog implements AuditLog {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoAuditLog(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public void record(AuditEntry entry) {
        dynamo.putItem(b -> b.tableName(table).item(item(entry)));
    }

    /** The same entry as a Put, to join the transaction of the change it records. */
    public Put put(AuditEntry entry) {
        return Put.builder().tableName(table).item(item(entry)).build();
    }

    Map<String, AttributeValue> item(AuditEntry e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("pk", Attrs.s(Keys.auditPk(e.subject())));
        m.put("sk", Attrs.s(Keys.auditSk(e.at(), UUID.randomUUID().toString())));
        m.put("actor", Attrs.s(e.actor()));
        m.put("action", Attrs.s(e.action()));
        m.put("at", Attrs.s(e.at().toString()));
        m.put("expiresAt", Attrs.n(e.at().plus(retention).getEpochSecond()));
        return m;
    }
}
