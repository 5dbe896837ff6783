package dk.rampe.dynamodb;

import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsChange;
import dk.rampe.settings.SettingsPart;
import dk.rampe.settings.SettingsSave;
import dk.rampe.settings.SettingsStore;
import dk.rampe.settings.SettingsVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Settings live as one JSON document in one item. A warm Lambda keeps them for
 * {@code cacheFor} (one read per minute instead of one per request).
 * <p>
 * Every save carries the next {@code revision} (a conditional write on the one it was made from, so a save made
 * from an older revision is refused) and writes, in the same transaction, one history item
 * {@code SETTINGS / CHANGE#{revision}} (who, when, which parts changed; guarded by attribute_not_exists): the
 * history is one query of the settings' partition, newest first.
 */
public final class DynamoSettingsStore implements SettingsStore {
    /** Saves to retry when the settings change between the read and the write of an unconditional replace. */
    private static final int ATTEMPTS = 5;

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
    public SettingsVersion version() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.settingsKey())
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) return SettingsVersion.none();
        // settings stored before revisions were kept read as revision 0
        long revision = item.containsKey("revision") ? Attrs.num(item, "revision") : 0;
        String at = Attrs.str(item, "updatedAt");
        return new SettingsVersion(SettingsItems.read(item.get("settings")), revision, Attrs.str(item, "updatedBy"),
                at == null ? null : Instant.parse(at));
    }

    @Override
    public void replace(Settings settings, String actor) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (replace(version(), settings, actor) instanceof SettingsSave.Saved) return;
        }
        throw new IllegalStateException("the settings changed " + ATTEMPTS + " times during one replace");
    }

    @Override
    public SettingsSave replace(SettingsVersion base, Settings next, String actor) {
        Instant now = clock.instant();
        SettingsChange change = new SettingsChange(base.revision() + 1, actor, now,
                SettingsPart.changed(base.settings(), next));
        Map<String, AttributeValue> item = Keys.settingsKey();
        item.put("type", Attrs.s("settings"));
        item.put("settings", SettingsItems.write(next));
        item.put("revision", Attrs.n(change.revision()));
        item.put("updatedBy", Attrs.s(actor));
        item.put("updatedAt", Attrs.s(now.toString()));
        Put.Builder settingsPut = Put.builder().tableName(table).item(item);
        if (base.revision() == 0) {
            settingsPut.conditionExpression("attribute_not_exists(revision)");
        } else {
            settingsPut.conditionExpression("revision = :base")
                    .expressionAttributeValues(Map.of(":base", Attrs.n(base.revision())));
        }
        Map<String, AttributeValue> record = changeKey(change.revision());
        record.put("type", Attrs.s("settingsChange"));
        record.put("revision", Attrs.n(change.revision()));
        record.put("actor", Attrs.s(actor));
        record.put("at", Attrs.s(now.toString()));
        record.put("parts", AttributeValue.fromL(change.parts().stream().map(p -> Attrs.s(p.wire())).toList()));
        Put recordPut = Put.builder().tableName(table).item(record).conditionExpression("attribute_not_exists(pk)").build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(settingsPut.build()).build(),
                    TransactWriteItem.builder().put(recordPut).build()));
        } catch (TransactionCanceledException e) {
            SettingsVersion current = version();
            List<SettingsChange> since = new ArrayList<>(history((int) Math.min(50, Math.max(1,
                    current.revision() - base.revision()))));
            since.removeIf(c -> c.revision() <= base.revision());
            java.util.Collections.reverse(since);
            return new SettingsSave.Stale(current, since);
        }
        cached = next;
        cachedUntil = now.plus(cacheFor);
        return new SettingsSave.Saved(change);
    }

    @Override
    public List<SettingsChange> history(int limit) {
        List<SettingsChange> out = new ArrayList<>();
        var items = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                .expressionAttributeValues(Map.of(":pk", Keys.settingsKey().get("pk"), ":c", Attrs.s(Keys.SETTINGS_CHANGE)))
                .scanIndexForward(false).limit(limit)).items();
        for (Map<String, AttributeValue> i : items) {
            List<SettingsPart> parts = new ArrayList<>();
            if (i.containsKey("parts")) {
                for (AttributeValue p : i.get("parts").l()) SettingsPart.fromWire(p.s()).ifPresent(parts::add);
            }
            out.add(new SettingsChange(Attrs.num(i, "revision"), Attrs.str(i, "actor"), Instant.parse(Attrs.str(i, "at")),
                    parts));
        }
        return out;
    }

    private static Map<String, AttributeValue> changeKey(long revision) {
        return Keys.settingsChangeKey(revision);
    }
}
