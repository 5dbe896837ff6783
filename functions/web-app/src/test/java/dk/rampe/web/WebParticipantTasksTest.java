package dk.rampe.web;

import static dk.rampe.core.Html.esc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoPlanStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The consultant's participant page as tasks, against DynamoDB Local through the handler: the overview
 * names the next step of the participant's phase and links to its own page, each task's page has a way
 * back, a saved form returns to the overview; a refused form comes back on its task's page with every
 * typed value, the error summary focused and linking to each marked field; a plan saved by someone else
 * meanwhile keeps what was typed, shows the other change beside it, and saves on the second try.
 */
class WebParticipantTasksTest {

    private final WebFixture f = new WebFixture();
    private final WebFixture.Browser caseworker = f.browser();
    private final WebFixture.Browser anna = f.browser();

    private String sent(String reference, String cpr) {
        String id = caseworker.sendReferral(reference, cpr);
        anna.login("local-consultant-anna");
        return id;
    }

    private WebFixture.Page post(String id, String action, Map<String, String> fields) {
        return anna.postOnReferral(id, action, fields);
    }

    /** The overview's next step: the task it links to, or "" when there is nothing to do. */
    private String nextStep(String id) {
        String body = anna.get("/app/referrals/" + id).body();
        assertTrue(body.indexOf("id=\"next-step\"") < body.indexOf("id=\"tasks\""), "the next step first");
        Matcher m = Pattern.compile("id=\"next-step-link\" data-task=\"([a-z-]+)\" href=\"/app/referrals/" + id
                + "/\\1\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void theNextStepFollowsTheParticipantsPhaseAndEachTaskHasItsOwnPageWithAWayBack() {
        String id = sent("AAR-TASK-1", "010190-1234");
        assertEquals("visitation", nextStep(id));
        assertTrue(anna.get("/app/referrals/" + id).body().contains(esc(Texts.t(Language.DA, "next.visitation"))));
        WebFixture.Page visitation = anna.get("/app/referrals/" + id + "/visitation");
        assertEquals(200, visitation.status());
        assertTrue(visitation.body().contains("<a class=\"back\" id=\"back\" href=\"/app/referrals/" + id + "\">"));
        assertTrue(visitation.body().contains("id=\"visitation\""));
        assertFalse(visitation.body().contains("id=\"history\""), "one thing per page");

        WebFixture.Page decided = post(id, "visitation", Map.of("decision", "accepted"));
        assertEquals("/app/referrals/" + id + "?done=visitation", decided.location(), "back to the overview");
        assertTrue(anna.get(decided.location()).body().contains("id=\"done\""));
        assertEquals("enrolment", nextStep(id));
        assertTrue(anna.get("/app/referrals/" + id + "/visitation").body().contains("id=\"task-closed\""),
                "a decided visitation has no form any more");
        assertEquals(303, post(id, "enrolment", Map.of()).status());
        assertEquals("plan", nextStep(id), "the plan at the first meeting (the sub-goals are not yet a plan)");
        String overview = anna.get("/app/referrals/" + id).body();
        assertTrue(overview.contains("data-task=\"visitation\"><a href=\"/app/referrals/" + id + "/visitation\""
                + " id=\"task-visitation\">Visitation</a> <span class=\"tag done\" data-state=\"done\">Færdig</span>"), overview);
        assertTrue(overview.contains("id=\"task-plan\">Indsatsplan</a> <span class=\"tag\" data-state=\"todo\">Ikke startet"));
        assertTrue(overview.contains("id=\"attendance-summary\"") && overview.contains("id=\"plan-summary\"")
                && overview.contains("id=\"path-summary\""), "status, attendance, plan and path in short");
        assertTrue(overview.contains("Kontaktperson: Anna Højgaard"), "the consultant by name");

        assertEquals(303, post(id, "plan", Map.of("version", "0", "steps[0].text", "Møde op", "steps[0].status", "open"))
                .status());
        assertEquals("attendance", nextStep(id));
        assertEquals(303, post(id, "attendance-plan", Map.of("ap.validFrom", "2026-11-23", "ap.start", "09:00",
                "ap.hoursPerDay", "4,5", "ap.weekday.monday", "1")).status());
        assertEquals("milestone", nextStep(id));
        String withPlan = anna.get("/app/referrals/" + id).body();
        assertTrue(withPlan.contains(esc(Texts.t(Language.DA, "next.internship"))));
        assertTrue(withPlan.contains("data-from=\"2026-11-23\">man. · 09:00–13:30 (4,5 t)</dd>"), "hours with a decimal comma");
        assertTrue(anna.get("/app/referrals/" + id + "/attendance").body().contains(
                "name=\"ap.hoursPerDay\" value=\"4,5\" inputmode=\"decimal\""), "and in the form");
        assertEquals(303, post(id, "milestone", Map.of("ms.type", "internship_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Genbrug", "ms.hoursPerWeek", "10")).status());
        assertEquals("milestone", nextStep(id));
        assertTrue(anna.get("/app/referrals/" + id).body().contains(esc(Texts.t(Language.DA, "next.job"))));
        assertEquals(303, post(id, "milestone", Map.of("ms.type", "job_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Genbrug", "ms.jobKind", "ordinary", "ms.hoursPerWeek", "20")).status());
        assertEquals("follow-ups", nextStep(id), "aftercare after the job started");
        assertEquals(303, post(id, "exit", Map.of("outcome", "ordinary_job")).status());
        assertEquals("", nextStep(id), "nothing more to do after the exit");
        assertTrue(anna.get("/app/referrals/" + id).body().contains(esc(Texts.t(Language.DA, "next.none.exited"))));

        assertEquals(404, anna.get("/app/referrals/" + id + "/nothing").status());
        assertEquals(404, caseworker.get("/app/referrals/" + id + "/plan").status(), "the consultant's pages only");
    }

    @Test
    void aRefusedFormKeepsEveryTypedValueAndItsSummaryLinksToEachMarkedField() {
        String id = sent("AAR-TASK-2", "020290-1234");
        WebFixture.Page refused = post(id, "visitation", Map.of("decision", "", "reasonCode", "",
                "reason", "Vi talte om ønsket om lager"));
        assertEquals(400, refused.status());
        String body = refused.body();
        assertTrue(body.contains("<textarea id=\"f-reason\" name=\"reason\""), body);
        assertTrue(body.contains(">Vi talte om ønsket om lager</textarea>"), "the typed reason is kept");
        assertTrue(body.contains("<div class=\"errors\" id=\"errors\" role=\"alert\" tabindex=\"-1\" autofocus"),
                "the summary has the focus");
        assertTrue(body.contains("<li><a href=\"#f-decision\">"), "and links to the field");
        assertTrue(body.contains("<fieldset id=\"f-decision\" aria-describedby=\"f-decision-error\">"), body);
        assertTrue(body.contains("<p class=\"error\" id=\"f-decision-error\""));
        assertTrue(body.contains(esc(Texts.t(Language.DA, "form.requiredNote"))), "what is needed is said");

        WebFixture.Page exit = post(id, "visitation", Map.of("decision", "accepted"));
        assertEquals(303, exit.status());
        WebFixture.Page noOutcome = post(id, "exit", Map.of("outcome", "", "note", "Flytter",
                "xd.direction", "Lager eller gartneri"));
        assertEquals(400, noOutcome.status());
        assertTrue(noOutcome.body().contains(">Flytter</textarea>") && noOutcome.body().contains(">Lager eller gartneri</textarea>"),
                noOutcome.body());
        assertTrue(noOutcome.body().contains("id=\"f-outcome\" name=\"outcome\" aria-invalid=\"true\" aria-describedby=\"f-outcome-error\""),
                noOutcome.body());
    }

    @Test
    void aPlanSavedMeanwhileKeepsWhatWasTypedShowsTheOtherChangeBesideItAndSavesOnTheSecondTry() {
        String id = sent("AAR-TASK-3", "030390-1234");
        assertEquals(303, post(id, "visitation", Map.of("decision", "accepted")).status());
        assertEquals(303, post(id, "enrolment", Map.of()).status());
        // a colleague saves the plan first (version 0 to 1)
        assertEquals(303, post(id, "plan", Map.of("version", "0", "steps[0].text", "Møde op", "steps[0].status", "open",
                "agreements", "Anna ringer til lageret")).status());
        // the consultant's form was opened at version 0: refused, nothing typed lost
        Map<String, String> mine = new HashMap<>(Map.of("version", "0", "steps[0].text", "Møde op tre dage",
                "steps[0].status", "underway", "steps[4].text", "Besøge gartneriet", "agreements", "Mette tager bussen",
                "tovholder", "Anna Højgaard"));
        WebFixture.Page conflict = post(id, "plan", mine);
        assertEquals(409, conflict.status());
        String body = conflict.body();
        assertTrue(body.contains("id=\"conflict\""), body);
        assertTrue(body.contains(esc(Texts.t(Language.DA, "plan.conflict"))));
        assertTrue(body.contains("name=\"steps[0].text\" value=\"Møde op tre dage\""), "typed values kept");
        assertTrue(body.contains("name=\"steps[4].text\" value=\"Besøge gartneriet\""), "also a row beyond the saved ones");
        assertTrue(body.contains(">Mette tager bussen</textarea>"));
        assertTrue(body.contains("data-meanwhile=\"agreements\">" + esc(Texts.t(Language.DA, "plan.otherValue",
                "Anna ringer til lageret")) + "</p>"), "the other change beside the field");
        assertTrue(body.contains("data-meanwhile=\"steps[0].text\">"));
        assertTrue(body.contains("name=\"version\" value=\"1\""), "the form now carries the version saved meanwhile");
        assertTrue(body.contains("id=\"plan-saved\""), "and the plan as saved meanwhile");

        mine.put("version", "1");
        assertEquals(303, post(id, "plan", mine).status(), "saved on the second try");
        var plan = new DynamoPlanStore(f.dynamo, f.config.table(),
                new DynamoAuditLog(f.dynamo, f.config.auditTable(), Duration.ofDays(1))).find(id).orElseThrow();
        assertEquals("Mette tager bussen", plan.agreements());
        assertEquals(2, plan.version());
    }
}
