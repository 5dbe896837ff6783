package dk.rampe.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * All configuration, read from environment variables only. Every variable and its local
 * default is listed in README.md; the SAM template sets them in AWS.
 */
public record RampeConfig(
        String table,
        String auditTable,
        ZoneId zone,
        String publicBaseUrl,
        String region,
        String dynamoEndpoint,
        byte[] matchKeySecret,
        Duration auditRetention,
        Duration retentionAfterExit,
        int maxBodyBytes,
        String jobcentreClaim,
        String staffGroup,
        String adminGroup) {

    /** A development-only pepper; the SAM template always sets a real one from Secrets Manager. */
    public static final String LOCAL_MATCH_KEY_SECRET = "local-development-pepper-not-for-production";

    public static RampeConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static RampeConfig from(Map<String, String> env) {
        DevelopmentSecrets.refuseInLambda(env, "RAMPE_MATCH_KEY_SECRET", LOCAL_MATCH_KEY_SECRET);
        return new RampeConfig(
                get(env, "RAMPE_TABLE", "rampe"),
                get(env, "RAMPE_AUDIT_TABLE", "rampe-audit"),
                // one zone, the programmes' (Danish law and calendar): not configurable, so no path can differ
                dk.rampe.schedule.WorkingDays.ZONE,
                stripSlash(get(env, "RAMPE_PUBLIC_BASE_URL", "http://127.0.0.1:8787")),
                get(env, "AWS_REGION", "eu-north-1"),
                env.get("AWS_ENDPOINT_URL_DYNAMODB"),
                get(env, "RAMPE_MATCH_KEY_SECRET", LOCAL_MATCH_KEY_SECRET).getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(Long.parseLong(get(env, "RAMPE_AUDIT_RETENTION_DAYS", "730"))),
                Duration.ofDays(Long.parseLong(get(env, "RAMPE_RETENTION_DAYS_AFTER_EXIT", "365"))),
                Integer.parseInt(get(env, "RAMPE_MAX_BODY_BYTES", "65536")),
                get(env, "RAMPE_JOBCENTRE_CLAIM", "client_id"),
                get(env, "RAMPE_STAFF_GROUP", "rampe-staff"),
                get(env, "RAMPE_ADMIN_GROUP", "rampe-admin"));
    }

    private static String get(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
