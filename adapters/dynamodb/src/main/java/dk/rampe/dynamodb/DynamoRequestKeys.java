package dk.rampe.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code Idempotency-Key} of a request (the IETF draft's header) on a POST route: one item per caller and
 * key ({@link Keys#requestKey}) holding the request's fingerprint and, once answered, the first answer, with a
 * TTL ({@code expiresAt}). A request claims its key before it runs (a conditional put: a key never used, or
 * one whose time is over); a second request with the key finds the claim and gets the first answer, a
 * refusal for another body, or "in progress" while the first still runs. A request that did not succeed
 * gives its key back, so a retry can do what it did not.
 */
public final class DynamoRequestKeys {
    /** How long a key is kept (the draft leaves it to the server; a day covers any client's retries). */
    public static final Duration KEPT = Duration.ofHours(24);
    static final String TYPE = "requestKey";

    /** A key in use: the fingerprint of its request and, once answered, the answer. */
    public record Stored(String fingerprint, boolean answered, int status, String body, Map<String, String> headers) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoRequestKeys(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Claims {@code key} for a request with {@code fingerprint}: empty if it is now this request's, else what holds it. */
    public Optional<Stored> claim(String scope, String key, String fingerprint) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(Keys.requestKey(scope, key));
        item.put("type", Attrs.s(TYPE));
        item.put("fingerprint", Attrs.s(fingerprint));
        item.put("claimedAt", Attrs.s(now.toString()));
        item.put("expiresAt", Attrs.n(now.plus(KEPT).getEpochSecond()));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                dynamo.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                        .expressionAttributeValues(Map.of(":now", Attrs.n(now.getEpochSecond()))));
                return Optional.empty();
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> held = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                        .key(Keys.requestKey(scope, key))).item();
                if (held == null || held.isEmpty()) continue; // given back meanwhile: claim again
                return Optional.of(stored(held));
            }
        }
        throw new IllegalStateException("request key kept changing");
    }

    /** Keeps the answer of the request that holds the key. */
    public void answer(String scope, String key, int status, String body, Map<String, String> headers) {
        Map<String, AttributeValue> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, Attrs.s(v)));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", Attrs.n(status));
        values.put(":body", Attrs.s(body == null ? "" : body));
        values.put(":headers", AttributeValue.fromM(h));
        dynamo.updateItem(b -> b.tableName(table).key(Keys.requestKey(scope, key))
                .updateExpression("SET answerStatus = :status, answerBody = :body, answerHeaders = :headers")
                .conditionExpression("attribute_exists(pk)").expressionAttributeValues(values));
    }

    /** Gives the key back (the request had no effect): a retry with it runs again. */
    public void release(String scope, String key) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Keys.requestKey(scope, key))
                    .conditionExpression("attribute_not_exists(answerStatus)"));
        } catch (ConditionalCheckFailedException e) {
            // answered: the answer stays
        }
    }

    private static Stored stored(Map<String, AttributeValue> item) {
        AttributeValue status = item.get("answerStatus");
        Map<String, String> headers = new LinkedHashMap<>();
        AttributeValue h = item.get("answerHeaders");
        if (h != null && h.hasM()) h.m().forEach((k, v) -> headers.put(k, v.s()));
        return new Stored(Attrs.str(item, "fingerprint"), status != null,
                status == null ? 0 : Integer.parseInt(status.n()), Attrs.str(item, "answerBody"), headers);
    }
}
