package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.api.Messages;
import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dated steps in the web forms: the referral's received day, the visitation's, the enrolment's and the exit's,
 * each a date field filled in with today, taken by the same use case as the API's date and refused with the API's
 * message beside the field, the error summary naming the field. A past day takes effect at noon Copenhagen time.
 */
class WebDatedStepsTest {
    private final WebFixture f = new WebFixture(); // today is 23 November 2026
    private final DynamoReferralStore referrals = new DynamoReferralStore(f.dynamo, f.config.table(),
            new DynamoAuditLog(f.dynamo, f.config.auditTable(), f.config.auditRetention()));
    private final WebFixture.Browser caseworker = f.browser();
    private final WebFixture.Browser anna = f.browser();

    private static final Instant NOON_16_NOV = Instant.parse("2026-11-16T11:00:00Z");

    private Referral referral(String id) {
        return referrals.find(id).orElseThrow();
    }

    private static Instant at(Referral r, ReferralStatus status) {
        return r.history().stream().filter(h -> h.status() == status).map(StatusChange::at).findFirst().orElseThrow();
    }

    /** The refused form: the summary links to the field and names it, the field is marked and keeps what was typed. */
    private static void refusedOn(WebFixture.Page page, String field, String label, String message, String typed) {
        assertEquals(400, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("<li><a href=\"#f-" + field + "\">" + dk.rampe.core.Html.esc(label) + "</a>: " + dk.rampe.core.Html.esc(message)
                + "</li>"), "the error summary names the field: " + body);
        assertTrue(body.matches("(?s).*<input type=\"date\" id=\"f-" + field + "\" name=\"" + field + "\" value=\""
                + typed + "\" aria-invalid=\"true\".*"), "the date field, marked, with what was typed: " + body);
    }

    @Test
    void aCaseworkerSendsAReferralReceivedEarlierAndAnOutOfRangeDayIsRefusedOnItsField() {
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        assertTrue(form.body().contains("<input type=\"date\" id=\"f-receivedAt\" name=\"receivedAt\" value=\"2026-11-23\">"),
                "today, unless changed: " + form.body());

        Map<String, String> early = WebFixture.referralForm(form.csrf(), form.formId(), "AAR-DATED-1", "010190-1234");
        early.put("receivedAt", "2025-12-01"); // before the programme's intake opened (5 January 2026)
        refusedOn(caseworker.post("/app/referrals", early), "receivedAt", Texts.t(Language.DA, "field.receivedAt"),
                Texts.api("date.range", Language.DA, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 11, 23)),
                "2025-12-01");

        early.put("receivedAt", "2026-11-16");
        WebFixture.Page sent = caseworker.post("/app/referrals", early);
        assertEquals(303, sent.status(), sent.body());
        java.util.regex.Matcher m = WebFixture.SENT.matcher(sent.location());
        assertTrue(m.matches(), sent.location());
        assertEquals(NOON_16_NOV, referral(m.group(1)).createdAt(), "received a week ago, at noon");

        Map<String, String> today = WebFixture.referralForm(caseworker.get("/app/referrals/new").csrf(), null,
                "AAR-DATED-2", "020285-1234");
        today.put("receivedAt", "2026-11-23");
        WebFixture.Page now = caseworker.post("/app/referrals", today);
        java.util.regex.Matcher n = WebFixture.SENT.matcher(String.valueOf(now.location()));
        assertTrue(n.matches(), now.body());
        assertEquals(WebFixture.MORNING, referral(n.group(1)).createdAt(), "received today: now, as before");
    }

    @Test
    void theVisitationTheEnrolmentAndTheExitTakeTheDayTheyHappened() {
        String id = caseworker.sendReferral("AAR-DATED-3", "010190-1234", Map.of("receivedAt", "2026-11-16"));
        anna.login("local-consultant-anna");

        assertTrue(anna.get("/app/referrals/" + id + "/visitation").body().contains(
                "<input type=\"date\" id=\"f-decidedOn\" name=\"decidedOn\" value=\"2026-11-23\" aria-describedby=\"f-decidedOn-hint\">"));
        refusedOn(anna.postOnReferral(id, "visitation", Map.of("decision", "accepted", "decidedOn", "2026-11-10")),
                "decidedOn", Texts.t(Language.DA, "field.decidedOn"),
                Texts.api("date.range", Language.DA, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23)),
                "2026-11-10");
        assertEquals(ReferralStatus.RECEIVED, referral(id).status(), "nothing written");
        assertEquals(303, anna.postOnReferral(id, "visitation", Map.of("decision", "accepted", "decidedOn", "2026-11-17"))
                .status());
        assertEquals(Instant.parse("2026-11-17T11:00:00Z"), at(referral(id), ReferralStatus.ACCEPTED));

        refusedOn(anna.postOnReferral(id, "enrolment", Map.of("startedOn", "2026-11-31")), "startedOn",
                Texts.t(Language.DA, "field.startedOn"), Messages.text("date.invalid", Language.DA), "2026-11-31");
        assertEquals(303, anna.postOnReferral(id, "enrolment", Map.of("startedOn", "2026-11-18", "smsConsent", "no"))
                .status());
        assertEquals(Instant.parse("2026-11-18T11:00:00Z"), at(referral(id), ReferralStatus.ENROLLED));

        assertTrue(anna.get("/app/referrals/" + id + "/exit").body().contains("name=\"exitedOn\" value=\"2026-11-23\""));
        refusedOn(anna.postOnReferral(id, "exit", Map.of("outcome", "moved", "exitedOn", "2026-11-24")), "exitedOn",
                Texts.t(Language.DA, "field.exitedOn"),
                Texts.api("date.range", Language.DA, LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 23)),
                "2026-11-24");
        assertEquals(303, anna.postOnReferral(id, "exit", Map.of("outcome", "moved", "exitedOn", "2026-11-20")).status());
        assertEquals(Instant.parse("2026-11-20T11:00:00Z"), at(referral(id), ReferralStatus.EXITED));
    }
}
