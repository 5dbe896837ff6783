package dk.rampe.web;

import static dk.rampe.core.Html.esc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.api.Messages;
import dk.rampe.core.Language;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each role's pages against DynamoDB Local, the session and CSRF rules, and the referral form's field errors. */
class WebAppHandlerTest {
    private static final Pattern REFERRAL_LOCATION = Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");

    private final WebFixture f = new WebFixture();

    private String sendReferral(WebFixture.Browser caseworker, String reference, String cpr) {
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        assertEquals(200, form.status());
        WebFixture.Page sent = caseworker.post("/app/referrals",
                WebFixture.referralForm(form.csrf(), form.formId(), reference, cpr));
        assertEquals(303, sent.status(), sent.body());
        Matcher m = REFERRAL_LOCATION.matcher(sent.location());
        assertTrue(m.matches(), sent.location());
        return m.group(1);
    }

    @Test
    void theWholePathCaseworkerSendsConsultantAcceptsAndEnrolsCaseworkerReadsItBack() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        assertEquals("/app/referrals", caseworker.get("/app").location());
        String id = sendReferral(caseworker, "AAR-2026-0001", "010190-1234");

        WebFixture.Page own = caseworker.get("/app/referrals/" + id + "?done=sent");
        assertEquals(200, own.status());
        assertTrue(own.body().contains("id=\"done\""), "the confirmation after the redirect");
        assertTrue(own.body().contains("data-status=\"received\""));
        assertFalse(own.body().contains("0101901234") || own.body().contains("010190-1234"), "no CPR number on a page");
        assertTrue(caseworker.get("/app/referrals").body().contains("data-referral=\"" + id + "\""));

        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        assertEquals("/app/participants", anna.get("/app").location());
        WebFixture.Page queue = anna.get("/app/queue");
        assertTrue(queue.body().contains("data-referral=\"" + id + "\""), "in the visitation queue");
        assertFalse(anna.get("/app/participants").body().contains(id), "not a participant before the decision");

        WebFixture.Page page = anna.get("/app/referrals/" + id);
        assertEquals(200, page.status());
        assertFalse(page.body().contains("0101901234") || page.body().contains("010190-1234"), "no CPR for staff either");
        // the overview names the next step and links to its own page, which has the form and a way back
        assertTrue(page.body().contains("id=\"next-step-link\" data-task=\"visitation\" href=\"/app/referrals/" + id
                + "/visitation\""), page.body());
        assertFalse(page.body().contains("<form class=\"card\""), "no task's form on the overview");
        WebFixture.Page visitation = anna.get("/app/referrals/" + id + "/visitation");
        assertTrue(visitation.body().contains("id=\"visitation\""));
        assertTrue(visitation.body().contains("id=\"back\" href=\"/app/referrals/" + id + "\""));
        WebFixture.Page decided = anna.post("/app/referrals/" + id + "/visitation",
                Map.of("csrf", page.csrf(), "decision", "accepted", "reason", ""));
        assertEquals(303, decided.status(), decided.body());
        assertEquals("/app/referrals/" + id + "?done=visitation", decided.location());
        assertFalse(anna.get("/app/queue").body().contains("data-referral=\"" + id + "\""), "left the queue");

        page = anna.get(decided.location());
        assertTrue(page.body().contains("id=\"next-step-link\" data-task=\"enrolment\""), page.body());
        assertTrue(page.body().contains("id=\"done\""), "the overview says what was saved");
        assertTrue(anna.get("/app/referrals/" + id + "/enrolment").body().contains("id=\"enrolment\""));
        WebFixture.Page enrolled = anna.post("/app/referrals/" + id + "/enrolment", Map.of("csrf", page.csrf()));
        assertEquals(303, enrolled.status(), enrolled.body());
        WebFixture.Page mine = anna.get("/app/participants");
        assertTrue(mine.body().contains("data-referral=\"" + id + "\""), "in my participants");
        assertTrue(mine.body().contains("data-status=\"enrolled\""));

