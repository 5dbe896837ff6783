package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.testkit.iam.FunctionPolicies;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What AWS enforces and the local run does not: alarms that can notify, retries chosen, the environment each function's code reads. */
class AwsTemplateTest {
    private final SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));
    private final Map<String, Map<String, Object>> resources = template.resources();

    /**
     * CloudWatch can publish to an unencrypted topic, or to one whose key (in this template) lets the
     * cloudwatch.amazonaws.com principal decrypt and generate data keys. An AWS-managed key
     * (alias/aws/sns) never does: its policy cannot name CloudWatch.
     */
    @Test
    void everyAlarmActionIsATopicCloudWatchCanPublishTo() {
        var alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        assertFalse(alarms.isEmpty());
        List<String> problems = new ArrayList<>();
        alarms.forEach((name, alarm) -> {
            Object actions = SamTemplate.properties(alarm).get("AlarmActions");
            if (!(actions instanceof List<?> list) || list.isEmpty()) {
                problems.add(name + " notifies no one");
                return;
            }
            for (Object action : list) {
                String topic = action instanceof Map<?, ?> m && m.get("Ref") instanceof String r ? r : null;
                Map<String, Object> t = topic == null ? null : resources.get(topic);
                if (t == null || !"AWS::SNS::Topic".equals(t.get("Type"))) {
                    problems.add(name + ": " + action + " is not a topic of this template");
                    continue;
                }
                String why = whyCloudWatchCannotPublish(SamTemplate.properties(t).get("KmsMasterKeyId"));
                if (why != null) problems.add(name + " -> " + topic + ": " + why);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckRefusesTheAwsManagedSnsKey() {
        assertTrue(whyCloudWatchCannotPublish("alias/aws/sns").contains("AWS-managed"));
    }

    private String whyCloudWatchCannotPublish(Object kmsKey) {
        if (kmsKey == null) return null;
        if (kmsKey instanceof String s) {
            return s.startsWith("alias/aws/") ? "encrypted with the AWS-managed key " + s + ", which CloudWatch may not use"
                    : "encrypted with " + s + ", whose key policy this template cannot show";
        }
        String key = kmsKey instanceof Map<?, ?> m && m.get("Ref") instanceof String r ? r
                : kmsKey instanceof Map<?, ?> m2 && m2.get("Fn::GetAtt") instanceof List<?> a ? (String) a.get(0) : null;
        Map<String, Object> k = key == null ? null : resources.get(key);
        if (k == null || !"AWS::KMS::Key".equals(k.get("Type"))) return "its key " + kmsKey + " is not a key of this template";
        Object policy = SamTemplate.properties(k).get("KeyPolicy");
        if (policy instanceof Map<?, ?> p && p.get("Statement") instanceof List<?> statements) {
            for (Object o : statements) {
                Map<?, ?> s = (Map<?, ?>) o;
                if (!"Allow".equals(s.get("Effect")) || !(s.get("Principal") instanceof Map<?, ?> principal)) continue;
                if (!list(principal.get("Service")).contains("cloudwatch.amazonaws.com")) continue;
                List<String> actions = list(s.get("Action"));
                boolean decrypt = actions.stream().anyMatch(a -> FunctionPolicies.glob(a, "kms:Decrypt", true));
                boolean dataKey = actions.stream().anyMatch(a -> FunctionPolicies.glob(a, "kms:GenerateDataKey", true));
                if (decrypt && dataKey) return null;
            }
        }
        return "the policy of its key " + key + " does not let cloudwatch.amazonaws.com use kms:Decrypt and kms:GenerateDataKey";
    }

    /** Scheduler invokes asynchronously: each scheduled function states how often Lambda retries a failed run. */
    @Test
    void everyScheduledFunctionStatesItsRetries() {
        var schedules = template.resourcesOfType("AWS::Scheduler::Schedule");
        assertFalse(schedules.isEmpty());
        for (var e : schedules.entrySet()) {
            Map<?, ?> target = (Map<?, ?>) SamTemplate.properties(e.getValue()).get("Target");
            String function = ((String) ((Map<?, ?>) target.get("Arn")).get("Ref")).split("\\.")[0];
            Object config = SamTemplate.properties(resources.get(function)).get("EventInvokeConfig");
            assertTrue(config instanceof Map<?, ?> c && c.get("MaximumRetryAttempts") instanceof Integer n && n >= 0 && n <= 2,
                    function + " (the target of " + e.getKey() + ") sets EventInvokeConfig.MaximumRetryAttempts");
        }
    }

    /**
     * Variables a function's code may read that the template need not set: each either has a default
     * that is right in AWS (a tuning knob) or is read only by the local runner and tests. Everything
     * else its code reads, the template sets for that function (Globals or its own Environment).
     */
    static final Map<String, String> NOT_SET_IN_AWS = Map.ofEntries(
            Map.entry("RAMPE_OUTBOX_DIR", "local only: the outbox folder instead of SES and SNS"),
            Map.entry("RAMPE_LOCAL_TOKENS_FILE", "local only: the runner's signed test tokens"),
            Map.entry("RAMPE_WEB_LOCAL_USERS", "local only: the web app's login without Cognito"),
            Map.entry("RAMPE_UPDATE_SCREENSHOTS", "tests only"),
            Map.entry("RAMPE_NUDGE_MAX_ATTEMPTS", "tuning: the retry policy's default"),
            Map.entry("RAMPE_NUDGE_FIRST_RETRY_SECONDS", "tuning: the retry policy's default"),
            Map.entry("RAMPE_NUDGE_MAX_RETRY_SECONDS", "tuning: the retry policy's default"),
            Map.entry("RAMPE_NUDGE_SEND_LEASE_SECONDS", "tuning: the retry policy's default"),
            Map.entry("RAMPE_MAX_BODY_BYTES", "tuning: the API's body limit"),
            Map.entry("RAMPE_WEB_SESSION_MAX_HOURS", "tuning: the web session's absolute limit"),
            Map.entry("RAMPE_STAFF_GROUP", "the user pool's group names, the template's defaults"),
            Map.entry("RAMPE_ADMIN_GROUP", "the user pool's group names, the template's defaults"),
            Map.entry("RAMPE_JOBCENTRE_CLAIM", "the user pool's attribute name, the template's default"),
            Map.entry("RAMPE_FOLLOW_UP_REMINDER_MINUTES", "tuning: when an open follow-up reminds (absence detection sets its own)"));

    /**
     * Variables a function's classes mention but that function never reads, with why. The class scan follows
     * shared adapters and so over-reaches: the report functions reach the link signer's class through them but
     * never sign a link (they never ask NudgeConfig for tokenKey(), and in Lambda they start without the key:
     * DevelopmentSecretsTest); today's list signs links that expire with the day, not after a TTL.
     */
    static final Map<String, Set<String>> NEVER_READ_BY = Map.of(
            "MonthlyReportFunction", Set.of("RAMPE_FOLLOW_UP_TOKEN_KEY", "RAMPE_FOLLOW_UP_TOKEN_TTL_HOURS"),
            "ReportAdminFunction", Set.of("RAMPE_FOLLOW_UP_TOKEN_KEY", "RAMPE_FOLLOW_UP_TOKEN_TTL_HOURS"),
            "TodaysListFunction", Set.of("RAMPE_FOLLOW_UP_TOKEN_TTL_HOURS"));

    /** Read where messages are built, needed only where they are sent: by the functions allowed to send. */
    static final Map<String, String> SENDERS = Map.of(
            "RAMPE_EMAIL_SENDER", "ses:SendEmail",
            "RAMPE_SES_CONFIGURATION_SET", "ses:SendEmail",
            "RAMPE_SMS_SENDER_ID", "sns:Publish");

    private final FunctionPolicies policies = FunctionPolicies.of(template);

    @Test
    void everyFunctionGetsEveryVariableItsCodeReads() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            String handler = ((String) SamTemplate.properties(e.getValue()).get("Handler")).split("::")[0];
            Set<String> classes = new HashSet<>();
            Set<String> read = variablesReadFrom(handler, classes);
            assertTrue(read.contains("RAMPE_TABLE"), e.getKey() + ": the scan finds what its code reads " + read);
            Set<String> set = template.environment(e.getValue()).keySet();
            for (String v : read) {
                if (set.contains(v) || NOT_SET_IN_AWS.containsKey(v)) continue;
                String sends = SENDERS.get(v);
                if (sends != null && policies.grants().get(e.getKey()).stream().noneMatch(g -> g.action().equals(sends))) continue;
                if (NEVER_READ_BY.getOrDefault(e.getKey(), Set.of()).contains(v)) continue;
                missing.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(v);
            }
        }
        assertEquals(Map.of(), missing, "variables the functions' code reads that the template does not set");
    }

    @Test
    void theAbsenceSmsAndTheIntakesNudgesNameTheDeploymentsProduct() throws IOException {
        for (String fn : List.of("ReferralIntakeFunction", "AbsenceDetectionFunction")) {
            Map<String, Object> f = resources.get(fn);
            String handler = ((String) SamTemplate.properties(f).get("Handler")).split("::")[0];
            assertTrue(variablesReadFrom(handler).contains("RAMPE_PRODUCT_NAME"), fn);
            assertEquals(Map.of("Ref", "ProductName"), template.environment(f).get("RAMPE_PRODUCT_NAME"), fn);
        }
    }

    private static final Pattern RAMPE_CLASS = Pattern.compile("dk/rampe/[A-Za-z0-9_/$]+");
    private static final Pattern VARIABLE = Pattern.compile("RAMPE_[A-Z0-9_]+");

    /**
     * The RAMPE_* names in the string constants of every Rampe class the handler can reach (its class
     * file's references, followed through Rampe's own classes): the names its code may read.
     */
    static Set<String> variablesReadFrom(String handlerClass) throws IOException {
        return variablesReadFrom(handlerClass, new HashSet<>());
    }

    /** The same, adding every Rampe class reached to {@code seen}. */
    static Set<String> variablesReadFrom(String handlerClass, Set<String> seen) throws IOException {
        Set<String> variables = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(handlerClass.replace('.', '/')));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (!seen.add(c) || c.startsWith("dk/rampe/local/") || c.startsWith("dk/rampe/testkit/")) continue;
            try (InputStream in = AwsTemplateTest.class.getClassLoader().getResourceAsStream(c + ".class")) {
                if (in == null) continue;
                for (String utf8 : constantStrings(new DataInputStream(in))) {
                    if (VARIABLE.matcher(utf8).matches()) variables.add(utf8);
                    Matcher m = RAMPE_CLASS.matcher(utf8);
                    while (m.find()) todo.push(m.group());
                }
            }
        }
        return variables;
    }

    /** The UTF-8 entries of a class file's constant pool. */
    private static List<String> constantStrings(DataInputStream in) throws IOException {
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }

    /** Every /v1/admin route requires rampe/admin, a scope of the stack's resource server that the admin client may ask for. */
    @Test
    void adminRoutesRequireTheAdminScopeOfTheResourceServer() {
        Map<String, Object> server = SamTemplate.properties(resources.get("ApiResourceServer"));
        List<String> scopes = ((List<?>) server.get("Scopes")).stream()
                .map(o -> server.get("Identifier") + "/" + ((Map<?, ?>) o).get("ScopeName")).toList();
        assertTrue(scopes.containsAll(List.of("rampe/referrals", "rampe/admin")), scopes.toString());
        Map<String, Object> admin = SamTemplate.properties(resources.get("AdminApiClient"));
        assertEquals(List.of("client_credentials"), admin.get("AllowedOAuthFlows"));
        assertEquals(List.of("rampe/admin"), admin.get("AllowedOAuthScopes"));
        int adminRoutes = 0;
        for (LocalRoutes.Route r : LocalRoutes.fromTemplate(template)) {
            if (!r.path().startsWith("/v1/admin")) continue;
            adminRoutes++;
            assertEquals(List.of("rampe/admin"), r.scopes(), r.routeKey());
            assertTrue(r.authorized(), r.routeKey());
        }
        assertTrue(adminRoutes >= 4, "the settings and report routes");
    }

    /** JwtAudience adds the jobcentres' clients to the stack's own (web app, admin) instead of replacing them. */
    @Test
    @SuppressWarnings("unchecked")
    void jwtAudienceAddsToTheStacksOwnClients() {
        Map<String, Object> auth = (Map<String, Object>) SamTemplate.properties(resources.get("RampeApi")).get("Auth");
        Map<String, Object> jwt = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) auth.get("Authorizers"))
                .get("OAuth2")).get("JwtConfiguration");
        List<Object> ifOwnPool = (List<Object>) ((Map<String, Object>) jwt.get("audience")).get("Fn::If");
        assertEquals("CreatesUserPool", ifOwnPool.get(0));
        List<Object> ifAudience = (List<Object>) ((Map<String, Object>) ifOwnPool.get(1)).get("Fn::If");
        assertEquals("HasJwtAudience", ifAudience.get(0));
        String withAudience = String.valueOf(ifAudience.get(1));
        for (String part : List.of("WebAppUserPoolClient", "AdminApiClient", "JwtAudience")) {
            assertTrue(withAudience.contains(part), part + " in " + withAudience);
        }
        assertEquals(List.of(Map.of("Ref", "WebAppUserPoolClient"), Map.of("Ref", "AdminApiClient")), ifAudience.get(2));
        assertEquals(Map.of("Ref", "JwtAudience"), ifOwnPool.get(2), "an existing pool: JwtAudience alone");
    }

    private static List<String> list(Object o) {
        if (o == null) return List.of();
        if (o instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(o));
    }
}
