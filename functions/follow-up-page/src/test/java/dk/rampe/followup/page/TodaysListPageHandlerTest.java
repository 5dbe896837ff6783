package dk.rampe.followup.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.attendance.AbsenceDetection;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.attendance.Registration;
import dk.rampe.attendance.TodaysListTokens;
import dk.rampe.audit.AuditEntry;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoDueWork;
import dk.rampe.dynamodb.DynamoWatermarks;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.Ids;
import dk.rampe.local.embedded.Events;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.schedule.Sweeper;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.testkit.RampeFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Today's list through the page function on DynamoDB Local: the list a link opens, one tap per
 * form post answered with a redirect, the undo, security headers, and hostile input refused with
 * nothing written; a sick call before the start keeps the absence detection quiet, an undo back to
 * nothing lets it fire.
 */
class TodaysListPageHandlerTest {
    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final String PROGRAMME = "rampe-oestjylland";
    static final String HOST = "a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com";

    private final RampeFixture f = new RampeFixture(at(7, 0), Map.of("RAMPE_PUBLIC_BASE_URL", "https://" + HOST));
    private final DynamoAttendanceStore attendance = new DynamoAttendanceStore(f.dynamo, f.config.table());
    private final DynamoDueWork dueWork = new DynamoDueWork(f.dynamo, f.config.table());
    private final AttendanceService service = new AttendanceService(attendance,
            (p, d) -> !WorkingDays.isWeekend(d), p -> AttendanceRules.DEFAULTS, f.clock, entry -> { });
    private final String token;
    private final String listId;

    TodaysListPageHandlerTest() {
        f.loadSettings(Events.text("settings-sample.json"));
        TodaysListTokens tokens = new TodaysListTokens(f.nudges.tokenKey());
        token = tokens.issue("c-anna", MONDAY);
        listId = tokens.listId("c-anna", MONDAY);
        enrolled("RANNA0001", "Søren Sørensen", "c-anna", LocalTime.of(9, 0));
        enrolled("RANNA0002", "Mette Hansen", "c-anna", LocalTime.of(10, 0));
        enrolled("RBOBO0001", "Kaj Lund", "c-bo", LocalTime.of(9, 0));
    }

    static Instant at(int hour, int minute) {
        return MONDAY.atTime(hour, minute).atZone(CPH).toInstant();
    }

    private void enrolled(String id, String name, String consultant, LocalTime start) {
        ReferralDetails details = new ReferralDetails(PROGRAMME, "JC-1", new Citizen(Cpr.stored("0101901234"), name,
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.KONTANTHJAELP,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "",
                "", List.of(), false, null);
        Instant t = Instant.parse("2026-11-16T07:00:00Z");
        Referral r = Referral.received(id, "jc-aarhus", details, consultant, false, t);
        assertTrue(f.referrals.create(r, "citizen-" + id, List.of(), "fp-" + id, 100,
                new AuditEntry(id, "test", "referral.received", t)) instanceof ReferralStore.Created);
        Referral accepted = r.moveTo(ReferralStatus.ACCEPTED, t, consultant, null, null);
        f.referrals.update(accepted, "citizen-" + id, false, null, new AuditEntry(id, "test", "a", t));
        Referral enrolled = accepted.moveTo(ReferralStatus.ENROLLED, t, consultant, null, null);
        f.referrals.update(enrolled, "citizen-" + id, false, null, new AuditEntry(id, "test", "e", t));
        // through the service, so today's session is on the due index as the detection expects
        service.putPlan(enrolled, new AttendancePlan(LocalDate.of(2026, 11, 16), EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), start, 240, consultant, t));
    }

    private FollowUpPageHandler handler() {
        return new FollowUpPageHandler(f.config, f.nudges, f.dynamo, f.clock);
    }

    static APIGatewayV2HTTPEvent event(String method, String token, Map<String, String> query) {
        APIGatewayV2HTTPEvent e = Events.read("follow-up-page-get.json", APIGatewayV2HTTPEvent.class);
        e.setRouteKey(method + " /t/{token}");
        e.getRequestContext().setRouteKey(method + " /t/{token}");
        e.getRequestContext().getHttp().setMethod(method);
        e.setRawPath("/t/" + token);
        e.getRequestContext().getHttp().setPath("/t/" + token);
        e.setPathParameters(Map.of("token", token));
        e.setQueryStringParameters(query.isEmpty() ? null : query);
        return e;
    }

