package dk.rampe.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The web app's own settings, from the environment:
 * <ul>
 * <li>{@code RAMPE_WEB_SESSION_KEY}: the HMAC key of session cookies and CSRF tokens (at least 32
 *     bytes; in AWS a Secrets Manager reference; locally a development default);</li>
 * <li>{@code RAMPE_WEB_SESSION_MINUTES} (default 120): a session ends after this long unused,
 *     and {@code RAMPE_WEB_SESSION_MAX_HOURS} (default 10) after login at the latest;</li>
 * <li>{@code RAMPE_OWNER_GROUP} (default {@code rampe-owner}): the Cognito group of project owners;</li>
 * <li>{@code RAMPE_WEB_COGNITO_DOMAIN}, {@code RAMPE_WEB_COGNITO_CLIENT_ID}, {@code RAMPE_WEB_COGNITO_ISSUER}:
 *     the user pool's managed-login domain (https://…), the web app's public app client and the
 *     pool's issuer; when set (and no local users), /app/login goes to Cognito;</li>
 * <li>{@code RAMPE_WEB_LOCAL_USERS}: a local-tokens.json whose users the local login page lists.
 *     Unset in AWS; when unset and the public address is a loopback http address (the local
 *     runner), the runner's RAMPE_LOCAL_TOKENS_FILE or else the nearest {@code events/local-tokens.json}
 *     at or above the working directory is used if present.</li>
 * </ul>
 */
public record WebConfig(byte[] sessionKey, Duration sessionIdle, Duration sessionMax, String ownerGroup,
                        Path localUsers, boolean secureCookies, String cognitoDomain, String cognitoClientId,
                        String cognitoIssuer) {
    static final String LOCAL_SESSION_KEY = "local-development-web-session-key-not-for-production";

    public static WebConfig fromEnvironment(String publicBaseUrl) {
        return from(System.getenv(), publicBaseUrl);
    }

    public static WebConfig from(Map<String, String> env, String publicBaseUrl) {
        boolean local = publicBaseUrl.startsWith("http://127.0.0.1") || publicBaseUrl.startsWith("http://localhost");
        dk.rampe.platform.DevelopmentSecrets.refuseInLambda(env, "RAMPE_WEB_SESSION_KEY", LOCAL_SESSION_KEY);
        if (!local && env.get("RAMPE_WEB_SESSION_KEY") == null) {
            // never sign real sessions with the development key
            throw new IllegalStateException("RAMPE_WEB_SESSION_KEY is not set");
        }
        byte[] key = env.getOrDefault("RAMPE_WEB_SESSION_KEY", LOCAL_SESSION_KEY).getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) throw new IllegalStateException("RAMPE_WEB_SESSION_KEY must be at least 32 bytes");
        Path users = env.get("RAMPE_WEB_LOCAL_USERS") != null ? Path.of(env.get("RAMPE_WEB_LOCAL_USERS")) : null;
        if (users == null && local) {
            users = env.get("RAMPE_LOCAL_TOKENS_FILE") != null ? Path.of(env.get("RAMPE_LOCAL_TOKENS_FILE"))
                    : findUpwards(Path.of("").toAbsolutePath(), "events/local-tokens.json");
        }
        return new WebConfig(key, Duration.ofMinutes(Long.parseLong(env.getOrDefault("RAMPE_WEB_SESSION_MINUTES", "120"))),
                Duration.ofHours(Long.parseLong(env.getOrDefault("RAMPE_WEB_SESSION_MAX_HOURS", "10"))),
                env.getOrDefault("RAMPE_OWNER_GROUP", "rampe-owner"), users, !local,
                blankToNull(env.get("RAMPE_WEB_COGNITO_DOMAIN")), blankToNull(env.get("RAMPE_WEB_COGNITO_CLIENT_ID")),
                blankToNull(env.get("RAMPE_WEB_COGNITO_ISSUER")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Path findUpwards(Path dir, String relative) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) return d.resolve(relative);
        }
        return null;
    }

    /** For tests and the local runner: local login from {@code localUsers}, cookies without Secure (http). */
    public static WebConfig local(Path localUsers) {
        return new WebConfig(LOCAL_SESSION_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(120),
                Duration.ofHours(10), "rampe-owner", localUsers, false, null, null, null);
    }

    /** As {@link #local}, with Cognito's managed login at {@code domain} instead of the local user list. */
    public static WebConfig cognito(String domain, String clientId, String issuer) {
        return new WebConfig(LOCAL_SESSION_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(120),
                Duration.ofHours(10), "rampe-owner", null, false, domain, clientId, issuer);
    }

    String cookieName() {
        // __Host- cookies must be Secure, path=/ and without a domain: the browser enforces all three
        return secureCookies ? "__Host-rampe_session" : "rampe_session";
    }
}
