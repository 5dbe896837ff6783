package dk.rampe.web;

import static dk.rampe.core.Html.esc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.api.Messages;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The attendance pages against DynamoDB Local: the consultant's plan, one-day agreement and
 * registration forms (with corrections) on the participant page, the four weeks and the stability in
 * "my participants", the caseworker's notices (never another jobcentre's), the owner's month figures,
 * and the field errors and refusals. Monday 23 November 2026, 10:00 in Copenhagen.
 */
class WebAttendanceTest {
    private static final Pattern REFERRAL_LOCATION = Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private final WebFixture f = new WebFixture();
    private final DynamoAttendanceStore store = new DynamoAttendanceStore(f.dynamo, f.config.table());
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

    private static Map<String, String> plan(String from, String start, String hours, String... days) {
        Map<String, String> m = new HashMap<>(Map.of("ap.validFrom", from, "ap.start", start, "ap.hoursPerDay", hours));
        for (String d : days) m.put("ap.weekday." + d, "1");
        return m;
    }

    @Test
    void theConsultantPlansAgreesRegistersCorrectsAndSeesFourWeeksAndStability() {
        String id = enrolledParticipant("AAR-ATT-1", "010190-1234");
        WebFixture.Page page = anna.get("/app/referrals/" + id + "/attendance");
        assertTrue(page.body().contains("id=\"attendance\""));
        assertTrue(page.body().contains(Texts.t(Language.DA, "att.noPlan")));
        assertTrue(page.body().contains("name=\"reg.date\" value=\"2026-11-23\""), "the date defaults to today");
        assertTrue(page.body().contains("name=\"ag.date\" value=\"2026-11-23\""), "the date defaults to today");

        WebFixture.Page saved = post(id, "attendance-plan", plan("2026-11-23", "09:00", "4",
                "monday", "tuesday", "wednesday", "thursday"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/app/referrals/" + id + "?done=attendance-plan", saved.location());
        // a step-up from December: the first step stays
        Map<String, String> stepUp = plan("2026-12-07", "09:00", "5",
                "monday", "tuesday", "wednesday", "thursday", "friday");
        stepUp.put("ap.duringInternship", "1"); // this step also applies while in an internship
        assertEquals(303, post(id, "attendance-plan", stepUp).status());
        Attendance stored = store.load(id, MONDAY, MONDAY);
        assertEquals(2, stored.plans().size());
        assertEquals(240, stored.planOn(MONDAY).orElseThrow().minutes());
        assertFalse(stored.planOn(MONDAY).orElseThrow().duringInternship(), "unticked: not during an internship");
        assertTrue(store.load(id, MONDAY.plusDays(14), MONDAY.plusDays(14)).planOn(MONDAY.plusDays(14)).orElseThrow()
                .duringInternship());

        page = anna.get("/app/referrals/" + id + "?done=attendance-plan");
        assertTrue(page.body().contains("id=\"done\""));
        assertTrue(page.body().contains("id=\"attendance-today\" data-today=\"session\">09:00–13:00 (4 t)"), "the overview's summary");
        page = anna.get("/app/referrals/" + id + "/attendance");
        assertTrue(page.body().contains("data-from=\"2026-11-23\">man., tir., ons., tor. · 09:00–13:00 (4 t)"),
                page.body());
        assertTrue(page.body().contains("data-from=\"2026-12-07\""), "the step-up is shown");
        assertTrue(page.body().contains("id=\"attendance-today\" data-today=\"session\">09:00–13:00 (4 t)"));
        assertTrue(page.body().contains("<tr data-date=\"2026-11-23\" data-registered=\"\">"), "today, nothing yet");

        // registered present, then corrected to late: the latest counts, the earlier stays as history
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "present")).status());
        f.clock.set(f.clock.instant().plusSeconds(60)); // the correction comes later (the latest registration counts)
        WebFixture.Page corrected = post(id, "attendance",
                Map.of("reg.date", "2026-11-23", "reg.status", "late", "reg.arrival", "09:40", "reg.reason", ""));
        assertEquals(303, corrected.status(), corrected.body());
        assertEquals(2, store.load(id, MONDAY, MONDAY).registrations().size());
        page = anna.get("/app/referrals/" + id + "/attendance");
        assertTrue(page.body().contains("<tr data-date=\"2026-11-23\" data-registered=\"late\">"), page.body());
        assertTrue(page.body().contains(Texts.t(Language.DA, "att.corrected", 1)));

