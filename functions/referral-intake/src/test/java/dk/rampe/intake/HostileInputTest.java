package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ADMIN;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.call;
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
import dk.rampe.local.embedded.Events;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a hostile tester sent: each class of input answers a 400 naming the field, never a 500 or a silent change. */
class HostileInputTest extends IntakeRouteTest {
    private static void assertFieldError(APIGatewayV2HTTPResponse r, int status, String field, String code) {
        assertEquals(status, r.getStatusCode(), r.getBody());
        JsonNode errors = json(r).get("errors");
        assertEquals(field, errors.get(0).get("field").asText(), r.getBody());
        assertEquals(code, errors.get(0).get("code").asText(), r.getBody());
    }

    private String submitSample() {
        APIGatewayV2HTTPResponse r = f.handle(post(referral(), AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        return json(r).get("referralId").asText();
    }

    // 1. dates and times out of range

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
            "9999-12-31T10:00:00+01:00", "+10000-01-01T00:00:00Z", "2020-01-01T10:00:00Z", "2029-01-01T10:00:00Z"})
    void aFollowUpDueOutsideTwoYearsOfNowIsA400NamingDueAt(String dueAt) {
        String id = submitSample();
        APIGatewayV2HTTPResponse r = f.handle(call("POST", "/v1/referrals/{referralId}/follow-ups", id,
                "{\"kind\":\"follow_up_due\",\"dueAt\":\"" + dueAt + "\"}", ANNA));
        assertFieldError(r, 400, "dueAt", "dateTime.range");
    }

