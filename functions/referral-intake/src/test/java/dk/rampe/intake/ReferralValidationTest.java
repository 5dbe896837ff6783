package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hostile requests: every rule answers a clear error naming the field, and nothing is written. */
class ReferralValidationTest extends IntakeRouteTest {
    private JsonNode refused(int status, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse r = f.handle(event);
        assertEquals(status, r.getStatusCode(), r.getBody());
        assertTrue(r.getHeaders().get("content-type").startsWith("application/problem+json"));
        assertEquals(0, f.dynamo.scan(s -> s.tableName(f.config.table())
                .filterExpression("begins_with(pk, :p)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("REFERRAL#")))).count(),
                "nothing half-written");
        return json(r);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.get("field").asText() + ":" + e.get("code").asText()));
        return out;
    }

    private static ObjectNode with(Consumer<ObjectNode> change) {
        ObjectNode body = referral();
        change.accept(body);
        return body;
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "citizen.cpr|12345|cpr.format",
        "citizen.cpr|0101901234567|cpr.format",
        "citizen.cpr|3102901234|cpr.date",
        "citizen.cpr|01019O1234|cpr.format",
        "citizen.phone|12 34|phone.invalid",
        "citizen.phone|+45 1234 5678 9|phone.invalid",
        "citizen.email|soeren(at)example.dk|email.invalid",
        "caseworker.email|birthe@|email.invalid",
        "benefit|folkepension|enum",
        "desiredStart|07-12-2026|date.invalid",
        "jobcentreReference|AAR 42#x|reference.format",
        "jobcentreReference|AAR  42|reference.format",
        "programmeId|../etc|id.format",
    })
    void eachBadFieldIsNamed(String field, String value, String code) {
        ObjectNode body = referral();
        String[] path = field.split("\\.");
        ObjectNode target = path.length == 1 ? body : (ObjectNode) body.get(path[0]);
        target.put(path[path.length - 1], value);
        JsonNode problem = refused(400, post(body, AARHUS));
        assertEquals("validation", problem.get("code").asText());
        assertEquals(List.of(field + ":" + code), fields(problem));
        assertFalse(problem.toString().contains(value.length() > 4 ? value : "\u0000"), "the bad value is not echoed");
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        JsonNode problem = refused(400, post("{\"citizen\":{}}", AARHUS));
        assertEquals(List.of("programmeId:required", "jobcentreReference:required", "citizen.cpr:required",
                "citizen.name:required", "citizen.phone:required", "benefit:required", "caseworker:required",
                "relativesConsent:required"), fields(problem));
    }

    @Test
    void unknownFieldsAreRefusedAtEveryLevel() {
        JsonNode problem = refused(400, post(with(b -> {
            b.put("diagnosis", "x");
            ((ObjectNode) b.get("citizen")).put("address", "Vej 1");
        }), AARHUS));
        assertEquals(List.of("diagnosis:unknownField", "citizen.address:unknownField"), fields(problem));
    }

    @Test
    void lengthsAndCountsAreLimited() {
        JsonNode problem = refused(400, post(with(b -> {
            b.putArray("jobWishes").add("a").add("b").add("c").add("d");
            b.put("motivation", "å".repeat(4001));
            ((ObjectNode) b.get("citizen")).put("name", "x".repeat(201));
            b.putArray("subGoals").add("ok").add(" ");
        }), AARHUS));
        assertEquals(List.of("citizen.name:tooLong", "jobWishes:tooMany", "motivation:tooLong", "subGoals[1]:required"),
                fields(problem));
    }

    @Test
    void wrongTypesAreNamed() {
        JsonNode problem = refused(400, post(with(b -> {
            b.put("relativesConsent", "yes");
            b.put("jobWishes", "lager");
            b.put("citizen", "Søren");
        }), AARHUS));
        assertEquals(List.of("citizen:type.object", "jobWishes:type.array", "relativesConsent:type.boolean"), fields(problem));
    }

    @Test
    void malformedJsonDuplicateKeysAndNonObjectsAreRefused() {
        assertEquals(List.of("body:json.malformed"), fields(refused(400, post("{\"programmeId\": ", AARHUS))));
        assertEquals(List.of("body:json.malformed"),
                fields(refused(400, post("{\"programmeId\":\"a\",\"programmeId\":\"b\"}", AARHUS))));
        assertEquals(List.of("body:json.malformed"), fields(refused(400, post("{} {}", AARHUS))));
        // an exponent no decimal holds is a malformed body, not a failure of the service
        assertEquals(List.of("body:json.malformed"), fields(refused(400, post("{\"programmeId\":1e9999999999}", AARHUS))));
        assertEquals(List.of("body:json.malformed"), fields(refused(400, post("{\"n\":1e-9999999999}", AARHUS))));
        assertEquals(List.of("body:type.object"), fields(refused(400, post("[1,2]", AARHUS))));
        assertEquals(List.of("body:body.missing"), fields(refused(400, post("", AARHUS))));
    }

    @Test
    void wrongContentTypeIs415() {
        JsonNode problem = refused(415, post(referral(), AARHUS, "content-type", "text/plain"));
        assertEquals(List.of("Content-Type:contentType"), fields(problem));
        refused(415, post(referral(), AARHUS, "content-type", null));
        assertEquals(201, f.handle(post(referral(), AARHUS, "content-type", "application/json; charset=UTF-8"))
                .getStatusCode());
    }

    @Test
    void anOversizedBodyIs413() {
        String big = Json.write(with(b -> b.put("motivation", "x".repeat(70_000))));
        assertEquals(List.of("body:body.tooLarge"), fields(refused(413, post(big, AARHUS))));
    }

    @Test
    void aBase64EncodedBodyIsReadLikeAnyOther() {
        APIGatewayV2HTTPEvent e = post(Base64.getEncoder().encodeToString(
                Json.write(referral()).getBytes(StandardCharsets.UTF_8)), AARHUS);
        e.setIsBase64Encoded(true);
        APIGatewayV2HTTPResponse r = f.handle(e);
        assertEquals(201, r.getStatusCode(), r.getBody());
    }

    @Test
    void aJobcentreReferenceMayHoldSingleSpacesAsCaseworkersWriteIt() {
        APIGatewayV2HTTPResponse r = f.handle(post(with(b -> b.put("jobcentreReference", "AAR 2026 0042")), AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
    }

    @Test
    void errorsSpeakDanishByDefaultAndEnglishOnRequest() {
        ObjectNode bad = with(b -> ((ObjectNode) b.get("citizen")).put("cpr", "12"));
        JsonNode da = refused(400, post(bad, AARHUS));
        assertEquals("Et CPR-nummer er ti cifre (DDMMÅÅXXXX eller DDMMÅÅ-XXXX).",
                da.get("errors").get(0).get("message").asText());
        JsonNode en = refused(400, post(bad, AARHUS, "accept-language", "en-GB,en;q=0.9"));
        assertEquals("A CPR number is ten digits (DDMMYYXXXX or DDMMYY-XXXX).",
                en.get("errors").get(0).get("message").asText());
    }

    @Test
    void noCprNumberReachesTheLogEvenWhenTheRequestFails() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            f.handle(post(with(b -> ((ObjectNode) b.get("citizen")).put("cpr", "3102901234")), AARHUS));
            f.handle(post(referral(), AARHUS));
            f.handle(post(referral(), AARHUS));
        } finally {
            System.setOut(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"event\":\"request\""), log);
        for (String secret : List.of("3102901234", "0101901234", "010190-1234", "Søren", "kontanthjaelp")) {
            assertFalse(log.contains(secret), "log leaks " + secret + ": " + log);
        }
    }
}