        // tomorrow a later start (ends as planned), Wednesday a day off
        assertEquals(303, post(id, "attendance-agreement",
                Map.of("ag.date", "2026-11-24", "ag.kind", "later", "ag.start", "11:00", "ag.hours", "")).status());
        assertEquals(303, post(id, "attendance-agreement", Map.of("ag.date", "2026-11-25", "ag.kind", "dayOff")).status());
        var tuesday = store.load(id, MONDAY.plusDays(1), MONDAY.plusDays(2));
        assertEquals(120, tuesday.agreementOn(MONDAY.plusDays(1)).orElseThrow().minutes(), "11:00 to the planned 13:00");
        assertTrue(tuesday.agreementOn(MONDAY.plusDays(2)).orElseThrow().dayOff());
        page = anna.get("/app/referrals/" + id + "/attendance");
        assertTrue(page.body().contains("<li data-date=\"2026-11-24\">"), "coming agreements are listed");
        assertTrue(page.body().contains("11:00–13:00 (2 t)"));

        // Thursday: Tuesday absent, Wednesday off, Thursday excused (sick)
        f.clock.set(Instant.parse("2026-11-26T12:00:00Z"));
        anna.login("local-consultant-anna"); // the session has run out meanwhile
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-24", "reg.status", "absent")).status());
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-26", "reg.status", "excused",
                "reg.reason", "sick")).status());
        page = anna.get("/app/referrals/" + id + "/attendance");
        assertTrue(page.body().contains("data-stability=\"50\""), "one of two counted days attended");
        assertTrue(page.body().contains("<tr data-date=\"2026-11-25\" data-registered=\"\"><td>ons. 25. nov.</td><td>—"
                + " <span class=\"tag\">Fri</span>"), page.body());
        WebFixture.Page mine = anna.get("/app/participants");
        assertTrue(mine.body().contains("data-stability=\"50\""), mine.body());
        assertFalse(mine.body().contains("data-flag="), "not flagged yet");

        // the absence detection flags repeated absence: shown in the list and on the page
        store.addNotice(new Notice("N1", id, "jc-aarhus", MONDAY.plusDays(1), List.of(Notice.Reason.TWO_IN_A_ROW),
                f.clock.instant()), true, null);
        assertTrue(anna.get("/app/participants").body().contains("data-flag=\"repeated-absence\""));
        assertTrue(anna.get("/app/referrals/" + id + "/attendance").body().contains("data-flag=\"repeated-absence\""));

        // in English too
        anna.language = "en";
        anna.cookies.remove("rampe_lang");
        String en = anna.get("/app/referrals/" + id + "/attendance").body();
        assertTrue(en.contains("Stability over the last four weeks: 50 %"), en);
        assertTrue(en.contains(">Register attendance</h3>"));
    }

    @Test
    void theAttendanceFormsShowTheApisFieldErrorsBesideEachField() {
        String id = enrolledParticipant("AAR-ATT-2", "020290-1234");
        WebFixture.Page p = post(id, "attendance-plan", Map.of("ap.validFrom", "2026-13-01", "ap.start", "9",
                "ap.hoursPerDay", "13"));
        assertEquals(400, p.status());
        assertFieldError(p, "ap.validFrom", Messages.text("date.invalid", Language.DA));
        assertFieldError(p, "ap.weekdays", Messages.text("required", Language.DA));
        assertFieldError(p, "ap.start", Messages.text("time.invalid", Language.DA));
        assertFieldError(p, "ap.hoursPerDay", Texts.t(Language.DA, "code.hours.day"));
        assertTrue(p.body().contains("<li><a href=\"#f-ap-hoursPerDay\">Timer pr. dag</a>: Skriv antal timer som et tal"
                + " fra 0,25 til 12, fx 4 eller 4,5.</li>"), "the message says how to write it, in the field's words");
        assertTrue(p.body().contains("name=\"ap.start\" value=\"9\""), "what was typed stays");
        p = post(id, "attendance-plan", plan("2026-11-23", "09:00", "4", "saturday"));
        assertFieldError(p, "ap.weekdays", Messages.text("weekdays.weekend", Language.DA));
        Map<String, String> odd = plan("2026-11-23", "09:00", "4", "monday");
        odd.put("ap.duringInternship", "yes");
        assertFieldError(post(id, "attendance-plan", odd), "ap.duringInternship", Messages.text("type.boolean", Language.DA));

        p = post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "late"));
        assertEquals(400, p.status());
        assertFieldError(p, "reg.arrival", Messages.text("required", Language.DA));
        p = post(id, "attendance", Map.of("reg.date", "2027-03-01", "reg.status", "excused"));
        assertFieldError(p, "reg.date", Texts.api("date.range", Language.DA, java.time.LocalDate.of(2026, 9, 22),
                java.time.LocalDate.of(2026, 12, 24)));
        assertFieldError(p, "reg.reason", Messages.text("required", Language.DA));
        p = post(id, "attendance", Map.of("reg.date", "2026-11-23"));
        assertFieldError(p, "reg.status", Messages.text("required", Language.DA));

        p = post(id, "attendance-agreement", Map.of("ag.date", "2026-11-24"));
        assertFieldError(p, "ag.kind", Messages.text("required", Language.DA));
        p = post(id, "attendance-agreement", Map.of("ag.date", "2026-11-24", "ag.kind", "shorter"));
        assertFieldError(p, "ag.hours", Messages.text("required", Language.DA));
        p = post(id, "attendance-agreement", Map.of("ag.date", "2026-11-24", "ag.kind", "later", "ag.start", "25:00"));
        assertFieldError(p, "ag.start", Messages.text("time.invalid", Language.DA));

        Attendance a = store.load(id, MONDAY.minusDays(70), MONDAY.plusDays(400));
        assertTrue(a.plans().isEmpty() && a.agreements().isEmpty() && a.registrations().isEmpty(), "nothing was written");
    }

    @Test
    void onlyTheProgrammesStaffMayRecordAndOnlyWithTheFormsToken() {
        String id = enrolledParticipant("AAR-ATT-3", "030390-1234");
        String csrf = caseworker.get("/app/referrals").csrf();
        assertEquals(404, caseworker.post("/app/referrals/" + id + "/attendance",
                Map.of("csrf", csrf, "reg.date", "2026-11-23", "reg.status", "absent")).status(), "no staff action for a caseworker");
        assertEquals(403, anna.post("/app/referrals/" + id + "/attendance",
                Map.of("csrf", "forged", "reg.date", "2026-11-23", "reg.status", "absent")).status());
        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        assertEquals(404, dorthe.get("/app/referrals/R0000000000AA").status());
        assertTrue(store.load(id, MONDAY, MONDAY).registrations().isEmpty());

        // after the exit nothing more is recorded: the API's conflict
        post(id, "exit", Map.of("outcome", "further_assessment", "note", ""));
        WebFixture.Page closed = post(id, "attendance-plan", plan("2026-11-23", "09:00", "4", "monday"));
        assertEquals(409, closed.status(), closed.body());
        assertFalse(anna.get("/app/referrals/" + id + "/attendance").body().contains("id=\"attendance-register\""), "no forms after exit");
    }

    @Test
    void theCaseworkerReadsTheirReferralsNoticesAndNeverAnotherJobcentres() {
        String id = enrolledParticipant("AAR-ATT-4", "040490-1234");
        assertTrue(caseworker.get("/app/referrals/" + id).body().contains("id=\"notices-empty\""));
        store.addNotice(new Notice("N2", id, "jc-aarhus", MONDAY, List.of(Notice.Reason.UNEXCUSED_ABSENCE,
                Notice.Reason.TWO_IN_A_ROW), f.clock.instant()), true, null);
        WebFixture.Page page = caseworker.get("/app/referrals/" + id);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<li data-notice=\"N2\"><strong>23. nov. 2026</strong>"), page.body());
        assertTrue(page.body().contains("data-reason=\"unexcused_absence\">Udeblevet uden gyldig grund"));
        assertTrue(page.body().contains("data-reason=\"two_in_a_row\""));
        assertFalse(page.body().contains("id=\"attendance-register\""), "a caseworker records nothing");

        WebFixture.Browser odder = f.browser();
        odder.login("local-jobcenter-odder");
        WebFixture.Page other = odder.get("/app/referrals/" + id);
        assertEquals(404, other.status());
        assertFalse(other.body().contains("data-notice=\"N2\""), "the notice is not shown");
        assertTrue(f.auditActions(id).contains("referral.read"), "reading the notices is a read of the referral");
    }

    /**
     * A notice follows the day's latest registration: the consultant corrects an absence that reached the caseworker
     * to "Meldt fra · Syg"; the caseworker's page shows the notice as corrected, by whom and when, never the reason.
     */
    @Test
    void theCaseworkerSeesANoticeCorrectedWhenTheConsultantExcusesTheDay() {
        String id = enrolledParticipant("AAR-ATT-7", "070790-1234");
        assertEquals(303, post(id, "attendance-plan", plan("2026-11-23", "09:00", "4", "monday")).status());
        // 10:00, past the 09:30 cutoff: present, then corrected to absent (kontanthjælp: every absence is reported)
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "present")).status());
        f.clock.advance(Duration.ofMinutes(5));
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "absent")).status());
        List<Notice> notices = store.notices(id);
        assertEquals(1, notices.size(), "the absence reached the caseworker");
        String noticeId = notices.get(0).id();
        WebFixture.Page before = caseworker.get("/app/referrals/" + id);
        assertTrue(before.body().contains("data-reason=\"unexcused_absence\">Udeblevet uden gyldig grund"));
        assertFalse(before.body().contains("data-corrected="), "not corrected yet");

        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "excused",
                "reg.reason", "sick")).status());
        Notice corrected = store.notices(id).get(0);
        assertEquals(Registration.Status.EXCUSED, corrected.correction().status());
        assertEquals("c-anna", corrected.correction().correctedBy());

        WebFixture.Page page = caseworker.get("/app/referrals/" + id);
        assertEquals(200, page.status());
        String notice = page.body().substring(page.body().indexOf("<li data-notice=\"" + noticeId + "\""));
        notice = notice.substring(0, notice.indexOf("</li>"));
        assertTrue(notice.contains("data-corrected=\"excused\">Rettet: Meldt fra</span>"), notice);
        assertTrue(notice.contains("af Anna"), "who corrected it, by name: " + notice);
        assertTrue(notice.contains("10:15"), "when: " + notice);
        assertFalse(notice.contains("Syg"), "the reason is not the caseworker's: " + notice);
        // the consultant's history says the caseworker was shown the correction, and by whose registration
        String history = anna.get("/app/referrals/" + id).body();
        assertTrue(history.contains("data-what=\"notice-corrected\""), history);
        assertTrue(history.contains("Meddelelsen om"), history);
    }

    @Test
    void theOwnerSeesThisMonthsAttendanceFigures() {
        String id = enrolledParticipant("AAR-ATT-5", "050590-1234");
        enrolledParticipant("AAR-ATT-6", "060690-1234"); // enrolled without an attendance plan: not "with a plan"
        // (a plan cannot start before the referral was made: from the day of the enrolment)
        assertEquals(303, post(id, "attendance-plan", plan("2026-11-23", "09:00", "4",
                "monday", "tuesday", "wednesday")).status());
        f.clock.set(Instant.parse("2026-11-25T14:00:00Z")); // Wednesday afternoon
        anna.login("local-consultant-anna");
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "present")).status());
        assertEquals(303, post(id, "attendance", Map.of("reg.date", "2026-11-24", "reg.status", "excused",
                "reg.reason", "appointment")).status());
        // Wednesday: detected by the sweep
        store.addRegistration(id, new Registration("Gdetected", MONDAY.plusDays(2), Registration.Status.ABSENT, null,
                null, "system:absence", f.clock.instant().minus(Duration.ofHours(4)), true, false));

        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        String body = dorthe.get("/app/overview").body();
        // enrolled Monday 23rd: three planned days so far (before the enrolment nothing is expected)
        assertTrue(body.contains("<dd data-figure=\"participants\">1</dd>"), body);
        assertTrue(body.contains("<dd data-figure=\"expected\">3</dd>"));
        assertTrue(body.contains("<dd data-figure=\"attended\">1</dd>"));
        assertTrue(body.contains("<dd data-figure=\"excused\">1</dd>"));
        assertTrue(body.contains("<dd data-figure=\"absent\">1</dd>"));
        assertTrue(body.contains("<dd data-figure=\"detected\">1</dd>"));
        assertFalse(body.contains("data-later=\"absence\""), "no longer marked as coming later");
    }

    private static void assertFieldError(WebFixture.Page p, String field, String message) {
        String expected = "data-field=\"" + field + "\">" + esc(message) + "</p>";
        assertTrue(p.body().contains(expected), "expected " + expected + " in\n" + p.body());
    }
}