    @Test
    void aFollowUpWithinTheWindowIsPlanned() {
        String id = submitSample();
        APIGatewayV2HTTPResponse r = f.handle(call("POST", "/v1/referrals/{referralId}/follow-ups", id,
                "{\"kind\":\"follow_up_due\",\"dueAt\":\"2028-11-01T10:00:00+01:00\"}", ANNA));
        assertEquals(201, r.getStatusCode(), r.getBody());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31", "1900-01-01", "2021-11-22", "2028-11-24"})
    void aDesiredStartFarFromTodayIsA400NamingIt(String date) {
        ObjectNode b = referral();
        b.put("desiredStart", date);
        assertFieldError(f.handle(post(b, AARHUS)), 400, "desiredStart", "date.range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31", "0001-01-01", "2100-01-01"})
    void settingsIntakeDatesOutsideASaneWindowAreA400NamingThePath(String date) {
        String settings = Events.text("settings-sample.json").replace("\"2028-12-31\"", "\"" + date + "\"");
        assertFieldError(f.handle(call("PUT", "/v1/admin/settings", null, settings, ADMIN)), 400,
                "programmes[0].intakeStops", "date.range");
    }

    // 2. the quota flag under concurrency

    @Test
    void exactlyTheFirstQuotaReferralsAreUnflaggedUnderConcurrency() throws Exception {
        f.loadSettings(Events.text("settings-sample.json").replace("\"quota\": 75", "\"quota\": 5"));
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                ObjectNode b = referral();
                b.put("jobcentreReference", "AAR-Q" + i);
                ((ObjectNode) b.get("citizen")).put("cpr", "010190" + (1000 + i));
                APIGatewayV2HTTPEvent e = post(b, AARHUS);
                answers.add(pool.submit(() -> {
                    start.await();
                    return f.handle(e);
                }));
            }
            start.countDown();
            int unflagged = 0;
            for (Future<APIGatewayV2HTTPResponse> a : answers) {
                APIGatewayV2HTTPResponse r = a.get();
                assertEquals(201, r.getStatusCode(), r.getBody());
                if (!json(r).get("overQuota").asBoolean()) unflagged++;
            }
            assertEquals(5, unflagged, "exactly the quota is unflagged");
        } finally {
            pool.shutdownNow();
        }
        long storedUnflagged = f.dynamo.scan(s -> s.tableName(f.config.table()).filterExpression("#t = :t AND #o = :f")
                .expressionAttributeNames(java.util.Map.of("#t", "type", "#o", "overQuota"))
                .expressionAttributeValues(java.util.Map.of(
                        ":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("referral"),
                        ":f", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(false)))).count();
        assertEquals(5, storedUnflagged, "and so are the stored referrals");
    }

    @Test
    void aQuotaOfZeroFlagsTheFirstReferral() {
        f.loadSettings(Events.text("settings-sample.json").replace("\"quota\": 75", "\"quota\": 0"));
        APIGatewayV2HTTPResponse r = f.handle(post(referral(), AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        assertEquals(true, json(r).get("overQuota").asBoolean());
    }

    // 3. bytes that are not UTF-8, and lone surrogates

    @Test
    void aLatin1BodyIsRefusedNotStoredAsReplacementCharacters() {
        byte[] latin1 = Json.write(referral()).getBytes(StandardCharsets.ISO_8859_1);
        APIGatewayV2HTTPEvent e = post("x", AARHUS);
        e.setBody(Base64.getEncoder().encodeToString(latin1));
        e.setIsBase64Encoded(true);
        assertFieldError(f.handle(e), 400, "body", "encoding.malformed");
    }

    @Test
    void aLoneSurrogateIsRefusedWhetherEscapedOrRaw() {
        String escaped = Json.write(referral()).replace("Søren Ærø Østergård", "S\\ud800ren");
        assertFieldError(f.handle(post(escaped, AARHUS)), 400, "body", "encoding.malformed");
        String raw = Json.write(referral()).replace("Søren Ærø Østergård", "S\ud800ren");
        assertFieldError(f.handle(post(raw, AARHUS)), 400, "body", "encoding.malformed");
        String lowOnly = Json.write(referral()).replace("Søren Ærø Østergård", "S\\udc00ren");
        assertFieldError(f.handle(post(lowOnly, AARHUS)), 400, "body", "encoding.malformed");
    }

    @Test
    void validUtf8InBase64AndAPairedSurrogateAreAccepted() {
        ObjectNode b = referral();
        ((ObjectNode) b.get("citizen")).put("name", "Søren \uD83D\uDE00 Østergård");
        APIGatewayV2HTTPEvent e = post("x", AARHUS);
        e.setBody(Base64.getEncoder().encodeToString(Json.write(b).getBytes(StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);
        APIGatewayV2HTTPResponse r = f.handle(e);
        assertEquals(201, r.getStatusCode(), r.getBody());
    }

    // 4. control characters

    @ParameterizedTest
    @ValueSource(strings = {"\u007f", "\u0085", "\u0080", "\u009f", "\u2028", "\u2029", "\n", "\t", "\r", "\u0000"})
    void singleLineFieldsRefuseEveryControlCharacter(String c) {
        ObjectNode b = referral();
        ((ObjectNode) b.get("citizen")).put("name", "Søren" + c + "Østergård");
        assertFieldError(f.handle(post(b, AARHUS)), 400, "citizen.name", "controlCharacters");
        ObjectNode w = referral();
        ((ObjectNode) w.get("caseworker")).put("name", "Birthe" + c + "Ågård");
        assertFieldError(f.handle(post(w, AARHUS)), 400, "caseworker.name", "controlCharacters");
        ObjectNode j = referral();
        j.putArray("jobWishes").add("Lager" + c + "logistik");
        assertFieldError(f.handle(post(j, AARHUS)), 400, "jobWishes[0]", "controlCharacters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u007f", "\u0085", "\u2028", "\u2029", "\u0000", "\u001b"})
    void freeTextFieldsRefuseControlCharactersOtherThanLineBreaksAndTabs(String c) {
        for (String field : List.of("motivation", "transport", "otherIssues")) {
            ObjectNode b = referral();
            b.put(field, "Første linje" + c + "anden linje");
            assertFieldError(f.handle(post(b, AARHUS)), 400, field, "controlCharacters");
        }
    }

    @Test
    void freeTextKeepsLineBreaksAndTabsAndReadsCrLfAsTheFormsDo() {
        ObjectNode b = referral();
        b.put("motivation", "Første linje\nanden linje\r\n\tindrykket");
        APIGatewayV2HTTPResponse r = f.handle(post(b, AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        String id = json(r).get("referralId").asText();
        JsonNode view = json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, AARHUS)));
        // a line break is \n whichever door it came through (a browser's form sends \r\n)
        assertEquals("Første linje\nanden linje\n\tindrykket", view.get("referral").get("motivation").asText());
    }

    @Test
    void visitationReasonAndExitNoteAreFreeTextAndRefuseC1() {
        String id = submitSample();
        APIGatewayV2HTTPResponse bad = f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"declined\",\"reason\":\"Nej\\u0085tak\"}", ANNA));
        assertFieldError(bad, 400, "reason", "controlCharacters");
        APIGatewayV2HTTPResponse ok = f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"declined\",\"reason\":\"Nej tak.\\nVil hellere i uddannelse.\"}", ANNA));
        assertEquals(200, ok.getStatusCode(), ok.getBody());
    }

    // 5. base64 that is not base64

    @Test
    void aBodyMarkedBase64ThatIsNotBase64IsA400() {
        APIGatewayV2HTTPEvent e = post("{not base64!}", AARHUS);
        e.setIsBase64Encoded(true);
        assertFieldError(f.handle(e), 400, "body", "body.base64");
    }

    // 5b. settings that would orphan active participants

    @Test
    void removingAProgrammeOrAJobcentreWithActiveParticipantsIsA409WithTheCount() {
        submitSample();
        String sample = Events.text("settings-sample.json");
        ObjectNode noProgramme = (ObjectNode) parse(sample);
        noProgramme.putArray("programmes");
        APIGatewayV2HTTPResponse r = f.handle(call("PUT", "/v1/admin/settings", null, Json.write(noProgramme), ADMIN));
        assertEquals(409, r.getStatusCode(), r.getBody());
        assertEquals("settings.programmeInUse", json(r).get("code").asText());
        assertEquals("programmes", json(r).get("errors").get(0).get("field").asText());
        assertEquals("Forløbet rampe-oestjylland har 1 aktive deltagere og kan ikke fjernes.",
                json(r).get("title").asText());

        ObjectNode noAarhus = (ObjectNode) parse(sample);
        var partners = (com.fasterxml.jackson.databind.node.ArrayNode) noAarhus.withArray("programmes").get(0)
                .withArray("partners");
        for (int i = partners.size() - 1; i >= 0; i--) {
            if ("jc-aarhus".equals(partners.get(i).path("jobcentreId").asText())) partners.remove(i);
        }
        APIGatewayV2HTTPResponse p = f.handle(call("PUT", "/v1/admin/settings", null, Json.write(noAarhus), ADMIN));
        assertEquals(409, p.getStatusCode(), p.getBody());
        assertEquals("settings.jobcentreInUse", json(p).get("code").asText());
        assertTrue(json(p).get("title").asText().contains("jc-aarhus"), p.getBody());
        // the settings are unchanged; a partner without referrals can still go
        assertEquals(200, f.handle(call("PUT", "/v1/admin/settings", null, sample, ADMIN)).getStatusCode());
        ObjectNode noOdder = (ObjectNode) parse(sample);
        var partners2 = (com.fasterxml.jackson.databind.node.ArrayNode) noOdder.withArray("programmes").get(0)
                .withArray("partners");
        for (int i = partners2.size() - 1; i >= 0; i--) {
            if ("jc-odder".equals(partners2.get(i).path("jobcentreId").asText())) partners2.remove(i);
        }
        assertEquals(200, f.handle(call("PUT", "/v1/admin/settings", null, Json.write(noOdder), ADMIN)).getStatusCode());
    }

    // 6. duplicate ids in settings

    @Test
    void settingsWithDuplicateIdsAreRefusedNamingTheDuplicate() {
        String sample = Events.text("settings-sample.json");
        String twoJobcentres = sample.replace("{ \"id\": \"jc-odder\", \"name\": \"Jobcenter Odder\"",
                "{ \"id\": \"jc-aarhus\", \"name\": \"Jobcenter Odder\"");
        assertFieldError(f.handle(call("PUT", "/v1/admin/settings", null, twoJobcentres, ADMIN)), 400,
                "jobcentres[1].id", "duplicate");
        String twoConsultants = sample.replace("{ \"id\": \"c-carla\"", "{ \"id\": \"c-bo\"")
                .replace("\"defaultConsultantId\": \"c-carla\"", "\"defaultConsultantId\": \"c-bo\"");
        assertFieldError(f.handle(call("PUT", "/v1/admin/settings", null, twoConsultants, ADMIN)), 400,
                "programmes[0].consultants[2].id", "duplicate");
        ObjectNode root = (ObjectNode) parse(sample);
        root.withArray("programmes").add(root.withArray("programmes").get(0).deepCopy());
        assertFieldError(f.handle(call("PUT", "/v1/admin/settings", null, Json.write(root), ADMIN)), 400,
                "programmes[1].id", "duplicate");
        String twoPartners = sample.replace("{ \"jobcentreId\": \"jc-odder\"", "{ \"jobcentreId\": \"jc-aarhus\"");
        assertFieldError(f.handle(call("PUT", "/v1/admin/settings", null, twoPartners, ADMIN)), 400,
                "programmes[0].partners[1].jobcentreId", "duplicate");
        String oneClientTwice = sample.replace("\"jobcenter-odder-client\"", "\"jobcenter-aarhus-client\"");
        assertFieldError(f.handle(call("PUT", "/v1/admin/settings", null, oneClientTwice, ADMIN)), 400,
                "jobcentres[1].clientIds", "duplicate");
        assertFalse(f.handle(call("GET", "/v1/admin/settings", null, null, ADMIN)).getBody().contains("Jobcenter Odder\",\"clientIds\":[\"jobcenter-aarhus"));
    }

    private static JsonNode parse(String s) {
        try {
            return Json.parse(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
