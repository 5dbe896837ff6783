package dk.rampe.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of nudges, the outbox dispatcher and the follow-up page, from environment
 * variables only (kept apart from {@link RampeConfig} so functions that do not nudge ignore it).
 * Each variable and its local default is listed in docs/nudges.md.
 */
public record NudgeConfig(
        String emailSender,
        String smsSenderId,
        String sesConfigurationSet,
        byte[] tokenKey,
        Duration tokenTtl,
        Duration reminderAfter,
        Path outboxDir,
        String sesEndpoint,
        String snsEndpoint,
        boolean onLambda,
        int maxAttempts,
        Duration firstRetryAfter,
        Duration maxRetryAfter,
        Duration sendLease,
        String productName) {

    /** A development-only key; the SAM template sets a real one from Secrets Manager. */
    public static final String LOCAL_TOKEN_KEY = "local-development-follow-up-key-not-for-production";

    public static NudgeConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static NudgeConfig from(Map<String, String> env) {
        // only functions that sign or check links need the key: they ask for tokenKey() when they start
        DevelopmentSecrets.refuseDevelopmentValue(env, "RAMPE_FOLLOW_UP_TOKEN_KEY", LOCAL_TOKEN_KEY);
        String tokenKey = blankToNull(env.get("RAMPE_FOLLOW_UP_TOKEN_KEY"));
        return new NudgeConfig(
                get(env, "RAMPE_EMAIL_SENDER", "Rampe <no-reply@rampe.local>"),
                smsSenderId(get(env, "RAMPE_SMS_SENDER_ID", "Rampe")),
                env.get("RAMPE_SES_CONFIGURATION_SET"),
                tokenKey != null ? tokenKey.getBytes(StandardCharsets.UTF_8)
                        : DevelopmentSecrets.inLambda(env) ? null : LOCAL_TOKEN_KEY.getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(Long.parseLong(get(env, "RAMPE_FOLLOW_UP_TOKEN_TTL_HOURS", "72"))),
                Duration.ofMinutes(Long.parseLong(get(env, "RAMPE_FOLLOW_UP_REMINDER_MINUTES", "240"))),
                Path.of(get(env, "RAMPE_OUTBOX_DIR", ".rampe/outbox")),
                blankToNull(env.get("AWS_ENDPOINT_URL_SES")),
                blankToNull(env.get("AWS_ENDPOINT_URL_SNS")),
                blankToNull(env.get("AWS_LAMBDA_FUNCTION_NAME")) != null,
                Integer.parseInt(get(env, "RAMPE_NUDGE_MAX_ATTEMPTS", "5")),
                Duration.ofSeconds(Long.parseLong(get(env, "RAMPE_NUDGE_FIRST_RETRY_SECONDS", "30"))),
                Duration.ofSeconds(Long.parseLong(get(env, "RAMPE_NUDGE_MAX_RETRY_SECONDS", "900"))),
                Duration.ofSeconds(Long.parseLong(get(env, "RAMPE_NUDGE_SEND_LEASE_SECONDS", "300"))),
                productName(get(env, "RAMPE_PRODUCT_NAME", "Rampe")));
    }

    /**
     * The key that signs follow-up links; in Lambda without RAMPE_FOLLOW_UP_TOKEN_KEY there is none (never
     * the development key), and a function that signs or checks links fails when it starts.
     */
    @Override
    public byte[] tokenKey() {
        if (tokenKey == null) throw DevelopmentSecrets.notSet("RAMPE_FOLLOW_UP_TOKEN_KEY");
        return tokenKey;
    }

    /** Send through SES/SNS (in Lambda, or locally when an endpoint is given); otherwise to the outbox folder. */
    public boolean emailThroughAws() {
        return sesEndpoint != null || onLambda;
    }

    public boolean smsThroughAws() {
        return snsEndpoint != null || onLambda;
    }

    /** What SNS accepts as an alphanumeric sender id; the SAM parameter SmsSenderId has the same AllowedPattern. */
    private static final java.util.regex.Pattern SMS_SENDER_ID =
            java.util.regex.Pattern.compile("^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$");

    private static String smsSenderId(String id) {
        if (!SMS_SENDER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("RAMPE_SMS_SENDER_ID must be 3-11 letters (A-Z, a-z) and digits with"
                    + " at least one letter, no spaces or other characters, as SNS requires; got \"" + id + "\"");
        }
        return id;
    }

    /** What the deployment calls itself in the SMS prefix, the email footer and the page title. */
    private static final java.util.regex.Pattern PRODUCT_NAME =
            java.util.regex.Pattern.compile("^[\\p{L}0-9][\\p{L}0-9 .&-]{0,19}$");

    private static String productName(String name) {
        if (!PRODUCT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("RAMPE_PRODUCT_NAME must be 1-20 letters, digits, spaces, '.', '&' or '-',"
                    + " starting with a letter or digit; got \"" + name + "\"");
        }
        return name;
    }

    private static String get(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "NudgeConfig[emailSender=" + emailSender + ", smsSenderId=" + smsSenderId + ", tokenTtl=" + tokenTtl
                + ", outboxDir=" + outboxDir + ", ses=" + (emailThroughAws() ? "aws" : "local")
                + ", sns=" + (smsThroughAws() ? "aws" : "local") + "]";
    }
}
