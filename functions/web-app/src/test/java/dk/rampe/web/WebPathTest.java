package dk.rampe.web;

import static dk.rampe.core.Html.esc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.api.Messages;
import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.path.JobKind;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The path on the participant page and the exit description on the caseworker's page, against
 * DynamoDB Local: the quick milestone form (POST-redirect-GET, CSRF, the API's field errors and
 * path rules), the path as PathService gives it, the exit description for the referring jobcentre
 * only, and the refusals. Monday 23 November 2026 in Copenhagen.
 */
class WebPathTest {
    private static final Pattern REFERRAL_LOCATION = Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");

    private final WebFixture f = new WebFixture();
    private final DynamoPathStore store = new DynamoPathStore(f.dynamo, f.config.table());
    private final WebFixture.Browser caseworker = f.browser();
    private final WebFixture.Browser anna = f.browser();

    private String enrolledParticipant(String reference, String cpr) {
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        WebFixture.Page sent = caseworker.post("/app/referrals",
                WebFixture.referralForm(form.csrf(), form.formId(), reference, cpr));
        Matcher m = REFERRAL_LOCATION.matcher(sent.location());
        assertTrue(m.matches(), sent.location());
        String id = m.group(1);
        anna.login("local-consultant-anna");
        String csrf = anna.get("/app/referrals/" + id).csrf();
        assertEquals(303, anna.post("/app/referrals/" + id + "/visitation", Map.of("csrf", csrf, "decision", "accepted"))
                .status());
        assertEquals(303, anna.post("/app/referrals/" + id + "/enrolment", Map.of("csrf", csrf)).status());
        return id;
    }

    private WebFixture.Page post(String id, String action, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", anna.get("/app/referrals/" + id).csrf());
        return anna.post("/app/referrals/" + id + "/" + action, form);
    }

    private static void assertFieldError(WebFixture.Page p, String field, String message) {
        String expected = "data-field=\"" + field + "\">" + esc(message) + "</p>";
        assertTrue(p.body().contains(expected), "expected " + expected + " in\n" + p.body());
    }

    private List<Milestone> recorded(String id, MilestoneType type) {
        return store.milestones(id).stream().filter(m -> m.type() == type).toList();
    }

