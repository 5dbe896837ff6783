package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The managed-login round trip against a stand-in token endpoint on 127.0.0.1: the redirect
 * carries state and an S256 challenge, the code is exchanged with the matching verifier, and
 * the ID token's groups make the same caller as the API's; a wrong state, a token for another
 * client or an expired one is refused.
 */
class CognitoLoginTest {
    private static final String CLIENT = "web-app-client";
    private static final String ISSUER = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_test";

    private final AtomicReference<String> challenge = new AtomicReference<>();
    private final AtomicReference<Map<String, Object>> nextToken = new AtomicReference<>();

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private HttpServer tokenEndpoint() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", ex -> {
            Map<String, String> form = new HashMap<>();
            for (String kv : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] p = kv.split("=", 2);
                form.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
            boolean ok = "authorization_code".equals(form.get("grant_type")) && "the-code".equals(form.get("code"))
                    && CLIENT.equals(form.get("client_id"))
                    && CognitoLogin.challenge(form.get("code_verifier")).equals(challenge.get());
            Map<String, Object> claims = nextToken.get();
            StringBuilder json = new StringBuilder("{");
            claims.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(v instanceof String s ? "\"" + s + "\"" : v.toString()));
            json.append('}');
            String body = ok ? "{\"id_token\":\"" + b64("{\"alg\":\"RS256\"}") + "." + b64(json.toString()) + ".sig\","
                    + "\"access_token\":\"a\",\"token_type\":\"Bearer\"}" : "{\"error\":\"invalid_grant\"}";
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("content-type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 400, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        return server;
    }

    private APIGatewayV2HTTPResponse get(WebAppHandler h, String path, Map<String, String> query, List<String> cookies) {
        return h.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path)
                .withHeaders(Map.of("host", "127.0.0.1")).withQueryStringParameters(query).withCookies(cookies)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .build()).build(), null);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> q = new HashMap<>();
        for (String kv : location.substring(location.indexOf('?') + 1).split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void aConsultantLogsInThroughTheManagedLoginWithPkce() throws Exception {
        WebFixture f = new WebFixture();
        HttpServer server = tokenEndpoint();
        try {
            String domain = "http://127.0.0.1:" + server.getAddress().getPort();
            WebAppHandler h = new WebAppHandler(f.config, f.dynamo, f.clock, WebConfig.cognito(domain, CLIENT, ISSUER));
            long exp = f.clock.instant().getEpochSecond() + 3600;

            APIGatewayV2HTTPResponse toCognito = get(h, "/app/login", null, null);
            assertEquals(303, toCognito.getStatusCode());
            String location = toCognito.getHeaders().get("location");
            assertTrue(location.startsWith(domain + "/oauth2/authorize?response_type=code&client_id=" + CLIENT), location);
            Map<String, String> q = query(location);
            assertEquals("S256", q.get("code_challenge_method"));
            assertEquals("http://127.0.0.1:8787/app/auth/callback", q.get("redirect_uri"));
            challenge.set(q.get("code_challenge"));
            String loginCookie = toCognito.getCookies().get(0).split(";")[0];
            assertTrue(toCognito.getCookies().get(0).contains("HttpOnly"));

            // a wrong state is refused before any token is asked for
            assertEquals(403, get(h, "/app/auth/callback", Map.of("code", "the-code", "state", "other"),
                    List.of(loginCookie)).getStatusCode());
            // a token for another client is refused
            nextToken.set(Map.of("iss", ISSUER, "aud", "someone-else", "token_use", "id", "exp", exp,
                    "cognito:username", "c-anna", "sub", "s1"));
            assertEquals(403, get(h, "/app/auth/callback", Map.of("code", "the-code", "state", q.get("state")),
                    List.of(loginCookie)).getStatusCode());

            nextToken.set(Map.of("iss", ISSUER, "aud", CLIENT, "token_use", "id", "exp", exp,
                    "cognito:username", "c-anna", "sub", "s1", "cognito:groups", new StringBuilder("[\"rampe-staff\"]")));
            APIGatewayV2HTTPResponse back = get(h, "/app/auth/callback", Map.of("code", "the-code", "state", q.get("state")),
                    List.of(loginCookie));
            assertEquals(303, back.getStatusCode(), back.getBody());
            assertEquals("/app/participants", back.getHeaders().get("location"), "a consultant, as the API sees her");
            String session = back.getCookies().stream().filter(c -> c.startsWith("rampe_session=")).findFirst()
                    .orElseThrow().split(";")[0];
            APIGatewayV2HTTPResponse queue = get(h, "/app/queue", null, List.of(session));
            assertEquals(200, queue.getStatusCode());

            // logging out ends Cognito's session too: through the managed login's /logout, back to /app/logged-out
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                    .matcher(queue.getBody());
            assertTrue(csrf.find());
            String form = "csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            APIGatewayV2HTTPResponse out = h.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                    .withRawPath("/app/logout").withHeaders(Map.of("host", "127.0.0.1:8787", "origin", "http://127.0.0.1:8787",
                            "content-type", "application/x-www-form-urlencoded")).withCookies(List.of(session))
                    .withBody(java.util.Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)))
                    .withIsBase64Encoded(true)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
                            APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/app/logout")
                                    .build()).build()).build(), null);
            assertEquals(303, out.getStatusCode(), out.getBody());
            assertEquals(domain + "/logout?client_id=" + CLIENT + "&logout_uri="
                    + java.net.URLEncoder.encode("http://127.0.0.1:8787/app/logged-out", StandardCharsets.UTF_8),
                    out.getHeaders().get("location"));
            assertTrue(out.getCookies().stream().anyMatch(c -> c.startsWith("rampe_session=;") && c.contains("Max-Age=0")),
                    "the app's cookie is cleared");
            APIGatewayV2HTTPResponse loggedOut = get(h, "/app/logged-out", null, null);
            assertEquals(200, loggedOut.getStatusCode());
            assertTrue(loggedOut.getBody().contains("href=\"/app/login\""));
        } finally {
            server.stop(0);
        }
    }
}
