package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.DORTHE;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoFollowUpStore;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.Events;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reminders go to the consultant responsible when they are sent: a new consultant on a referral
 * takes over its open follow-ups (task, pending messages, history), on DynamoDB Local.
 */
class ConsultantHandoverTest {
    static DynamoLocal local;

    @BeforeAll
    static void startDynamo() {
        local = DynamoLocal.inMemory();
    }

    @AfterAll
    static void stopDynamo() {
        local.close();
    }

    private static OutboxMessage only(List<OutboxMessage> ms, MessageChannel channel, boolean reminder) {
        return ms.stream().filter(m -> m.channel() == channel && m.reminder() == reminder).findFirst().orElseThrow();
    }

    @Test
    void aNewConsultantTakesOverTheOpenFollowUpsAndTheirPendingReminders() {
        IntakeFixture f = new IntakeFixture(local);
        APIGatewayV2HTTPResponse submitted = f.handle(Events.read("referral-intake/post-referral.json", APIGatewayV2HTTPEvent.class));
        String id = json(submitted).get("referralId").asText();
        assertEquals("c-anna", json(submitted).get("consultantId").asText());
        APIGatewayV2HTTPResponse planned = f.handle(call("POST", "/v1/referrals/{referralId}/follow-ups", id,
                "{\"kind\":\"follow_up_due\",\"dueAt\":\"2026-11-23T14:00:00+01:00\"}", ANNA));
        assertEquals(201, planned.getStatusCode(), planned.getBody());
        String taskId = json(planned).get("taskId").asText();

        DynamoAuditLog audit = new DynamoAuditLog(f.dynamo, f.config.auditTable(), f.config.auditRetention());
        DynamoFollowUpStore store = new DynamoFollowUpStore(f.dynamo, f.config.table(), audit);
        DynamoOutbox outbox = new DynamoOutbox(f.dynamo, f.config.table());
        List<OutboxMessage> before = store.messagesOf(taskId);
        assertEquals(4, before.size(), "email and SMS, each with a reminder, to Anna (channel both)");
        assertTrue(before.stream().allMatch(m -> m.recipient().equals("anna@rampe.example") || m.recipient().equals("+4520000001")));
        // the first email has gone out already
        OutboxMessage firstEmail = only(before, MessageChannel.EMAIL, false);
        assertEquals(dk.rampe.followup.Outbox.ClaimResult.CLAIMED,
                outbox.claim(firstEmail, "claim-1", f.clock.instant(), f.clock.instant().plus(Duration.ofMinutes(5))));
        outbox.markSent(firstEmail.messageId(), "claim-1", "ses-1", f.clock.instant());

        // Carla takes over: email only, in English
        f.clock.advance(Duration.ofMinutes(10));
        APIGatewayV2HTTPResponse reassigned = f.handle(call("PUT", "/v1/referrals/{referralId}/consultant", id,
                "{\"consultantId\":\"c-carla\"}", DORTHE));
        assertEquals(200, reassigned.getStatusCode(), reassigned.getBody());
        assertEquals("c-carla", json(reassigned).get("consultantId").asText());

        assertEquals("c-carla", store.find(taskId).orElseThrow().consultantId());
        assertEquals(List.of("c-anna→c-carla"), store.handovers(taskId), "the handover is in the task's history");
        List<OutboxMessage> after = store.messagesOf(taskId);
        OutboxMessage reminder = only(after, MessageChannel.EMAIL, true);
        assertEquals(OutboxMessage.State.PENDING, reminder.state());
        assertEquals("carla@rampe.example", reminder.recipient());
        assertTrue(reminder.subject().startsWith("Reminder: Follow-up still open"), reminder.subject());
        assertEquals(only(before, MessageChannel.EMAIL, true).notBefore(), reminder.notBefore(), "same time");
        assertTrue(reminder.text().contains(linkOf(only(before, MessageChannel.EMAIL, true).text())), "same link");
        OutboxMessage sent = only(after, MessageChannel.EMAIL, false);
        assertEquals(OutboxMessage.State.SENT, sent.state());
        assertEquals("anna@rampe.example", sent.recipient(), "what was sent stays as it was");
        for (boolean r : new boolean[] {false, true}) {
            assertEquals(OutboxMessage.State.CANCELLED, only(after, MessageChannel.SMS, r).state(), "Carla takes no SMS");
        }
        assertTrue(auditActions(f, "followup:" + taskId).contains("followUp.handedOver"));
        String programme = store.find(taskId).orElseThrow().programmeId();
        assertEquals(List.of(), store.openTaskIds(programme, "c-anna"), "Anna's list no longer holds it");
        assertEquals(List.of(taskId), store.openTaskIds(programme, "c-carla"));

        // the same assignment again moves nothing twice
        assertEquals(200, f.handle(call("PUT", "/v1/referrals/{referralId}/consultant", id,
                "{\"consultantId\":\"c-carla\"}", DORTHE)).getStatusCode());
        assertEquals(List.of("c-anna→c-carla"), store.handovers(taskId));
        // a follow-up planned now goes to Carla
        APIGatewayV2HTTPResponse next = f.handle(call("POST", "/v1/referrals/{referralId}/follow-ups", id,
                "{\"kind\":\"generic\",\"dueAt\":\"2026-11-24T14:00:00+01:00\"}", ANNA));
        assertEquals("c-carla", json(next).get("consultantId").asText(), next.getBody());
    }

    private static String linkOf(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://\\S+/f/[A-Za-z0-9._~-]+").matcher(text);
        assertTrue(m.find(), text);
        return m.group();
    }

    private static List<String> auditActions(IntakeFixture f, String subject) {
        return f.dynamo.query(b -> b.tableName(f.config.auditTable()).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SUBJECT#" + subject)))).items()
                .stream().map(i -> i.get("action").s()).toList();
    }
}