        WebFixture.Page back = caseworker.get("/app/referrals/" + id);
        assertTrue(back.body().contains("id=\"status\" data-status=\"enrolled\""), back.body());
        List<String> audit = f.auditActions(id);
        assertTrue(audit.containsAll(List.of("referral.created", "referral.read", "referral.visitation.accepted",
                "referral.enrolled")), audit.toString());
    }

    @Test
    void theExitDescriptionReachesTheCaseworker() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        String id = sendReferral(caseworker, "AAR-EXIT-1", "020290-1234");
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        String csrf = anna.get("/app/referrals/" + id).csrf();
        anna.post("/app/referrals/" + id + "/visitation", Map.of("csrf", csrf, "decision", "accepted"));

        WebFixture.Page missing = anna.post("/app/referrals/" + id + "/exit", Map.of("csrf", csrf, "outcome", "", "note", ""));
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("data-field=\"outcome\""), "the error beside the outcome field");

        WebFixture.Page exited = anna.post("/app/referrals/" + id + "/exit", Map.of("csrf", csrf,
                "outcome", "further_assessment", "note", "Stabilt fremmøde de sidste tre uger; lager afprøvet."));
        assertEquals(303, exited.status(), exited.body());
        WebFixture.Page back = caseworker.get("/app/referrals/" + id);
        assertTrue(back.body().contains("id=\"exit-description\">Stabilt fremmøde de sidste tre uger; lager afprøvet."),
                back.body());
    }

    @Test
    void aCaseworkerSeesOnlyTheirOwnJobcentresReferrals() {
        WebFixture.Browser aarhus = f.browser();
        aarhus.login("local-jobcenter-aarhus");
        String id = sendReferral(aarhus, "AAR-ISO-1", "030390-1234");
        WebFixture.Browser odder = f.browser();
        odder.login("local-jobcenter-odder");
        assertEquals(404, odder.get("/app/referrals/" + id).status());
        assertFalse(odder.get("/app/referrals").body().contains(id));
        // and cannot act as staff on it either
        WebFixture.Page act = odder.post("/app/referrals/" + id + "/visitation",
                Map.of("csrf", odder.get("/app/referrals").csrf(), "decision", "accepted"));
        assertEquals(404, act.status());
        assertEquals(404, aarhus.get("/app/queue").status(), "a caseworker has no staff pages");
    }

    @Test
    void aConsultantCannotActAsAnOwnerAndTheOwnerSeesIntakeAgainstQuota() {
        WebFixture.Browser aarhus = f.browser();
        aarhus.login("local-jobcenter-aarhus");
        sendReferral(aarhus, "AAR-OWN-1", "040490-1234");

        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        assertEquals(403, anna.get("/app/overview").status());
        assertFalse(anna.get("/app/participants").body().contains("/app/overview"), "no link to it either");

        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        assertEquals("/app/overview", dorthe.get("/app").location());
        WebFixture.Page overview = dorthe.get("/app/overview");
        assertEquals(200, overview.status());
        assertTrue(overview.body().contains("<tr data-jobcentre=\"jc-aarhus\"><td>Jobcenter Aarhus</td><td class=\"intake\">1</td><td>75</td>"),
                overview.body());
        assertTrue(overview.body().contains("<dd data-status=\"received\">1</dd>"));
        assertTrue(overview.body().contains("data-later=\"reports\""), "reports are marked as coming later");
    }

    @Test
    void theCaseworkersOwnNameAndEmailComeFromTheirLoginAndTheReferenceMayHoldSpaces() {
        WebFixture.Browser caseworker = f.browser();
        WebFixture.Page login = caseworker.login("local-jobcenter-aarhus");
        String cookie = login.cookies().stream().filter(c -> c.startsWith(CaseworkerLogin.COOKIE + "=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("Path=/app/referrals") && cookie.contains("HttpOnly"), cookie);
        assertFalse(cookie.contains("Lise"), "not readable in the cookie as it stands: " + cookie);
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        assertTrue(form.body().contains("name=\"caseworker.name\" value=\"Lise Sagsbehandler\""), form.body());
        assertTrue(form.body().contains("name=\"caseworker.email\" value=\"lise@aarhus.example\""));
        // what is needed is said at the top; the few optional fields are marked
        assertTrue(form.body().contains("id=\"required-note\">" + esc(Texts.t(Language.DA, "form.requiredNote"))));
        assertTrue(form.body().matches("(?s).*<label for=\"f-desiredStart\">[^<]*<span class=\"optional\">\\(valgfri\\)</span></label>.*"));
        assertTrue(form.body().matches("(?s).*<label for=\"f-citizen-name\">[^<]*</label>.*"), "a needed field is not marked");
        // editable: what is sent counts; a reference with spaces, as caseworkers write it
        Map<String, String> values = new HashMap<>(WebFixture.referralForm(form.csrf(), form.formId(), "AAR 2026 0042",
                "010190-1234"));
        values.put("caseworker.name", "Lise S. Hansen");
        WebFixture.Page sent = caseworker.post("/app/referrals", values);
        assertEquals(303, sent.status(), sent.body());
        String page = caseworker.get(sent.location()).body();
        assertTrue(page.contains("<dd>AAR 2026 0042</dd>"), page);
        assertTrue(page.contains("Lise S. Hansen"));

        // the value made for another login is not used (it is signed for its session); logging out clears it
        WebFixture.Browser other = f.browser();
        other.login("local-jobcenter-aarhus");
        other.cookies.put(CaseworkerLogin.COOKIE, caseworker.cookies.get(CaseworkerLogin.COOKIE));
        assertFalse(other.get("/app/referrals/new").body().contains("value=\"Lise Sagsbehandler\""), "another session's");
        WebFixture.Page out = caseworker.post("/app/logout", Map.of("csrf", form.csrf()));
        assertTrue(out.cookies().stream().anyMatch(c -> c.startsWith(CaseworkerLogin.COOKIE + "=;") && c.contains("Max-Age=0")));
        // a name the form would refuse, or no email, is simply not filled in
        assertEquals(java.util.Optional.empty(), CaseworkerLogin.from(Map.of("name", "a\u0000b", "email", "nope")));
        assertEquals(new CaseworkerLogin("Lise", null), CaseworkerLogin.from(Map.of("name", " Lise ")).orElseThrow());
    }

    @Test
    void theReferralFormShowsTheApisFieldErrorsBesideEachField() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        Map<String, String> bad = new HashMap<>(WebFixture.referralForm(form.csrf(), form.formId(), "AAR#BAD", "12345"));
        bad.put("citizen.phone", "12");
        bad.put("citizen.name", "");
        bad.put("jobWishes[2]", "x".repeat(201));
        bad.remove("relativesConsent");
        WebFixture.Page p = caseworker.post("/app/referrals", bad);
        assertEquals(400, p.status());
        assertFieldError(p, "citizen.cpr", Messages.text("cpr.format", Language.DA));
        assertFieldError(p, "citizen.phone", Messages.text("phone.invalid", Language.DA));
        assertFieldError(p, "citizen.name", Messages.text("required", Language.DA));
        assertFieldError(p, "jobcentreReference", Messages.text("reference.format", Language.DA));
        assertFieldError(p, "relativesConsent", Messages.text("required", Language.DA));
        // the second filled-in wish came from the third box: the error is shown there
        assertFieldError(p, "jobWishes[2]", Messages.text("tooLong", Language.DA, 200));
        assertTrue(p.body().contains("value=\"20 12 34 56\"") || p.body().contains("value=\"12\""), "values are kept");
        assertTrue(p.body().contains("aria-invalid=\"true\""));
        assertTrue(caseworker.get("/app/referrals").body().contains("id=\"empty\""), "nothing was sent");

        // a second active referral for the same citizen: the API's conflict, beside the CPR field
        form = caseworker.get("/app/referrals/new");
        sendReferralWith(caseworker, form, "AAR-DUP-1", "050590-1234", 303);
        form = caseworker.get("/app/referrals/new");
        WebFixture.Page dup = sendReferralWith(caseworker, form, "AAR-DUP-2", "050590-1234", 409);
        assertTrue(dup.body().contains("data-field=\"citizen.cpr\""), dup.body());
    }

    private static WebFixture.Page sendReferralWith(WebFixture.Browser b, WebFixture.Page form, String ref, String cpr,
                                                    int expected) {
        WebFixture.Page p = b.post("/app/referrals", WebFixture.referralForm(form.csrf(), form.formId(), ref, cpr));
        assertEquals(expected, p.status(), p.body());
        return p;
    }

    private static void assertFieldError(WebFixture.Page p, String field, String message) {
        String expected = "data-field=\"" + field + "\">" + esc(message) + "</p>";
        assertTrue(p.body().contains(expected), "expected " + expected + " in\n" + p.body());
    }

    @Test
    void aSubmittedFormPostedTwiceSendsOneReferral() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        Map<String, String> data = WebFixture.referralForm(form.csrf(), form.formId(), "AAR-TWICE", "060690-1234");
        WebFixture.Page first = caseworker.post("/app/referrals", data);
        WebFixture.Page second = caseworker.post("/app/referrals", data);
        assertEquals(303, first.status());
        assertEquals(first.location(), second.location(), "the same form id replays the first answer");
    }

    @Test
    void withoutAValidSessionNothingIsShownOrChanged() {
        WebFixture.Browser anonymous = f.browser();
        assertEquals("/app/login", anonymous.get("/app/participants").location());
        assertEquals("/app/login", anonymous.get("/app/referrals/R0000000000AA").location());
        assertEquals(403, anonymous.post("/app/referrals", Map.of("csrf", "x")).status());

        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        String cookie = anna.cookies.get("rampe_session");
        assertNotNull(cookie);
        // a forged session: another user's name under Anna's signature
        String[] parts = cookie.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[0]));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("|c-anna|0|", "|po-dorthe|1|").getBytes()) + "." + parts[1];
        WebFixture.Browser forger = f.browser();
        forger.cookies.put("rampe_session", forged);
        assertEquals("/app/login", forger.get("/app/overview").location());
        forger.cookies.put("rampe_session", "garbage");
        assertEquals("/app/login", forger.get("/app/participants").location());

        // expired: two hours unused
        f.clock.advance(Duration.ofMinutes(121));
        assertEquals("/app/login", anna.get("/app/participants").location());
    }

    @Test
    void everyFormPostNeedsTheSessionsCsrfTokenAndTheSameSite() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        String id = sendReferral(caseworker, "AAR-CSRF-1", "070790-1234");
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        String good = anna.get("/app/referrals/" + id).csrf();

        assertEquals(403, anna.post("/app/referrals/" + id + "/visitation", Map.of("decision", "accepted")).status());
        assertEquals(403, anna.post("/app/referrals/" + id + "/visitation",
                Map.of("csrf", good + "x", "decision", "accepted")).status());
        WebFixture.Browser bo = f.browser();
        bo.login("local-owner-dorthe");
        String othersToken = bo.get("/app/participants").csrf();
        assertEquals(403, anna.post("/app/referrals/" + id + "/visitation",
                Map.of("csrf", othersToken, "decision", "accepted")).status(), "another session's token");
        anna.origin = "https://evil.example";
        assertEquals(403, anna.post("/app/referrals/" + id + "/visitation",
                Map.of("csrf", good, "decision", "accepted")).status(), "a cross-site post");
        anna.origin = "http://127.0.0.1:8787";
        assertTrue(anna.get("/app/referrals/" + id).body().contains("data-status=\"received\""), "nothing changed");
        // the session slides forward with every answer; the form's token stays good meanwhile
        f.clock.advance(Duration.ofMinutes(7));
        anna.get("/app/queue");
        assertEquals(303, anna.post("/app/referrals/" + id + "/visitation",
                Map.of("csrf", good, "decision", "accepted")).status());

        String logoutToken = anna.get("/app/participants").csrf();
        assertEquals("/app/login", anna.post("/app/logout", Map.of("csrf", logoutToken)).location());
        assertEquals("/app/login", anna.get("/app/participants").location(), "logged out");
    }

    @Test
    void everyAnswerSendsTheSecurityHeadersAndTheCookieIsHttpOnlyAndLax() {
        WebFixture.Browser anna = f.browser();
        WebFixture.Page login = anna.get("/app/login");
        assertEquals(200, login.status());
        assertTrue(login.body().contains("login-local-consultant-anna"));
        assertTrue(login.body().contains("login-local-admin\""), "administrators: the settings pages");
        assertFalse(login.body().contains("login-local-admin-tool"), "a machine client has no one to log in");
        WebFixture.Page in = anna.login("local-consultant-anna");
        String cookie = in.cookies().get(0);
        assertTrue(cookie.startsWith("rampe_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
                cookie);
        for (WebFixture.Page p : List.of(login, in, anna.get("/app/participants"), anna.get("/app/queue"),
                anna.get("/app/nothing-here"))) {
            Map<String, String> h = p.headers();
            assertTrue(h.get("content-security-policy").startsWith("default-src 'none'; style-src 'sha256-"),
                    h.toString());
            assertTrue(h.get("content-security-policy").contains("frame-ancestors 'none'"));
            assertFalse(h.get("content-security-policy").contains("script-src"), "no script at all");
            assertEquals("no-referrer", h.get("referrer-policy"));
            assertEquals("no-store", h.get("cache-control"));
        }
        assertEquals(404, anna.get("/app/nothing-here").status());
    }

    @Test
    void thePagesSpeakDanishByDefaultAndEnglishOnRequestWithEveryTextInBoth() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        String id = sendReferral(caseworker, "AAR-LANG-1", "080890-1234");
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        for (String lang : new String[] {"da", "en"}) {
            WebFixture.Browser stranger = f.browser();
            for (WebFixture.Browser b : List.of(caseworker, anna, dorthe, stranger)) b.language = lang;
            List<WebFixture.Page> pages = List.of(caseworker.get("/app/referrals"), caseworker.get("/app/referrals/new"),
                    caseworker.get("/app/referrals/" + id), anna.get("/app/queue"), anna.get("/app/participants?all=1"),
                    anna.get("/app/referrals/" + id), dorthe.get("/app/overview"), stranger.get("/app/login"));
            for (WebFixture.Page p : pages) {
                assertEquals(200, p.status());
                assertFalse(p.body().contains("??"), "a text is missing in " + lang + ":\n" + p.body());
                assertTrue(p.body().startsWith("<!DOCTYPE html><html lang=\"" + lang + "\">"));
            }
        }
        assertTrue(anna.get("/app/queue").body().contains("Oldest first"));
        anna.language = "en";
        WebFixture.Page switched = anna.get("/app/lang?to=da");
        assertTrue(switched.cookies().stream().anyMatch(c -> c.startsWith("rampe_lang=da")));
        assertTrue(anna.get("/app/queue").body().contains("Ældste først"), "the chosen language wins over the browser's");
        assertEquals(Texts.keys(Language.DA), Texts.keys(Language.EN), "both bundles have the same keys");
    }

    @Test
    void theConsultantKeepsThePlanTheCaseworkerReadsItAndThePrintViewIsCleanDanish() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        String id = sendReferral(caseworker, "AAR-PLAN-1", "090990-1234");
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        WebFixture.Page page = anna.get("/app/referrals/" + id + "/plan");
        assertTrue(page.body().contains("value=\"Møde op tre dage om ugen\""), "the referral's sub-goal is the first step");
        assertTrue(page.body().contains("name=\"version\" value=\"0\""));

        Map<String, String> plan = new HashMap<>();
        plan.put("csrf", page.csrf());
        plan.put("version", "0");
        plan.put("steps[0].text", "Møde op tre dage om ugen");
        plan.put("steps[0].status", "underway");
        plan.put("steps[2].text", "Besøge en arbejdsplads");
        plan.put("agreements", "Anna ringer til lageret; Mette tager bussen selv fra mandag.");
        plan.put("tovholder", "Anna Højgaard");
        plan.put("supporters[0].name", "Jens (frivillig)");
        plan.put("supporters[0].role", "mentor");
        plan.put("supporters[1].name", "Mor");
        plan.put("supporters[1].role", "relative");
        WebFixture.Page refused = anna.post("/app/referrals/" + id + "/plan", plan);
        assertEquals(400, refused.status(), "relatives only with consent (the form said no)");
        assertTrue(refused.body().contains("data-field=\"supporters[1]\""), refused.body());
        assertTrue(refused.body().contains("<li><a href=\"#f-supporters-1-\">Person i netværket 2</a>"),
                "the summary names the row as the form does and links to it");
        assertTrue(refused.body().contains("name=\"supporters[1].name\" value=\"Mor\" aria-invalid=\"true\""
                + " aria-describedby=\"f-supporters-1--error\""), "the field is marked and tied to its message");

        plan.remove("supporters[1].name");
        plan.remove("supporters[1].role");
        WebFixture.Page saved = anna.post("/app/referrals/" + id + "/plan", plan);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/app/referrals/" + id + "?done=plan", saved.location());
        assertEquals(409, anna.post("/app/referrals/" + id + "/plan", plan).status(), "a stale version is refused");

        WebFixture.Page read = caseworker.get("/app/referrals/" + id);
        assertTrue(read.body().contains("data-version=\"1\""));
        assertTrue(read.body().contains("Besøge en arbejdsplads"));
        assertTrue(read.body().contains("data-step=\"underway\""));
        assertTrue(read.body().contains("id=\"plan-tovholder\">Anna Højgaard"));

        caseworker.language = "en";
        WebFixture.Page print = caseworker.get("/app/referrals/" + id + "/plan/print");
        assertEquals(200, print.status());
        assertTrue(print.body().startsWith("<!DOCTYPE html><html lang=\"da\">"), "the print view is always Danish");
        assertTrue(print.body().contains("Min plan") && print.body().contains("Mette Sørensen"));
        assertFalse(print.body().contains("0909901234") || print.body().contains("Kontanthjælp"), "no CPR, no benefit");
        assertFalse(print.body().contains("<form"), "nothing to click on paper");
        // printed by the consultant after the meeting: who to call, the attendance times, a print button and a way back
        WebFixture.Page staffPrint = anna.get("/app/referrals/" + id + "/plan/print");
        String sp = staffPrint.body();
        assertTrue(sp.contains("id=\"print-contact\">Anna Højgaard · +45 20 00 00 01 · anna@rampe.example</dd>"), sp);
        assertTrue(sp.contains("id=\"print-attendance\""), sp);
        assertTrue(sp.contains("<a id=\"plan-back\" href=\"/app/referrals/" + id + "\">"), sp);
        assertTrue(sp.contains("id=\"print-now\" hidden>"), "the button shows only where its script runs: " + sp);
        assertTrue(sp.contains("af Anna Højgaard (ændring nr. 1)"), "the consultant's name, not their user id: " + sp);
        assertTrue(staffPrint.headers().get("content-security-policy").contains("script-src " + Html.PRINT_SCRIPT_HASH),
                staffPrint.headers().toString());
        assertFalse(anna.get("/app/referrals/" + id).headers().get("content-security-policy").contains("script-src"),
                "no script anywhere else");
        assertTrue(f.auditActions(id).contains("plan.updated"));
        assertEquals("/app/login", f.browser().get("/app/referrals/" + id + "/plan/print").location(),
                "no session: to the login page");
        WebFixture.Browser odder = f.browser();
        odder.login("local-jobcenter-odder");
        assertEquals(404, odder.get("/app/referrals/" + id + "/plan/print").status(), "another jobcentre: not found");
    }
}
