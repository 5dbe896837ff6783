package dk.rampe.monthlyreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.FolderReportArchive;
import dk.rampe.platform.LambdaJson;
import dk.rampe.local.embedded.Events;
import dk.rampe.testkit.RampeFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report handlers read their Lambda input and write their answer as the runtime's serializer did (held
 * to that serializer here), strictly, and an error never repeats what the input held.
 */
class StreamInputTest {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> RUNTIME_EVENT =
            JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPEvent.class);
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RUNTIME_ANSWER =
            JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPResponse.class);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anyDocumentReadsAsJacksonReadsItAndWritesBackTheSame() throws IOException {
        Random random = new Random(5);
        for (int n = 0; n < 400; n++) {
            Object value = randomValue(random, 0);
            String json = Json.MAPPER.valueToTree(value).toString();
            Object read = LambdaJson.read(utf8(json));
            assertEquals(normalised(value), normalised(read), json);
            assertEquals(Json.parse(json), Json.parse(LambdaJson.write(read, new StringBuilder()).toString()), json);
        }
    }

    @Test
    void escapesAndWhiteSpaceReadAsJsonSaysAndWriteAsJacksonWrites() {
        assertEquals(Map.of("a", "\"\\/\b\f\n\r\t\u00e6\u0001\ud83d\ude00"),
                LambdaJson.read(utf8(" {\r\n\t\"a\" : \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E6\\u0001\\ud83d\\ude00\" } ")));
        assertEquals("æ😀", LambdaJson.read(utf8("\"æ😀\"")));
        String controls = "q\"b\\\u0000\u001f\u007f\n";
        assertEquals(Json.MAPPER.valueToTree(controls).toString(),
                LambdaJson.string(new StringBuilder(), controls).toString());
        assertEquals(List.of(new BigDecimal("-0.5e-3"), true, false), LambdaJson.read(utf8("[-0.5e-3,true,false]")));
        assertNull(LambdaJson.read(utf8("null")));
    }

    @Test
    void whatIsNotStrictJsonIsRefusedWithoutRepeatingIt() {
        for (String bad : new String[] {"", " ", "{", "}", "{\"a\":[}", "{\"a\":[],}", "{'a':1}", "{\"a\":1} x",
                "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"open}", "{\"a\" 1}", "{a:1}", "{\"a\":tru}",
                "{\"a\":nul}", "[1,]", "NaN", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "1e99999999999",
                "[".repeat(100) + "]".repeat(100)}) {
            assertThrows(IllegalArgumentException.class, () -> LambdaJson.read(utf8(bad)), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LambdaJson.read(utf8("{\"phone\":\"+4522345678\",\"name\":\"Kim Hansen\" ]}")));
        assertFalse(e.getMessage().contains("Kim") || e.getMessage().contains("4522"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LambdaJson.read(new byte[] {'"', (byte) 0xC3, '"'}),
                "not UTF-8");
    }

    @Test
    void theSchedulesInputReadsAsTheRuntimeReadItIntoAMap() throws IOException {
        PojoSerializer<Object> runtime = JacksonFactory.getInstance().getSerializer((Type) Map.class);
        for (String input : new String[] {"{\"scheduledTime\":\"2026-11-01T06:00:00Z\"}",
                "{\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}", "{\"programmeId\":\"p1\",\"month\":\"2026-10\"}",
                "{\"programmeId\":\"p\\u00f8\",\"month\":\"2026-10\",\"extra\":{\"n\":[1,null]}}", "{}"}) {
            Map<String, Object> mine = MonthlyReportHandler.input(utf8(input));
            Object theirs = runtime.fromJson(new ByteArrayInputStream(utf8(input)));
            assertEquals(normalised(theirs), normalised(mine), input);
        }
        assertNull(MonthlyReportHandler.input(utf8("null")), "no input: the month just ended");
        for (String bad : new String[] {"[]", "\"p1\"", "3", "{\"programmeId\":\"Kim Hansen\""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MonthlyReportHandler.input(utf8(bad)), bad);
            assertFalse(e.getMessage().contains("Kim"), e.getMessage());
        }
    }

    @Test
    void theRunsAnswerIsTheMapTheRuntimeWrote() throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("programmeId", "p\"1");
        report.put("month", "2026-10");
        report.put("key", "reports/p1/2026-10/x");
        report.put("emailed", true);
        Map<String, Object> answer = Map.of("reports", List.of(report));
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        JacksonFactory.getInstance().getSerializer((Type) Map.class).toJson(answer, theirs);
        assertEquals(Json.parse(theirs.toString(StandardCharsets.UTF_8)), Json.parse(MonthlyReportHandler.answer(answer)));
    }

    /** Events with every field the HTTP API sends, escapes and a base64 body, read as the runtime read them. */
    @Test
    void anHttpEventReadsAsTheRuntimeReadIt() throws IOException {
        List<String> events = new ArrayList<>(List.of(Events.text("web-app-get.json"),
                Events.text("referral-intake/post-referral.json"), Events.text("referral-intake/put-settings.json"),
                Events.text("follow-up-page-post.json")));
        events.add("""
                {"version":"2.0","routeKey":"POST /v1/admin/reports","rawPath":"/v1/admin/reports",
                 "rawQueryString":"programmeId=p%C3%B8&x=1","cookies":["a=1","b=\\"2\\""],
                 "headers":{"content-type":"application/json","x-n":"\\u00e6\\t"},
                 "queryStringParameters":{"programmeId":"pø","x":"1"},"pathParameters":{"id":"r1"},
                 "stageVariables":{"s":"v"},"body":"eyJwcm9ncmFtbWVJZCI6InAxIn0=","isBase64Encoded":true,
                 "unknown":{"deep":[1,{"x":null}]},
                 "requestContext":{"accountId":"1","apiId":"a","domainName":"d","domainPrefix":"p","stage":"$default",
                   "time":"08/Dec/2026:00:00:00 +0000","timeEpoch":1796688000000,"requestId":"r=","routeKey":"POST /v1/admin/reports",
                   "http":{"method":"POST","path":"/v1/admin/reports","protocol":"HTTP/1.1","sourceIp":"198.51.100.7","userAgent":"u"},
                   "authorizer":{"jwt":{"claims":{"username":"admin-1","cognito:groups":"[rampe-admin]","exp":1796688000,
                     "email_verified":true},"scopes":["rampe/admin"]}}}}
                """);
        events.add("{\"routeKey\":null,\"headers\":null,\"isBase64Encoded\":null,\"requestContext\":{\"authorizer\":{}}}");
        events.add("{}");
        for (String json : events) {
            APIGatewayV2HTTPEvent theirs = RUNTIME_EVENT.fromJson(new ByteArrayInputStream(utf8(json)));
            assertEquals(theirs, HttpEvent.read(utf8(json)), json);
        }
        APIGatewayV2HTTPEvent e = HttpEvent.read(utf8(events.get(4)));
        assertTrue(e.getIsBase64Encoded());
        assertEquals("eyJwcm9ncmFtbWVJZCI6InAxIn0=", e.getBody(), "the body as sent; the routes decode it");
        assertEquals("1796688000", e.getRequestContext().getAuthorizer().getJwt().getClaims().get("exp"));
        assertEquals("true", e.getRequestContext().getAuthorizer().getJwt().getClaims().get("email_verified"));
        assertNull(HttpEvent.read(utf8("null")));
    }

    @Test
    void anHttpEventOfTheWrongShapeIsRefusedNamingTheFieldNotTheValue() {
        for (String bad : new String[] {"[]", "\"x\"", "{\"headers\":[\"Kim\"]}", "{\"headers\":{\"a\":{}}}",
                "{\"body\":{\"cpr\":\"0101901234\"}}", "{\"cookies\":\"Kim\"}", "{\"cookies\":[{}]}",
                "{\"isBase64Encoded\":\"yes\"}", "{\"requestContext\":[]}", "{\"requestContext\":{\"timeEpoch\":1.5}}",
                "{\"requestContext\":{\"authorizer\":{\"jwt\":{\"claims\":{\"name\":[\"Kim\"]}}}}}"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpEvent.read(utf8(bad)), bad);
            assertFalse(e.getMessage().contains("Kim") || e.getMessage().contains("0101"), e.getMessage());
        }
    }

    @Test
    void theAnswerIsWhatTheRuntimeWroteForApiGateway() throws IOException {
        List<APIGatewayV2HTTPResponse> answers = List.of(
                dk.rampe.api.Problems.json(201, "{\"month\":\"2026-10\"}"),
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("a", "\"æ\\\n"))
                        .withMultiValueHeaders(Map.of("vary", List.of("a", "b"))).withCookies(List.of("c=1; Secure"))
                        .withBody("PGh0bWw+").withIsBase64Encoded(true).build(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(204).build());
        for (APIGatewayV2HTTPResponse r : answers) {
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            RUNTIME_ANSWER.toJson(r, theirs);
            String mine = HttpEvent.write(r);
            assertEquals(Json.parse(theirs.toString(StandardCharsets.UTF_8)), Json.parse(mine), mine);
            JsonNode back = Json.parse(mine);
            assertEquals(r.getStatusCode(), back.path("statusCode").asInt());
            assertEquals(r.getIsBase64Encoded(), back.path("isBase64Encoded").asBoolean());
        }
        assertEquals("{\"statusCode\":204,\"isBase64Encoded\":false}", HttpEvent.write(answers.get(2)));
    }

    @Test
    void theHandlersReadTheirStreamsAndAnswerAsTheirTypedMethodsDo() throws IOException {
        RampeFixture f = new RampeFixture(Instant.parse("2026-11-01T06:00:00Z"), Map.of());
        f.loadSettings(MonthlyReportHandlerTest.SETTINGS);
        FolderReportArchive archive = new FolderReportArchive(Files.createTempDirectory("reports"));
        MonthlyReportHandler scheduled = new MonthlyReportHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);
        JsonNode run = Json.parse(stream(scheduled, "{\"scheduledTime\":\"2026-11-01T06:00:00Z\"}"));
        assertEquals("p1", run.path("reports").path(0).path("programmeId").asText());
        assertEquals("2026-10", run.path("reports").path(0).path("month").asText());
        assertTrue(run.path("reports").path(0).path("emailed").asBoolean());
        // a scheduled run that cannot be read fails (and is retried), saying nothing of the input
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stream(scheduled, "{\"programmeId\":\"Kim Hansen\""));
        assertFalse(e.getMessage().contains("Kim"), e.getMessage());

        ReportAdminHandler admin = new ReportAdminHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPEvent.class)
                .toJson(MonthlyReportHandlerTest.event("GET /v1/admin/reports", null, "rampe-admin"), event);
        JsonNode list = Json.parse(stream(admin, event.toString(StandardCharsets.UTF_8)));
        assertEquals(200, list.path("statusCode").asInt());
        assertEquals("application/json; charset=utf-8", list.path("headers").path("content-type").asText());
        assertEquals(1, Json.parse(list.path("body").asText()).path("reports").size());
        // an event that cannot be read is a problem answer, not a crash, and repeats nothing of it
        String unreadable = stream(admin, "{\"body\":\"Kim Hansen 0101901234\",");
        JsonNode problem = Json.parse(unreadable);
        assertEquals(500, problem.path("statusCode").asInt());
        assertTrue(problem.path("headers").path("content-type").asText().startsWith("application/problem+json"));
        assertFalse(unreadable.contains("Kim") || unreadable.contains("0101"), unreadable);
        assertEquals(500, Json.parse(stream(admin, "null")).path("statusCode").asInt());
    }

    private static String stream(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String input)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(utf8(input)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Object randomValue(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(5) : r.nextInt(7);
        switch (kind) {
            case 0: return null;
            case 1: return r.nextBoolean();
            case 2: return r.nextInt() / (r.nextBoolean() ? 1 : 7.0);
            case 3: return r.nextLong();
            case 4: {
                StringBuilder s = new StringBuilder();
                for (int i = r.nextInt(8); i > 0; i--) s.append((char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0xD7FF)));
                return s.toString();
            }
            case 5: {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) l.add(randomValue(r, depth + 1));
                return l;
            }
            default: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) m.put("k" + r.nextInt(1000) + "\u00e6\"", randomValue(r, depth + 1));
                return m;
            }
        }
    }

    /** Numbers compared by value (Jackson's Integer, Long and Double against the reader's BigDecimal). */
    private static Object normalised(Object v) {
        if (v instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros();
        if (v instanceof List<?> l) return l.stream().map(StreamInputTest::normalised).toList();
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalised(x)));
            return out;
        }
        return v;
    }
}
