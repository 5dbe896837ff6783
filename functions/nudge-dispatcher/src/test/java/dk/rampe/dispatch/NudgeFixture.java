package dk.rampe.dispatch;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoFollowUpStore;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.Notifier;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.OutboxDispatcher;
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

/** The dispatcher's view of {@link RampeFixture}: programme p1 with consultants c1 (given channel) and c2. */
final class NudgeFixture {
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
    final Settings settings;

    NudgeFixture(Instant now, Channel channel) {
        rampe = new RampeFixture(now,
                Map.of("RAMPE_PUBLIC_BASE_URL", "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com"));
        dynamo = rampe.dynamo;
        config = rampe.config;
        nudges = rampe.nudges;
        clock = rampe.clock;
        outboxDir = rampe.outboxDir;
        local = rampe.local;
        outbox = rampe.outbox;
        store = rampe.store;
        settings = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(
                        new Settings.Consultant("c1", "Kim Konsulent", EmailAddress.parse("kim@example.dk").orElseThrow(),
                                PhoneNumber.parse("22 34 56 78").orElseThrow(), channel, Language.DA),
                        new Settings.Consultant("c2", "Eva Consultant", EmailAddress.parse("eva@example.dk").orElseThrow(),
                                PhoneNumber.parse("+45 87 65 43 21").orElseThrow(), Channel.EMAIL, Language.EN)),
                List.of("owner1"))), List.of());
        service = rampe.nudgeService(settings);
    }

    OutboxDispatcher dispatcher(Notifier notifier) {
        return rampe.dispatcher(notifier);
    }

    NudgeService.NewFollowUp absence(String referralId, String date) {
        return new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1", referralId, "c1",
                clock.instant().plusSeconds(3600), null, date);
    }

    List<String> smsLines() {
        return rampe.smsLines();
    }

    List<Path> emails() {
        return rampe.emails();
    }
}
