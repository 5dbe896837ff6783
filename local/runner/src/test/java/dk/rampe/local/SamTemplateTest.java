package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dk.rampe.platform.RampeConfig;
import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deployment description agrees with the code: handlers exist, tables are defined and safe. */
class SamTemplateTest {
    private final SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));

    @Test
    void everyFunctionsHandlerClassExistsAndIsALambdaHandler() throws Exception {
        var functions = template.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (var e : functions.entrySet()) {
            String handler = (String) SamTemplate.properties(e.getValue()).get("Handler");
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0]);
            // a RequestHandler the runtime's serializer feeds, or a stream handler that reads its event itself
            assertTrue(RequestHandler.class.isAssignableFrom(type)
                    || com.amazonaws.services.lambda.runtime.RequestStreamHandler.class.isAssignableFrom(type),
                    e.getKey() + " is a RequestHandler or a RequestStreamHandler");
            assertNotNull(type.getConstructor(), e.getKey() + " has the no-arg constructor Lambda uses");
            assertTrue(java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(parts[1])));
        }
    }

    @Test
    void everyFunctionShipsAShadedJarFromItsModule() {
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            String codeUri = (String) SamTemplate.properties(e.getValue()).get("CodeUri");
            assertTrue(codeUri.matches("\\.\\./functions/[a-z-]+/target/[a-z-]+\\.jar"), codeUri);
            String module = codeUri.split("/")[2];
            assertTrue(Files.isDirectory(Events.projectRoot().resolve("functions").resolve(module)), module);
        }
    }

    @Test
    void everyTableTheCodeUsesIsDefinedWithRecoveryEncryptionAndTtl() {
        var tables = template.resourcesOfType("AWS::DynamoDB::Table");
        Map<String, Object> env = template.environment(Map.of());
        // the table settings RampeConfig reads
        Set<String> used = new HashSet<>();
        for (String variable : List.of("RAMPE_TABLE", "RAMPE_AUDIT_TABLE")) {
            Object ref = env.get(variable);
            if (!(ref instanceof Map<?, ?> m) || !(m.get("Ref") instanceof String logicalId)) {
                fail(variable + " must be !Ref to a table");
                return;
            }
            assertTrue(tables.containsKey(logicalId), variable + " refers to a defined table");
            used.add(logicalId);
        }
        assertEquals(tables.keySet(), used, "no table is defined that the code does not use");
        for (var t : tables.entrySet()) {
            Map<String, Object> p = SamTemplate.properties(t.getValue());
            assertEquals(Map.of("PointInTimeRecoveryEnabled", true), p.get("PointInTimeRecoverySpecification"), t.getKey());
            assertEquals(true, ((Map<?, ?>) p.get("SSESpecification")).get("SSEEnabled"), t.getKey());
            assertEquals("expiresAt", ((Map<?, ?>) p.get("TimeToLiveSpecification")).get("AttributeName"), t.getKey());
            assertEquals("Retain", t.getValue().get("DeletionPolicy"), t.getKey());
        }
        // the defaults in code name the same variables the template sets
        RampeConfig defaults = RampeConfig.from(Map.of());
        assertEquals("rampe", defaults.table());
    }

    @Test
    void everyFunctionHasALogGroupWithRetentionAndAnErrorAlarm() {
        var alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> p = SamTemplate.properties(e.getValue());
            Object logGroup = ((Map<?, ?>) p.get("LoggingConfig")).get("LogGroup");
            String logGroupId = (String) ((Map<?, ?>) logGroup).get("Ref");
            Map<String, Object> lg = template.resources().get(logGroupId);
            assertEquals("AWS::Logs::LogGroup", lg.get("Type"));
            assertNotNull(SamTemplate.properties(lg).get("RetentionInDays"), logGroupId);
            // a plain metric alarm or one metric of a metric-math alarm
            boolean alarmed = alarms.values().stream().anyMatch(a -> String.valueOf(SamTemplate.properties(a))
                    .matches("(?s).*Name=FunctionName, Value=\\{Ref=" + e.getKey() + "}.*"));
            assertTrue(alarmed, e.getKey() + " has an alarm");
        }
    }

    @Test
    void policiesNameTheirResourcesInsteadOfWildcards() {
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            String policies = String.valueOf(SamTemplate.properties(e.getValue()).get("Policies"));
            assertFalse(policies.contains("Resource=*") || policies.contains("dynamodb:*"), e.getKey() + ": " + policies);
        }
    }

    @Test
    void theRunnerServesEveryRouteOfTheTemplate() {
        List<LocalRoutes.Route> routes = LocalRoutes.fromTemplate(template);
        assertTrue(routes.stream().anyMatch(r -> r.routeKey().equals("POST /v1/referrals")));
        Map<String, String> params = routes.stream().filter(r -> r.routeKey().equals("GET /v1/referrals/{referralId}"))
                .findFirst().orElseThrow().match("/v1/referrals/R123");
        assertEquals(Map.of("referralId", "R123"), params);
    }

    @Test
    void functionsThatAnswerFailuresThemselvesAreAlarmedOnUnexpectedErrors() {
        var alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        for (String function : List.of("ReferralIntakeFunction", "FollowUpPageFunction")) {
            assertTrue(alarms.values().stream().map(a -> String.valueOf(SamTemplate.properties(a))).anyMatch(p ->
                    p.contains("MetricName=UnexpectedErrors") && p.contains("Namespace=" + dk.rampe.log.Metrics.NAMESPACE)
                            && p.contains("Name=Function, Value={Ref=" + function + "}")), function);
        }
    }

    @Test
    void everySweepIsAlarmedOnItsSweepErrors() {
        var alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        for (String function : List.of("AbsenceDetectionFunction", "AftercareSweepFunction", "TodaysListFunction",
                "NudgeSweepFunction")) {
            assertTrue(alarms.values().stream().map(a -> String.valueOf(SamTemplate.properties(a))).anyMatch(p ->
                    p.contains("MetricName=" + dk.rampe.schedule.Sweeper.ERRORS_METRIC)
                            && p.contains("Namespace=" + dk.rampe.log.Metrics.NAMESPACE)
                            && p.contains("Name=Function, Value={Ref=" + function + "}")
                            && p.contains("AlarmActions=[{Ref=AlarmTopic}]")), function);
        }
    }

    @Test
    void gsi2ProjectsWhatItsReadersReadAndNeverTheReferralsDetails() {
        Map<String, Object> table = SamTemplate.properties(template.resources().get("RampeTable"));
        Map<?, ?> gsi2 = ((List<?>) table.get("GlobalSecondaryIndexes")).stream().map(g -> (Map<?, ?>) g)
                .filter(g -> "gsi2".equals(g.get("IndexName"))).findFirst().orElseThrow();
        Map<?, ?> projection = (Map<?, ?>) gsi2.get("Projection");
        assertEquals("INCLUDE", projection.get("ProjectionType"));
        List<?> attributes = (List<?>) projection.get("NonKeyAttributes");
        assertFalse(attributes.contains("details") || attributes.contains("citizenKey"), attributes.toString());
        assertTrue(attributes.containsAll(List.of("type", "status", "history", "note", "cause")), attributes.toString());
    }

    @Test
    void theFollowUpPageAnswersHeadAndEveryNudgingFunctionKnowsTheProductName() {
        List<LocalRoutes.Route> routes = LocalRoutes.fromTemplate(template);
        for (String method : List.of("GET", "HEAD", "POST")) {
            assertTrue(routes.stream().anyMatch(r -> r.routeKey().equals(method + " /f/{token}")), method);
        }
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            String env = String.valueOf(SamTemplate.properties(e.getValue()).get("Environment"));
            if (env.contains("RAMPE_SMS_SENDER_ID")) {
                assertTrue(env.contains("RAMPE_PRODUCT_NAME={Ref=ProductName}"), e.getKey() + ": " + env);
            }
        }
    }
}
