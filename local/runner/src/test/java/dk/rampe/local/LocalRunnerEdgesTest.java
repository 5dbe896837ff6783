package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the local runner does with bytes and requests a hostile tester sends: clear 400s, never a silent change. */
class LocalRunnerEdgesTest {
    static LocalRunner runner;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalCalls.start(null, Path.of("target/outbox-edges"));
        base = runner.baseUrl();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static HttpResponse<String> postBytes(String url, String token, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> r, String field, String code) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonNode body = Json.parse(r.body());
        assertEquals(field, body.get("errors").get(0).get("field").asText(), r.body());
        assertEquals(code, body.get("errors").get(0).get("code").asText(), r.body());
    }

    @Test
    void aLatin1BodyReachesTheHandlerAsItsBytesAndIsRefused() throws Exception {
        String sample = Events.text("referral-intake/referral.json").replace("AAR-2026-00042", "AAR-LATIN1");
        assertProblem(postBytes(base + "/v1/referrals", "local-jobcenter-aarhus",
                sample.getBytes(StandardCharsets.ISO_8859_1)), "body", "encoding.malformed");
    }

    @Test
    void aClockAdvanceThatWouldOverflowIsA400() throws Exception {
        for (String advance : new String[] {"P999999999999D", "PT9223372036854775807S", "P36601D"}) {
            assertProblem(send("POST", base + "/_local/clock", null, "{\"advance\":\"" + advance + "\"}",
                    "application/json"), "advance", "duration.invalid");
        }
        assertProblem(send("POST", base + "/_local/clock", null, "{\"advance\":\"-P1D\"}", "application/json"),
                "advance", "duration.invalid");
        assertEquals(200, send("GET", base + "/_local/clock", null, null, null).statusCode(), "the runner still answers");
    }

    @Test
    void theLocalClockStartsWhereRampeLocalClockStartSaysAndRunsOnFromThere() {
        java.time.Instant start = LocalRunner.Options.clockStart("2026-11-23T07:00:00+01:00");
        assertEquals(java.time.Instant.parse("2026-11-23T06:00:00Z"), start);
        LocalClock clock = new LocalClock(java.time.Clock.systemUTC(), start);
        java.time.Duration since = java.time.Duration.between(start, clock.instant());
        assertFalse(since.isNegative(), since.toString());
        assertTrue(since.compareTo(java.time.Duration.ofSeconds(5)) < 0, since.toString());
        assertEquals(null, LocalRunner.Options.clockStart(" "));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LocalRunner.Options.clockStart("2026-11-23"));
        assertTrue(bad.getMessage().contains("RAMPE_LOCAL_CLOCK_START"), bad.getMessage());
    }

    @Test
    void aMalformedPercentEncodingInThePathOrQueryIsA400InRampesFormat() throws Exception {
        for (String[] c : new String[][] {{"/v1/referrals/%zz", "path"}, {"/v1/referrals/R%", "path"},
                {"/v1/admin/settings?x=%zz", "query"}}) {
            String answer = raw("GET " + c[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer local-admin\r\n"
                    + "Accept-Language: en\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertFalse(answer.contains("URISyntaxException") || answer.contains("<h1>"), answer);
            JsonNode body = Json.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(c[1], body.get("errors").get(0).get("field").asText(), answer);
            assertEquals("path.malformed", body.get("errors").get(0).get("code").asText(), answer);
        }
        // the guard passes the rest through unchanged, kept-alive connections and bodies included
        assertEquals(200, send("GET", base + "/_local/clock", null, null, null).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send("GET", base + "/v1/admin/settings", "local-admin", null, null).statusCode());
        }
    }

    /** One request over a plain socket (java.net.http refuses to send a malformed URI); the whole answer. */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", runner.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.setSoTimeout(10_000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
