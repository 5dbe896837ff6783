package dk.rampe.dispatch;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.dynamodb.Keys;
import dk.rampe.messaging.Notifiers;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.log.Log;
import dk.rampe.followup.Notifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Fed by the Rampe table's stream (filtered in the template to pending outbox messages). Each
 * record names a message; the dispatcher re-reads it (the image may be stale), claims it and
 * sends it. A record that cannot be handled is reported in {@code batchItemFailures}, so Lambda
 * retries from there (bisecting) and finally hands it to the on-failure destination; the other
 * records are not held up, and replaying them sends nothing twice because every send is claimed.
 * A message not yet due (quiet hours, backoff) is left for the scheduled sweep.
 */
public final class NudgeDispatcherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Primed {
    private static final Pattern MESSAGE_PK = Pattern.compile("^M[0-9A-HJKMNP-TV-Z]{20}$");

    private final OutboxDispatcher dispatcher;
    private final Priming priming;

    /** Used by Lambda: everything from the environment. */
    public NudgeDispatcherHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private NudgeDispatcherHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Notifiers.create(nudges, config.region()),
                Clock.systemUTC());
        Priming.register(this);
    }

    /** Used by tests and the local runner. */
    public NudgeDispatcherHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Notifier notifier,
                                  Clock clock) {
        this.dispatcher = FollowUps.dispatcher(config, nudges, dynamo, notifier, clock);
        // before SnapStart's snapshot: a stream record's key read into a message id, and that message's
        // dispatch, which reads it consistently, finds nothing (the id is never issued) and sends nothing
        this.priming = new Priming("nudge-dispatcher")
                .step("record", () -> messageId(primeRecord()))
                .step("dispatch", () -> dispatcher.dispatch(messageId(primeRecord())));
    }

    /** An outbox message id of the valid form that no decision derives (all zeros). */
    static final String PRIME_MESSAGE = "M00000000000000000000";

    /** A stream record as the filtered stream passes it, naming {@link #PRIME_MESSAGE}. */
    static DynamodbEvent.DynamodbStreamRecord primeRecord() {
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord image =
                new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
        image.setKeys(Map.of("pk", new AttributeValue().withS(Keys.messagePk(PRIME_MESSAGE)),
                "sk", new AttributeValue().withS(Keys.messageSk())));
        image.setSequenceNumber("0");
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(image);
        return record;
    }

    @Override
    public Priming priming() {
        return priming;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        Map<OutboxDispatcher.Result, Integer> counts = new EnumMap<>(OutboxDispatcher.Result.class);
        int records = event == null || event.getRecords() == null ? 0 : event.getRecords().size();
        for (int i = 0; i < records; i++) {
            DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(i);
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            try {
                if ("REMOVE".equals(record.getEventName())) continue;
                String messageId = messageId(record);
                counts.merge(dispatcher.dispatch(messageId), 1, Integer::sum);
            } catch (RuntimeException e) {
                Log.error("dispatch.recordFailed", e, "eventId", String.valueOf(record.getEventID()),
                        "sequence", String.valueOf(sequence));
                failures.add(new StreamsEventResponse.BatchItemFailure(
                        sequence != null ? sequence : String.valueOf(record.getEventID())));
            }
        }
        Metrics.emit("stream", counts, failures.size());
        Log.info("dispatch.batch", "records", Integer.toString(records), "failures", Integer.toString(failures.size()),
                "results", counts.toString());
        return new StreamsEventResponse(failures);
    }

    static String messageId(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getKeys() == null) {
            throw new IllegalArgumentException("stream record without keys");
        }
        AttributeValue pk = record.getDynamodb().getKeys().get("pk");
        AttributeValue sk = record.getDynamodb().getKeys().get("sk");
        String id = pk == null || sk == null ? null : Keys.messageIdOf(pk.getS(), sk.getS());
        if (id == null || !MESSAGE_PK.matcher(id).matches()) {
            throw new IllegalArgumentException("not an outbox message key");
        }
        return id;
    }
}
