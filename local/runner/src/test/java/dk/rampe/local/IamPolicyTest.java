package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.testkit.iam.FunctionPolicies;
import dk.rampe.testkit.iam.FunctionPolicies.AwsCall;
import dk.rampe.testkit.iam.FunctionPolicies.Grant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proven by the tests: every AWS call a handler makes in any test is checked
 * against its function's policy as it is made (testkit's AwsCallRecorder, registered for every
 * SDK client on the test classpath). Here: the check decides as IAM does, no recorded call was
 * denied, and the grants no test used are listed.
 */
class IamPolicyTest {
    private final SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));
    private final FunctionPolicies policies = FunctionPolicies.of(template);

    private static final String TABLE = FunctionPolicies.tableArn("RampeTable");

    @Test
    void everyFunctionHasAPolicyTheCheckReadsAndEveryHandlerIsKnown() {
        for (String function : template.resourcesOfType("AWS::Serverless::Function").keySet()) {
            assertFalse(policies.grants().get(function).isEmpty(), function + " has grants");
            assertTrue(policies.handlers().containsValue(function), function + "'s handler is known");
        }
    }

    @Test
    void theReportMayQueryTheBaseTableAndBatchGetButNeverWrite() {
        for (String fn : List.of("MonthlyReportFunction", "ReportAdminFunction")) {
            assertTrue(allowed(fn, "dynamodb:Query", TABLE, Map.of()));
            assertTrue(allowed(fn, "dynamodb:Query", TABLE + "/index/gsi2", Map.of()));
            assertTrue(allowed(fn, "dynamodb:BatchGetItem", TABLE, Map.of()));
            assertFalse(allowed(fn, "dynamodb:PutItem", TABLE, Map.of("dynamodb:LeadingKeys", "REFERRAL#1")));
            assertFalse(allowed(fn, "dynamodb:Query", FunctionPolicies.tableArn("AuditTable"), Map.of()));
        }
        assertTrue(allowed("WebAppFunction", "dynamodb:BatchGetItem", TABLE, Map.of()));
    }

    @Test
    void leadingKeyConditionsAllowOnlyTheirOwnItems() {
        assertTrue(allowed("TodaysListFunction", "dynamodb:PutItem", TABLE, Map.of("dynamodb:LeadingKeys", "OUTBOX#M1")));
        assertFalse(allowed("TodaysListFunction", "dynamodb:PutItem", TABLE, Map.of("dynamodb:LeadingKeys", "REFERRAL#R1")));
        assertFalse(allowed("TodaysListFunction", "dynamodb:PutItem", TABLE, Map.of()));
        assertTrue(allowed("TodaysListFunction", "dynamodb:UpdateItem", TABLE, Map.of("dynamodb:LeadingKeys", "SWEEP#todays-list")));
        assertFalse(allowed("TodaysListFunction", "dynamodb:UpdateItem", TABLE, Map.of("dynamodb:LeadingKeys", "SWEEP#absence")));
    }

    @Test
    void smsGoesToPhoneNumbersOnlyNeverToATopic() {
        assertTrue(allowed("NudgeDispatcherFunction", "sns:Publish", "*", Map.of()));
        assertFalse(allowed("NudgeDispatcherFunction", "sns:Publish", FunctionPolicies.arn("sns", "AlarmTopic"), Map.of()));
        assertFalse(allowed("ReferralIntakeFunction", "sns:Publish", "*", Map.of()));
    }

    /**
     * The calls the functions' own tests recorded (target/aws-calls.txt of each module, written when
     * its tests end; a full build runs them before this module): none denied; the grants none of
     * them used are printed. Without recorded calls (this module's tests alone) only the listing is skipped.
     */
    @Test
    void noRecordedCallWasDeniedAndUnusedGrantsAreListed() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Events.projectRoot().resolve("functions"))) {
            for (Path m : modules.toList()) {
                Path calls = m.resolve("target/aws-calls.txt");
                if (Files.exists(calls)) lines.addAll(Files.readAllLines(calls));
            }
        }
        List<String> denied = lines.stream().filter(l -> l.endsWith("\tDENIED")).distinct().toList();
        assertEquals(List.of(), denied, "calls the template's policies do not allow");
        if (lines.isEmpty()) {
            System.out.println("IAM: no recorded calls under functions/*/target (run the functions' tests first)");
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        lines.forEach(l -> used.add(l.substring(l.lastIndexOf('\t') + 1)));
        policies.grants().values().stream().flatMap(List::stream).map(Grant::toString)
                .filter(g -> !used.contains(g))
                .forEach(g -> System.out.println("IAM: grant no test used: " + g));
    }

    private boolean allowed(String function, String action, String resource, Map<String, String> context) {
        return policies.allowing(function, new AwsCall(action, resource, context)).isPresent();
    }
}
