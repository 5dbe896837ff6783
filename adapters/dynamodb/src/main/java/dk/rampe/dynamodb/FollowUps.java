package dk.rampe.dynamodb;

import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.followup.QuietHours;
import dk.rampe.followup.Notifier;
import dk.rampe.settings.SettingsStore;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the follow-up domain to DynamoDB: for functions, the local runner and tests. */
public final class FollowUps {
    private FollowUps() {
    }

    public static FollowUpTokens tokens(NudgeConfig nudges) {
        return new FollowUpTokens(nudges.tokenKey(), nudges.tokenTtl());
    }

    /** The service that creates follow-up tasks with their nudges, and records outcomes. */
    public static NudgeService service(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        return service(config, nudges, dynamo, clock,
                new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1)));
    }

    /** The same, sharing a function's settings store (and its cache) instead of keeping a second one. */
    public static NudgeService service(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock,
                                       SettingsStore settings) {
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        return new NudgeService(new DynamoFollowUpStore(dynamo, config.table(), audit),
                new DynamoOutbox(dynamo, config.table()), settings::current, tokens(nudges),
                new NudgeTemplates(config.zone(), nudges.productName()), new QuietHours(config.zone()), clock, config.publicBaseUrl(),
                nudges.reminderAfter());
    }

    public static OutboxDispatcher dispatcher(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo,
                                              Notifier notifier, Clock clock) {
        return new OutboxDispatcher(new DynamoOutbox(dynamo, config.table()), notifier, clock,
                new OutboxDispatcher.Policy(nudges.maxAttempts(), nudges.firstRetryAfter(), nudges.maxRetryAfter(),
                        nudges.sendLease()), new DynamoWatermarks(dynamo, config.table()));
    }
}
