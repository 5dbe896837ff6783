package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner started as README starts it (on a free port), called over real HTTP. */
class LocalRunnerTest {
    private static LocalRunner start(Path data) throws Exception {
        return LocalCalls.start(data, data == null ? Path.of("target/outbox") : data.resolve("outbox"));
    }

    @Test
    void aSampleReferralIsAcceptedReadBackAndRefusedWhenWrong(@TempDir Path data) throws Exception {
        String sample = Events.text("referral-intake/referral.json");
        String referralId;
        try (LocalRunner runner = start(data)) {
            String base = runner.baseUrl();
            assertTrue(runner.banner().contains("curl -s -X POST " + base + "/v1/referrals"), runner.banner());

            HttpResponse<String> created = send("POST", base + "/v1/referrals", "local-jobcenter-aarhus", sample,
                    "application/json");
            assertEquals(201, created.statusCode(), created.body());
            referralId = Json.parse(created.body()).get("referralId").asText();

            HttpResponse<String> read = send("GET", base + "/v1/referrals/" + referralId, "local-jobcenter-aarhus", null, null);
            assertEquals(200, read.statusCode());
            JsonNode view = Json.parse(read.body());
            assertEquals("Søren Ærø Østergård", view.get("referral").get("citizen").get("name").asText());

            HttpResponse<String> badCpr = send("POST", base + "/v1/referrals", "local-jobcenter-aarhus",
                    sample.replace("010190-1234", "310290-1234").replace("AAR-2026-00042", "AAR-X"), "application/json");
            assertEquals(400, badCpr.statusCode());
            assertEquals("citizen.cpr", Json.parse(badCpr.body()).get("errors").get(0).get("field").asText());
            assertFalse(badCpr.body().contains("310290"));

            HttpResponse<String> wrongJobcentre = send("GET", base + "/v1/referrals/" + referralId,
                    "local-jobcenter-odder", null, null);
            assertEquals(404, wrongJobcentre.statusCode());

            assertEquals(401, send("GET", base + "/v1/referrals/" + referralId, null, null, null).statusCode());
            assertEquals(401, send("GET", base + "/v1/referrals/" + referralId, "forged", null, null).statusCode());
            assertEquals(404, send("GET", base + "/v1/nothing-here", "local-jobcenter-aarhus", null, null).statusCode());

            // the local clock moves forward on request, and every handler sees it
            HttpResponse<String> moved = send("POST", base + "/_local/clock", null, "{\"advance\":\"P100D\"}",
                    "application/json");
            assertEquals(200, moved.statusCode(), moved.body());
            assertEquals("PT2400H", Json.parse(moved.body()).get("offset").asText());
            assertEquals(400, send("POST", base + "/_local/clock", null, "{\"advance\":\"-P1D\"}",
                    "application/json").statusCode());
            HttpResponse<String> late = send("POST", base + "/v1/referrals", "local-jobcenter-aarhus",
                    sample.replace("AAR-2026-00042", "AAR-LATER").replace("010190-1234", "020285-1234"), "application/json");
            JsonNode answer = Json.parse(late.body());
            assertTrue(java.time.Instant.parse(answer.get("receivedAt").asText())
                    .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(99))), late.body());
        }
        // a restart on the same folder keeps the state
        try (LocalRunner again = start(data)) {
            HttpResponse<String> read = send("GET", again.baseUrl() + "/v1/referrals/" + referralId,
                    "local-jobcenter-aarhus", null, null);
            assertEquals(200, read.statusCode(), read.body());
        }
    }
}
