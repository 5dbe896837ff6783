package dk.rampe.dispatch;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.messaging.Notifiers;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.log.Log;
import dk.rampe.followup.Notifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run every minute by EventBridge Scheduler: sends what has become due (SMS held over quiet
 * hours, retries after backoff, reminders) and fails claims whose dispatcher died mid-send.
 * <p>It takes no parameters: the schedule's input is not read, and the answer (the results counted, e.g.
 * {@code {"sent":2,"errors":0}}) is written here, so the runtime's JSON serializer is never loaded.
 */
public final class NudgeSweepHandler implements RequestStreamHandler, Primed {
    static final int BATCH = 200;

    private final OutboxDispatcher dispatcher;
    private final Priming priming;

    public NudgeSweepHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private NudgeSweepHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Notifiers.create(nudges, config.region()),
                Clock.systemUTC());
        Priming.register(this);
    }

    public NudgeSweepHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Notifier notifier,
                             Clock clock) {
        this.dispatcher = FollowUps.dispatcher(config, nudges, dynamo, notifier, clock);
        // before SnapStart's snapshot: the due index read for a day long past (1970: nothing is due then)
        // and a message's dispatch by an id never issued; reads only (the sweep itself claims and sends)
        DynamoOutbox outbox = new DynamoOutbox(dynamo, config.table());
        this.priming = new Priming("nudge-sweep")
                .step("due", () -> outbox.due(java.time.Instant.EPOCH.minus(java.time.Duration.ofDays(1)),
                        java.time.Instant.EPOCH, 1))
                .step("dispatch", () -> dispatcher.dispatch(NudgeDispatcherHandler.PRIME_MESSAGE))
                // and an email's and an SMS's send, each made in full by its client and stopped before it is sent
                .step("send", () -> Notifiers.primeSends(notifier));
    }

    @Override
    public Priming priming() {
        return priming;
    }

    /** One sweep; the answer, whatever the schedule's input. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StringBuilder answer = new StringBuilder("{");
        for (Map.Entry<String, Integer> e : sweep().entrySet()) {
            if (answer.length() > 1) answer.append(',');
            StreamBatch.quote(e.getKey(), answer);
            answer.append(':').append(e.getValue());
        }
        output.write(answer.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends what is due, at most {@value #BATCH} messages; the results counted by name, and the errors. */
    Map<String, Integer> sweep() {
        OutboxDispatcher.Summary s = dispatcher.dispatchDue(BATCH);
        Metrics.emit("sweep", s.counts(), s.errors());
        Log.info("dispatch.sweep", "results", s.counts().toString(), "errors", Integer.toString(s.errors()));
        Map<String, Integer> out = new LinkedHashMap<>();
        s.counts().forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        out.put("errors", s.errors());
        return out;
    }
}