    @Test
    void theConsultantRecordsAnInternshipAndAJobAndSeesThePath() {
        String id = enrolledParticipant("AAR-PATH-1", "010190-1234");
        WebFixture.Page page = anna.get("/app/referrals/" + id + "/milestone");
        assertFalse(page.body().contains("data-later=\"milestones\""), "the placeholder is gone");
        assertTrue(page.body().contains("id=\"milestone-form\""));
        assertTrue(page.body().contains("<li data-milestone=\"enrolled\"><strong>23. nov. 2026</strong> · Optaget"),
                "the web enrolment records the path's first step, as the API does:\n" + page.body());

        WebFixture.Page saved = post(id, "milestone", Map.of("ms.type", "internship_started",
                "ms.effectiveOn", "2026-11-23", "ms.employer", "Bageriet Aps", "ms.expectedEnd", "2027-01-15",
                "ms.hoursPerWeek", "12,5", "ms.note", "Går godt"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/app/referrals/" + id + "?done=milestone", saved.location());
        Milestone m = recorded(id, MilestoneType.INTERNSHIP_STARTED).get(0);
        assertEquals("Bageriet Aps", m.employer());
        assertEquals(new BigDecimal("12.5"), m.hoursPerWeek());
        assertEquals(LocalDate.of(2027, 1, 15), m.expectedEnd());
        assertEquals("c-anna", m.recordedBy());

        f.clock.set(Instant.parse("2026-12-14T09:00:00Z"));
        anna.login("local-consultant-anna");
        assertEquals(303, post(id, "milestone", Map.of("ms.type", "internship_ended", "ms.effectiveOn", "2026-12-11",
                "ms.reason", "Overgår til job")).status());
        // fields of another type in the same form are ignored (one form for every type)
        assertEquals(303, post(id, "milestone", Map.of("ms.type", "job_started", "ms.effectiveOn", "2026-12-14",
                "ms.employer", "Bageriet Aps", "ms.jobKind", "flexjob", "ms.hoursPerWeek", "15",
                "ms.reason", "ignored", "ms.expectedEnd", "")).status());
        Milestone job = recorded(id, MilestoneType.JOB_STARTED).get(0);
        assertEquals(JobKind.FLEXJOB, job.jobKind());
        assertEquals(null, job.reason());

        assertTrue(anna.get("/app/referrals/" + id + "?done=milestone").body().contains(Texts.t(Language.DA, "done.milestone")));
        String body = anna.get("/app/referrals/" + id + "/milestone").body();
        int enrolled = body.indexOf("data-milestone=\"enrolled\"");
        int started = body.indexOf("data-milestone=\"internship_started\"");
        int ended = body.indexOf("data-milestone=\"internship_ended\"");
        int jobStarted = body.indexOf("data-milestone=\"job_started\"");
        assertTrue(enrolled >= 0 && enrolled < started && started < ended && ended < jobStarted, body);
        assertTrue(body.contains("Praktik startet · Bageriet Aps · 12,5 timer/uge · forventet slut 15. jan. 2027"), body);
        assertTrue(body.contains("Job startet · Bageriet Aps · Fleksjob · 15 timer/uge"), body);
        assertTrue(body.contains("Overgår til job"));

        WebFixture.Page en = anna.get("/app/lang?to=en");
        assertEquals(303, en.status());
        assertTrue(anna.get("/app/referrals/" + id).body().contains("Job started · Bageriet Aps · Flexjob · 15 hours/week"));
    }

    @Test
    void theFormShowsTheApisFieldErrorsAndPathRulesAndWritesNothing() {
        String id = enrolledParticipant("AAR-PATH-2", "020290-1234");
        WebFixture.Page p = post(id, "milestone", Map.of("ms.type", "", "ms.effectiveOn", ""));
        assertEquals(400, p.status());
        assertFieldError(p, "ms.type", Messages.text("required", Language.DA));
        assertFieldError(p, "ms.effectiveOn", Messages.text("required", Language.DA));
        assertTrue(p.body().contains("id=\"milestone-form\""), "the form on its own page again, with its errors");
        assertTrue(p.body().contains("<li><a href=\"#f-ms-type\">"), "the summary links to the field");
        assertTrue(p.body().contains("id=\"f-ms-type\" name=\"ms.type\" aria-invalid=\"true\" aria-describedby=\"f-ms-type-error\""),
                p.body());

        p = post(id, "milestone", Map.of("ms.type", "job_started", "ms.effectiveOn", "23-11-2026",
                "ms.hoursPerWeek", "81", "ms.jobKind", "sometimes"));
        assertEquals(400, p.status());
        assertFieldError(p, "ms.effectiveOn", Messages.text("date.invalid", Language.DA));
        assertFieldError(p, "ms.employer", Messages.text("required", Language.DA));
        assertFieldError(p, "ms.hoursPerWeek", Messages.text("hours.range", Language.DA, 0, 80));
        assertFieldError(p, "ms.jobKind", Messages.text("enum", Language.DA, JobKind.wireNames()));
        assertTrue(p.body().contains("value=\"23-11-2026\""), "what was typed is shown again");
        // the summary at the top names each field and links to it, and has the focus
        assertTrue(p.body().contains("<li><a href=\"#f-ms-hoursPerWeek\">" + esc(Texts.t(Language.DA,
                "ms.field.hoursPerWeek")) + "</a>: " + esc(Messages.text("hours.range", Language.DA, 0, 80)) + "</li>"),
                p.body());
        assertEquals(1, p.body().split(" autofocus", -1).length - 1, "one element has the focus");
        assertTrue(p.body().contains("<div class=\"errors\" id=\"errors\" role=\"alert\" tabindex=\"-1\" autofocus"),
                "the focus is on the error summary");
        assertTrue(p.body().indexOf("id=\"errors\"") < p.body().indexOf("<h1>"), "first on the page");

        p = post(id, "milestone", Map.of("ms.type", "hours_changed", "ms.effectiveOn", "2026-11-23",
                "ms.hoursPerWeek", "12.345"));
        assertFieldError(p, "ms.hoursPerWeek", Messages.text("hours.range", Language.DA, 0, 80));
        p = post(id, "milestone", Map.of("ms.type", "internship_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Linje\nskift"));
        assertFieldError(p, "ms.employer", Messages.text("controlCharacters", Language.DA));
        p = post(id, "milestone", Map.of("ms.type", "job_ended", "ms.effectiveOn", "2026-11-23", "ms.reason", " "));
        assertFieldError(p, "ms.reason", Messages.text("required", Language.DA));
        p = post(id, "milestone", Map.of("ms.type", "exited", "ms.effectiveOn", "2026-11-23"));
        assertFieldError(p, "ms.type", Messages.text("enum", Language.DA, MilestoneType.wireNames()));

        // the service's rules, on the field the API names
        p = post(id, "milestone", Map.of("ms.type", "education_started", "ms.effectiveOn", "2026-11-30"));
        assertEquals(400, p.status());
        // the API's message, its dates written the Danish way
        assertEquals("Skal være en dato fra 23. nov. 2026 til 23. nov. 2026.", Texts.api("date.range", Language.DA,
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)));
        assertFieldError(p, "ms.effectiveOn", Texts.api("date.range", Language.DA, LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 23)));
        p = post(id, "milestone", Map.of("ms.type", "internship_ended", "ms.effectiveOn", "2026-11-23",
                "ms.reason", "Stoppet"));
        assertEquals(409, p.status());
        assertFieldError(p, "ms.type", Messages.text("path.internshipNotStarted", Language.DA));

        assertEquals(List.of(MilestoneType.ENROLLED), store.milestones(id).stream().map(Milestone::type).toList(),
                "nothing but the enrolment was written");
    }