    static APIGatewayV2HTTPEvent post(String token, Map<String, String> form) {
        APIGatewayV2HTTPEvent e = event("POST", token, Map.of());
        Map<String, String> headers = new HashMap<>(e.getHeaders());
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.put("origin", "https://" + HOST);
        headers.put("sec-fetch-site", "same-origin");
        e.setHeaders(headers);
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        e.setBody(java.util.Base64.getEncoder().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);
        return e;
    }

    private Map<String, String> form(String referral, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("list", listId);
        m.put("referral", referral);
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private List<Registration> registrations(String referralId) {
        return attendance.load(referralId, MONDAY, MONDAY).registrations();
    }

    /** The absence detection as its function runs it, at the given time. */
    private void detectAt(Instant t) {
        f.clock.set(t);
        AbsenceDetection rule = new AbsenceDetection(f.referrals, attendance, dueWork, (p, d) -> !WorkingDays.isWeekend(d),
                f.nudgeService(f.settingsStore.current()), p -> AttendanceRules.DEFAULTS, "https://" + HOST);
        new Sweeper(new DynamoWatermarks(f.dynamo, f.config.table()), f.clock)
                .run("absence", dueWork.index(AttendanceService.KIND), rule, 100);
    }

    private boolean absenceTask(String referralId) {
        return f.store.find(Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + PROGRAMME + "|" + referralId
                + "|absence|" + MONDAY)).isPresent();
    }

    private static void assertSafeHeaders(APIGatewayV2HTTPResponse r) {
        assertEquals("no-store", r.getHeaders().get("cache-control"));
        assertEquals("no-referrer", r.getHeaders().get("referrer-policy"));
        assertEquals(Page.HSTS, r.getHeaders().get("strict-transport-security"));
        assertTrue(r.getHeaders().get("content-security-policy").startsWith("default-src 'none'"));
        assertEquals("DENY", r.getHeaders().get("x-frame-options"));
    }

    @Test
    void theLinkShowsTheConsultantsParticipantsTodayFirstNameAndStartOnlyWithOneTapFormsAndNoScript() {
        f.clock.set(at(8, 40));
        APIGatewayV2HTTPResponse r = handler().handleRequest(event("GET", token, Map.of()), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertSafeHeaders(r);
        String html = r.getBody();
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"da\">"));
        assertTrue(html.contains("<h1>Dagens fremmøde</h1>"));
        assertTrue(html.contains("mandag den 23. november 2026 · 2 deltagere forventes"), html);
        assertTrue(html.contains("<span class=\"name\">Søren</span><span>kl. 09:00</span>"), html);
        assertTrue(html.contains("<span class=\"name\">Mette</span><span>kl. 10:00</span>"), html);
        assertTrue(html.contains("Ikke registreret endnu"));
        assertTrue(html.contains("<form method=\"post\" action=\"/t/" + token + "\">"));
        assertTrue(html.contains("name=\"list\" value=\"" + listId + "\""));
        for (String tap : List.of("present", "sick", "absent", "late")) {
            assertTrue(html.contains("name=\"status\" value=\"" + tap + "\""), tap);
        }
        assertTrue(html.contains("<a id=\"language\" href=\"/t/" + token + "?lang=en\""));
        for (String secret : List.of("Sørensen", "Hansen", "Kaj", "0101901234", "kontanthj", "+4522345678", "Østjylland")) {
            assertFalse(html.contains(secret), secret);
        }
        assertFalse(html.toLowerCase().contains("<script"));
        assertEquals(List.of("todaysList.viewed"), f.auditActions("programme:" + PROGRAMME));

