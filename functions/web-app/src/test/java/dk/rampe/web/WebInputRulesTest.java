package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.InputFields;
import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoPlanStore;
import dk.rampe.dynamodb.DynamoAuditLog;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web app's forms read each field with its one definition in core (as the API does) and decode
 * forms strictly as UTF-8: what the API refuses, the forms refuse too, as a 400 beside the field,
 * with nothing written and the refused value not shown again.
 */
class WebInputRulesTest {
    private final WebFixture f = new WebFixture();
    private final WebFixture.Browser caseworker = f.browser();
    private final WebFixture.Browser anna = f.browser();

    private String sentReferral(String reference, String cpr) {
        String id = caseworker.sendReferral(reference, cpr);
        anna.login("local-consultant-anna");
        return id;
    }

    private WebFixture.Page post(String id, String action, Map<String, String> fields) {
        return anna.postOnReferral(id, action, fields);
    }

    private long planVersion(String id) {
        return new DynamoPlanStore(f.dynamo, f.config.table(),
                new DynamoAuditLog(f.dynamo, f.config.auditTable(), Duration.ofDays(1))).find(id)
                .map(dk.rampe.plan.Plan::version).orElse(0L);
    }

    @Test
    void aFormWhoseBytesAreNotUtf8IsRefusedAndNothingIsSaved() {
        String id = sentReferral("AAR-UTF8-1", "010190-1234");
        String csrf = anna.get("/app/referrals/" + id).csrf();
        WebFixture.Page p = f.postRaw(anna, "/app/referrals/" + id + "/plan",
                "csrf=" + csrf + "&version=0&agreements=%C3%28x");
        assertEquals(400, p.status(), p.body());
        assertFalse(p.body().contains("\uFFFD"), "no replacement character shown or stored");
        assertEquals(0, planVersion(id), "no plan saved");
        // the same form, well encoded, is saved
        WebFixture.Page good = f.postRaw(anna, "/app/referrals/" + id + "/plan",
                "csrf=" + csrf + "&version=0&agreements=M%C3%B8der+kl.+9");
        assertEquals(303, good.status(), good.body());
        assertEquals(1, planVersion(id));
    }

    @Test
    void thePlanFormRefusesNulAndACprNumberAsTheFieldsDefinitionSays() {
        String id = sentReferral("AAR-NUL-1", "020290-1234");
        WebFixture.Page nul = post(id, "plan", Map.of("version", "0", "agreements", "a\u0000b"));
        assertEquals(400, nul.status(), nul.body());
        assertTrue(nul.body().contains(dk.rampe.api.Messages.text("controlCharacters", Language.DA)), nul.body());
        WebFixture.Page cpr = post(id, "plan", Map.of("version", "0", "tovholder", "Ring 06.03.87-1013"));
        assertEquals(400, cpr.status(), cpr.body());
        assertTrue(cpr.body().contains("Skriv ikke CPR-nummer her."), cpr.body());
        assertFalse(cpr.body().contains("06.03.87-1013"), "the number is not shown again");
        assertEquals(0, planVersion(id), "no plan saved");
    }

    @Test
    void theVisitationReasonStopsAtTheApisLength() {
        String id = sentReferral("AAR-LEN-1", "030390-1234");
        int max = InputFields.VISITATION_REASON.maxLength();
        WebFixture.Page tooLong = post(id, "visitation", Map.of("decision", "declined", "reason", "x".repeat(3000)));
        assertEquals(400, tooLong.status(), tooLong.body());
        assertTrue(tooLong.body().contains(dk.rampe.api.Messages.text("tooLong", Language.DA, max)), tooLong.body());
        assertTrue(anna.get("/app/referrals/" + id).body().contains("data-status=\"received\""), "nothing recorded");
        WebFixture.Page cpr = post(id, "visitation", Map.of("decision", "declined", "reason", "Ring 010190 1234"));
        assertEquals(400, cpr.status(), cpr.body());
        assertTrue(cpr.body().contains("Skriv ikke CPR-nummer her."), cpr.body());
        assertFalse(cpr.body().contains("010190 1234"), "the refused reason is not shown again");
        assertEquals(303, post(id, "visitation", Map.of("decision", "declined", "reason", "x".repeat(max))).status());
    }

    @Test
    void aDesiredStartOutsideItsWindowIsAFieldErrorAndTheFormIsKept() {
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        Map<String, String> values = WebFixture.referralForm(form.csrf(), form.formId(), "AAR-START-1", "040490-1234");
        values.put("desiredStart", "2030-01-01");
        WebFixture.Page p = caseworker.post("/app/referrals", values);
        assertEquals(400, p.status(), p.body());
        assertTrue(p.body().contains("data-field=\"desiredStart\""), p.body());
        assertTrue(p.body().contains("Mette Sørensen") && p.body().contains("Vil gerne i gang igen."), "the form is kept");
    }

    @Test
    void attendanceIsKeptForAnEnrolledParticipantAndARegistrationIsNeverForADayToCome() {
        String id = sentReferral("AAR-ATT-WHEN", "050590-1234");
        WebFixture.Page waiting = post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "present"));
        assertEquals(409, waiting.status(), "not visited, not enrolled: " + waiting.body());
        String csrf = anna.get("/app/referrals/" + id).csrf();
        assertEquals(303, anna.post("/app/referrals/" + id + "/visitation", Map.of("csrf", csrf, "decision", "accepted"))
                .status());
        assertEquals(303, anna.post("/app/referrals/" + id + "/enrolment", Map.of("csrf", csrf)).status());
        WebFixture.Page nextWeek = post(id, "attendance", Map.of("reg.date", "2026-11-30", "reg.status", "present"));
        assertEquals(400, nextWeek.status(), nextWeek.body());
        assertTrue(nextWeek.body().contains("data-field=\"reg.date\""), "beside the date: " + nextWeek.body());
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "present")).status());
    }

    @Test
    void theLoginCallbackIsNotFoundWhenNoLoginServiceIsConfigured() {
        WebFixture.Page p = f.browser().get("/app/auth/callback?code=x&state=y");
        assertEquals(404, p.status(), p.body());
    }
}