    @Test
    void onlyTheProgrammesStaffRecordsAndOnlyWithTheFormsToken() {
        String id = enrolledParticipant("AAR-PATH-3", "030390-1234");
        Map<String, String> ok = Map.of("ms.type", "education_started", "ms.effectiveOn", "2026-11-23");
        Map<String, String> withCsrf = new HashMap<>(ok);
        withCsrf.put("csrf", caseworker.get("/app/referrals").csrf());
        assertEquals(404, caseworker.post("/app/referrals/" + id + "/milestone", withCsrf).status(),
                "no staff action for a caseworker");
        withCsrf.put("csrf", "forged");
        assertEquals(403, anna.post("/app/referrals/" + id + "/milestone", withCsrf).status());
        assertFalse(caseworker.get("/app/referrals/" + id).body().contains("data-milestone="),
                "the caseworker's page does not list the path's records (the consultant's notes stay with staff)");
        assertEquals(1, store.milestones(id).size(), "only the enrolment");
    }

    @Test
    void theCaseworkerReadsTheExitDescriptionOfTheirReferralNeverAnotherJobcentres() {
        String id = enrolledParticipant("AAR-PATH-4", "040490-1234");
        assertEquals(303, post(id, "milestone", Map.of("ms.type", "internship_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Genbrugsbutikken", "ms.note", "egen note")).status());
        assertFalse(caseworker.get("/app/referrals/" + id).body().contains("id=\"exit-description-card\""),
                "no description before the exit");
        assertEquals(303, post(id, "exit", Map.of("outcome", "further_assessment", "note", "")).status());
        assertFalse(anna.get("/app/referrals/" + id + "/milestone").body().contains("id=\"milestone-form\""),
                "no form after the exit");

        WebFixture.Page page = caseworker.get("/app/referrals/" + id);
        assertEquals(200, page.status());
        String body = page.body();
        assertTrue(body.contains("id=\"exit-description-card\""), body);
        assertTrue(body.contains("<dd id=\"xd-outcome\">" + esc(Texts.t(Language.DA, "outcome.further_assessment"))),
                body);
        assertTrue(body.contains("<ul class=\"list\" id=\"xd-employers\"><li>Genbrugsbutikken</li></ul>"), body);
        assertTrue(body.contains("<li>internship_started 2026-11-23 Genbrugsbutikken</li>"), body);
        assertFalse(body.contains("egen note"), "the consultant's own note never reaches the jobcentre");
        assertFalse(body.contains("040490"));

        WebFixture.Browser odder = f.browser();
        odder.login("local-jobcenter-odder");
        WebFixture.Page other = odder.get("/app/referrals/" + id);
        assertEquals(404, other.status());
        assertFalse(other.body().contains("Genbrugsbutikken"));
    }

    @Test
    void anExitWithAJobHasNoDescription() {
        String id = enrolledParticipant("AAR-PATH-5", "050590-1234");
        assertEquals(303, post(id, "exit", Map.of("outcome", "ordinary_job", "note", "")).status());
        WebFixture.Page page = caseworker.get("/app/referrals/" + id);
        assertEquals(200, page.status());
        assertFalse(page.body().contains("id=\"exit-description-card\""));
        assertTrue(recorded(id, MilestoneType.EXITED).size() == 1, "the web exit records the path's last step");
    }

