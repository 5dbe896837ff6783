package dk.rampe.testkit;

import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoFollowUpStore;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.Notifier;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.followup.QuietHours;
import dk.rampe.json.Json;
import dk.rampe.json.SettingsCodec;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.LocalOutbox;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.embedded.Tables;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one test fixture: DynamoDB Local (real SDK client over HTTP) with fresh tables made from the
 * SAM template, the configuration, a {@link TestClock}, an outbox folder, and the DynamoDB stores.
 * The per-function fixtures (IntakeFixture, PageFixture, NudgeFixture) are thin wrappers over it.
 */
public final class RampeFixture {
    /** A Monday morning in Copenhagen (10:00 local): what most tests start from. */
    public static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");

    private static DynamoLocal shared;

    public final DynamoDbClient dynamo;
    public final Map<String, String> env;
    public final RampeConfig config;
    public final NudgeConfig nudges;
    public final TestClock clock;
    public final Path outboxDir;
    public final LocalOutbox local;
    public final DynamoAuditLog audit;
    public final DynamoReferralStore referrals;
    public final DynamoFollowUpStore store;
    public final DynamoOutbox outbox;
    public final DynamoSettingsStore settingsStore;
    public final FollowUpTokens tokens;

    /** One in-memory DynamoDB Local for the whole JVM (stopped when it exits). */
    public static synchronized DynamoLocal sharedDynamo() {
        if (shared == null) shared = DynamoLocal.inMemory();
        return shared;
    }

    /** On the JVM's shared DynamoDB Local. */
    public RampeFixture(Instant now, Map<String, String> environment) {
        this(sharedDynamo(), now, environment);
    }

    /**
     * Fresh tables (unique names) on {@code db}; {@code environment} adds to or overrides the
     * defaults (table names, RAMPE_OUTBOX_DIR a new temporary folder).
     */
    public RampeFixture(DynamoLocal db, Instant now, Map<String, String> environment) {
        this.dynamo = db.client();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> e = new HashMap<>();
        e.put("RAMPE_TABLE", "rampe-" + suffix);
        e.put("RAMPE_AUDIT_TABLE", "rampe-audit-" + suffix);
        e.putAll(environment);
        if (!e.containsKey("RAMPE_OUTBOX_DIR")) {
            try {
                e.put("RAMPE_OUTBOX_DIR", Files.createTempDirectory("rampe-outbox").toString());
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
        this.env = Map.copyOf(e);
        Tables.createAll(SamTemplate.bundled(), dynamo, env);
        this.config = RampeConfig.from(env);
        this.nudges = NudgeConfig.from(env);
        this.outboxDir = nudges.outboxDir();
        this.clock = new TestClock(now);
        this.local = new LocalOutbox(outboxDir, nudges.emailSender(), clock);
        this.audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        this.referrals = new DynamoReferralStore(dynamo, config.table(), audit);
        this.store = new DynamoFollowUpStore(dynamo, config.table(), audit);
        this.outbox = new DynamoOutbox(dynamo, config.table());
        this.settingsStore = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ZERO);
        this.tokens = new FollowUpTokens(nudges.tokenKey(), nudges.tokenTtl());
    }

    /** The nudge service on this fixture's stores and clock, reading {@code settings}. */
    public NudgeService nudgeService(Settings settings) {
        return new NudgeService(store, outbox, () -> settings, tokens, new NudgeTemplates(config.zone()),
                new QuietHours(config.zone()), clock, config.publicBaseUrl(), nudges.reminderAfter());
    }

    /** The outbox dispatcher with the configured retry policy, its sweep's watermark in the table. */
    public OutboxDispatcher dispatcher(Notifier notifier) {
        return new OutboxDispatcher(outbox, notifier, clock, new OutboxDispatcher.Policy(nudges.maxAttempts(),
                nudges.firstRetryAfter(), nudges.maxRetryAfter(), nudges.sendLease()),
                new dk.rampe.dynamodb.DynamoWatermarks(dynamo, config.table()));
    }

    /** Replaces the settings in the table with {@code json} (the shape of events/settings-sample.json). */
    public void loadSettings(String json) {
        try {
            settingsStore.replace(SettingsCodec.parse(Json.parse(json)), "test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines of the local outbox's SMS file, oldest first. */
    public List<String> smsLines() {
        try {
            return Files.exists(local.smsFile()) ? Files.readAllLines(local.smsFile()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local outbox's .eml files, by name. */
    public List<Path> emails() {
        if (!Files.isDirectory(local.emailDir())) return List.of();
        try (Stream<Path> s = Files.list(local.emailDir())) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Audit actions recorded for a subject, oldest first. */
    public List<String> auditActions(String subject) {
        return dynamo.query(b -> b.tableName(config.auditTable()).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SUBJECT#" + subject)))).items()
                .stream().map(i -> i.get("action").s()).toList();
    }
}
