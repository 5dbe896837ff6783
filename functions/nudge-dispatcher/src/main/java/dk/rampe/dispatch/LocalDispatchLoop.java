package dk.rampe.dispatch;

import dk.rampe.aws.FollowUps;
import dk.rampe.aws.LocalOutbox;
import dk.rampe.aws.Notifiers;
import dk.rampe.config.NudgeConfig;
import dk.rampe.config.RampeConfig;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.log.Log;
import dk.rampe.ports.Notifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local runner's stand-in for the table stream and the scheduled sweep: every second it
 * sends whatever is due, through SES/SNS if {@code AWS_ENDPOINT_URL_SES} / {@code _SNS} are set,
 * else into {@code outboxDir} (one .eml per email, one JSON line per SMS). Because every send
 * is claimed in DynamoDB first, restarting the runner sends nothing twice.
 */
public final class LocalDispatchLoop implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final OutboxDispatcher dispatcher;

    private LocalDispatchLoop(OutboxDispatcher dispatcher, long periodMillis) {
        this.dispatcher = dispatcher;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rampe-dispatch-loop");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Nudge settings from the environment; messages into {@code outboxDir} unless AWS endpoints are set. */
    public static LocalDispatchLoop start(RampeConfig config, DynamoDbClient dynamo, Clock clock, Path outboxDir) {
        NudgeConfig nudges = NudgeConfig.from(withOutboxDir(System.getenv(), outboxDir));
        return start(config, nudges, dynamo, clock, Notifiers.create(nudges, config.region(), clock), 1000);
    }

    /** Full control, for tests: a given notifier and polling period. */
    public static LocalDispatchLoop start(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock,
                                          Notifier notifier, long periodMillis) {
        LocalDispatchLoop loop = new LocalDispatchLoop(FollowUps.dispatcher(config, nudges, dynamo, notifier, clock),
                periodMillis);
        System.out.println("[outbox] dispatching every " + periodMillis + " ms; " + nudges);
        return loop;
    }

    /** A notifier writing into the folder (for callers that want it without reading the environment). */
    public static LocalOutbox folder(Path outboxDir, String sender, Clock clock) {
        return new LocalOutbox(outboxDir, sender, clock);
    }

    /** Sends what is due now, on the caller's thread (tests use it to avoid waiting for a tick). */
    public OutboxDispatcher.Summary runOnce() {
        return dispatcher.dispatchDue(100);
    }

    private void tick() {
        try {
            OutboxDispatcher.Summary s = dispatcher.dispatchDue(100);
            if (!s.counts().isEmpty() || s.errors() > 0) {
                Log.info("dispatch.local", "results", s.counts().toString(), "errors", Integer.toString(s.errors()));
            }
        } catch (RuntimeException e) {
            Log.error("dispatch.localFailed", "exception", e.getClass().getName());
        }
    }

    private static Map<String, String> withOutboxDir(Map<String, String> env, Path outboxDir) {
        Map<String, String> m = new java.util.HashMap<>(env);
        if (outboxDir != null) m.put("RAMPE_OUTBOX_DIR", outboxDir.toString());
        return m;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
