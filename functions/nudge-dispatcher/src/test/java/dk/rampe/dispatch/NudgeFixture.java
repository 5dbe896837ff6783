package dk.rampe.dispatch;

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
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.followup.QuietHours;
import dk.rampe.followup.Notifier;
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
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One DynamoDB Local for the JVM; fresh tables, clock and outbox folder per fixture. */
final class NudgeFixture {
    static final DynamoLocal DYNAMO = DynamoLocal.inMemory();
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
    final Settings settings;

    NudgeFixture(Instant now, Channel channel) {
        int n = COUNTER.incrementAndGet();
        Map<String, String> env = Map.of("RAMPE_TABLE", "rampe-" + n, "RAMPE_AUDIT_TABLE", "rampe-audit-" + n,
                "RAMPE_PUBLIC_BASE_URL", "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com");
        Tables.createAll(SamTemplate.bundled(), dynamo, env);
        config = RampeConfig.from(env);
        try {
            outboxDir = Files.createTempDirectory("rampe-outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nudges = NudgeConfig.from(Map.of("RAMPE_OUTBOX_DIR", outboxDir.toString()));
        clock = new TestClock(now);
        local = new LocalOutbox(outboxDir, nudges.emailSender(), clock);
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        store = new DynamoFollowUpStore(dynamo, config.table(), audit);
        outbox = new DynamoOutbox(dynamo, config.table());
        settings = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(
                        new Settings.Consultant("c1", "Kim Konsulent", EmailAddress.parse("kim@example.dk").orElseThrow(),
                                PhoneNumber.parse("22 34 56 78").orElseThrow(), channel, Language.DA),
                        new Settings.Consultant("c2", "Eva Consultant", EmailAddress.parse("eva@example.dk").orElseThrow(),
                                PhoneNumber.parse("+45 87 65 43 21").orElseThrow(), Channel.EMAIL, Language.EN)),
                List.of("owner1"))), List.of());
        service = new NudgeService(store, outbox, () -> settings,
                new FollowUpTokens(nudges.tokenKey(), nudges.tokenTtl()), new NudgeTemplates(config.zone()),
                new QuietHours(config.zone()), clock, config.publicBaseUrl(), nudges.reminderAfter());
    }

    OutboxDispatcher dispatcher(Notifier notifier) {
        return new OutboxDispatcher(outbox, notifier, clock, new OutboxDispatcher.Policy(nudges.maxAttempts(),
                nudges.firstRetryAfter(), nudges.maxRetryAfter(), nudges.sendLease()));
    }

    NudgeService.NewFollowUp absence(String referralId, String date) {
        return new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1", referralId, "c1",
                clock.instant().plusSeconds(3600), null, date);
    }

    List<String> smsLines() {
        try {
            return Files.exists(local.smsFile()) ? Files.readAllLines(local.smsFile()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> emails() {
        if (!Files.isDirectory(local.emailDir())) return List.of();
        try (Stream<Path> s = Files.list(local.emailDir())) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
