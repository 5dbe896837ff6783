package dk.rampe.dispatch;

import dk.rampe.dynamodb.FollowUps;

import dk.rampe.local.embedded.LocalDispatchLoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dk.rampe.settings.Channel;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.local.embedded.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream handler, fed with the events/ samples read by the Lambda runtime's own serializer. */
class NudgeDispatcherHandlerTest {
    static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");

    /** The decision the samples' message ids come from. */
    private static String createSampleTask(NudgeFixture f) {
        return f.service.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1", "R7K2M9Q4X1ZA8", "c1",
                MORNING.plusSeconds(3600), null, "2026-11-23"), "system:absence").task().taskId();
    }

    private static NudgeDispatcherHandler handler(NudgeFixture f) {
        return new NudgeDispatcherHandler(f.config, f.nudges, f.dynamo, f.local, f.clock);
    }

    @Test
    void aStreamBatchSendsEachMessageAndReplayingItSendsNothingTwice() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        assertEquals("T3B9FAVTPV0QH", createSampleTask(f));
        DynamodbEvent batch = Events.read("nudge-dispatcher-stream.json", DynamodbEvent.class);
        NudgeDispatcherHandler h = handler(f);

        StreamsEventResponse first = h.handleRequest(batch, null);
        assertEquals(List.of(), first.getBatchItemFailures());
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
        assertTrue(f.store.messagesOf("T3B9FAVTPV0QH").stream().filter(m -> !m.reminder())
                .allMatch(m -> m.state() == OutboxMessage.State.SENT));

        // Lambda delivers the same batch again (a retry, or the runner restarted): nothing is sent twice.
        StreamsEventResponse replay = h.handleRequest(Events.read("nudge-dispatcher-stream.json", DynamodbEvent.class), null);
        assertEquals(List.of(), replay.getBatchItemFailures());
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
        // and a fresh handler (a new execution environment) neither
        handler(f).handleRequest(batch, null);
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
    }

    @Test
    void aBadRecordIsReportedAloneAndTheOthersAreSent() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        createSampleTask(f);
        DynamodbEvent batch = Events.read("nudge-dispatcher-stream-bad-record.json", DynamodbEvent.class);
        StreamsEventResponse r = handler(f).handleRequest(batch, null);
        assertEquals(1, r.getBatchItemFailures().size());
        assertEquals("111000000000000000000002", r.getBatchItemFailures().get(0).getItemIdentifier());
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());

        // Lambda retries from the failed record on: the good one after it is not sent again.
        DynamodbEvent retry = Events.read("nudge-dispatcher-stream-bad-record.json", DynamodbEvent.class);
        retry.setRecords(retry.getRecords().subList(1, 3));
        StreamsEventResponse again = handler(f).handleRequest(retry, null);
        assertEquals(1, again.getBatchItemFailures().size());
        assertEquals(1, f.smsLines().size());
    }

    @Test
    void aRecordForAMessageNotYetDueIsLeftForTheSweep() {
        Instant night = Instant.parse("2026-11-23T22:00:00Z"); // 23:00 in Copenhagen
        NudgeFixture f = new NudgeFixture(night, Channel.SMS);
        f.service.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1", "R7K2M9Q4X1ZA8", "c1",
                night, null, "2026-11-23"), "system");
        DynamodbEvent batch = Events.read("nudge-dispatcher-stream.json", DynamodbEvent.class);
        batch.setRecords(batch.getRecords().subList(1, 2)); // the SMS
        assertEquals(List.of(), handler(f).handleRequest(batch, null).getBatchItemFailures());
        assertEquals(0, f.smsLines().size(), "quiet hours");

        NudgeSweepHandler sweep = new NudgeSweepHandler(f.config, f.nudges, f.dynamo, f.local, f.clock);
        assertEquals(Map.of("errors", 0), sweep.handleRequest(Map.of(), null));
        f.clock.set(Instant.parse("2026-11-24T06:00:00Z"));
        Map<String, Object> out = sweep.handleRequest(Map.of(), null);
        assertEquals(1, out.get("sent"));
        assertEquals(1, f.smsLines().size());
        assertTrue(f.smsLines().get(0).contains("\"to\":\"+4522345678\""));
    }

    @Test
    void removeEventsAndEmptyBatchesAreFine() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        DynamodbEvent batch = Events.read("nudge-dispatcher-stream.json", DynamodbEvent.class);
        batch.getRecords().forEach(r -> r.setEventName("REMOVE"));
        assertEquals(List.of(), handler(f).handleRequest(batch, null).getBatchItemFailures());
        assertEquals(List.of(), handler(f).handleRequest(new DynamodbEvent(), null).getBatchItemFailures());
    }

    @Test
    void theLocalLoopSendsOnceAcrossRestarts() throws Exception {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        createSampleTask(f);
        try (LocalDispatchLoop loop = LocalDispatchLoop.start(FollowUps.dispatcher(f.config, f.nudges, f.dynamo, f.local, f.clock), 50)) {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((f.smsLines().size() < 1 || f.emails().size() < 1) && System.nanoTime() < until) Thread.sleep(20);
        }
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
        try (LocalDispatchLoop restarted = LocalDispatchLoop.start(FollowUps.dispatcher(f.config, f.nudges, f.dynamo, f.local, f.clock), 50)) {
            Thread.sleep(300);
            assertEquals(0, restarted.runOnce().counts().size());
        }
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
        String eml = java.nio.file.Files.readString(f.emails().get(0));
        assertTrue(eml.contains("Content-Type: multipart/alternative"), eml);
        assertTrue(eml.contains("To: kim@example.dk"));
        assertTrue(eml.contains(f.config.publicBaseUrl() + "/f/T3B9FAVTPV0QH."), eml);
        assertEquals(MessageChannel.SMS, f.store.messagesOf("T3B9FAVTPV0QH").get(1).channel());
    }
}
