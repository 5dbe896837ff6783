package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Dated steps through the API against DynamoDB Local: an older referral posted with its {@code receivedAt}, then
 * {@code decidedOn}, {@code startedOn}, a milestone and {@code exitedOn}, each kept with the day it happened and
 * when it was recorded; a bad date is a 400 naming its field and the rule, and writes nothing.
 */
class DatedStepsRouteTest extends IntakeRouteTest {
    private static void assertError(APIGatewayV2HTTPResponse r, String field, String code) {
        assertEquals(400, r.getStatusCode(), r.getBody());
        JsonNode body = json(r);
        JsonNode error = body.has("errors") ? body.get("errors").get(0) : body;
        assertEquals(code, error.get("code").asText(), r.getBody());
        assertEquals(field, error.get("field").asText(), r.getBody());
    }

    private APIGatewayV2HTTPResponse step(String route, String id, String body) {
        return f.handle(call("POST", "/v1/referrals/{referralId}/" + route, id, body, ANNA));
    }

    private String postedWith(String receivedAt) {
        ObjectNode body = referral();
        body.put("receivedAt", receivedAt);
        APIGatewayV2HTTPResponse r = f.handle(post(body, AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        return json(r).get("referralId").asText();
    }

    @Test
    void aProgrammesHistoryIsRecordedStepByStepOnTheDaysItHappened() {
        String id = postedWith("2026-03-02");
        assertEquals(200, step("visitation", id, "{\"decision\":\"accepted\",\"decidedOn\":\"2026-03-05\"}").getStatusCode());
        assertEquals(200, step("enrolment", id, "{\"startedOn\":\"2026-03-09\"}").getStatusCode());
        APIGatewayV2HTTPResponse job = step("milestones", id, "{\"type\":\"job_started\",\"effectiveOn\":\"2026-05-04\","
                + "\"employer\":\"Lager A/S\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":15}");
        assertEquals(201, job.getStatusCode(), job.getBody());
        APIGatewayV2HTTPResponse early = step("exit", id, "{\"outcome\":\"ordinary_job\",\"exitedOn\":\"2026-05-01\"}");
        assertError(early, "exitedOn", "date.range");
        APIGatewayV2HTTPResponse exit = step("exit", id, "{\"outcome\":\"ordinary_job\",\"exitedOn\":\"2026-06-30\"}");
        assertEquals(200, exit.getStatusCode(), exit.getBody());

        JsonNode view = json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA)));
        assertEquals("2026-03-02T11:00:00Z", view.get("receivedAt").asText(), "noon in Copenhagen on its day");
        JsonNode h = view.get("history");
        String[] days = {"2026-03-02", "2026-03-05", "2026-03-09", "2026-06-30"};
        for (int i = 0; i < days.length; i++) {
            assertEquals(days[i], h.get(i).get("at").asText().substring(0, 10), h.toString());
            assertEquals(IntakeFixture.NOW.toString(), h.get(i).get("recordedAt").asText(), h.toString());
        }
    }

    @Test
    void aBadDateIsRefusedOnItsFieldAndNothingIsWritten() {
        ObjectNode before = referral();
        before.put("receivedAt", "2026-01-04"); // the sample programme's intake opens on 5 January
        assertError(f.handle(post(before, AARHUS)), "receivedAt", "date.range");
        ObjectNode future = referral();
        future.put("receivedAt", "2026-11-24");
        assertError(f.handle(post(future, AARHUS)), "receivedAt", "date.range");
        ObjectNode garbled = referral();
        garbled.put("receivedAt", "2026-02-30");
        assertError(f.handle(post(garbled, AARHUS)), "receivedAt", "date.invalid");
        APIGatewayV2HTTPResponse first = f.handle(post(referral(), AARHUS));
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(null, first.getHeaders().get("idempotent-replayed"), "the refused posts wrote nothing");

        String id = json(first).get("referralId").asText();
        assertError(step("visitation", id, "{\"decision\":\"accepted\",\"decidedOn\":\"2026-11-22\"}"), "decidedOn",
                "date.range");
        assertError(step("visitation", id, "{\"decision\":\"accepted\",\"decidedOn\":\"2026-11-24\"}"), "decidedOn",
                "date.range");
        assertEquals("received", json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA)))
                .get("status").asText());
        assertEquals(200, step("visitation", id, "{\"decision\":\"accepted\"}").getStatusCode());
        assertError(step("enrolment", id, "{\"startedOn\":\"2026-11-22\"}"), "startedOn", "date.range");
    }
}
