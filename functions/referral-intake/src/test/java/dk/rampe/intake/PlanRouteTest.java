package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.ODDER;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v1/referrals/{referralId}/plan: the referring jobcentre and staff read the plan; others get 404. */
class PlanRouteTest {
    static DynamoLocal local;

    @BeforeAll
    static void startDynamo() {
        local = DynamoLocal.inMemory();
    }

    @AfterAll
    static void stopDynamo() {
        local.close();
    }

    @Test
    void theReferringJobcentreReadsThePlanStartingFromTheSubGoalsAndNobodyElseDoes() throws Exception {
        IntakeFixture f = new IntakeFixture(local);
        APIGatewayV2HTTPResponse created = f.handle(Events.read("referral-intake/post-referral.json", APIGatewayV2HTTPEvent.class));
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = json(created).get("referralId").asText();
        JsonNode sent = dk.rampe.json.Json.parse(Events.text("referral-intake/referral.json"));

        APIGatewayV2HTTPResponse read = f.handle(call("GET", "/v1/referrals/{referralId}/plan", id, null, AARHUS));
        assertEquals(200, read.getStatusCode(), read.getBody());
        JsonNode plan = json(read);
        assertEquals(0, plan.get("version").asInt(), "nothing saved yet");
        assertEquals(sent.get("subGoals").size(), plan.get("steps").size());
        assertEquals(sent.get("subGoals").get(0).asText(), plan.get("steps").get(0).get("text").asText());
        assertEquals("open", plan.get("steps").get(0).get("status").asText());
        assertFalse(read.getBody().contains("0101901234"));

        assertEquals(200, f.handle(call("GET", "/v1/referrals/{referralId}/plan", id, null, ANNA)).getStatusCode());
        assertEquals(404, f.handle(call("GET", "/v1/referrals/{referralId}/plan", id, null, ODDER)).getStatusCode());
    }
}
