package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dispatcher's own reading of a stream batch agrees with Jackson's, and its answer is what Lambda reads. */
class StreamBatchTest {

    private static List<StreamBatch.Record> read(String json) throws IOException {
        return StreamBatch.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the runtime's serializer gave the handler before: the same five strings, read by Jackson. */
    private static List<StreamBatch.Record> byJackson(String json) throws IOException {
        List<StreamBatch.Record> out = new ArrayList<>();
        for (JsonNode r : Json.MAPPER.readTree(json).path("Records")) {
            JsonNode d = r.path("dynamodb");
            JsonNode keys = d.path("Keys");
            out.add(new StreamBatch.Record(text(r.get("eventID")), text(r.get("eventName")),
                    text(d.get("SequenceNumber")), keys.isObject(),
                    keys.path("pk").path("S").isTextual() ? keys.path("pk").path("S").asText() : null,
                    keys.path("sk").path("S").isTextual() ? keys.path("sk").path("S").asText() : null));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    @Test
    void theSampleBatchesReadAsJacksonReadsThem() throws IOException {
        for (String sample : new String[] {"nudge-dispatcher-stream.json", "nudge-dispatcher-stream-bad-record.json"}) {
            String json = Events.text(sample);
            List<StreamBatch.Record> records = read(json);
            assertEquals(byJackson(json), records, sample);
            assertEquals(sample.contains("bad") ? 3 : 2, records.size());
        }
        StreamBatch.Record first = read(Events.text("nudge-dispatcher-stream.json")).get(0);
        assertEquals(new StreamBatch.Record("c4ca4238a0b923820dcc509a6f758491", "INSERT", "111000000000000000000001",
                true, "OUTBOX#MN5ZS9MH3BCPP1PNSREE6", "OUTBOX"), first);
    }

    @Test
    void escapesNumbersNestingAndWhiteSpaceReadAsJacksonReadsThem() throws IOException {
        String json = " {\r\n\t\"Records\" : [ {\"eventID\":\"a\\\"b\\\\c\\/d\\u00e6\\ud83d\\ude00\\n\\t\\b\\f\\r\","
                + "\"eventName\":\"MODIFY\",\"dynamodb\":{\"ApproximateCreationDateTime\":1.795424400E9,"
                + "\"Keys\":{\"sk\":{\"S\":\"OUTBOX\"},\"pk\":{\"S\":\"OUTBOX#M\\u0030\"}},"
                + "\"NewImage\":{\"text\":{\"S\":\"Hej \\\"Kim\\\" \u00f8\u00e5 \u20ac \\u2028\"},\"n\":{\"N\":\"-0.5e-3\"},"
                + "\"l\":{\"L\":[{\"NULL\":true},{\"BOOL\":false},{\"M\":{\"x\":{\"L\":[[],{}]}}},-0,0.0,1E+2,12]}},"
                + "\"SequenceNumber\":\"7\",\"SizeBytes\":0}},"
                + "{\"eventID\":42,\"eventName\":null,\"dynamodb\":{\"SequenceNumber\":9}},{\"dynamodb\":null},{}] } ";
        List<StreamBatch.Record> records = read(json);
        assertEquals(byJackson(json), records);
        assertEquals("a\"b\\c/d\u00e6\ud83d\ude00\n\t\b\f\r", records.get(0).eventId());
        assertEquals("OUTBOX#M0", records.get(0).pk());
        assertEquals(new StreamBatch.Record("42", null, "9", false, null, null), records.get(1));
        assertEquals(new StreamBatch.Record(null, null, null, false, null, null), records.get(3));
        assertEquals(List.of(), read("{}"));
        assertEquals(List.of(), read("{\"Records\":null}"));
    }

    @Test
    void whatIsNotStrictJsonIsRefusedWithoutEchoingIt() {
        for (String bad : new String[] {"", " ", "{", "}", "{\"Records\":[}", "{\"Records\":[],}", "{'Records':[]}",
                "{\"Records\":[]} x", "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}",
                "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"open}", "{\"a\" 1}",
                "{a:1}", "{\"a\":tru}", "{\"a\":nul}", "[1,]", "NaN", "{\"a\":1}{}", "[" .repeat(300) + "]".repeat(300)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(bad), bad);
            assertTrue(e.getMessage().startsWith("not a JSON stream batch: ") || !e.getMessage().contains("\""),
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("{\"Records\":[{\"eventID\":\"+4522345678\",\"x\":\"Kim Hansen\" ]}"));
        assertFalse(e.getMessage().contains("Kim") || e.getMessage().contains("4522"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("[]"));
        assertThrows(IllegalArgumentException.class, () -> read("{\"Records\":{}}"));
        assertThrows(IllegalArgumentException.class, () -> read("{\"Records\":[\"x\"]}"));
        assertThrows(IllegalArgumentException.class, () -> read("{\"Records\":[{\"eventID\":{}}]}"));
    }

    @Test
    void theAnswerIsTheBatchItemFailuresLambdaReads() throws IOException {
        for (List<String> failures : List.of(List.<String>of(), List.of("111000000000000000000002"),
                List.of("a\"b\\c\u0001\n\u00e6", "2"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StreamBatch.writeAnswer(failures, out);
            JsonNode answer = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
            List<String> ids = new ArrayList<>();
            answer.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
            assertEquals(failures, ids);
            assertEquals(1, answer.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamBatch.writeAnswer(List.of("7"), out);
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"7\"}]}", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMessageIdIsWhatTheOutboxIssues() {
        Pattern issued = Pattern.compile("^M[0-9A-HJKMNP-TV-Z]{20}$");
        Random random = new Random(11);
        String alphabet = "M0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZaz-#";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder(n % 3 == 0 ? "" : "M");
            for (int i = 19 + random.nextInt(3); i > 0; i--) id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(issued.matcher(id).matches(), NudgeDispatcherHandler.isMessageId(id.toString()), id.toString());
        }
        assertTrue(NudgeDispatcherHandler.isMessageId(NudgeDispatcherHandler.PRIME_MESSAGE));
        assertTrue(NudgeDispatcherHandler.isMessageId("MN5ZS9MH3BCPP1PNSREE6"));
        assertFalse(NudgeDispatcherHandler.isMessageId("MN5ZS9MH3BCPP1PNSREEI"));
    }
}
