package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.settings.Channel;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.SamTemplate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The dispatcher's part of infra/sam-template.yaml agrees with the code. */
@SuppressWarnings("unchecked")
class NudgeTemplateTest {
    private final SamTemplate template = SamTemplate.bundled();

    private Map<String, Object> function(String id) {
        Map<String, Object> f = template.resources().get(id);
        assertNotNull(f, id);
        assertEquals("AWS::Serverless::Function", f.get("Type"));
        return SamTemplate.properties(f);
    }

    @Test
    void handlersExistAndShipInTheDispatcherJar() throws Exception {
        for (String id : List.of("NudgeDispatcherFunction", "NudgeSweepFunction")) {
            Map<String, Object> p = function(id);
            assertEquals("../functions/nudge-dispatcher/target/nudge-dispatcher.jar", p.get("CodeUri"));
            String handler = (String) p.get("Handler");
            Class<?> c = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertNotNull(c.getConstructor(), "Lambda needs a public no-arg constructor: " + c);
            Map<String, Object> env = template.environment(template.resources().get(id));
            for (String v : List.of("RAMPE_TABLE", "RAMPE_EMAIL_SENDER", "RAMPE_SMS_SENDER_ID", "RAMPE_FOLLOW_UP_TOKEN_KEY")) {
                assertTrue(env.containsKey(v), id + " " + v);
            }
        }
    }

    @Test
    void streamSourceReportsPartialFailuresBisectsAndKeepsWhatFails() {
        Map<String, Object> stream = (Map<String, Object>) ((Map<String, Object>) function("NudgeDispatcherFunction")
                .get("Events")).get("OutboxStream");
        assertEquals("DynamoDB", stream.get("Type"));
        Map<String, Object> p = (Map<String, Object>) stream.get("Properties");
        assertEquals(List.of("ReportBatchItemFailures"), p.get("FunctionResponseTypes"));
        assertEquals(Boolean.TRUE, p.get("BisectBatchOnFunctionError"));
        assertTrue(((Number) p.get("MaximumRetryAttempts")).intValue() > 0);
        Map<String, Object> onFailure = (Map<String, Object>) ((Map<String, Object>) p.get("DestinationConfig")).get("OnFailure");
        assertEquals("SQS", onFailure.get("Type"));
        assertEquals(Map.of("Fn::GetAtt", List.of("NudgeDispatchFailureQueue", "Arn")), onFailure.get("Destination"));
    }

    @Test
    void streamFilterLetsPendingOutboxMessagesThroughAndNothingElse() throws Exception {
        Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) function("NudgeDispatcherFunction")
                .get("Events")).get("OutboxStream")).get("Properties");
        List<Map<String, Object>> filters = (List<Map<String, Object>>) ((Map<String, Object>) p.get("FilterCriteria")).get("Filters");
        JsonNode pattern = Json.parse((String) filters.get(0).get("Pattern"));

        // real items as the table holds them, written by the real store
        NudgeFixture f = new NudgeFixture(OutboxDispatchTest.MORNING, Channel.SMS);
        String taskId = f.service.create(f.absence("RFILTER01", "d"), "system").task().taskId();
        Map<String, AttributeValue> task = f.dynamo.getItem(b -> b.tableName(f.config.table())
                .key(Map.of("pk", AttributeValue.fromS("TASK#" + taskId), "sk", AttributeValue.fromS("TASK")))).item();
        String messageId = f.store.messagesOf(taskId).get(0).messageId();
        Map<String, AttributeValue> pending = f.dynamo.getItem(b -> b.tableName(f.config.table())
                .key(Map.of("pk", AttributeValue.fromS("OUTBOX#" + messageId), "sk", AttributeValue.fromS("OUTBOX")))).item();
        f.dispatcher(f.local).dispatch(messageId);
        Map<String, AttributeValue> sent = f.dynamo.getItem(b -> b.tableName(f.config.table())
                .key(Map.of("pk", AttributeValue.fromS("OUTBOX#" + messageId), "sk", AttributeValue.fromS("OUTBOX")))).item();

        assertTrue(matches(pattern, streamRecord("INSERT", pending)));
        assertTrue(matches(pattern, streamRecord("MODIFY", pending)), "a retry puts it back to pending");
        assertFalse(matches(pattern, streamRecord("MODIFY", sent)));
        assertFalse(matches(pattern, streamRecord("INSERT", task)));
        assertFalse(matches(pattern, streamRecord("REMOVE", pending)));
    }

    private static JsonNode streamRecord(String eventName, Map<String, AttributeValue> item) {
        ObjectNode r = Json.object();
        r.put("eventName", eventName);
        ObjectNode image = r.putObject("dynamodb").putObject("NewImage");
        item.forEach((k, v) -> {
            ObjectNode a = image.putObject(k);
            if (v.s() != null) a.put("S", v.s());
            else if (v.n() != null) a.put("N", v.n());
            else if (v.bool() != null) a.put("BOOL", v.bool());
        });
        return r;
    }

    /** Lambda's event filtering for the subset used here: objects nest, arrays list the allowed values. */
    static boolean matches(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = event.path(e.getKey());
            if (e.getValue().isArray()) {
                boolean any = false;
                for (JsonNode allowed : e.getValue()) any |= allowed.equals(value);
                if (!any) return false;
            } else if (!matches(e.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sweepRunsEveryMinuteThroughEventBridgeScheduler() {
        Map<String, Object> schedule = template.resources().get("NudgeSweepSchedule");
        assertEquals("AWS::Scheduler::Schedule", schedule.get("Type"));
        Map<String, Object> p = SamTemplate.properties(schedule);
        assertEquals("rate(1 minute)", p.get("ScheduleExpression"));
        assertEquals(Map.of("Ref", "NudgeSweepFunction.Alias"), ((Map<String, Object>) p.get("Target")).get("Arn"));
    }

    @Test
    void failedMessagesRaiseAnAlarmOnTheMetricTheDispatcherEmits() {
        Map<String, Object> alarm = SamTemplate.properties(template.resources().get("NudgeMessagesFailedAlarm"));
        assertEquals(Metrics.NAMESPACE, alarm.get("Namespace"));
        assertEquals("MessagesFailed", alarm.get("MetricName"));
        assertEquals(Map.of("Ref", "AlarmTopic"), ((List<Object>) alarm.get("AlarmActions")).get(0));
    }

    @Test
    void policiesAreNarrow() {
        for (String id : List.of("NudgeDispatcherFunction", "NudgeSweepFunction")) {
            String policies = String.valueOf(function(id).get("Policies"));
            assertFalse(java.util.regex.Pattern.compile("(dynamodb|ses|sns|sqs):\\*(?!:)").matcher(policies).find(), policies);
            assertFalse(policies.contains("PutItem") || policies.contains("DeleteItem"), "the dispatcher only updates: " + policies);
            assertTrue(policies.contains("identity/${EmailIdentity}"), policies);
            assertTrue(policies.contains("NotResource=arn:aws:sns:*:*:*"), "SMS to phone numbers only: " + policies);
        }
    }
}
