package dk.rampe.web;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Login through the Cognito user pool's managed login: the authorization code flow with PKCE.
 * {@link #start} sends the browser to Cognito with a random state and the S256 challenge of a
 * random verifier, both kept in a short-lived signed cookie; {@link #finish} checks the state,
 * exchanges the code (with the verifier) for tokens at the token endpoint, server to server,
 * and reads the ID token's claims. The ID token comes straight from the token endpoint over TLS,
 * so its issuer, audience, use and expiry are checked and its signature is not (OpenID Connect
 * Core 3.1.3.7). The claims become the same ones the API's JWT authorizer passes: username,
 * cognito:groups, and for a jobcentre caseworker the jobcentre's client id from the user
 * attribute {@code custom:rampe_client_id}.
 */
final class CognitoLogin {
    static final String COOKIE = "rampe_login";
    /** Where Cognito's /logout sends the browser back to (one of the app client's sign-out URLs). */
    static final String LOGGED_OUT = "/app/logged-out";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String domain;
    private final String clientId;
    private final String issuer;
    private final String redirectUri;
    private final String logoutUri;
    private final String jobcentreClaim;

    CognitoLogin(String domain, String clientId, String issuer, String publicBaseUrl, String jobcentreClaim) {
        this.domain = domain.endsWith("/") ? domain.substring(0, domain.length() - 1) : domain;
        this.clientId = clientId;
        this.issuer = issuer;
        this.redirectUri = publicBaseUrl + "/app/auth/callback";
        this.logoutUri = publicBaseUrl + LOGGED_OUT;
        this.jobcentreClaim = jobcentreClaim;
    }

    record Start(String location, String cookieValue) {
    }

    static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    Start start(byte[] key, Instant now) {
        String state = random();
        String verifier = random() + random();
        String payload = state + "|" + verifier + "|" + now.plusSeconds(600).getEpochSecond();
        String p = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String cookie = p + "." + B64.encodeToString(Session.hmac(key, "login|" + p));
        String location = domain + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(redirectUri) + "&scope=" + enc("openid email profile")
                + "&state=" + enc(state) + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        return new Start(location, cookie);
    }

    /**
     * Logging out ends Cognito's own session too: the managed login's {@code /logout} endpoint with the
     * app client and an allowed sign-out URL, which then sends the browser to {@link #LOGGED_OUT}.
     * Without it the next /app/login would sign the same person in again without asking.
     */
    String logoutLocation() {
        return domain + "/logout?client_id=" + enc(clientId) + "&logout_uri=" + enc(logoutUri);
    }

    /** The claims of the user who logged in, or {@link Refused}. */
    Map<String, String> finish(String code, String state, String cookie, byte[] key, Instant now) {
        if (code == null || state == null || cookie == null) throw new Refused("missing");
        int dot = cookie.indexOf('.');
        if (dot <= 0) throw new Refused("cookie");
        String p = cookie.substring(0, dot);
        byte[] sig;
        String payload;
        try {
            sig = Base64.getUrlDecoder().decode(cookie.substring(dot + 1));
            payload = new String(Base64.getUrlDecoder().decode(p), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused("cookie");
        }
        if (!MessageDigest.isEqual(sig, Session.hmac(key, "login|" + p))) throw new Refused("cookie");
        String[] f = payload.split("\\|");
        if (f.length != 3 || !MessageDigest.isEqual(f[0].getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("state");
        }
        if (now.getEpochSecond() > Long.parseLong(f[2])) throw new Refused("expired");
        JsonNode tokens = exchange(code, f[1]);
        String idToken = tokens.path("id_token").asText(null);
        if (idToken == null) throw new Refused("noIdToken");
        return claims(idToken, now);
    }

    private JsonNode exchange(String code, String verifier) {
        String form = "grant_type=authorization_code&client_id=" + enc(clientId) + "&code=" + enc(code)
                + "&redirect_uri=" + enc(redirectUri) + "&code_verifier=" + enc(verifier);
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(domain + "/oauth2/token")).timeout(Duration.ofSeconds(8))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new Refused("token" + r.statusCode());
            return Json.parse(r.body());
        } catch (java.io.IOException e) {
            throw new Refused("tokenEndpoint");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        }
    }

    Map<String, String> claims(String idToken, Instant now) {
        String[] parts = idToken.split("\\.");
        if (parts.length != 3) throw new Refused("idToken");
        JsonNode c;
        try {
            c = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new Refused("idToken");
        }
        if (issuer != null && !issuer.isEmpty() && !issuer.equals(c.path("iss").asText())) throw new Refused("issuer");
        if (!clientId.equals(c.path("aud").asText())) throw new Refused("audience");
        if (!"id".equals(c.path("token_use").asText())) throw new Refused("use");
        if (c.path("exp").asLong(0) <= now.getEpochSecond()) throw new Refused("expired");
        Map<String, String> out = new LinkedHashMap<>();
        Optional.ofNullable(c.path("cognito:username").asText(null)).ifPresent(u -> out.put("username", u));
        out.put("sub", c.path("sub").asText());
        // who they are, for the forms they fill in about themselves (the caseworker's name and email on a referral)
        Optional.ofNullable(c.path("name").asText(null)).ifPresent(n -> out.put("name", n));
        Optional.ofNullable(c.path("email").asText(null)).ifPresent(e -> out.put("email", e));
        List<String> groups = new ArrayList<>();
        c.path("cognito:groups").forEach(g -> groups.add(g.asText()));
        if (!groups.isEmpty()) out.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        String client = c.path("custom:rampe_client_id").asText(null);
        if (client != null && groups.isEmpty()) out.put(jobcentreClaim, client);
        return out;
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
