package dk.rampe.followup.page;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoFollowUpStore;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.NudgeService;
import dk.rampe.local.embedded.LocalOutbox;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.settings.Channel;
import dk.rampe.settings.Settings;
import dk.rampe.testkit.RampeFixture;
import dk.rampe.testkit.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The follow-up page's view of {@link RampeFixture}: programme p1 with consultant c1 on both channels. */
final class PageFixture {
    static final Instant MORNING = RampeFixture.MORNING;

    final RampeFixture rampe;
    final DynamoDbClient dynamo;
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
        rampe = new RampeFixture(MORNING, Map.of("RAMPE_PUBLIC_BASE_URL", publicBaseUrl));
        dynamo = rampe.dynamo;
        config = rampe.config;
        nudges = rampe.nudges;
        clock = rampe.clock;
        outboxDir = rampe.outboxDir;
        local = rampe.local;
        outbox = rampe.outbox;
        store = rampe.store;
        tokens = rampe.tokens;
        settings = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(
                        new Settings.Consultant("c1", "Kim Konsulent", EmailAddress.parse("kim@example.dk").orElseThrow(),
                                PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA)),
                List.of())), List.of());
        service = rampe.nudgeService(settings);
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
        return rampe.auditActions(subject);
    }
}
