package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.intake.ReferralIntakeHandler;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import dk.rampe.testkit.RampeFixture;
import dk.rampe.web.WebAppHandler;
import dk.rampe.web.WebConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * One set of use cases behind both doors: every API operation that changes a referral, and the web
 * app's form that does the same, run with the same inputs on two fresh referrals (one through each
 * door) by the same people at the same moment, on one table. After each operation the items it wrote
 * (the referral, its path, plan, attendance, follow-ups, due work) and the messages it put in the
 * outbox are the same on both sides once ids and timestamps are masked. The operations without a
 * form on the other side are listed in {@link #ONE_DOOR_ONLY}, not left out silently.
 */
class ApiWebParityTest {
    /** API operations that change a referral with no web form yet, and web forms with no API operation. */
    static final Map<String, String> ONE_DOOR_ONLY = Map.of(
            "PUT /v1/referrals/{referralId}/consultant", "API only: the web app has no form to hand a participant over",
            "POST /app/referrals/{id}/plan", "web only: the API reads the plan (GET …/plan) but does not change it",
            "POST /app/referrals/{id}/follow-up", "web only: closing a follow-up is the follow-up page's form "
                    + "(/f/{token}, the same FollowUpPageService rules), not an API operation");

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Map<String, String> AARHUS = Map.of("client_id", "jobcenter-aarhus-client",
            "scope", "rampe/referrals", "token_use", "access");
    private static final Map<String, String> ANNA = Map.of("username", "c-anna", "cognito:groups", "[rampe-staff]",
            "token_use", "access");

    private final RampeFixture f = new RampeFixture(RampeFixture.MORNING,
            Map.of("RAMPE_MATCH_KEY_SECRET", "test-pepper-0123456789abcdef"));
    private final ReferralIntakeHandler api;
    private final WebAppHandler web;

    ApiWebParityTest() throws Exception {
        f.loadSettings(Events.text("settings-sample.json"));
        api = new ReferralIntakeHandler(f.config, f.nudges, f.dynamo, f.clock);
        web = new WebAppHandler(f.config, f.nudges, f.dynamo, f.clock,
                WebConfig.local(Events.folder().resolve("local-tokens.json")), null);
    }

    /** One operation: the API's route and JSON body, the web form's action and fields. */
    record Operation(String apiRoute, String apiBody, String webAction, Map<String, String> webForm) {
    }

    @Test
    void everyOperationThatChangesAReferralStoresAndSendsTheSameThroughTheApiAndTheWebApp() throws Exception {
        String today = "2026-11-23";
        String tomorrow = "2026-11-24";
        // every step dated as it happened: received a week ago, decided, enrolled, in an internship and left since
        String received = "2026-11-16";
        String decided = "2026-11-17";
        String started = "2026-11-18";
        String internship = "2026-11-19";
        String exited = "2026-11-20";
        List<Operation> operations = List.of(
                new Operation("POST /v1/referrals/{referralId}/visitation",
                        "{\"decision\":\"accepted\",\"reason\":\"Passer godt til forløbet.\",\"decidedOn\":\"" + decided + "\"}",
                        "visitation", Map.of("decision", "accepted", "reasonCode", "", "reason", "Passer godt til forløbet.",
                                "decidedOn", decided)),
                new Operation("POST /v1/referrals/{referralId}/enrolment",
                        "{\"absenceSmsConsent\":true,\"startedOn\":\"" + started + "\"}",
                        "enrolment", Map.of("smsConsent", "yes", "startedOn", started)),
                new Operation("PUT /v1/referrals/{referralId}/attendance-plan",
                        "{\"steps\":[{\"validFrom\":\"" + today + "\",\"weekdays\":[\"monday\",\"tuesday\",\"wednesday\"],"
                                + "\"start\":\"09:00\",\"minutesPerDay\":240}]}",
                        "attendance-plan", Map.of("ap.validFrom", today, "ap.weekday.monday", "1", "ap.weekday.tuesday", "1",
                                "ap.weekday.wednesday", "1", "ap.start", "09:00", "ap.hoursPerDay", "4")),
                new Operation("POST /v1/referrals/{referralId}/attendance",
                        "{\"date\":\"" + today + "\",\"status\":\"late\",\"arrival\":\"09:20\"}",
                        "attendance", Map.of("reg.date", today, "reg.status", "late", "reg.arrival", "09:20")),
                new Operation("POST /v1/referrals/{referralId}/attendance",
                        "{\"date\":\"" + today + "\",\"status\":\"excused\",\"reason\":\"sick\"}",
                        "attendance", Map.of("reg.date", today, "reg.status", "excused", "reg.reason", "sick")),
                new Operation("POST /v1/referrals/{referralId}/attendance-agreements",
                        "{\"date\":\"" + tomorrow + "\",\"start\":\"09:00\",\"minutes\":120}",
                        "attendance-agreement", Map.of("ag.date", tomorrow, "ag.kind", "shorter", "ag.hours", "2")),
                new Operation("POST /v1/referrals/{referralId}/follow-ups",
                        "{\"kind\":\"follow_up_due\",\"dueAt\":\"" + tomorrow + "T10:00:00Z\"}",
                        "follow-up-plan", Map.of("fu.date", tomorrow, "fu.time", "11:00")),
                new Operation("POST /v1/referrals/{referralId}/milestones",
                        "{\"type\":\"internship_started\",\"effectiveOn\":\"" + internship + "\",\"employer\":\"Lageret\","
                                + "\"expectedEnd\":\"2027-01-15\",\"note\":\"Tre dage om ugen.\"}",
                        "milestone", Map.of("ms.type", "internship_started", "ms.effectiveOn", internship,
                                "ms.employer", "Lageret", "ms.expectedEnd", "2027-01-15", "ms.note", "Tre dage om ugen.")),
                new Operation("POST /v1/referrals/{referralId}/exit",
                        "{\"outcome\":\"further_assessment\",\"exitedOn\":\"" + exited + "\",\"note\":\"Stoppede selv.\",\"description\":{\"progress\":\"Mødte "
                                + "stabilt i fire uger.\",\"stability\":\"Svingende.\",\"employersContacted\":[\"Lageret\","
                                + "\"Gartneriet\"],\"tasksTried\":[\"Plukning\"],\"direction\":\"Kortere dage.\"}}",
                        "exit", Map.of("outcome", "further_assessment", "exitedOn", exited, "note", "Stoppede selv.",
                                "xd.progress", "Mødte stabilt i fire uger.", "xd.stability", "Svingende.",
                                "xd.employersContacted", "Lageret\r\nGartneriet", "xd.tasksTried", "Plukning",
                                "xd.direction", "Kortere dage.")));

        // every API route that changes a referral is either run here or listed as having one door only
        List<String> covered = new ArrayList<>(operations.stream().map(Operation::apiRoute).toList());
        covered.add("POST /v1/referrals");
        covered.addAll(ONE_DOOR_ONLY.keySet());
        for (String route : changingRoutesOfTheTemplate()) {
            assertTrue(covered.contains(route), route + " changes a referral: run it against its web form here, or list "
                    + "it in ONE_DOOR_ONLY");
        }

        // two fresh referrals, the same details: one sent to the API, one through the web app's form
        Map<String, List<String>> before = snapshot();
        String viaApi = Json.parse(call(apiEvent("POST /v1/referrals", null, Events.text("referral-intake/referral.json")
                .replace("\"010190-1234\"", "\"010190-1234\"").replace("Søren Ærø Østergård", "Mette Sørensen")
                .replaceFirst("\\{", "{\"receivedAt\":\"" + received + "\","),
                AARHUS, "idempotency-key", "parity-referral")).getBody()).path("referralId").asText();
        Map<String, List<String>> afterApi = snapshot();
        Browser caseworker = new Browser("local-jobcenter-aarhus");
        String viaWeb = caseworker.submitReferral(received);
        Map<String, List<String>> afterWeb = snapshot();
        assertSame("sending a referral", changed(before, afterApi, viaApi), changed(afterApi, afterWeb, viaWeb));

        Browser consultant = new Browser("local-consultant-anna");
        Map<String, Long> sent = new LinkedHashMap<>();
        for (Operation op : operations) {
            String dated = DATED.get(op.webAction());
            if (dated != null) sameRefusal(op, dated, viaApi, viaWeb, consultant);
            Map<String, List<String>> start = snapshot();
            APIGatewayV2HTTPResponse a = call(apiEvent(op.apiRoute(), viaApi, op.apiBody(), ANNA));
            assertTrue(a.getStatusCode() < 300, op.apiRoute() + ": " + a.getStatusCode() + " " + a.getBody());
            Map<String, List<String>> middle = snapshot();
            consultant.act(viaWeb, op.webAction(), op.webForm());
            Map<String, List<String>> end = snapshot();
            List<String> stored = changed(start, middle, viaApi);
            assertSame(op.apiRoute() + " and the web form /app/referrals/{id}/" + op.webAction(), stored,
                    changed(middle, end, viaWeb));
            sent.merge(op.webAction(), stored.stream().filter(i -> i.startsWith("OUTBOX#")).count(), Long::sum);
            sent.merge(op.webAction() + " to the caseworker", stored.stream().filter(i -> i.startsWith("OUTBOX#")
                    && i.contains("recipient=AttributeValue(S=birthe.aagaard@jobcenter.example)")).count(), Long::sum);
            f.clock.advance(Duration.ofMinutes(1));
        }
        // the messages compared above: the consultant's follow-up (email and SMS, each with its reminder), which the
        // exit marks for deletion with the referral's data; for an exit without a job the caseworker's one notice
        // that the exit description is ready
        assertEquals(4L, sent.get("follow-up-plan"), sent.toString());
        assertEquals(5L, sent.get("exit"), sent.toString());
        assertEquals(1L, sent.get("exit to the caseworker"), sent.toString());
        assertEquals(0L, sent.get("visitation"), sent.toString());
    }

    /** The operations dated by the day they happened: the API's date field, by the web form's action. */
    private static final Map<String, String> DATED = Map.of("visitation", "decidedOn", "enrolment", "startedOn",
            "milestone", "effectiveOn", "exit", "exitedOn");
    /** A day before the referral was received: outside every dated step's window. */
    private static final String TOO_EARLY = "2026-11-10";

    /**
     * A dated step given a day outside its window is refused by both doors, before anything is written, on the same
     * field with the same Danish message (the web page writes its dates the Danish way): the API's problem names it,
     * the web form shows it beside the field and in the error summary.
     */
    private void sameRefusal(Operation op, String apiField, String viaApi, String viaWeb, Browser consultant)
            throws Exception {
        String webField = "milestone".equals(op.webAction()) ? "ms." + apiField : apiField;
        Map<String, List<String>> start = snapshot();
        APIGatewayV2HTTPEvent e = apiEvent(op.apiRoute(), viaApi, op.apiBody().replaceFirst("\"" + apiField
                + "\":\"[0-9-]+\"", "\"" + apiField + "\":\"" + TOO_EARLY + "\""), ANNA);
        e.getHeaders().put("accept-language", "da");
        APIGatewayV2HTTPResponse a = call(e);
        assertEquals(400, a.getStatusCode(), op.apiRoute() + ": " + a.getBody());
        com.fasterxml.jackson.databind.JsonNode error = Json.parse(a.getBody()).path("errors").path(0);
        assertEquals(apiField, error.path("field").asText(), a.getBody());
        assertEquals("date.range", error.path("code").asText(), a.getBody());
        Map<String, String> form = new LinkedHashMap<>(op.webForm());
        form.put(webField, TOO_EARLY);
        String page = consultant.refused(viaWeb, op.webAction(), form);
        // the same message, its dates written as the pages write dates (16. nov. 2026)
        String message = escaped(Pattern.compile("\\d{4}-\\d\\d-\\d\\d").matcher(error.path("message").asText())
                .replaceAll(d -> java.time.LocalDate.parse(d.group()).format(java.time.format.DateTimeFormatter
                        .ofPattern("d. MMM yyyy", java.util.Locale.forLanguageTag("da-DK")))));
        String id = "f-" + webField.replaceAll("[^A-Za-z0-9]+", "-");
        assertTrue(page.contains("data-field=\"" + webField + "\">" + message + "</p>"), "beside the field: " + page);
        assertTrue(page.matches("(?s).*<li><a href=\"#" + id + "\">[^<]+</a>: " + Pattern.quote(message) + "</li>.*"),
                "the error summary names the field: " + page);
        assertEquals(List.of(), changed(start, snapshot(), viaApi), op.apiRoute() + ": nothing written");
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The routes in the SAM template that change a referral (every POST and PUT under /v1/referrals). */
    private static List<String> changingRoutesOfTheTemplate() throws Exception {
        List<String> routes = new ArrayList<>();
        Matcher m = Pattern.compile("Method: (POST|PUT), Path: '?(/v1/referrals[^' ,]*)")
                .matcher(java.nio.file.Files.readString(Events.folder().getParent().resolve("infra/sam-template.yaml")));
        while (m.find()) routes.add(m.group(1) + " " + m.group(2));
        assertTrue(routes.size() >= 10, routes.toString());
        return routes;
    }

    private void assertSame(String operation, List<String> viaApi, List<String> viaWeb) {
        assertTrue(!viaApi.isEmpty(), operation + " stored nothing");
        assertEquals(String.join("\n", viaApi), String.join("\n", viaWeb),
                operation + ": the items written through the API (expected) and through the web app (actual) differ");
    }

    /**
     * Every item of the table, by key, as text with its attributes in order; the audit trail (its own
     * table) says which door was used and is left out.
     */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : f.dynamo.scanPaginator(ScanRequest.builder()
                .tableName(f.config.table()).build()).items()) {
            String key = item.get("pk").s() + " " + item.get("sk").s();
            items.put(key, List.of(new TreeMap<>(item).toString()));
        }
        return items;
    }

    /**
     * The items {@code before} → {@code after} added or changed, masked: the referral's id, other ids,
     * times, and what each referral has its own of (the citizen's CPR and match key, the jobcentre's
     * reference, the request's idempotency key), sorted.
     */
    private static List<String> changed(Map<String, List<String>> before, Map<String, List<String>> after,
                                        String referralId) {
        List<String> out = new ArrayList<>();
        for (var e : after.entrySet()) {
            if (e.getValue().equals(before.get(e.getKey()))) continue;
            String text = e.getKey() + " -> " + e.getValue().get(0);
            if (e.getKey().startsWith("SWEEP#") || e.getKey().startsWith("SETTINGS")) continue;
            out.add(mask(text.replace(referralId, "<referral>")));
        }
        out.sort(null);
        return out;
    }

    static String mask(String text) {
        if (text.contains("type=AttributeValue(S=intakeCounter)")) {
            text = text.replaceAll("count=AttributeValue\\(N=\\d+\\)", "count=<n>"); // counts both, one after the other
        }
        return text
                .replaceAll("\\b[0-9a-f]{64}\\b", "<hash>") // the citizen's match key, the request's fingerprint
                .replaceAll("Idempotency-Key#[A-Za-z0-9._:-]+", "Idempotency-Key#<key>")
                .replaceAll("/([ft])/[A-Za-z0-9._-]+", "/$1/<signed link>") // signed for each task
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z", "<time>")
                .replaceAll("AAR-2026-\\d+", "<reference>")
                .replaceAll("010190-?1234|020285-?1234", "<cpr>")
                .replaceAll("\\b[A-Z](?:[0-9A-Z]{12,25}|[0-9a-f]{32})\\b", "<id>");
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
        return api.handleRequest(e, null);
    }

    /** An API call shaped like the sample events, with the caller's token claims. */
    private static APIGatewayV2HTTPEvent apiEvent(String route, String referralId, String body, Map<String, String> claims,
                                                  String... headers) {
        APIGatewayV2HTTPEvent e = Events.read("referral-intake/get-referral.json", APIGatewayV2HTTPEvent.class);
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        e.setRouteKey(route);
        e.getRequestContext().setRouteKey(route);
        e.getRequestContext().getHttp().setMethod(method);
        e.setRawPath(referralId == null ? path : path.replace("{referralId}", referralId));
        e.setPathParameters(referralId == null ? null : Map.of("referralId", referralId));
        Map<String, String> h = new HashMap<>(e.getHeaders());
        h.put("content-type", "application/json");
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i], headers[i + 1]);
        e.setHeaders(h);
        e.setBody(body);
        e.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>(claims));
        return e;
    }

    /** A browser logged in as a local user: keeps its cookies, posts forms with the page's CSRF token. */
    private final class Browser {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Browser(String user) {
            APIGatewayV2HTTPResponse in = send("POST", "/app/login", Map.of("user", user));
            assertEquals(303, in.getStatusCode(), in.getBody());
        }

        String submitReferral(String receivedAt) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", csrf("/app/referrals/new"));
            form.put("programmeId", "rampe-oestjylland");
            form.put("jobcentreReference", "AAR-2026-00043");
            form.put("citizen.cpr", "020285-1234");
            form.put("citizen.name", "Mette Sørensen");
            form.put("citizen.phone", "20 12 34 56");
            form.put("citizen.email", "soeren@example.dk");
            form.put("benefit", "kontanthjaelp");
            form.put("caseworker.name", "Birthe Ågård");
            form.put("caseworker.email", "birthe.aagaard@jobcenter.example");
            form.put("caseworker.phone", "+45 87 13 00 00");
            form.put("jobWishes[0]", "Lager og logistik");
            form.put("jobWishes[1]", "Gartneri");
            form.put("jobWishes[2]", "Café");
            form.put("motivation", "Vil gerne have en hverdag med faste rammer.");
            form.put("transport", "Bus; kan cykle korte ture.");
            form.put("otherIssues", "Søvn og struktur om morgenen.");
            form.put("subGoals[0]", "Møde op to dage om ugen");
            form.put("subGoals[1]", "Tage bussen alene");
            form.put("relativesConsent", "no");
            form.put("desiredStart", "2026-12-07");
            form.put("receivedAt", receivedAt);
            APIGatewayV2HTTPResponse sent = send("POST", "/app/referrals", form);
            assertEquals(303, sent.getStatusCode(), sent.getBody());
            Matcher m = Pattern.compile("/app/referrals/(R[0-9A-Z]{12})").matcher(sent.getHeaders().get("location"));
            assertTrue(m.find(), sent.getHeaders().toString());
            return m.group(1);
        }

        void act(String referralId, String action, Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("csrf", csrf("/app/referrals/" + referralId));
            APIGatewayV2HTTPResponse r = send("POST", "/app/referrals/" + referralId + "/" + action, form);
            assertEquals(303, r.getStatusCode(), action + ": " + r.getBody());
        }

        /** A form the app refuses (400): the task's page it answers with. */
        String refused(String referralId, String action, Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("csrf", csrf("/app/referrals/" + referralId));
            APIGatewayV2HTTPResponse r = send("POST", "/app/referrals/" + referralId + "/" + action, form);
            assertEquals(400, r.getStatusCode(), action + ": " + r.getBody());
            return r.getBody();
        }

        private String csrf(String page) {
            APIGatewayV2HTTPResponse r = send("GET", page, null);
            Matcher m = CSRF.matcher(r.getBody());
            assertTrue(m.find(), page + ": " + r.getStatusCode() + " " + r.getBody());
            return m.group(1);
        }

        private APIGatewayV2HTTPResponse send(String method, String path, Map<String, String> form) {
            Map<String, String> headers = new HashMap<>();
            headers.put("host", "127.0.0.1:8787");
            headers.put("accept-language", "da");
            String body = null;
            if (form != null) {
                headers.put("origin", "http://127.0.0.1:8787");
                headers.put("content-type", "application/x-www-form-urlencoded");
                body = Base64.getEncoder().encodeToString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8));
            }
            String routeKey = method + " /app/{proxy+}";
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
                    .withRawPath(path).withRawQueryString("").withHeaders(headers)
                    .withCookies(cookies.isEmpty() ? null : cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                            .withRequestId("parity-" + System.nanoTime())
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                    .build()).build())
                    .withBody(body).withIsBase64Encoded(body != null).build();
            APIGatewayV2HTTPResponse r = web.handleRequest(event, null);
            for (String c : r.getCookies() == null ? List.<String>of() : r.getCookies()) {
                String nv = c.split(";", 2)[0];
                cookies.put(nv.substring(0, nv.indexOf('=')), nv.substring(nv.indexOf('=') + 1));
            }
            return r;
        }
    }
}