    @Test
    void anExitWithoutAJobInTheAppCarriesTheDescriptionAndTellsTheCaseworkerOnceAsTheApiDoes() {
        String id = enrolledParticipant("AAR-PATH-6", "060690-1234");
        Map<String, String> described = new HashMap<>(Map.of("outcome", "ordinary_job", "note", "",
                "xd.stability", "Stabilt fremmøde tre dage om ugen", "xd.clarified", "Trives med praktiske opgaver",
                "xd.employersContacted", "Café Nord\r\nGartneri ApS", "xd.tasksTried", "Opvask",
                "xd.direction", "Praktik i gartneri med flere timer"));
        // a description goes back only with an exit without job or education: refused on its field, nothing kept
        WebFixture.Page refused = post(id, "exit", described);
        assertEquals(400, refused.status(), refused.body());
        assertFieldError(refused, "xd.progress", Messages.text("exitDescription.withJob", Language.DA));
        assertTrue(refused.body().contains("Stabilt fremmøde tre dage om ugen"), "the typed description is kept");
        assertTrue(recorded(id, MilestoneType.EXITED).isEmpty());

        described.put("outcome", "further_assessment");
        assertEquals(303, post(id, "exit", described).status());
        post(id, "exit", described); // a double tap: the exit is recorded once, the notice queued once

        String body = caseworker.get("/app/referrals/" + id).body();
        assertTrue(body.contains("<dd id=\"xd-stability\">Stabilt fremmøde tre dage om ugen</dd>"), body);
        assertTrue(body.contains("<dd id=\"xd-direction\">Praktik i gartneri med flere timer</dd>"), body);
        assertTrue(body.contains("<li>Café Nord</li><li>Gartneri ApS</li>"), body);
        assertTrue(body.contains("<li>Opvask</li>"), body);

        var outbox = new dk.rampe.dynamodb.DynamoOutbox(f.dynamo, f.config.table());
        var toCaseworker = outbox.due(WebFixture.MORNING.minusSeconds(86_400), WebFixture.MORNING.plusSeconds(86_400), 100)
                .stream().filter(m -> m.recipient().equals("lise@aarhus.example")).toList();
        assertEquals(1, toCaseworker.size(), toCaseworker.toString());
        var notice = toCaseworker.get(0);
        assertEquals(dk.rampe.followup.Ids.messageId("exitDescription|" + id + "|email"), notice.messageId());
        assertTrue(notice.text().contains("/app/referrals/" + id), "the link opens the app's page: " + notice.text());
        for (String secret : List.of("060690", "Søren", "Gartneri", "Stabilt")) {
            assertFalse(notice.text().contains(secret) || notice.html().contains(secret) || notice.subject().contains(secret),
                    secret);
        }
    }

    @Test
    void theCaseworkerSeesThePathAndTheAttendanceWithoutTheConsultantsNotes() {
        String id = enrolledParticipant("AAR-PATH-7", "070790-1234");
        assertEquals(303, post(id, "milestone", Map.of("ms.type", "internship_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Genbrugsbutikken", "ms.hoursPerWeek", "12", "ms.note", "egen note")).status());
        String body = caseworker.get("/app/referrals/" + id).body();
        assertTrue(body.contains("id=\"jobcentre-path\""), body);
        assertTrue(body.contains("<li data-step=\"internship_started\"><strong>23. nov. 2026</strong> · "
                + esc(Texts.t(Language.DA, "ms.type.internship_started")) + " · Genbrugsbutikken · "), body);
        assertTrue(body.contains("<li data-step=\"enrolled\">"), body);
        assertTrue(body.contains("id=\"jobcentre-attendance\""), body);
        assertTrue(body.contains("data-stability=\""), "the stability figure: " + body);
        assertFalse(body.contains("egen note"), "the consultant's own note never reaches the jobcentre");
        assertFalse(body.contains("070790"));
        // every page says who is logged in, in which role, and skips to the content
        assertTrue(body.contains("<a class=\"skip\" href=\"#main\">Spring til indhold</a>"), body);
        assertTrue(body.contains("<main id=\"main\" tabindex=\"-1\">"), body);
        assertTrue(body.contains("id=\"who\">Logget ind som sagsbehandler · Jobcenter Aarhus</span>"), body);
        assertTrue(anna.get("/app/participants").body().contains("id=\"who\">Logget ind: Anna Højgaard · konsulent</span>"));
    }

    @Test
    void todaysAttendanceInTheAppIsTheSignedListOfTheLoggedInConsultantForToday() {
        anna.login("local-consultant-anna");
        WebFixture.Page today = anna.get("/app/today");
        assertEquals(303, today.status(), today.body());
        String token = today.location().substring("/t/".length());
        assertTrue(today.location().startsWith("/t/"), today.location());
        var tokens = new dk.rampe.attendance.TodaysListTokens(dk.rampe.platform.NudgeConfig.from(Map.of()).tokenKey());
        var check = tokens.verify(token, f.clock.instant());
        assertTrue(check instanceof dk.rampe.attendance.TodaysListTokens.Valid, check.toString());
        var valid = (dk.rampe.attendance.TodaysListTokens.Valid) check;
        assertEquals(LocalDate.parse("2026-11-23"), valid.date());
        assertEquals(tokens.listId("c-anna", valid.date()), valid.listId(), "Anna's own list");
        assertTrue(anna.get("/app/participants").body().contains("id=\"nav-today\" href=\"/app/today\""));
        caseworker.login("local-jobcenter-aarhus");
        assertFalse(caseworker.get("/app/today").status() == 303, "no list for a caseworker");
    }
}
