package dk.rampe.dynamodb;

import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Settings live as one JSON document in one item. A warm Lambda keeps them for
 * {@code cacheFor} (one read per minute instead of one per request).
 */
public final class DynamoSettingsStore implements SettingsStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile Settings cached;
    private volatile Instant cachedUntil = Instant.MIN;

    public DynamoSettingsStore(DynamoDbClient dynamo, String table, Clock clock, Duration cacheFor) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    @Override
    public Settings current() {
        Instant now = clock.instant();
        Settings s = cached;
        if (s != null && now.isBefore(cachedUntil)) return s;
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.settingsKey())).item();
        s = item == null || item.isEmpty() ? Settings.empty() : SettingsItems.read(item.get("settings"));
        cached = s;
        cachedUntil = now.plus(cacheFor);
        return s;
    }

    @Override
    public void replace(Settings settings, String actor) {
        Map<String, AttributeValue> item = Keys.settingsKey();
        item.put("type", Attrs.s("settings"));
        item.put("settings", SettingsItems.write(settings));
        item.put("updatedBy", Attrs.s(actor));
        item.put("updatedAt", Attrs.s(clock.instant().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
        cached = settings;
        cachedUntil = clock.instant().plus(cacheFor);
    }
}
