package dk.rampe.followup.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.local.embedded.Events;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowUpPageHandlerTest {
    static final String SAMPLE_TOKEN = "T3B9FAVTPV0QH.tp3qc0.yRuR3GZN8-2PECxz";

    private final PageFixture f = new PageFixture("https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com");

    static APIGatewayV2HTTPEvent get(String token, String acceptLanguage) {
        APIGatewayV2HTTPEvent e = Events.read("follow-up-page-get.json", APIGatewayV2HTTPEvent.class);
        e.setPathParameters(Map.of("token", token));
        e.setRawPath("/f/" + token);
        Map<String, String> headers = new HashMap<>(e.getHeaders());
        if (acceptLanguage != null) headers.put("accept-language", acceptLanguage);
        e.setHeaders(headers);
        return e;
    }

    static APIGatewayV2HTTPEvent post(String token, Map<String, String> form) {
        APIGatewayV2HTTPEvent e = Events.read("follow-up-page-post.json", APIGatewayV2HTTPEvent.class);
        e.setPathParameters(Map.of("token", token));
        e.setRawPath("/f/" + token);
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        e.setBody(sb.toString());
        e.setIsBase64Encoded(false);
        return e;
    }

    private static Map<String, String> goodForm(String taskId) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("task", taskId);
        m.put("reached", "no");
        m.put("cause", "unknown");
        m.put("next", "call_again");
        m.put("note", "Ringer igen kl. 13");
        return m;
    }

    private static void assertRefusal(APIGatewayV2HTTPResponse r) {
        assertEquals(403, r.getStatusCode());
        assertTrue(r.getBody().contains("Linket virker ikke"), r.getBody());
        assertFalse(r.getBody().contains("R7K2M9Q4X1ZA8") || r.getBody().contains("<form") || r.getBody().contains("RAFTER"),
                "no data on a refusal");
    }

    @Test
    void theSampleEventsTokenIsSignedWithTheLocalKeyForTheSampleTask() {
        assertEquals("T3B9FAVTPV0QH", f.createSampleTask());
        assertEquals(SAMPLE_TOKEN, f.tokens.issue("T3B9FAVTPV0QH", PageFixture.MORNING));
    }

    @Test
    void getShowsWhatIsDueInDanishWithAFormAndNoScript() {
        f.createSampleTask();
        APIGatewayV2HTTPResponse r = f.handler().handleRequest(Events.read("follow-up-page-get.json", APIGatewayV2HTTPEvent.class), null);
        assertEquals(200, r.getStatusCode());
        String html = r.getBody();
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"da\">"));
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("<h1>Fravær i dag</h1>"));
        assertTrue(html.contains("R7K2M9Q4X1ZA8"));
        assertTrue(html.contains("mandag den 23. november 2026 kl. 11:00"), html);
        assertTrue(html.contains("<form method=\"post\" action=\"/f/" + SAMPLE_TOKEN + "\""));
        assertTrue(html.contains("name=\"task\" value=\"T3B9FAVTPV0QH\""));
        assertFalse(html.toLowerCase().contains("<script"));
        assertFalse(html.contains("Kim") || html.contains("kim@example.dk") || html.contains("+4522345678"), "no personal data");
        assertEquals("text/html; charset=utf-8", r.getHeaders().get("content-type"));
        assertEquals("no-referrer", r.getHeaders().get("referrer-policy"));
        assertTrue(r.getHeaders().get("content-security-policy").startsWith("default-src 'none'"));
        assertEquals("no-store", r.getHeaders().get("cache-control"));
        assertEquals(List.of("followUp.created", "followUp.viewed"),
                f.auditActions("followup:T3B9FAVTPV0QH").stream().sorted().toList());
    }

    @Test
    void englishByAcceptLanguage() {
        f.createSampleTask();
        APIGatewayV2HTTPResponse r = f.handler().handleRequest(get(SAMPLE_TOKEN, "en-GB,en;q=0.9,da;q=0.5"), null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("<h1>Absence today</h1>"));
        assertTrue(r.getBody().contains("Save and close the task"));
        assertEquals("en", r.getHeaders().get("content-language"));
    }

    @Test
    void oneFormPostRecordsTheOutcomeClosesTheTaskAndStopsItsReminders() {
        f.createSampleTask();
        APIGatewayV2HTTPResponse r = f.handler().handleRequest(Events.read("follow-up-page-post.json", APIGatewayV2HTTPEvent.class), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertTrue(r.getBody().contains("Opgaven er registreret og lukket"), r.getBody());
        assertTrue(r.getBody().contains("data-status=\"closed\""));
        FollowUpTask t = f.store.find("T3B9FAVTPV0QH").orElseThrow();
        assertEquals(FollowUpTask.Status.CLOSED, t.status());
        assertEquals(new FollowUpOutcome(true, FollowUpOutcome.Cause.TRANSPORT, FollowUpOutcome.NextStep.FEWER_HOURS,
                "Bussen kom ikke. Møder i morgen kl. 9."), t.outcome());
        assertEquals("link:c1", t.closedBy());
        assertTrue(f.store.messagesOf("T3B9FAVTPV0QH").stream().filter(OutboxMessage::reminder)
                .allMatch(m -> m.state() == OutboxMessage.State.CANCELLED));

        // posting again (a double tap, the back button) changes nothing
        f.clock.advance(Duration.ofMinutes(3));
        APIGatewayV2HTTPResponse again = f.handler().handleRequest(post(SAMPLE_TOKEN, goodForm("T3B9FAVTPV0QH")), null);
        assertEquals(200, again.getStatusCode());
        assertTrue(again.getBody().contains("allerede registreret"), again.getBody());
        assertEquals(t, f.store.find("T3B9FAVTPV0QH").orElseThrow());
        // and the page now says it is closed
        APIGatewayV2HTTPResponse view = f.handler().handleRequest(get(SAMPLE_TOKEN, null), null);
        assertTrue(view.getBody().contains("data-status=\"closed\"") && !view.getBody().contains("<form"));
        assertEquals(List.of("followUp.closed", "followUp.created", "followUp.postRepeated", "followUp.viewed"),
                f.auditActions("followup:T3B9FAVTPV0QH").stream().sorted().toList(), "every view and post audited");
    }

    @Test
    void tamperedExpiredAndOtherTaskTokensGetAPlainRefusal() {
        String a = f.createSampleTask();
        String b = f.createTask("RAFTER0001");
        String tokenA = f.tokens.issue(a, f.clock.instant());
        String tokenB = f.tokens.issue(b, f.clock.instant());

        // tampered: task B's id under task A's signature
        assertRefusal(f.handler().handleRequest(get(b + tokenA.substring(a.length()), null), null));
        assertRefusal(f.handler().handleRequest(get("garbage", null), null));
        assertRefusal(f.handler().handleRequest(get(tokenA.substring(0, tokenA.length() - 1) + "x", null), null));
        // reused for another task: the form names task B, the token is for task A
        assertRefusal(f.handler().handleRequest(post(tokenA, goodForm(b)), null));
        assertEquals(FollowUpTask.Status.OPEN, f.store.find(b).orElseThrow().status());
        assertEquals(FollowUpTask.Status.OPEN, f.store.find(a).orElseThrow().status());
        // a good token for a task that does not exist
        assertRefusal(f.handler().handleRequest(get(f.tokens.issue("T000000000000", f.clock.instant()), null), null));
        // expired
        f.clock.advance(Duration.ofHours(73));
        assertRefusal(f.handler().handleRequest(get(tokenB, null), null));
        assertRefusal(f.handler().handleRequest(post(tokenB, goodForm(b)), null));
        assertEquals(FollowUpTask.Status.OPEN, f.store.find(b).orElseThrow().status());
        List<String> refusals = f.auditActions("followup-link:refused");
        assertTrue(refusals.containsAll(List.of("followUp.viewRefused.bad_signature", "followUp.viewRefused.malformed",
                "followUp.postRefused.other_task", "followUp.viewRefused.expired", "followUp.postRefused.expired")), refusals.toString());
    }

    @Test
    void anIncompleteFormIsShownAgainWithItsErrorsAndTheTaskStaysOpen() {
        String a = f.createSampleTask();
        String token = f.tokens.issue(a, f.clock.instant());
        Map<String, String> form = goodForm(a);
        form.remove("reached");
        form.put("cause", "diagnosis");
        form.put("note", "<script>alert(1)</script> 010190-1234");
        APIGatewayV2HTTPResponse r = f.handler().handleRequest(post(token, form), null);
        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("Vælg ja eller nej."));
        assertTrue(r.getBody().contains("Vælg en årsag."));
        assertTrue(r.getBody().contains("Skriv ikke CPR-nummer her. Noten er tømt"), r.getBody());
        assertFalse(r.getBody().contains("<script>alert"));
        // the note with the number is never echoed back into the text box
        assertFalse(r.getBody().contains("010190") || r.getBody().contains("alert(1)"), r.getBody());
        assertTrue(r.getBody().contains("maxlength=\"1000\"></textarea>"), "the note is emptied");
        // the allowed choices stay selected; a refused value is not echoed
        assertTrue(r.getBody().contains("<option value=\"call_again\" selected>"));
        assertFalse(r.getBody().contains("diagnosis"));
        assertEquals(FollowUpTask.Status.OPEN, f.store.find(a).orElseThrow().status());
        assertTrue(f.auditActions("followup:" + a).contains("followUp.postInvalid"));
    }

    @Test
    void onlyUrlEncodedFormsWithinTheLimitAreRead() {
        String a = f.createSampleTask();
        String token = f.tokens.issue(a, f.clock.instant());
        APIGatewayV2HTTPEvent json = post(token, goodForm(a));
        json.setHeaders(Map.of("content-type", "application/json"));
        assertEquals(400, f.handler().handleRequest(json, null).getStatusCode());
        Map<String, String> big = goodForm(a);
        big.put("note", "x".repeat(9000));
        assertEquals(400, f.handler().handleRequest(post(token, big), null).getStatusCode());
        APIGatewayV2HTTPEvent dup = post(token, goodForm(a));
        dup.setBody(dup.getBody() + "&reached=yes");
        assertEquals(400, f.handler().handleRequest(dup, null).getStatusCode());
        APIGatewayV2HTTPEvent put = get(token, null);
        put.getRequestContext().getHttp().setMethod("PUT");
        assertEquals(405, f.handler().handleRequest(put, null).getStatusCode());
        assertEquals(FollowUpTask.Status.OPEN, f.store.find(a).orElseThrow().status());
    }

    @Test
    void controlCharactersAreRefusedButTheNoteKeepsItsNewlinesAndTabsAsEveryFreeTextDoes() {
        String a = f.createSampleTask();
        String token = f.tokens.issue(a, f.clock.instant());
        for (String bad : List.of("Ringer\u0000 igen", "del\u007f", "c1\u0085", "ls\u2028x", "ps\u2029x", "bell\u0007x")) {
            Map<String, String> form = goodForm(a);
            form.put("note", bad);
            APIGatewayV2HTTPResponse r = f.handler().handleRequest(post(token, form), null);
            assertEquals(400, r.getStatusCode(), bad);
            assertTrue(r.getBody().contains("Noten indeholder kontroltegn."), r.getBody());
            assertFalse(r.getBody().contains(bad), "not echoed");
        }
        Map<String, String> single = goodForm(a);
        single.put("reached", "no\n");
        assertEquals(400, f.handler().handleRequest(post(token, single), null).getStatusCode());
        assertEquals(FollowUpTask.Status.OPEN, f.store.find(a).orElseThrow().status());

        Map<String, String> ok = goodForm(a);
        ok.put("note", "Linje et\r\nLinje to\tmed tab");
        assertEquals(200, f.handler().handleRequest(post(token, ok), null).getStatusCode());
        assertEquals("Linje et\nLinje to\tmed tab", f.store.find(a).orElseThrow().outcome().note());
    }

    @Test
    void aClosedTaskSaysWhoClosedItAndWhenNotThatNothingChanged() {
        f.createSampleTask();
        f.handler().handleRequest(Events.read("follow-up-page-post.json", APIGatewayV2HTTPEvent.class), null);
        f.clock.advance(Duration.ofHours(2));
        String view = f.handler().handleRequest(get(SAMPLE_TOKEN, null), null).getBody();
        assertFalse(view.contains("Intet er ændret"), view);
        assertTrue(view.contains("Opgaven er registreret og lukket."), view);
        assertTrue(view.contains("Lukket mandag den 23. november 2026 kl. 10:00 af konsulent c1 via linket."), view);
        String en = f.handler().handleRequest(get(SAMPLE_TOKEN, "en"), null).getBody();
        assertTrue(en.contains("by consultant c1 through the link"), en);
        String again = f.handler().handleRequest(post(SAMPLE_TOKEN, goodForm("T3B9FAVTPV0QH")), null).getBody();
        assertTrue(again.contains("er ikke gemt") && again.contains("af konsulent c1"), again);
    }

    @Test
    void headAnswersAsGetWithoutABodyAndEveryAnswerSendsHsts() {
        f.createSampleTask();
        APIGatewayV2HTTPResponse got = f.handler().handleRequest(get(SAMPLE_TOKEN, null), null);
        APIGatewayV2HTTPEvent head = get(SAMPLE_TOKEN, null);
        head.getRequestContext().getHttp().setMethod("HEAD");
        APIGatewayV2HTTPResponse r = f.handler().handleRequest(head, null);
        assertEquals(200, r.getStatusCode());
        assertEquals("", r.getBody());
        assertEquals("text/html; charset=utf-8", r.getHeaders().get("content-type"));
        assertEquals(Integer.toString(got.getBody().getBytes(StandardCharsets.UTF_8).length), r.getHeaders().get("content-length"));
        for (APIGatewayV2HTTPResponse any : List.of(got, r, f.handler().handleRequest(get("garbage", null), null))) {
            assertEquals("max-age=31536000; includeSubDomains", any.getHeaders().get("strict-transport-security"));
        }
        APIGatewayV2HTTPEvent headBad = get("garbage", null);
        headBad.getRequestContext().getHttp().setMethod("HEAD");
        assertEquals(403, f.handler().handleRequest(headBad, null).getStatusCode());
    }

    @Test
    void anUnexpectedFailureIsCountedAndLoggedWithFramesButNoMessage() {
        f.createSampleTask();
        // an audit table that does not exist: the view fails inside DynamoDB
        dk.rampe.platform.RampeConfig broken = dk.rampe.platform.RampeConfig.from(Map.of("RAMPE_TABLE", f.config.table(),
                "RAMPE_AUDIT_TABLE", "no-such-table", "RAMPE_PUBLIC_BASE_URL", "https://x.example"));
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        APIGatewayV2HTTPResponse r;
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            r = new FollowUpPageHandler(broken, f.nudges, f.dynamo, f.clock).handleRequest(get(SAMPLE_TOKEN, null), null);
        } finally {
            System.setOut(out);
        }
        assertEquals(500, r.getStatusCode());
        assertFalse(r.getBody().contains("no-such-table"));
        String log = captured.toString(StandardCharsets.UTF_8);
        String error = log.lines().filter(l -> l.contains("\"followUpPage.failed\"")).findFirst().orElseThrow();
        assertTrue(error.contains("\"exception\":\"software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException\""), error);
        assertTrue(error.contains("\"frames\":\"") && error.contains("dk.rampe.dynamodb.DynamoAuditLog.record:"), error);
        assertFalse(error.contains("no-such-table") || error.contains("Requested resource not found"), "never the message");
        assertTrue(log.lines().anyMatch(l -> l.startsWith("{\"_aws\"") && l.contains("\"Name\":\"UnexpectedErrors\"")
                && l.contains("\"UnexpectedErrors\":1")), log);
    }

    @Test
    void thePageTitleCarriesTheConfiguredProductName() {
        f.createSampleTask();
        assertTrue(f.handler().handleRequest(get(SAMPLE_TOKEN, null), null).getBody()
                .contains("<title>Fravær i dag · Rampe</title>"));
        dk.rampe.platform.NudgeConfig named = dk.rampe.platform.NudgeConfig.from(Map.of("RAMPE_PRODUCT_NAME", "Jobspor Nord"));
        String html = new FollowUpPageHandler(f.config, named, f.dynamo, f.clock).handleRequest(get(SAMPLE_TOKEN, null), null)
                .getBody();
        assertTrue(html.contains("<title>Fravær i dag · Jobspor Nord</title>"), html);
        assertFalse(html.contains("Rampe"), html);
    }
}
