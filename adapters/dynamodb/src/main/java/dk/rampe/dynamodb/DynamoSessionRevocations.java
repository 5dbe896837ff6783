package dk.rampe.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The web app's sessions ended at logout: one item per session id (the random id of one login,
 * so a logout on one device leaves the user's other devices alone), read by key with a strongly
 * consistent read on every request that carries a session, deleted by TTL once the session would
 * have ended anyway. The item holds the id and the time only: who it was stays in the audit log.
 */
public final class DynamoSessionRevocations {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionRevocations(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Ends the session {@code sessionId} at {@code at}; kept until {@code sessionEnds} (its latest end). */
    public void revoke(String sessionId, Instant at, Instant sessionEnds) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.sessionRevokedKey(sessionId));
        item.put("type", Attrs.s("webSessionRevoked"));
        item.put("revokedAt", Attrs.s(at.toString()));
        item.put("expiresAt", Attrs.n(sessionEnds.getEpochSecond() + 1));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** Whether the session {@code sessionId} was ended at a logout. */
    public boolean isRevoked(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.indexOf('#') >= 0) return true;
        return dynamo.getItem(b -> b.tableName(table).key(Keys.sessionRevokedKey(sessionId)).consistentRead(true)
                .projectionExpression("pk")).hasItem();
    }
}
