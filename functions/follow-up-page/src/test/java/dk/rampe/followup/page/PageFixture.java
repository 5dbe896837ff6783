package dk.rampe.followup.page;

import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoFollowUpStore;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.local.embedded.LocalOutbox;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.settings.Channel;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.settings.Settings;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.QuietHours;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.embedded.Tables;
import dk.rampe.testkit.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One DynamoDB Local for the JVM; fresh tables, clock and outbox folder per fixture. */
final class PageFixture {
    static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final DynamoLocal DYNAMO = DynamoLocal.inMemory();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final DynamoDbClient dynamo = DYNAMO.client();
    final RampeConfig config;
    final NudgeConfig nudges;
    final TestClock clock;
    final Path outboxDir;
    final LocalOutbox local;
    final DynamoOutbox outbox;
    final DynamoFollowUpStore store;
    final NudgeService service;
    final FollowUpTokens tokens;
    final Settings settings;

    PageFixture(String publicBaseUrl) {
        int n = COUNTER.incrementAndGet();
        Map<String, String> env = Map.of("RAMPE_TABLE", "rampe-" + n, "RAMPE_AUDIT_TABLE", "rampe-audit-" + n,
                "RAMPE_PUBLIC_BASE_URL", publicBaseUrl);
        Tables.createAll(SamTemplate.bundled(), dynamo, env);
        config = RampeConfig.from(env);
        try {
            outboxDir = Files.createTempDirectory("rampe-outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nudges = NudgeConfig.from(Map.of("RAMPE_OUTBOX_DIR", outboxDir.toString()));
        clock = new TestClock(MORNING);
        local = new LocalOutbox(outboxDir, nudges.emailSender(), clock);
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        store = new DynamoFollowUpStore(dynamo, config.table(), audit);
        outbox = new DynamoOutbox(dynamo, config.table());
        tokens = new FollowUpTokens(nudges.tokenKey(), nudges.tokenTtl());
        settings = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(
                        new Settings.Consultant("c1", "Kim Konsulent", EmailAddress.parse("kim@example.dk").orElseThrow(),
                                PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA)),
                List.of())), List.of());
        service = new NudgeService(store, outbox, () -> settings, tokens, new NudgeTemplates(config.zone()),
                new QuietHours(config.zone()), clock, config.publicBaseUrl(), nudges.reminderAfter());
    }

    FollowUpPageHandler handler() {
        return new FollowUpPageHandler(config, nudges, dynamo, clock);
    }

    /** The decision behind the events/ samples (task T3B9FAVTPV0QH). */
    String createSampleTask() {
        return service.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1", "R7K2M9Q4X1ZA8", "c1",
                MORNING.plusSeconds(3600), null, "2026-11-23"), "system:absence").task().taskId();
    }

    String createTask(String referralId) {
        return service.create(new NudgeService.NewFollowUp(FollowUpKind.AFTERCARE_CALL_DUE, "p1", referralId, "c1",
                MORNING.plusSeconds(7200), null, "x"), "system").task().taskId();
    }

    /** Audit actions recorded for a subject, oldest first. */
    List<String> auditActions(String subject) {
        return dynamo.query(b -> b.tableName(config.auditTable()).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SUBJECT#" + subject)))).items()
                .stream().map(i -> i.get("action").s()).toList();
    }
}