        APIGatewayV2HTTPResponse en = handler().handleRequest(event("GET", token, Map.of("lang", "en")), null);
        assertTrue(en.getBody().contains("<h1>Today&#39;s attendance</h1>"), en.getBody());
        assertTrue(en.getBody().contains("action=\"/t/" + token + "?lang=en\""));
        assertEquals("en", en.getHeaders().get("content-language"));
        APIGatewayV2HTTPResponse head = handler().handleRequest(event("HEAD", token, Map.of()), null);
        assertEquals(200, head.getStatusCode());
        assertEquals("", head.getBody());
        assertEquals(2, f.auditActions("programme:" + PROGRAMME).size(), "HEAD sends no data and is not a view");
    }

    @Test
    void aSickTapBeforeTheStartRedirectsShowsTheUndoAndTheDetectionSendsNothing() {
        f.clock.set(at(8, 50));
        APIGatewayV2HTTPResponse r = handler().handleRequest(post(token, form("RANNA0001", "status", "sick")), null);
        assertEquals(303, r.getStatusCode(), r.getBody());
        assertSafeHeaders(r);
        String location = r.getHeaders().get("location");
        assertTrue(location.matches("/t/" + java.util.regex.Pattern.quote(token) + "\\?done=G[0-9a-f]{32}"), location);
        Registration g = registrations("RANNA0001").get(0);
        assertEquals(Registration.Status.EXCUSED, g.status());
        assertEquals(Registration.Reason.SICK, g.reason());
        assertEquals("c-anna", g.recordedBy());
        assertEquals(List.of("todaysList.registered.sick"), f.auditActions("RANNA0001").stream()
                .filter(a -> a.startsWith("todaysList.")).toList());

        String done = location.substring(location.indexOf("=") + 1);
        String html = handler().handleRequest(event("GET", token, Map.of("done", done)), null).getBody();
        assertTrue(html.contains("Søren: Syg."), html);
        assertTrue(html.contains("name=\"undo\" value=\"" + done + "\""), html);
        assertTrue(html.contains("id=\"p-RANNA0001\" data-status=\"excused\" data-reason=\"sick\""), html);

        detectAt(at(9, 31));
        assertFalse(absenceTask("RANNA0001"), "sick before the start: excused, no alert");
        assertEquals(1, registrations("RANNA0001").size());
    }

    @Test
    void thirtyIdenticalTapsAtOnceStoreOneRegistration() throws Exception {
        f.clock.set(at(9, 5));
        int n = 30;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> taps = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                APIGatewayV2HTTPEvent e = post(token, form("RANNA0001", "status", "absent"));
                FollowUpPageHandler h = handler();
                taps.add(pool.submit(() -> {
                    go.await();
                    return h.handleRequest(e, null);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<APIGatewayV2HTTPResponse> t : taps) {
                APIGatewayV2HTTPResponse r = t.get();
                assertEquals(303, r.getStatusCode(), r.getBody());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Registration> stored = registrations("RANNA0001");
        assertEquals(1, stored.size(), stored.toString());
        assertEquals(Registration.Status.ABSENT, stored.get(0).status());
        assertEquals(List.of("todaysList.registered.absent"), f.auditActions("RANNA0001").stream()
                .filter(a -> a.startsWith("todaysList.")).toList());
    }

    @Test
    void anUndoBackToNothingLetsTheDetectionFireAtTheCutoff() {
        f.clock.set(at(8, 55));
        String location = handler().handleRequest(post(token, form("RANNA0001", "status", "present")), null)
                .getHeaders().get("location");
        String done = location.substring(location.indexOf("=") + 1);
        f.clock.set(at(8, 56));
        APIGatewayV2HTTPResponse undo = handler().handleRequest(post(token, form("RANNA0001", "undo", done)), null);
        assertEquals(303, undo.getStatusCode(), undo.getBody());
        assertTrue(undo.getHeaders().get("location").contains("?undone=G"));
        String html = handler().handleRequest(event("GET", token, Map.of("undone",
                undo.getHeaders().get("location").replaceAll(".*undone=", ""))), null).getBody();
        assertTrue(html.contains("Fortrudt. Søren: Ikke registreret endnu."), html);
        assertEquals(List.of(Registration.Status.PRESENT, Registration.Status.NONE),
                registrations("RANNA0001").stream().map(Registration::status).toList());

        detectAt(at(9, 31));
        assertTrue(absenceTask("RANNA0001"), "nothing registered at the cutoff: the consultant is nudged");
        assertEquals(Registration.Status.ABSENT, attendance.load("RANNA0001", MONDAY, MONDAY).registrationOn(MONDAY)
                .orElseThrow().status());
    }

    @Test
    void aPresentTapAfterTheNudgeClosesTheDaysAbsenceFollowUp() {
        detectAt(at(9, 31));
        String taskId = Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + PROGRAMME + "|RANNA0001|absence|" + MONDAY);
        assertTrue(f.store.find(taskId).orElseThrow().isOpen(), "nudged at the cutoff");
        f.clock.set(at(9, 32));
        assertEquals(303, handler().handleRequest(post(token, form("RANNA0001", "status", "present")), null)
                .getStatusCode());
        var closed = f.store.find(taskId).orElseThrow();
        assertFalse(closed.isOpen(), "closed by the tap: no reminder, no escalation for a participant who is there");
        assertEquals(at(9, 32), closed.closedAt());
        // a correction back to absent opens the day's follow-up again, as the same tap in the web app or the API does
        f.clock.set(at(9, 40));
        assertEquals(303, handler().handleRequest(post(token, form("RANNA0001", "status", "absent")), null)
                .getStatusCode());
        assertEquals(Registration.Status.ABSENT, registrations("RANNA0001").get(registrations("RANNA0001").size() - 1)
                .status());
        assertFalse(f.store.find(taskId).orElseThrow().isOpen(), "the closed one stays closed");
        String reopened = Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + PROGRAMME + "|RANNA0001|absence|"
                + MONDAY + "|1");
        var again = f.store.find(reopened).orElseThrow();
        assertTrue(again.isOpen(), "the correction to absent is followed up");
        // the same tap again is one registration's effect: no second follow-up
        f.clock.set(at(9, 41));
        handler().handleRequest(post(token, form("RANNA0001", "status", "absent")), null);
        assertTrue(f.store.find(Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + PROGRAMME + "|RANNA0001|absence|"
                + MONDAY + "|2")).isEmpty(), "one open follow-up a day is enough");
    }

    @Test
    void lateWithTheArrivalTimeAndTheListInEnglishForAConsultantWhoChoseEnglish() {
        f.clock.set(at(10, 20));
        APIGatewayV2HTTPResponse r = handler().handleRequest(post(token, form("RANNA0002", "status", "late",
                "arrival", "10:15")), null);
        assertEquals(303, r.getStatusCode(), r.getBody());
        Registration g = registrations("RANNA0002").get(0);
        assertEquals(Registration.Status.LATE, g.status());
        assertEquals(LocalTime.of(10, 15), g.arrival());
        // c-carla's settings say English
        enrolled("RCARLA001", "Ann Lee", "c-carla", LocalTime.of(11, 0));
        String carla = new TodaysListTokens(f.nudges.tokenKey()).issue("c-carla", MONDAY);
        String html = handler().handleRequest(event("GET", carla, Map.of()), null).getBody();
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"en\">") && html.contains("1 participant expected"), html);
        assertTrue(html.contains("name=\"arrival\" value=\"\" min=\"11:01\" max=\"15:00\""), "not started yet: " + html);
        String anna = handler().handleRequest(event("GET", token, Map.of()), null).getBody();
        assertTrue(anna.contains("id=\"a-RANNA0001\" name=\"arrival\" value=\"10:20\""), "late defaults to now: " + anna);
        assertTrue(anna.contains("id=\"a-RANNA0002\" name=\"arrival\" value=\"10:15\""), "or to the arrival registered");
        assertTrue(anna.contains("Forsinket, ankom kl. 10:15"), anna);
    }

    @Test
    void hostileInputIsRefusedOrAnsweredWithTheErrorAndNothingIsWritten() {
        f.clock.set(at(8, 50));
        FollowUpPageHandler h = handler();
        APIGatewayV2HTTPResponse other = h.handleRequest(post(token, form("RBOBO0001", "status", "present")), null);
        assertEquals(400, other.getStatusCode());
        assertTrue(other.getBody().contains("Deltageren er ikke på din liste i dag."));
        assertFalse(other.getBody().contains("Kaj"), "nothing about the other consultant's participant");
        APIGatewayV2HTTPResponse status = h.handleRequest(post(token, form("RANNA0001", "status", "excused")), null);
        assertEquals(400, status.getStatusCode());
        assertTrue(status.getBody().contains("Vælg til stede, forsinket, syg eller fravær."));
        assertTrue(status.getBody().contains("id=\"p-RANNA0001\" data-status=\"none\" aria-invalid=\"true\""));
        f.clock.set(at(9, 20));
        APIGatewayV2HTTPResponse arrival = h.handleRequest(post(token, form("RANNA0001", "status", "late",
                "arrival", "8:30")), null);
        assertEquals(400, arrival.getStatusCode());
        assertTrue(arrival.getBody().contains("Ankomsten skal ligge efter start kl. 09:00 og senest kl. 13:00."),
                arrival.getBody());
        assertTrue(arrival.getBody().contains("name=\"arrival\" value=\"08:30\""), "the arrival is echoed to fix");
        APIGatewayV2HTTPResponse garbage = h.handleRequest(post(token, form("RANNA0001", "status", "late",
                "arrival", "<b>9</b>")), null);
        assertEquals(400, garbage.getStatusCode());
        assertFalse(garbage.getBody().contains("<b>9</b>"));

        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        APIGatewayV2HTTPResponse refused = h.handleRequest(post(forged, form("RANNA0001", "status", "present")), null);
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getBody().contains("Linket virker ikke") && !refused.getBody().contains("Søren"));
        assertEquals(403, h.handleRequest(event("GET", forged, Map.of()), null).getStatusCode());
        assertEquals(403, h.handleRequest(event("GET", "../../etc/passwd", Map.of()), null).getStatusCode());
        String friday = new TodaysListTokens(f.nudges.tokenKey()).issue("c-anna", MONDAY.minusDays(3));
        APIGatewayV2HTTPResponse expired = h.handleRequest(event("GET", friday, Map.of()), null);
        assertEquals(410, expired.getStatusCode());
        assertTrue(expired.getBody().contains("Listen gjaldt fredag den 20. november 2026."), expired.getBody());
        assertFalse(expired.getBody().contains("Søren"));

        APIGatewayV2HTTPEvent crossSite = post(token, form("RANNA0001", "status", "present"));
        crossSite.getHeaders().put("sec-fetch-site", "cross-site");
        assertEquals(403, h.handleRequest(crossSite, null).getStatusCode());
        APIGatewayV2HTTPEvent otherOrigin = post(token, form("RANNA0001", "status", "present"));
        otherOrigin.getHeaders().remove("sec-fetch-site");
        otherOrigin.getHeaders().put("origin", "https://evil.example");
        assertEquals(403, h.handleRequest(otherOrigin, null).getStatusCode());
        APIGatewayV2HTTPEvent json = post(token, form("RANNA0001", "status", "present"));
        json.getHeaders().put("content-type", "application/json");
        assertEquals(400, h.handleRequest(json, null).getStatusCode(), "not a form: refused as the follow-up page does");
        APIGatewayV2HTTPEvent twice = post(token, Map.of());
        twice.setIsBase64Encoded(false);
        twice.setBody("list=" + listId + "&referral=RANNA0001&status=present&status=absent");
        assertEquals(400, h.handleRequest(twice, null).getStatusCode(), "a field twice is not a readable form");
        APIGatewayV2HTTPEvent notUtf8 = post(token, Map.of());
        notUtf8.setIsBase64Encoded(false);
        notUtf8.setBody("list=" + listId + "&referral=RANNA0001&status=late&arrival=09%C3%28");
        assertEquals(400, h.handleRequest(notUtf8, null).getStatusCode(), "bytes that are not UTF-8");
        APIGatewayV2HTTPResponse put = h.handleRequest(event("PUT", token, Map.of()), null);
        assertEquals(405, put.getStatusCode());

        for (String id : List.of("RANNA0001", "RANNA0002", "RBOBO0001")) assertEquals(List.of(), registrations(id), id);
        List<String> refusals = f.auditActions("todays-list-link:refused");
        assertTrue(refusals.containsAll(List.of("todaysList.postRefused.bad_signature", "todaysList.viewRefused.expired",
                "todaysList.postRefused.crossSite", "todaysList.postRefused.unreadableForm")), refusals.toString());
        assertEquals(4, f.auditActions("todays-list:" + listId).size(), "each invalid post is audited");
    }
}
