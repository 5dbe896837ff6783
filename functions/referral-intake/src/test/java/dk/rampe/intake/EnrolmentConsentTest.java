package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import org.junit.jupiter.api.Test;

/** The participant's consent to an SMS at the cutoff, given at enrolment: optional, additive, validated. */
class EnrolmentConsentTest extends IntakeRouteTest {
    private int n;

    /** A new citizen each time (the same one twice would be the same referral). */
    private String accepted() {
        n++;
        com.fasterxml.jackson.databind.node.ObjectNode body = referral();
        body.put("jobcentreReference", "AAR-2026-0010" + n);
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("citizen")).put("cpr", "0" + n + "0190-1234");
        APIGatewayV2HTTPResponse r = f.handle(post(body, AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        String id = json(r).get("referralId").asText();
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"accepted\"}", ANNA)).getStatusCode());
        return id;
    }

    private boolean consent(String id) {
        return new DynamoAttendanceStore(f.dynamo, f.config.table()).smsConsent(id);
    }

    private String status(String id) {
        return json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA))).get("status").asText();
    }

    @Test
    void consentIsRecordedWithTheEnrolmentAndAbsentMeansNone() {
        String id = accepted();
        APIGatewayV2HTTPResponse r = f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id,
                "{\"absenceSmsConsent\":true}", ANNA));
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("enrolled", json(r).get("status").asText());
        assertTrue(consent(id));
        // a later answer (enrolment is idempotent) replaces it
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id,
                "{\"absenceSmsConsent\":false}", ANNA)).getStatusCode());
        assertFalse(consent(id));

        String other = accepted();
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", other, null, ANNA))
                .getStatusCode());
        assertFalse(consent(other), "no answer, no SMS");
    }

    @Test
    void hostileInputNamesTheFieldAndEnrolsNobody() {
        for (String[] c : new String[][] {{"{\"absenceSmsConsent\":\"yes\"}", "absenceSmsConsent"},
                {"{\"absenceSmsConsent\":true,\"cpr\":\"0101901234\"}", "cpr"}, {"[true]", "body"}}) {
            String id = accepted();
            APIGatewayV2HTTPResponse r = f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id, c[0], ANNA));
            assertEquals(400, r.getStatusCode(), r.getBody());
            JsonNode error = json(r).get("errors").get(0);
            assertEquals(c[1], error.get("field").asText(), r.getBody());
            assertFalse(r.getBody().contains("0101901234"));
            assertEquals("accepted", status(id), "nothing half-written");
            assertFalse(consent(id));
        }
    }
}
