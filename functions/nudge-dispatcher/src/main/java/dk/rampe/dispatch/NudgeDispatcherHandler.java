package dk.rampe.dispatch;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.dynamodb.Keys;
import dk.rampe.messaging.Notifiers;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.log.Log;
import dk.rampe.followup.Notifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Fed by the Rampe table's stream (filtered in the template to pending outbox messages). Each
 * record names a message; the dispatcher re-reads it (the image may be stale), claims it and
 * sends it. A record that cannot be handled is reported in {@code batchItemFailures}, so Lambda
 * retries from there (bisecting) and finally hands it to the on-failure destination; the other
 * records are not held up, and replaying them sends nothing twice because every send is claimed.
 * A message not yet due (quiet hours, backoff) is left for the scheduled sweep.
 * <p>It takes the batch's JSON bytes and writes its answer itself ({@link StreamBatch}): the runtime's
 * serializer for {@code DynamodbEvent} would load its own Jackson and Joda-Time at every cold start.
 */
public final class NudgeDispatcherHandler implements RequestStreamHandler, Primed {
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
        // before SnapStart's snapshot: a stream batch read into a message id and an answer written, and that
        // message's dispatch, which reads it consistently, finds nothing (the id is never issued) and sends nothing
        this.priming = new Priming("nudge-dispatcher")
                .step("record", () -> {
                    messageId(read(primeBatch()).get(0));
                    answer(List.of("0"), new ByteArrayOutputStream());
                })
                .step("dispatch", () -> dispatcher.dispatch(messageId(read(primeBatch()).get(0))))
                // and an email's and an SMS's send, each made in full by its client and stopped before it is sent
                .step("send", () -> Notifiers.primeSends(notifier));
    }

    /** An outbox message id of the valid form that no decision derives (all zeros). */
    static final String PRIME_MESSAGE = "M00000000000000000000";

    /** A stream batch as the filtered stream passes it, of one record naming {@link #PRIME_MESSAGE}. */
    static byte[] primeBatch() {
        return ("{\"Records\":[{\"eventID\":\"0\",\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{"
                + "\"pk\":{\"S\":\"" + Keys.messagePk(PRIME_MESSAGE) + "\"},\"sk\":{\"S\":\"" + Keys.messageSk()
                + "\"}},\"SequenceNumber\":\"0\"}}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<StreamBatch.Record> read(byte[] batch) {
        try {
            return StreamBatch.read(new ByteArrayInputStream(batch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(List<String> failures, OutputStream out) {
        try {
            StreamBatch.writeAnswer(failures, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Priming priming() {
        return priming;
    }

    /** Reads the batch (a batch that is not a stream event fails whole, and Lambda retries it) and answers its failures. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StreamBatch.writeAnswer(dispatch(StreamBatch.read(input)), output);
    }

    /** Dispatches each record's message; the item identifiers of the records to retry from. */
    List<String> dispatch(List<StreamBatch.Record> records) {
        List<String> failures = new ArrayList<>();
        Map<OutboxDispatcher.Result, Integer> counts = new EnumMap<>(OutboxDispatcher.Result.class);
        for (StreamBatch.Record record : records) {
            try {
                if ("REMOVE".equals(record.eventName())) continue;
                OutboxDispatcher.Result result = dispatcher.dispatch(messageId(record));
                Integer before = counts.get(result);
                counts.put(result, before == null ? 1 : before + 1);
            } catch (RuntimeException e) {
                Log.error("dispatch.recordFailed", e, "eventId", String.valueOf(record.eventId()),
                        "sequence", String.valueOf(record.sequenceNumber()));
                failures.add(record.sequenceNumber() != null ? record.sequenceNumber()
                        : String.valueOf(record.eventId()));
            }
        }
        Metrics.emit("stream", counts, failures.size());
        Log.info("dispatch.batch", "records", Integer.toString(records.size()), "failures",
                Integer.toString(failures.size()), "results", counts.toString());
        return failures;
    }

    static String messageId(StreamBatch.Record record) {
        if (!record.keys()) throw new IllegalArgumentException("stream record without keys");
        String id = record.pk() == null || record.sk() == null ? null : Keys.messageIdOf(record.pk(), record.sk());
        if (id == null || !isMessageId(id)) throw new IllegalArgumentException("not an outbox message key");
        return id;
    }

    /** An outbox message id: M and 20 characters of Crockford's base 32 (no I, L, O, U). */
    static boolean isMessageId(String id) {
        if (id.length() != 21 || id.charAt(0) != 'M') return false;
        for (int i = 1; i < 21; i++) {
            char c = id.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean letter = c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O' && c != 'U';
            if (!digit && !letter) return false;
        }
        return true;
    }
}
