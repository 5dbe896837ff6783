package dk.rampe.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.json.Json;
import dk.rampe.json.SettingsCodec;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.embedded.Tables;
import dk.rampe.platform.RampeConfig;
import dk.rampe.testkit.TestClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB Local for the JVM; fresh tables, the sample settings and a test clock per
 * fixture; the handler called with the events API Gateway would send (form posts base64-encoded,
 * cookies in the event's cookie list), and a browser-like cookie jar per user.
 */
final class WebFixture {
    static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final DynamoLocal DYNAMO = DynamoLocal.inMemory();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ID = Pattern.compile("name=\"formId\" value=\"([^\"]+)\"");

    final DynamoDbClient dynamo = DYNAMO.client();
    final RampeConfig config;
    final TestClock clock = new TestClock(MORNING);
    final WebAppHandler handler;

    WebFixture() {
        this(null);
    }

    /** With the monthly reports the owner's pages read. */
    WebFixture(dk.rampe.report.ReportArchive reports) {
        int n = COUNTER.incrementAndGet();
        Map<String, String> env = Map.of("RAMPE_TABLE", "web-" + n, "RAMPE_AUDIT_TABLE", "web-audit-" + n);
        Tables.createAll(SamTemplate.bundled(), dynamo, env);
        config = RampeConfig.from(env);
        try {
            new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ZERO)
                    .replace(SettingsCodec.parse(Json.parse(Events.text("settings-sample.json"))), "test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        handler = new WebAppHandler(config, dynamo, clock, WebConfig.local(Events.folder().resolve("local-tokens.json")),
                reports);
    }

    record Page(int status, String body, Map<String, String> headers, List<String> cookies) {
        String location() {
            return headers.get("location");
        }

        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) throw new AssertionError("no CSRF token on the page:\n" + body);
            return m.group(1);
        }

        String formId() {
            Matcher m = FORM_ID.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Where the app sends a caseworker after a referral was sent. */
    static final java.util.regex.Pattern SENT = java.util.regex.Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");

    /** A browser: keeps its cookies. */
    final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        String origin = "http://127.0.0.1:8787";
        String language = "da";

        Page get(String pathAndQuery) {
            return send("GET", pathAndQuery, null);
        }

        Page post(String path, Map<String, String> form) {
            return send("POST", path, form);
        }

        Page login(String user) {
            Page p = post("/app/login", Map.of("user", user));
            if (p.status() != 303) throw new AssertionError("login as " + user + ": " + p.status() + "\n" + p.body());
            return p;
        }

        /** As Aarhus's caseworker, the referral form sent: the new referral's id. */
        String sendReferral(String reference, String cpr) {
            return sendReferral(reference, cpr, Map.of());
        }

        /** As {@link #sendReferral(String, String)}, with {@code changed} fields typed differently. */
        String sendReferral(String reference, String cpr, Map<String, String> changed) {
            login("local-jobcenter-aarhus");
            Page form = get("/app/referrals/new");
            Map<String, String> fields = referralForm(form.csrf(), form.formId(), reference, cpr);
            fields.putAll(changed);
            Page sent = post("/app/referrals", fields);
            java.util.regex.Matcher m = SENT.matcher(String.valueOf(sent.location()));
            if (!m.matches()) throw new AssertionError("referral not sent: " + sent.location() + "\n" + sent.body());
            return m.group(1);
        }

        /** One of the participant's forms posted with the CSRF token of the participant's page. */
        Page postOnReferral(String id, String action, Map<String, String> fields) {
            Map<String, String> form = new java.util.HashMap<>(fields);
            form.put("csrf", get("/app/referrals/" + id).csrf());
            return post("/app/referrals/" + id + "/" + action, form);
        }

        Page send(String method, String pathAndQuery, Map<String, String> form) {
            Page p = call(method, pathAndQuery, form, cookies, origin, language);
            for (String c : p.cookies()) {
                String nv = c.split(";", 2)[0];
                int eq = nv.indexOf('=');
                String name = nv.substring(0, eq);
                String value = nv.substring(eq + 1);
                if (c.contains("Max-Age=0")) cookies.remove(name);
                else cookies.put(name, value);
            }
            return p;
        }
    }

    Browser browser() {
        return new Browser();
    }

    /**
     * A POST of {@code rawForm} exactly as given (already urlencoded: {@code %C3%28} stays the bytes
     * it names), as a hostile client sends it, with the browser's cookies.
     */
    Page postRaw(Browser b, String path, String rawForm) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:8787");
        headers.put("accept-language", b.language);
        headers.put("origin", b.origin);
        headers.put("content-type", "application/x-www-form-urlencoded");
        String routeKey = "POST /app/{proxy+}";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
                .withRawPath(path).withRawQueryString("").withHeaders(headers)
                .withCookies(b.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withRequestId("test-" + System.nanoTime())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path)
                                .build()).build())
                .withBody(rawForm).withIsBase64Encoded(false).build();
        APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
        return new Page(r.getStatusCode(), r.getBody(), r.getHeaders(), r.getCookies() == null ? List.of() : r.getCookies());
    }

    Page call(String method, String pathAndQuery, Map<String, String> form, Map<String, String> cookies, String origin,
              String language) {
        String path = pathAndQuery;
        Map<String, String> query = null;
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = new HashMap<>();
            for (String kv : pathAndQuery.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                query.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:8787");
        headers.put("accept-language", language);
        if (origin != null && "POST".equals(method)) headers.put("origin", origin);
        String body = null;
        if (form != null) {
            headers.put("content-type", "application/x-www-form-urlencoded");
            body = java.util.Base64.getEncoder().encodeToString(form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8));
        }
        String routeKey = path.equals("/app") ? method + " /app" : method + " /app/{proxy+}";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
                .withRawPath(path).withRawQueryString(q >= 0 ? pathAndQuery.substring(q + 1) : "")
                .withHeaders(headers).withQueryStringParameters(query)
                .withCookies(cookies.isEmpty() ? null : cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withRequestId("test-" + System.nanoTime())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .build()).build())
                .withBody(body).withIsBase64Encoded(body != null).build();
        APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
        return new Page(r.getStatusCode(), r.getBody(), r.getHeaders(), r.getCookies() == null ? List.of() : r.getCookies());
    }

    /** A complete, valid referral as the form sends it. */
    static Map<String, String> referralForm(String csrf, String formId, String reference, String cpr) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("csrf", csrf);
        if (formId != null) f.put("formId", formId);
        f.put("programmeId", "rampe-oestjylland");
        f.put("jobcentreReference", reference);
        f.put("citizen.cpr", cpr);
        f.put("citizen.name", "Mette Sørensen");
        f.put("citizen.phone", "20 12 34 56");
        f.put("citizen.email", "");
        f.put("benefit", "kontanthjaelp");
        f.put("caseworker.name", "Lise Sagsbehandler");
        f.put("caseworker.email", "lise@aarhus.example");
        f.put("caseworker.phone", "");
        f.put("jobWishes[0]", "Lager");
        f.put("jobWishes[1]", "");
        f.put("jobWishes[2]", "Gartneri");
        f.put("subGoals[0]", "Møde op tre dage om ugen");
        f.put("motivation", "Vil gerne i gang igen.");
        f.put("relativesConsent", "no");
        f.put("desiredStart", "2026-12-01");
        return f;
    }

    /** The follow-up service on the fixture's tables, as the intake function and the sweeps build it. */
    dk.rampe.followup.NudgeService nudges() {
        return dk.rampe.dynamodb.FollowUps.service(config, dk.rampe.platform.NudgeConfig.from(Map.of()), dynamo, clock);
    }

    /** A browser already logged in as staff member {@code username} (a session as the app signs it). */
    Browser staffSession(String username, boolean owner) {
        Browser b = new Browser();
        Session s = Session.start(dk.rampe.core.Caller.staff(username), owner, clock.instant(), Duration.ofMinutes(120));
        b.cookies.put("rampe_session", s.encode(WebConfig.LOCAL_SESSION_KEY.getBytes(StandardCharsets.UTF_8)));
        return b;
    }

    /** Replaces the settings with the sample's plus {@code extra} programmes (JSON objects as in the sample). */
    void settingsWith(String... extraProgrammes) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(Events.text("settings-sample.json"));
            for (String p : extraProgrammes) ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("programmes")).add(Json.parse(p));
            new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ZERO).replace(SettingsCodec.parse(root), "test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Audit actions for a subject, oldest first. */
    List<String> auditActions(String subject) {
        return dynamo.query(b -> b.tableName(config.auditTable()).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SUBJECT#" + subject)))).items()
                .stream().map(i -> i.get("action").s()).toList();
    }
}
