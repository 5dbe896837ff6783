package dk.rampe.dispatch;

import dk.rampe.dynamodb.FollowUps;

import dk.rampe.local.embedded.LocalDispatchLoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import dk.rampe.settings.Channel;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.local.embedded.Events;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream handler, fed with the events/ samples' JSON as Lambda passes it, its answer read as Lambda reads it. */
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

    /** A sample stream batch as a tree, to be cut or changed as Lambda's retries and the other event kinds would. */
    private static ObjectNode sample(String name) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(Events.text(name));
    }

    /** The batch's records from {@code from} to {@code to}, as Lambda retries from a failed record. */
    private static ObjectNode records(ObjectNode batch, int from, int to) {
        ArrayNode kept = Json.MAPPER.createArrayNode();
        for (int i = from; i < to; i++) kept.add(batch.path("Records").get(i));
        batch.set("Records", kept);
        return batch;
    }

    /** The handler's answer to a batch, as Lambda reads it: the item identifiers of batchItemFailures. */
    private static List<String> failures(NudgeDispatcherHandler h, JsonNode batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(batch)), out, null);
        JsonNode answer = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("batchItemFailures"), iterable(answer.fieldNames()));
        List<String> ids = new ArrayList<>();
        for (JsonNode failure : answer.path("batchItemFailures")) {
            assertEquals(List.of("itemIdentifier"), iterable(failure.fieldNames()));
            ids.add(failure.path("itemIdentifier").asText());
        }
        return ids;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aStreamBatchSendsEachMessageAndReplayingItSendsNothingTwice() throws IOException {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        assertEquals("T3B9FAVTPV0QH", createSampleTask(f));
        ObjectNode batch = sample("nudge-dispatcher-stream.json");
        NudgeDispatcherHandler h = handler(f);

        assertEquals(List.of(), failures(h, batch));
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
        assertTrue(f.store.messagesOf("T3B9FAVTPV0QH").stream().filter(m -> !m.reminder())
                .allMatch(m -> m.state() == OutboxMessage.State.SENT));

        // Lambda delivers the same batch again (a retry, or the runner restarted): nothing is sent twice.
        assertEquals(List.of(), failures(h, sample("nudge-dispatcher-stream.json")));
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
        // and a fresh handler (a new execution environment) neither
        failures(handler(f), batch);
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
    }

    @Test
    void aBadRecordIsReportedAloneAndTheOthersAreSent() throws IOException {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        createSampleTask(f);
        assertEquals(List.of("111000000000000000000002"),
                failures(handler(f), sample("nudge-dispatcher-stream-bad-record.json")));
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());

        // Lambda retries from the failed record on: the good one after it is not sent again.
        ObjectNode retry = records(sample("nudge-dispatcher-stream-bad-record.json"), 1, 3);
        assertEquals(List.of("111000000000000000000002"), failures(handler(f), retry));
        assertEquals(1, f.smsLines().size());

        // a record without a sequence number is named by its event id; one without keys fails alone too
        ObjectNode unnamed = records(sample("nudge-dispatcher-stream-bad-record.json"), 1, 2);
        ((ObjectNode) unnamed.path("Records").get(0).path("dynamodb")).remove("SequenceNumber");
        ObjectNode keyless = (ObjectNode) unnamed.path("Records").get(0).deepCopy();
        ((ObjectNode) keyless.path("dynamodb")).remove("Keys");
        keyless.put("eventID", "keyless");
        ((ArrayNode) unnamed.path("Records")).add(keyless);
        assertEquals(List.of(unnamed.path("Records").get(0).path("eventID").asText(), "keyless"),
                failures(handler(f), unnamed));
    }

    @Test
    void aRecordForAMessageNotYetDueIsLeftForTheSweep() throws IOException {
        Instant night = Instant.parse("2026-11-23T22:00:00Z"); // 23:00 in Copenhagen
        NudgeFixture f = new NudgeFixture(night, Channel.SMS);
        f.service.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1", "R7K2M9Q4X1ZA8", "c1",
                night, null, "2026-11-23"), "system");
        ObjectNode batch = records(sample("nudge-dispatcher-stream.json"), 1, 2); // the SMS
        assertEquals(List.of(), failures(handler(f), batch));
        assertEquals(0, f.smsLines().size(), "quiet hours");

        NudgeSweepHandler sweep = new NudgeSweepHandler(f.config, f.nudges, f.dynamo, f.local, f.clock);
        assertEquals(Map.of("errors", 0), sweep.sweep());
        f.clock.set(Instant.parse("2026-11-24T06:00:00Z"));
        // the schedule's input is not read; the answer counts what the run did
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        sweep.handleRequest(new ByteArrayInputStream("{\"sweep\":true}".getBytes(StandardCharsets.UTF_8)), answer, null);
        assertEquals(Map.of("sent", 1, "errors", 0),
                Json.MAPPER.readValue(answer.toString(StandardCharsets.UTF_8), Map.class));
        assertEquals(1, f.smsLines().size());
        assertTrue(f.smsLines().get(0).contains("\"to\":\"+4522345678\""));
    }

    @Test
    void removeEventsAndEmptyBatchesAreFine() throws IOException {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        ObjectNode batch = sample("nudge-dispatcher-stream.json");
        batch.path("Records").forEach(r -> ((ObjectNode) r).put("eventName", "REMOVE"));
        assertEquals(List.of(), failures(handler(f), batch));
        assertEquals(List.of(), failures(handler(f), Json.MAPPER.createObjectNode()));
        assertEquals(List.of(), failures(handler(f), records(batch, 0, 0)));
    }

    @Test
    void aBatchThatIsNotAStreamEventFailsWholeSoLambdaRetriesIt() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        createSampleTask(f);
        for (String notABatch : new String[] {"", "[]", "{\"Records\":{}}", "{\"Records\":[1]}",
                Events.text("nudge-dispatcher-stream.json") + "}"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> handler(f)
                    .handleRequest(new ByteArrayInputStream(notABatch.getBytes(StandardCharsets.UTF_8)),
                            new ByteArrayOutputStream(), null), notABatch);
        }
        assertEquals(0, f.smsLines().size());
        assertEquals(0, f.emails().size());
    }

    /**
     * Primed before the snapshot on SES and SNS (stubs), the dispatcher and the sweep make an email's and an
     * SMS's send without sending either; the dispatcher then sends the sample batch's two messages, once each.
     */
    @Test
    void primingOnAwsSendersSendsNothingAndTheFirstBatchIsSentOnce() throws IOException {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        createSampleTask(f);
        software.amazon.awssdk.auth.credentials.StaticCredentialsProvider credentials =
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDLOCAL", "secret"));
        try (dk.rampe.testkit.FakeAwsEndpoint ses = dk.rampe.testkit.FakeAwsEndpoint.start(
                r -> dk.rampe.testkit.FakeAwsEndpoint.sesSent("ses-1"));
             dk.rampe.testkit.FakeAwsEndpoint sns = dk.rampe.testkit.FakeAwsEndpoint.start(
                     r -> dk.rampe.testkit.FakeAwsEndpoint.snsPublished("sns-1"))) {
            dk.rampe.followup.Notifier aws = dk.rampe.messaging.Notifiers.byChannel(
                    new dk.rampe.messaging.SesEmailSender(dk.rampe.messaging.SesEmailSender.client("eu-north-1",
                            ses.endpoint(), credentials), "Rampe <no-reply@rampe.dk>", null),
                    new dk.rampe.messaging.SnsSmsSender(dk.rampe.messaging.SnsSmsSender.client("eu-north-1",
                            sns.endpoint(), credentials), "Rampe"));
            NudgeDispatcherHandler h = new NudgeDispatcherHandler(f.config, f.nudges, f.dynamo, aws, f.clock);
            NudgeSweepHandler sweep = new NudgeSweepHandler(f.config, f.nudges, f.dynamo, aws, f.clock);
            assertEquals(List.of("record", "dispatch", "send"), h.priming().steps());
            assertEquals(List.of(), h.priming().run(), "steps that failed");
            assertEquals(List.of(), sweep.priming().run(), "steps that failed");
            assertEquals(0, ses.requests().size() + sns.requests().size(), "nothing sent by priming");

            assertEquals(List.of(), failures(h, sample("nudge-dispatcher-stream.json")));
            assertEquals(List.of(), failures(h, sample("nudge-dispatcher-stream.json")));
            assertEquals(1, ses.requests().size());
            assertEquals(1, sns.requests().size());
            assertTrue(sns.requests().get(0).body().contains("PhoneNumber=%2B4522345678"), sns.requests().get(0).body());
        }
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
