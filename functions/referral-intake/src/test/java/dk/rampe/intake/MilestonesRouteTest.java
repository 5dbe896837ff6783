package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.ODDER;
import static dk.rampe.intake.IntakeFixture.STRANGER;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.local.embedded.DynamoLocal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /v1/referrals/{referralId}/milestones} against DynamoDB Local: hostile input answers a
 * 400 naming the field, impossible sequences a 409 naming the rule, other tenants a 404; the path is
 * shown on the referral (the jobcentre without the consultant's reasons and notes).
 */
class MilestonesRouteTest {
    static DynamoLocal local;
    IntakeFixture f;
    String id;

    @BeforeAll
    static void startDynamo() {
        local = DynamoLocal.inMemory();
    }

    @AfterAll
    static void stopDynamo() {
        local.close();
    }

    @BeforeEach
    void enrolledReferral() {
        f = new IntakeFixture(local);
        APIGatewayV2HTTPResponse r = f.handle(post(referral(), AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        id = json(r).get("referralId").asText();
    }

    private void enrol() {
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"accepted\"}", ANNA)).getStatusCode());
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id, "{}", ANNA)).getStatusCode());
    }

    private APIGatewayV2HTTPResponse milestone(String body, Map<String, String> claims) {
        return f.handle(call("POST", "/v1/referrals/{referralId}/milestones", id, body, claims));
    }

    private static void assertError(APIGatewayV2HTTPResponse r, int status, String field, String code) {
        assertEquals(status, r.getStatusCode(), r.getBody());
        JsonNode body = json(r);
        JsonNode error = body.has("errors") ? body.get("errors").get(0) : body;
        assertEquals(code, error.get("code").asText(), r.getBody());
        if (field != null) assertEquals(field, error.get("field").asText(), r.getBody());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"promoted\",\"effectiveOn\":\"2026-11-23\"}|type|enum",
        "{\"type\":\"exited\",\"effectiveOn\":\"2026-11-23\"}|type|enum",
        "{\"type\":\"enrolled\",\"effectiveOn\":\"2026-11-23\"}|type|enum",
        "{\"effectiveOn\":\"2026-11-23\"}|type|required",
        "{\"type\":\"education_started\"}|effectiveOn|required",
        "{\"type\":\"education_started\",\"effectiveOn\":\"2026-02-30\"}|effectiveOn|date.invalid",
        "{\"type\":\"education_started\",\"effectiveOn\":\"+999999999-12-31\"}|effectiveOn|tooLong",
        "{\"type\":\"education_started\",\"effectiveOn\":\"2026-11-24\"}|effectiveOn|date.range",
        "{\"type\":\"education_started\",\"effectiveOn\":\"2026-11-22\"}|effectiveOn|date.range",
        "{\"type\":\"education_started\",\"effectiveOn\":20261123}|effectiveOn|type.string",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":-1}|hoursPerWeek|range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":81}|hoursPerWeek|range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":\"15\"}|hoursPerWeek|range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":7.125}|hoursPerWeek|range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":1e400}|hoursPerWeek|range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":1e-999999999}|hoursPerWeek|range",
        "{\"type\":\"internship_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"expectedEnd\":\"9999-12-31\"}|expectedEnd|date.range",
        "{\"type\":\"internship_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"expectedEnd\":\"2027-05-25\"}|expectedEnd|date.range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":1e999999999}|hoursPerWeek|range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":1e-400}|hoursPerWeek|range",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":15,\"note\":\"CPR 06.03.87-1013\"}|note|cprNumber",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\"}|hoursPerWeek|required",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"permanent\",\"hoursPerWeek\":15}|jobKind|enum",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":15}|employer|required",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"Lager\\nA/S\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":15}|employer|controlCharacters",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":15,\"reason\":\"x\"}|reason|unknownField",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":15,\"corrects\":\"M1\"}|corrects|id.format",
        "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":15,\"__proto__\":1}|__proto__|unknownField",
        "{\"type\":\"job_ended\",\"effectiveOn\":\"2026-11-23\"}|reason|required",
        "{\"type\":\"job_ended\",\"effectiveOn\":\"2026-11-23\",\"reason\":\"   \"}|reason|required",
        "{\"type\":\"internship_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"expectedEnd\":\"2026-11-22\"}|expectedEnd|path.endBeforeStart",
        "[]|body|type.object",
    })
    void hostileInputIsA400NamingTheField(String body, String field, String code) {
        enrol();
        assertError(milestone(body, ANNA), 400, field, code);
    }

    @Test
    void impossibleSequencesAre409sNamingTheRule() {
        String job = "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"Lager A/S\","
                + "\"jobKind\":\"flexjob\",\"hoursPerWeek\":15}";
        assertError(milestone(job, ANNA), 409, "type", "path.notEnrolled");
        enrol();
        assertError(milestone("{\"type\":\"job_ended\",\"effectiveOn\":\"2026-11-23\",\"reason\":\"x\"}", ANNA),
                409, "type", "path.jobNotStarted");
        assertError(milestone("{\"type\":\"hours_changed\",\"effectiveOn\":\"2026-11-23\",\"hoursPerWeek\":20}", ANNA),
                409, "type", "path.jobNotStarted");
        APIGatewayV2HTTPResponse created = milestone(job, ANNA);
        assertEquals(201, created.getStatusCode(), created.getBody());
        APIGatewayV2HTTPResponse repeated = milestone(job, ANNA);
        assertEquals(201, repeated.getStatusCode(), "the same step again within the window is the same intent");
        assertEquals(json(created).get("milestoneId"), json(repeated).get("milestoneId"));
        assertError(milestone(job.replace("Lager A/S", "Andet Lager"), ANNA), 409, "type", "path.jobOpen");
        assertError(milestone("{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"B\","
                + "\"jobKind\":\"ordinary\",\"hoursPerWeek\":10,\"corrects\":\"M0000000000AB\"}", ANNA),
                409, "corrects", "path.correctionTarget");
        String first = json(created).get("milestoneId").asText();
        assertEquals(201, milestone("{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"B\","
                + "\"jobKind\":\"ordinary\",\"hoursPerWeek\":10,\"corrects\":\"" + first + "\"}", ANNA).getStatusCode());
        // a correction of another type is refused
        assertError(milestone("{\"type\":\"education_started\",\"effectiveOn\":\"2026-11-23\",\"corrects\":\"" + first
                + "\"}", ANNA), 409, "corrects", "path.correctionTarget");
    }

    @Test
    void otherTenantsGetNotFoundAndJobcentresMayNotRecord() {
        enrol();
        String body = "{\"type\":\"education_started\",\"effectiveOn\":\"2026-11-23\"}";
        assertEquals(404, milestone(body, STRANGER).getStatusCode());
        assertEquals(404, milestone(body, ODDER).getStatusCode());
        assertEquals(403, milestone(body, AARHUS).getStatusCode());
        assertEquals(404, f.handle(call("POST", "/v1/referrals/{referralId}/milestones", "RNOTANIDATALL", body, ANNA))
                .getStatusCode());
    }

    @Test
    void thePathIsShownOnTheReferralAndTheJobcentreSeesNoNotes() {
        enrol();
        APIGatewayV2HTTPResponse r = milestone("{\"type\":\"internship_started\",\"effectiveOn\":\"2026-11-23\","
                + "\"employer\":\"Gartneri ApS\",\"expectedEnd\":\"2027-01-15\",\"hoursPerWeek\":12.5,"
                + "\"note\":\"Aftalt med mester\"}", ANNA);
        assertEquals(201, r.getStatusCode(), r.getBody());
        assertEquals(12.5, json(r).get("hoursPerWeek").asDouble());
        JsonNode staff = json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA)));
        assertEquals("enrolled", staff.get("path").get(0).get("type").asText());
        assertEquals("internship_started", staff.get("path").get(1).get("type").asText());
        assertEquals("Aftalt med mester", staff.get("path").get(1).get("note").asText());
        APIGatewayV2HTTPResponse jc = f.handle(call("GET", "/v1/referrals/{referralId}", id, null, AARHUS));
        JsonNode jobcentre = json(jc);
        assertEquals("Gartneri ApS", jobcentre.get("path").get(1).get("employer").asText());
        assertFalse(jc.getBody().contains("Aftalt med mester"), jc.getBody());
        assertFalse(jobcentre.has("pathRecords"));
        assertTrue(staff.has("pathRecords"));
    }

    @Test
    void anExitWithoutAJobGivesTheJobcentreAnExitDescription() {
        enrol();
        assertEquals(201, milestone("{\"type\":\"internship_started\",\"effectiveOn\":\"2026-11-23\","
                + "\"employer\":\"Gartneri ApS\",\"hoursPerWeek\":12}", ANNA).getStatusCode());
        String path = "/v1/referrals/{referralId}/exit-description";
        assertError(f.handle(call("GET", path, id, null, AARHUS)), 404, null, "exitDescription.notAvailable");
        assertError(f.handle(call("POST", "/v1/referrals/{referralId}/exit", id,
                "{\"outcome\":\"further_assessment\",\"description\":{\"colour\":\"x\"}}", ANNA)),
                400, "description.colour", "unknownField");
        assertError(f.handle(call("POST", "/v1/referrals/{referralId}/exit", id,
                "{\"outcome\":\"further_assessment\",\"description\":\"x\"}", ANNA)), 400, "description", "type.object");
        APIGatewayV2HTTPResponse exit = f.handle(call("POST", "/v1/referrals/{referralId}/exit", id,
                "{\"outcome\":\"further_assessment\",\"description\":{\"stability\":\"Stabilt fremmøde to dage om ugen\","
                        + "\"clarified\":\"Trives med praktiske opgaver\",\"employersContacted\":[\"Café Nord\"],"
                        + "\"direction\":\"Praktik i gartneri med flere timer\"}}", ANNA));
        assertEquals(200, exit.getStatusCode(), exit.getBody());
        APIGatewayV2HTTPResponse read = f.handle(call("GET", path, id, null, AARHUS));
        assertEquals(200, read.getStatusCode(), read.getBody());
        JsonNode d = json(read);
        assertEquals("further_assessment", d.get("outcome").asText());
        assertEquals("[\"Gartneri ApS\",\"Café Nord\"]", d.get("employersContacted").toString());
        assertEquals("Praktik i gartneri med flere timer", d.get("direction").asText());
        assertEquals("Stabilt fremmøde to dage om ugen", d.get("stability").asText());
        assertFalse(read.getBody().contains("0101901234") || read.getBody().contains("kontanthj"), read.getBody());
        assertEquals(404, f.handle(call("GET", path, id, null, ODDER)).getStatusCode());
        assertEquals(404, f.handle(call("GET", path, id, null, STRANGER)).getStatusCode());
        assertEquals(200, f.handle(call("GET", path, id, null, ANNA)).getStatusCode());
        // the caseworker gets one neutral email with the link
        var notice = f.rampe.outbox.find(dk.rampe.followup.Ids.messageId("exitDescription|" + id + "|email")).orElseThrow();
        assertEquals("birthe.aagaard@jobcenter.example", notice.recipient());
        assertTrue(notice.text().contains("/app/referrals/" + id), notice.text());
        for (String secret : java.util.List.of("010190", "Søren", "kontanthj", "Gartneri", "Stabilt")) {
            assertFalse(notice.text().contains(secret) || notice.html().contains(secret) || notice.subject().contains(secret), secret);
        }
    }
}
