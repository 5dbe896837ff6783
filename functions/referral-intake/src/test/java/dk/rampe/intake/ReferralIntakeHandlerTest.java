package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ADMIN;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.DORTHE;
import static dk.rampe.intake.IntakeFixture.ODDER;
import static dk.rampe.intake.IntakeFixture.STRANGER;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.local.embedded.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ReferralIntakeHandlerTest extends IntakeRouteTest {
    private String submitSample() {
        APIGatewayV2HTTPResponse r = f.handle(Events.read("referral-intake/post-referral.json", APIGatewayV2HTTPEvent.class));
        assertEquals(201, r.getStatusCode(), r.getBody());
        return json(r).get("referralId").asText();
    }

    @Test
    void theSampleReferralIsAcceptedAndReadBackWithItsHistory() {
        APIGatewayV2HTTPResponse created = f.handle(Events.read("referral-intake/post-referral.json", APIGatewayV2HTTPEvent.class));
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode answer = json(created);
        String id = answer.get("referralId").asText();
        assertTrue(id.matches("R[0-9A-Z]{12}"), id);
        assertEquals("received", answer.get("status").asText());
        assertEquals("c-anna", answer.get("consultantId").asText(), "the programme's consultant for Aarhus");
        assertFalse(answer.get("overQuota").asBoolean());
        assertEquals("/v1/referrals/" + id, created.getHeaders().get("location"));

        APIGatewayV2HTTPResponse read = f.handle(call("GET", "/v1/referrals/{referralId}", id, null, AARHUS));
        assertEquals(200, read.getStatusCode(), read.getBody());
        JsonNode view = json(read);
        assertEquals("received", view.get("status").asText());
        assertEquals(1, view.get("history").size());
        assertEquals("jc-aarhus", view.get("history").get(0).get("by").asText());
        JsonNode citizen = view.get("referral").get("citizen");
        assertEquals("0101901234", citizen.get("cpr").asText(), "the referring jobcentre sees the CPR, normalised");
        assertEquals("Søren Ærø Østergård", citizen.get("name").asText(), "Danish letters survive the round trip");
        assertEquals("+4520123456", citizen.get("phone").asText(), "phone normalised to E.164");
        assertEquals("Café", view.get("referral").get("jobWishes").get(2).asText());
        assertEquals("kontanthjaelp", view.get("referral").get("benefit").asText());
    }

    @Test
    void anotherJobcentreGetsNotFoundAsIfTheReferralDidNotExist() {
        String id = submitSample();
        APIGatewayV2HTTPResponse other = f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ODDER));
        APIGatewayV2HTTPResponse missing = f.handle(call("GET", "/v1/referrals/{referralId}", "R0000000000ZZ", null, AARHUS));
        assertEquals(404, other.getStatusCode());
        assertEquals(404, missing.getStatusCode());
        assertEquals(json(missing).get("title"), json(other).get("title"), "no hint that it exists");
        assertFalse(other.getBody().contains("0101901234"));
        // nor can it change it
        APIGatewayV2HTTPResponse change = f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"accepted\"}", ODDER));
        assertEquals(404, change.getStatusCode());
    }

    @Test
    void staffSeeTheReferralWithoutTheCprNumberAndStrangersSeeNothing() {
        String id = submitSample();
        APIGatewayV2HTTPResponse staff = f.handle(call("GET", "/v1/referrals/{referralId}", id, null, DORTHE));
        assertEquals(200, staff.getStatusCode(), staff.getBody());
        assertNull(json(staff).get("referral").get("citizen").get("cpr"));
        assertFalse(staff.getBody().contains("0101901234"));
        assertEquals(404, f.handle(call("GET", "/v1/referrals/{referralId}", id, null, STRANGER)).getStatusCode());
    }

    @Test
    void aRetryWithTheSameReferenceAnswersTheFirstResultAndCreatesNothing() {
        APIGatewayV2HTTPResponse first = f.handle(post(referral(), AARHUS));
        ObjectNode reformatted = referral();
        ((ObjectNode) reformatted.get("citizen")).put("phone", "+45 2012 3456"); // same number, other spelling
        ((ObjectNode) reformatted.get("citizen")).put("cpr", "0101901234");
        f.clock.set(IntakeFixture.NOW.plusSeconds(30));
        APIGatewayV2HTTPResponse retry = f.handle(post(reformatted, AARHUS));
        assertEquals(201, retry.getStatusCode(), retry.getBody());
        assertEquals(first.getBody(), retry.getBody(), "exactly the first answer");
        assertEquals("true", retry.getHeaders().get("idempotent-replayed"));
        assertEquals(1, intakeCount("jc-aarhus"));
        assertEquals(1, countItems("referral"));
    }

    @Test
    void theSameReferenceWithAnotherReferralIsRefused() {
        String first = json(f.handle(post(referral(), AARHUS))).get("referralId").asText();
        ObjectNode other = referral();
        ((ObjectNode) other.get("citizen")).put("cpr", "0202851234");
        APIGatewayV2HTTPResponse r = f.handle(post(other, AARHUS));
        assertEquals(409, r.getStatusCode());
        JsonNode p = json(r);
        assertEquals("idempotency.differentBody", p.get("code").asText());
        assertEquals("jobcentreReference", p.get("errors").get(0).get("field").asText());
        assertTrue(p.get("title").asText().contains(first));
        assertFalse(r.getBody().contains("0202851234"));
        assertEquals(1, countItems("referral"));
    }

    @Test
    void anIdempotencyKeyHeaderGuardsToo() {
        APIGatewayV2HTTPResponse first = f.handle(post(referral(), AARHUS, "idempotency-key", "key-1"));
        assertEquals(201, first.getStatusCode());
        APIGatewayV2HTTPResponse again = f.handle(post(referral(), AARHUS, "idempotency-key", "key-1"));
        assertEquals(first.getBody(), again.getBody());
        ObjectNode other = referral();
        other.put("jobcentreReference", "AAR-OTHER");
        ((ObjectNode) other.get("citizen")).put("cpr", "0202851234");
        APIGatewayV2HTTPResponse clash = f.handle(post(other, AARHUS, "idempotency-key", "key-1"));
        assertEquals(409, clash.getStatusCode());
        assertEquals("Idempotency-Key", json(clash).get("errors").get(0).get("field").asText());
        APIGatewayV2HTTPResponse bad = f.handle(post(other, AARHUS, "idempotency-key", "no spaces #please"));
        assertEquals(400, bad.getStatusCode());
        assertEquals("Idempotency-Key", json(bad).get("errors").get(0).get("field").asText());
        assertEquals(1, countItems("referral"));
    }

    @Test
    void concurrentDuplicatesCreateOneReferral() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) calls.add(() -> f.handle(post(referral(), AARHUS)));
            Set<String> ids = new HashSet<>();
            for (Future<APIGatewayV2HTTPResponse> r : pool.invokeAll(calls)) {
                assertEquals(201, r.get().getStatusCode(), r.get().getBody());
                ids.add(json(r.get()).get("referralId").asText());
            }
            assertEquals(1, ids.size(), "every caller got the same referral");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, countItems("referral"));
        assertEquals(1, intakeCount("jc-aarhus"));
    }

    @Test
    void aCitizenAlreadyActiveIsRefusedWithTheExistingReferralId() {
        String id = json(f.handle(post(referral(), AARHUS))).get("referralId").asText();
        ObjectNode again = referral();
        again.put("jobcentreReference", "AAR-2026-00043");
        APIGatewayV2HTTPResponse r = f.handle(post(again, AARHUS));
        assertEquals(409, r.getStatusCode());
        assertEquals("citizen.alreadyActive", json(r).get("code").asText());
        assertTrue(r.getBody().contains(id));
        assertFalse(r.getBody().contains("0101901234"));

        // through another jobcentre: refused, but the other jobcentre's referral id is not revealed
        ObjectNode viaOdder = referral();
        viaOdder.put("jobcentreReference", "ODD-1");
        APIGatewayV2HTTPResponse odder = f.handle(post(viaOdder, ODDER));
        assertEquals(409, odder.getStatusCode());
        assertEquals("citizen.alreadyActiveElsewhere", json(odder).get("code").asText());
        assertFalse(odder.getBody().contains(id));
        assertEquals(1, countItems("referral"));
    }

    @Test
    void afterADeclineTheCitizenCanBeReferredAgain() {
        String id = submitSample();
        APIGatewayV2HTTPResponse noReason = f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"declined\"}", ANNA));
        assertEquals(400, noReason.getStatusCode());
        assertEquals("reason", json(noReason).get("errors").get(0).get("field").asText());
        APIGatewayV2HTTPResponse declined = f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"declined\",\"reason\":\"Ønsker ikke at deltage nu\"}", ANNA));
        assertEquals(200, declined.getStatusCode(), declined.getBody());
        assertEquals("declined", json(declined).get("status").asText());
        ObjectNode again = referral();
        again.put("jobcentreReference", "AAR-2026-00099");
        assertEquals(201, f.handle(post(again, AARHUS)).getStatusCode());
    }

    @Test
    void aDeclineCarriesAReasonCodeFromTheFixedList() {
        String id = submitSample();
        String path = "/v1/referrals/{referralId}/visitation";
        APIGatewayV2HTTPResponse unknown = f.handle(call("POST", path, id,
                "{\"decision\":\"declined\",\"reasonCode\":\"lazy\"}", ANNA));
        assertEquals(400, unknown.getStatusCode());
        assertEquals("reasonCode", json(unknown).get("errors").get(0).get("field").asText());
        assertEquals("enum", json(unknown).get("errors").get(0).get("code").asText());
        APIGatewayV2HTTPResponse notDeclined = f.handle(call("POST", path, id,
                "{\"decision\":\"outside_target_group\",\"reason\":\"x\",\"reasonCode\":\"health\"}", ANNA));
        assertEquals(400, notDeclined.getStatusCode());
        assertEquals("reasonCode.declinedOnly", json(notDeclined).get("errors").get(0).get("code").asText());
        // the code alone is a reason; the free text stays optional beside it
        APIGatewayV2HTTPResponse declined = f.handle(call("POST", path, id,
                "{\"decision\":\"declined\",\"reasonCode\":\"other_offer\"}", ANNA));
        assertEquals(200, declined.getStatusCode(), declined.getBody());
        JsonNode last = json(declined).get("history").get(1);
        assertEquals("declined", last.get("status").asText());
        assertEquals("other_offer", last.get("reasonCode").asText());
        assertFalse(last.has("reason"));
        APIGatewayV2HTTPResponse read = f.handle(call("GET", "/v1/referrals/{referralId}", id, null, AARHUS));
        assertEquals("other_offer", json(read).get("history").get(1).get("reasonCode").asText(), "stored and read back");
    }

    @Test
    void staffRecordTheVisitationEnrolmentAndExit() {
        String id = submitSample();
        String path = "/v1/referrals/{referralId}/visitation";
        APIGatewayV2HTTPResponse byJobcentre = f.handle(call("POST", path, id, "{\"decision\":\"accepted\"}", AARHUS));
        assertEquals(403, byJobcentre.getStatusCode(), "the jobcentre does not record the visitation");
        APIGatewayV2HTTPResponse accepted = f.handle(call("POST", path, id, "{\"decision\":\"accepted\"}", ANNA));
        assertEquals("accepted", json(accepted).get("status").asText());
        APIGatewayV2HTTPResponse twice = f.handle(call("POST", path, id, "{\"decision\":\"accepted\"}", ANNA));
        assertEquals(200, twice.getStatusCode());
        assertEquals(2, json(twice).get("history").size(), "the same decision twice changes nothing");
        APIGatewayV2HTTPResponse changeMind = f.handle(call("POST", path, id,
                "{\"decision\":\"outside_target_group\",\"reason\":\"x\"}", ANNA));
        assertEquals(409, changeMind.getStatusCode());

        APIGatewayV2HTTPResponse reassigned = f.handle(call("PUT", "/v1/referrals/{referralId}/consultant", id,
                "{\"consultantId\":\"c-bo\"}", DORTHE));
        assertEquals("c-bo", json(reassigned).get("consultantId").asText());
        APIGatewayV2HTTPResponse unknown = f.handle(call("PUT", "/v1/referrals/{referralId}/consultant", id,
                "{\"consultantId\":\"c-nobody\"}", DORTHE));
        assertEquals(422, unknown.getStatusCode());

        assertEquals("enrolled", json(f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id, null, ANNA)))
                .get("status").asText());
        APIGatewayV2HTTPResponse badExit = f.handle(call("POST", "/v1/referrals/{referralId}/exit", id,
                "{\"outcome\":\"lottery\"}", ANNA));
        assertEquals(400, badExit.getStatusCode());
        APIGatewayV2HTTPResponse exited = f.handle(call("POST", "/v1/referrals/{referralId}/exit", id,
                "{\"outcome\":\"flexjob\",\"note\":\"Fleksjob 12 timer\"}", ANNA));
        assertEquals("exited", json(exited).get("status").asText());

        JsonNode history = json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, AARHUS))).get("history");
        List<String> path2 = new ArrayList<>();
        history.forEach(h -> path2.add(h.get("status").asText()));
        assertEquals(List.of("received", "accepted", "enrolled", "exited"), path2);
        assertEquals("flexjob", history.get(3).get("outcome").asText());

        Map<String, AttributeValue> item = f.dynamo.getItem(b -> b.tableName(f.config.table())
                .key(Map.of("pk", AttributeValue.fromS("REFERRAL#" + id), "sk", AttributeValue.fromS("REFERRAL")))).item();
        long expires = Long.parseLong(item.get("expiresAt").n());
        assertEquals(IntakeFixture.NOW.plus(f.config.retentionAfterExit()).getEpochSecond(), expires,
                "personal data is deleted a set time after exit");
    }

    @Test
    void pastTheIntakeStopDateAReferralIsRefusedButARetryStillGetsItsFirstAnswer() {
        APIGatewayV2HTTPResponse first = f.handle(post(referral(), AARHUS));
        f.clock.set(Instant.parse("2029-01-01T08:00:00Z"));
        APIGatewayV2HTTPResponse retry = f.handle(post(referral(), AARHUS));
        assertEquals(first.getBody(), retry.getBody());
        ObjectNode late = referral();
        late.put("jobcentreReference", "AAR-LATE");
        ((ObjectNode) late.get("citizen")).put("cpr", "0202851234");
        APIGatewayV2HTTPResponse r = f.handle(post(late, AARHUS));
        assertEquals(422, r.getStatusCode());
        assertEquals("intake.closed", json(r).get("code").asText());
        assertTrue(json(r).get("title").asText().contains("2028-12-31"), json(r).get("title").asText());
        f.clock.set(Instant.parse("2028-12-31T22:30:00Z")); // 23:30 in Copenhagen: still the stop date
        assertEquals(201, f.handle(post(late, AARHUS)).getStatusCode());
    }

    @Test
    void beyondTheQuotaAReferralIsAcceptedButFlagged() {
        f.loadSettings(Events.text("settings-sample.json").replace("\"quota\": 75", "\"quota\": 1"));
        dk.rampe.testkit.TestClock clock = f.clock;
        ReferralIntakeHandler handler = new ReferralIntakeHandler(f.config, f.dynamo, clock);
        assertFalse(json(handler.handleRequest(post(referral(), AARHUS), null)).get("overQuota").asBoolean());
        ObjectNode second = referral();
        second.put("jobcentreReference", "AAR-2");
        ((ObjectNode) second.get("citizen")).put("cpr", "0202851234");
        APIGatewayV2HTTPResponse r = handler.handleRequest(post(second, AARHUS, "accept-language", "en"), null);
        assertEquals(201, r.getStatusCode());
        JsonNode body = json(r);
        assertTrue(body.get("overQuota").asBoolean());
        assertEquals("intake.overQuota", body.get("warnings").get(0).get("code").asText());
        assertTrue(body.get("warnings").get(0).get("message").asText().contains("project owner decides"));
    }

    @Test
    void aJobcentreThatIsNotAPartnerCannotRefer() {
        ObjectNode body = referral();
        body.put("programmeId", "some-other-programme");
        APIGatewayV2HTTPResponse r = f.handle(post(body, AARHUS));
        assertEquals(422, r.getStatusCode());
        assertEquals("programmeId", json(r).get("errors").get(0).get("field").asText());
        APIGatewayV2HTTPResponse unknownClient = f.handle(post(referral(), IntakeFixture.claims("client_id", "who-is-this")));
        assertEquals(403, unknownClient.getStatusCode());
        APIGatewayV2HTTPResponse staff = f.handle(post(referral(), ANNA));
        assertEquals(403, staff.getStatusCode(), "staff do not post referrals");
    }

    @Test
    void everyReadAndChangeIsAuditedWithoutTheData() {
        String id = submitSample();
        f.clock.set(IntakeFixture.NOW.plusSeconds(1));
        f.handle(call("GET", "/v1/referrals/{referralId}", id, null, AARHUS));
        f.clock.set(IntakeFixture.NOW.plusSeconds(2));
        f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id, "{\"decision\":\"accepted\"}", ANNA));
        List<Map<String, AttributeValue>> entries = f.dynamo.query(q -> q.tableName(f.config.auditTable())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SUBJECT#" + id)))).items();
        List<String> actions = entries.stream().map(e -> e.get("action").s() + " by " + e.get("actor").s()).toList();
        assertEquals(List.of("referral.created by jc-aarhus", "referral.read by jc-aarhus",
                "referral.visitation.accepted by c-anna"), actions);
        for (Map<String, AttributeValue> e : entries) {
            String all = e.toString();
            assertFalse(all.contains("0101901234") || all.contains("Søren") || all.contains("kontanthjaelp"), all);
            assertTrue(Long.parseLong(e.get("expiresAt").n()) > IntakeFixture.NOW.getEpochSecond());
        }
    }

    @Test
    void settingsAreLoadedThroughTheAdminRouteOnly() {
        String settings = Events.text("settings-sample.json").replace("Rampe Østjylland", "Rampe Midt");
        APIGatewayV2HTTPResponse byJobcentre = f.handle(call("PUT", "/v1/admin/settings", null, settings, AARHUS));
        assertEquals(403, byJobcentre.getStatusCode());
        APIGatewayV2HTTPResponse ok = f.handle(call("PUT", "/v1/admin/settings", null, settings, ADMIN));
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        assertTrue(f.handle(call("GET", "/v1/admin/settings", null, null, ADMIN)).getBody().contains("Rampe Midt"));
        APIGatewayV2HTTPResponse bad = f.handle(call("PUT", "/v1/admin/settings", null,
                settings.replace("\"defaultConsultantId\": \"c-bo\"", "\"defaultConsultantId\": \"c-ghost\""), ADMIN));
        assertEquals(400, bad.getStatusCode());
        assertEquals("programmes[0].partners[1].defaultConsultantId", json(bad).get("errors").get(0).get("field").asText());
    }

    @Test
    void aPutOfTheSettingsIsRecordedInTheirHistoryWithWhoWhenAndTheParts() {
        var store = new dk.rampe.dynamodb.DynamoSettingsStore(f.dynamo, f.config.table(), f.clock, java.time.Duration.ZERO);
        long before = store.version().revision();
        f.clock.advance(java.time.Duration.ofMinutes(5));
        String settings = Events.text("settings-sample.json").replace("\"quota\": 45, \"defaultConsultantId\": \"c-bo\"",
                "\"quota\": 50, \"defaultConsultantId\": \"c-bo\"");
        assertEquals(200, f.handle(call("PUT", "/v1/admin/settings", null, settings, ADMIN)).getStatusCode());
        // the same history the web app's settings pages record and show
        assertEquals(before + 1, store.version().revision());
        assertEquals(new dk.rampe.settings.SettingsChange(before + 1, "admin",
                IntakeFixture.NOW.plus(java.time.Duration.ofMinutes(5)), List.of(new dk.rampe.settings.SettingsPart(
                        dk.rampe.settings.SettingsPart.Kind.QUOTAS_AND_DATES, "rampe-oestjylland"))), store.history(1).get(0));
    }

    @Test
    void theSettingsSampleEventIsAValidAdminRequest() {
        APIGatewayV2HTTPResponse r = f.handle(Events.read("referral-intake/put-settings.json", APIGatewayV2HTTPEvent.class));
        assertEquals(200, r.getStatusCode(), r.getBody());
    }

    @Test
    void withoutClaimsTheAnswerIs401() {
        APIGatewayV2HTTPEvent e = post(referral(), AARHUS);
        e.getRequestContext().setAuthorizer(null);
        assertEquals(401, f.handle(e).getStatusCode());
    }

    @Test
    void referralIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode b = referral();
            b.put("jobcentreReference", "AAR-U" + i);
            ((ObjectNode) b.get("citizen")).put("cpr", "010190" + (1000 + i));
            ids.add(json(f.handle(post(b, AARHUS))).get("referralId").asText());
        }
        assertEquals(5, ids.size());
        assertNotEquals(0, intakeCount("jc-aarhus"));
        assertEquals(5, intakeCount("jc-aarhus"));
    }

    long intakeCount(String jobcentre) {
        Map<String, AttributeValue> item = f.dynamo.getItem(b -> b.tableName(f.config.table()).key(Map.of(
                "pk", AttributeValue.fromS("PROGRAMME#rampe-oestjylland"),
                "sk", AttributeValue.fromS("INTAKE#" + jobcentre)))).item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("count").n());
    }

    long countItems(String type) {
        return f.dynamo.scan(s -> s.tableName(f.config.table()).filterExpression("#t = :t")
                .expressionAttributeNames(Map.of("#t", "type"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(type)))).count();
    }
}
