package dk.rampe.web;

import static dk.rampe.core.Html.esc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.dynamodb.DynamoFollowUpStore;
import dk.rampe.dynamodb.DynamoAuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The participant's follow-ups, history and milestone corrections against DynamoDB Local: a
 * follow-up planned and closed from the app with the follow-up page's rules (its field errors, a CPR
 * number refused in the note, the audit entries, the reminders cancelled), a path follow-up with its
 * aftercare fields, "my participants" with the open follow-ups and the next reminder, a step of the
 * path corrected, the history of who changed what, and the refusals (a caseworker, another
 * programme's staff, a forged token, a task of another referral). Monday 23 November 2026.
 */
class WebFollowUpsTest {
    private static final Pattern REFERRAL_LOCATION = Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");
    private static final Pattern OPEN_TASK = Pattern.compile("data-task=\"(T[0-9A-Z]{12})\" data-open=\"true\"");

    private final WebFixture f = new WebFixture();
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
        assertEquals(303, anna.post("/app/referrals/" + id + "/enrolment", Map.of("csrf", csrf, "smsConsent", "yes"))
                .status());
        return id;
    }

    private WebFixture.Page post(WebFixture.Browser b, String id, String action, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", b.get("/app/referrals/" + id).csrf());
        return b.post("/app/referrals/" + id + "/" + action, form);
    }

    private static void assertFieldError(WebFixture.Page p, String field, String message) {
        String expected = "data-field=\"" + field + "\">" + esc(message) + "</p>";
        assertTrue(p.body().contains(expected), "expected " + expected + " in\n" + p.body());
    }

    private static String page(String key) {
        return dk.rampe.text.Texts.PAGE.get(key, Language.DA);
    }

    private String openTask(String id) {
        Matcher m = OPEN_TASK.matcher(anna.get("/app/referrals/" + id + "/follow-ups").body());
        assertTrue(m.find(), "an open follow-up on the page");
        return m.group(1);
    }

    @Test
    void theConsultantPlansAFollowUpAndClosesItWithThePagesRules() {
        String id = enrolledParticipant("AAR-FU-1", "010190-1234");
        WebFixture.Page before = anna.get("/app/referrals/" + id + "/follow-ups");
        assertTrue(before.body().contains("id=\"follow-ups-none\""), before.body());

        // planning: the API's rules (a date is needed), then a follow-up tomorrow at 10:00
        WebFixture.Page missing = post(anna, id, "follow-up-plan", Map.of("fu.date", "", "fu.time", "10:00"));
        assertEquals(400, missing.status());
        assertFieldError(missing, "fu.date", dk.rampe.api.Messages.text("required", Language.DA));
        WebFixture.Page planned = post(anna, id, "follow-up-plan", Map.of("fu.date", "2026-11-24", "fu.time", "10:00"));
        assertEquals(303, planned.status());
        assertEquals("/app/referrals/" + id + "?done=follow-up-plan", planned.location());
        String taskId = openTask(id);
        FollowUpTask task = f.nudges().find(taskId).orElseThrow();
        assertEquals(FollowUpKind.FOLLOW_UP_DUE, task.kind());
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), task.dueAt(), "10:00 in Copenhagen");
        assertEquals("c-anna", task.consultantId());
        assertFalse(new DynamoFollowUpStore(f.dynamo, f.config.table(),
                new DynamoAuditLog(f.dynamo, f.config.auditTable(), Duration.ofDays(1))).messagesOf(taskId).isEmpty(),
                "its nudges are written with it");

        // "my participants" shows it, with the next reminder's place
        WebFixture.Page mine = anna.get("/app/participants");
        assertTrue(mine.body().contains("data-open-follow-ups=\"1\""), mine.body());
        assertTrue(mine.body().contains("1 åben opfølgning, næste forfalder 24. nov. 2026 kl. 10:00"), mine.body());
        assertTrue(mine.body().contains("data-next-reminder=\"\""), "no path reminder yet");

        // closing: the follow-up page's field errors beside the fields, nothing recorded
        WebFixture.Page invalid = post(anna, id, "follow-up", Map.of("task", taskId, "fu.cause", "transport",
                "fu.note", "Ring på 0101901234"));
        assertEquals(400, invalid.status());
        assertFieldError(invalid, "fu.reached", page("error.reached"));
        assertTrue(invalid.body().contains("<li><a href=\"#f-" + taskId + "-reached\">" + esc(page("reached")) + "</a>"),
                "the summary links to the field in this follow-up's form, named as the follow-up page names it");
        assertTrue(invalid.body().contains("<fieldset id=\"f-" + taskId + "-reached\" aria-describedby=\"f-" + taskId
                + "-reached-error\">"));
        assertFieldError(invalid, "fu.next", page("error.next"));
        assertFieldError(invalid, "fu.note", page("error.noteCpr"));
        assertFalse(invalid.body().contains("0101901234"), "a CPR-like note is never shown again");
        assertTrue(invalid.body().contains("value=\"transport\" selected"), "a valid choice is kept");
        assertTrue(f.nudges().find(taskId).orElseThrow().isOpen());
        assertTrue(f.auditActions("followup:" + taskId).contains("followUp.postInvalid"));

        WebFixture.Page closed = post(anna, id, "follow-up", Map.of("task", taskId, "fu.reached", "yes",
                "fu.cause", "transport", "fu.next", "fewer_hours", "fu.note", "Kommer med bussen i morgen"));
        assertEquals(303, closed.status());
        assertEquals("/app/referrals/" + id + "?done=follow-up", closed.location());
        FollowUpTask done = f.nudges().find(taskId).orElseThrow();
        assertFalse(done.isOpen());
        assertEquals("c-anna", done.closedBy());
        assertEquals(new FollowUpOutcome(true, FollowUpOutcome.Cause.TRANSPORT, FollowUpOutcome.NextStep.FEWER_HOURS,
                "Kommer med bussen i morgen"), done.outcome());
        assertTrue(f.auditActions("followup:" + taskId).contains("followUp.closed"));
        List<OutboxMessage> messages = new DynamoFollowUpStore(f.dynamo, f.config.table(),
                new DynamoAuditLog(f.dynamo, f.config.auditTable(), Duration.ofDays(1))).messagesOf(taskId);
        assertTrue(messages.stream().filter(OutboxMessage::reminder)
                .allMatch(m -> m.state() == OutboxMessage.State.CANCELLED), "its reminders are cancelled");

        assertTrue(anna.get("/app/referrals/" + id + "?done=follow-up").body().contains("id=\"done\""));
        String body = anna.get("/app/referrals/" + id + "/follow-ups").body();
        assertTrue(body.contains("data-task=\"" + taskId + "\" data-open=\"false\""), body);
        assertTrue(body.contains("Kommer med bussen i morgen"));
        assertTrue(body.contains(esc(Texts.t(Language.DA, "fu.closedBy", "23. nov. 2026 kl. 10:00", "Anna Højgaard"))),
                body);
        assertFalse(anna.get("/app/participants").body().contains("data-open-follow-ups="), "nothing open any more");

        // a second tab posting again changes nothing and says so
        WebFixture.Page again = post(anna, id, "follow-up", Map.of("task", taskId, "fu.reached", "no",
                "fu.cause", "unknown", "fu.next", "call_again"));
        assertEquals("/app/referrals/" + id + "?done=follow-up-already", again.location());
        assertEquals(FollowUpOutcome.Cause.TRANSPORT, f.nudges().find(taskId).orElseThrow().outcome().cause());

        // the history says who did what, when (on the overview)
        body = anna.get("/app/referrals/" + id).body();
        assertTrue(body.contains("data-what=\"follow-up-closed\""), body);
        assertTrue(body.contains("data-what=\"follow-up\""));
        assertTrue(body.contains("data-what=\"status\""));
    }

    @Test
    void aPathFollowUpIsClosedWithItsAftercareFieldsAndTheNextReminderIsShown() {
        String id = enrolledParticipant("AAR-FU-2", "020290-1234");
        assertEquals(303, post(anna, id, "milestone", Map.of("ms.type", "job_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Lageret", "ms.jobKind", "flexjob", "ms.hoursPerWeek", "12")).status());
        // the aftercare reminder the path calls for: 3 months after the job started, a working day
        WebFixture.Page mine = anna.get("/app/participants");
        assertTrue(mine.body().contains("data-next-reminder=\"2027-02-23\""), mine.body());
        WebFixture.Page participant = anna.get("/app/referrals/" + id + "/follow-ups");
        assertTrue(participant.body().contains("data-reminder=\"aftercare\" data-date=\"2027-02-23\""), participant.body());

        // the sweep made the aftercare follow-up (here: made directly, as the sweep's rule does)
        NudgeService nudges = f.nudges();
        FollowUpTask task = ((dk.rampe.followup.FollowUpStore.CreateResult) nudges.create(new NudgeService.NewFollowUp(
                FollowUpKind.AFTERCARE_CALL_DUE, "rampe-oestjylland", id, "c-anna", Instant.parse("2026-11-23T07:00:00Z"),
                null, "reminder:test"), "system:aftercare")).task();
        String body = anna.get("/app/referrals/" + id + "/follow-ups").body();
        assertTrue(body.contains("name=\"fu.withWhom\""), "the aftercare fields for a path follow-up");
        assertTrue(body.contains("data-overdue=\"true\""), "due at 08:00, now 10:00");
        WebFixture.Page badHours = post(anna, id, "follow-up", Map.of("task", task.taskId(), "fu.reached", "yes",
                "fu.cause", "none", "fu.next", "none", "fu.hours", "99"));
        assertEquals(400, badHours.status());
        assertFieldError(badHours, "fu.hours", page("error.hours"));
        assertEquals(303, post(anna, id, "follow-up", Map.of("task", task.taskId(), "fu.reached", "yes",
                "fu.cause", "none", "fu.next", "none", "fu.method", "visit", "fu.withWhom", "both",
                "fu.stillEmployed", "yes", "fu.hours", "12,5")).status());
        FollowUpOutcome.Aftercare a = nudges.find(task.taskId()).orElseThrow().outcome().aftercare();
        assertEquals(new FollowUpOutcome.Aftercare(FollowUpOutcome.Method.VISIT, FollowUpOutcome.WithWhom.BOTH, true,
                new java.math.BigDecimal("12.5")), a);
    }

    @Test
    void onlyTheProgrammesStaffCloseAndOnlyThisReferralsTasksWithTheFormsToken() {
        f.settingsWith("""
                {"id": "rampe-nord", "name": "Rampe Nord", "intakeOpens": "2026-01-01", "intakeStops": "2027-12-31",
                 "partners": [{"jobcentreId": "jc-randers", "quota": 10, "defaultConsultantId": "c-nora"}],
                 "consultants": [{"id": "c-nora", "name": "Nora Nord", "email": "nora@rampe.example", "phone": "+45 20 00 00 09"}], "staff": []}
                """);
        String id = enrolledParticipant("AAR-FU-3", "030390-1234");
        String other = enrolledParticipant("AAR-FU-4", "040490-1234");
        post(anna, id, "follow-up-plan", Map.of("fu.date", "2026-11-24", "fu.time", "10:00"));
        post(anna, other, "follow-up-plan", Map.of("fu.date", "2026-11-25", "fu.time", "10:00"));
        String taskId = openTask(id);
        Map<String, String> outcome = Map.of("task", taskId, "fu.reached", "yes", "fu.cause", "none", "fu.next", "none");

        Map<String, String> withCaseworkersToken = new HashMap<>(outcome);
        withCaseworkersToken.put("csrf", caseworker.get("/app/referrals").csrf());
        assertEquals(404, caseworker.post("/app/referrals/" + id + "/follow-up", withCaseworkersToken).status(),
                "no staff action for a caseworker");

        WebFixture.Browser nora = f.staffSession("c-nora", false);
        assertEquals(404, nora.get("/app/referrals/" + id).status(), "another programme's staff sees nothing");
        Map<String, String> withNorasToken = new HashMap<>(outcome);
        withNorasToken.put("csrf", nora.get("/app/participants").csrf());
        assertEquals(404, nora.post("/app/referrals/" + id + "/follow-up", withNorasToken).status());

        Map<String, String> forged = new HashMap<>(outcome);
        forged.put("csrf", "forged");
        assertEquals(403, anna.post("/app/referrals/" + id + "/follow-up", forged).status());
        Map<String, String> noSession = new HashMap<>(outcome);
        assertEquals(403, f.browser().post("/app/referrals/" + id + "/follow-up", noSession).status());

        assertEquals(404, post(anna, other, "follow-up", outcome).status(), "a task of another referral");
        assertEquals(404, post(anna, id, "follow-up", Map.of("task", "not-a-task", "fu.reached", "yes")).status());
        assertTrue(f.nudges().find(taskId).orElseThrow().isOpen(), "nothing was closed");
    }

    @Test
    void aStepOfThePathIsCorrectedFromTheAppAndTheHistoryShowsBoth() {
        String id = enrolledParticipant("AAR-FU-5", "050590-1234");
        f.clock.advance(Duration.ofDays(3)); // Thursday 26 November: a new day, a new login
        anna.login("local-consultant-anna");
        assertEquals(303, post(anna, id, "milestone", Map.of("ms.type", "internship_started", "ms.effectiveOn",
                "2026-11-25", "ms.employer", "Genbrug", "ms.hoursPerWeek", "10")).status());
        String body = anna.get("/app/referrals/" + id + "/milestone").body();
        Matcher m = Pattern.compile("id=\"correct-(M[0-9A-Z]{12})\"").matcher(body);
        assertTrue(m.find(), body);
        String record = m.group(1);
        assertTrue(body.contains("name=\"ms.employer\" value=\"Genbrug\""), "filled in with the step as it stands");

        // the same rules as a new record: a date after today is refused beside the correction's field
        WebFixture.Page future = post(anna, id, "milestone", Map.of("ms.corrects", record, "ms.type", "internship_started",
                "ms.effectiveOn", "2026-12-30", "ms.employer", "Genbrug", "ms.hoursPerWeek", "10"));
        assertEquals(400, future.status());
        assertTrue(future.body().contains("id=\"f-" + record + "-effectiveOn-error\""), future.body());

        f.clock.advance(Duration.ofMinutes(5)); // recorded later than the first record, as in life
        WebFixture.Page corrected = post(anna, id, "milestone", Map.of("ms.corrects", record, "ms.type",
                "internship_started", "ms.effectiveOn", "2026-11-24", "ms.employer", "Genbrugsbutikken",
                "ms.hoursPerWeek", "10"));
        assertEquals(303, corrected.status());
        String after = anna.get("/app/referrals/" + id + "/milestone").body() + anna.get("/app/referrals/" + id).body();
        assertTrue(after.contains("data-corrected"), after);
        assertTrue(after.contains("Genbrugsbutikken"));
        assertTrue(after.contains("data-what=\"correction\""), "the correction in the history");
        assertTrue(after.contains("data-what=\"milestone\""), "and the first record");
        // correcting the record that is already corrected is refused by the path's rules
        WebFixture.Page stale = post(anna, id, "milestone", Map.of("ms.corrects", record, "ms.type", "internship_started",
                "ms.effectiveOn", "2026-11-23", "ms.employer", "Genbrug", "ms.hoursPerWeek", "10"));
        assertEquals(409, stale.status());
        // corrected meanwhile: what was typed stands on the form of the step as it is now, shown above it, to save again
        Matcher latest = Pattern.compile("id=\"correct-(M[0-9A-Z]{12})\"").matcher(stale.body());
        assertTrue(latest.find(), stale.body());
        assertFalse(latest.group(1).equals(record), "the form of the latest record");
        assertTrue(stale.body().contains("id=\"conflict\""), stale.body());
        assertTrue(stale.body().contains("id=\"f-" + latest.group(1) + "-employer\" name=\"ms.employer\" value=\"Genbrug\""),
                "the typed employer is kept");
        assertTrue(stale.body().contains("Genbrugsbutikken"), "beside the step as the other change left it");
        assertEquals(303, post(anna, id, "milestone", Map.of("ms.corrects", latest.group(1), "ms.type", "internship_started",
                "ms.effectiveOn", "2026-11-23", "ms.employer", "Genbrug", "ms.hoursPerWeek", "10")).status(),
                "saved on the second try");
    }

    @Test
    void everyFormCarriesTheSessionsTokenAndThePagesReadInDanishAndEnglish() {
        String id = enrolledParticipant("AAR-FU-6", "060690-1234");
        assertEquals(303, post(anna, id, "milestone", Map.of("ms.type", "job_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Lageret", "ms.jobKind", "ordinary", "ms.hoursPerWeek", "30")).status());
        post(anna, id, "follow-up-plan", Map.of("fu.date", "2026-11-24", "fu.time", "09:00"));
        post(anna, id, "follow-up", Map.of("task", openTask(id), "fu.reached", "no", "fu.cause", "unknown",
                "fu.next", "call_again"));
        post(anna, id, "follow-up-plan", Map.of("fu.date", "2026-11-25", "fu.time", "09:00"));
        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        for (String lang : new String[] {"da", "en"}) {
            anna.language = lang;
            dorthe.language = lang;
            caseworker.language = lang;
            WebFixture.Browser stranger = f.browser();
            stranger.language = lang;
            List<WebFixture.Page> pages = new java.util.ArrayList<>(List.of(anna.get("/app/referrals/" + id),
                    anna.get("/app/participants"),
                    anna.get("/app/participants?all=1"), dorthe.get("/app/overview"), caseworker.get("/app/referrals/" + id),
                    stranger.get("/app/logged-out")));
            for (ParticipantPage.Task t : ParticipantPage.Task.values()) {
                pages.add(anna.get("/app/referrals/" + id + "/" + t.page)); // each task's own page
            }
            for (WebFixture.Page p : pages) {
                assertEquals(200, p.status(), p.body());
                assertFalse(p.body().contains("??"), "a text is missing in " + lang + ":\n" + p.body());
                assertTrue(p.body().startsWith("<!DOCTYPE html><html lang=\"" + lang + "\">"));
                Matcher forms = Pattern.compile("<form method=\"post\"(.*?)</form>", Pattern.DOTALL).matcher(p.body());
                int n = 0;
                while (forms.find()) {
                    n++;
                    assertTrue(forms.group(1).contains("name=\"csrf\" value=\"" + p.csrf() + "\""),
                            "every form carries the session's token: " + forms.group());
                }
                assertTrue(n > 0 || p.body().contains("id=\"login-again\""));
            }
        }
        String english = anna.get("/app/referrals/" + id + "/follow-ups").body();
        assertTrue(english.contains(esc(Texts.t(Language.EN, "fu.close"))), english);
        assertTrue(english.contains(esc(dk.rampe.text.Texts.PAGE.get("reached", Language.EN))));
        assertTrue(english.contains("data-reminder=\"aftercare\""));
    }
}
