package dk.rampe.dynamodb;

import static dk.rampe.followup.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rampe.followup.ContractData;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.platform.RampeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A nudge goes at the latest with its referral: sending, failing or cancelling it sets the message's own
 * end (90 days after sending, 400 after failing) only where that is no later than an end the message
 * already has from the referral's retention.
 */
class DynamoOutboxRetentionTest {
    private static final Duration KEEP_SENT = Duration.ofDays(90);
    private static final Duration KEEP_FAILED = Duration.ofDays(400);

    private final DynamoDbClient dynamo = DynamoContractTables.client();
    private final RampeConfig config = DynamoContractTables.freshTables();
    private final DynamoFollowUpStore store = new DynamoFollowUpStore(dynamo, config.table(),
            new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention()));
    private final DynamoOutbox outbox = new DynamoOutbox(dynamo, config.table(), KEEP_SENT, KEEP_FAILED);
    private final ContractData data = new ContractData();

    DynamoOutboxRetentionTest() {
        store.create(data.task, data.messages(), data.audit("followup.created"));
    }

    private Long expiresAt(OutboxMessage m) {
        AttributeValue v = dynamo.getItem(b -> b.tableName(config.table()).key(Keys.messageKey(m.messageId()))
                .consistentRead(true)).item().get("expiresAt");
        return v == null ? null : Long.parseLong(v.n());
    }

    /** What the referral's retention writes on its nudges when the participant's path ends. */
    private void referralRetention(OutboxMessage m, Instant end) {
        dynamo.updateItem(b -> b.tableName(config.table()).key(Keys.messageKey(m.messageId()))
                .updateExpression("SET expiresAt = :e")
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromN(Long.toString(end.getEpochSecond())))));
    }

    @Test
    void aMessageWithoutAnEndGetsItsOwn() {
        Instant sentAt = T0.plusSeconds(5);
        outbox.claim(data.sms, "claim-1", T0, T0.plusSeconds(60));
        outbox.markSent(data.sms.messageId(), "claim-1", "provider-1", sentAt);
        assertEquals(sentAt.plus(KEEP_SENT).getEpochSecond(), expiresAt(data.sms));
    }

    @Test
    void aFailedMessageKeepsTheReferralsEarlierEnd() {
        Instant referralEnds = T0.plus(Duration.ofDays(30));
        referralRetention(data.sms, referralEnds);
        outbox.claim(data.sms, "claim-1", T0, T0.plusSeconds(60));
        assertEquals(true, outbox.markFailed(data.sms.messageId(), "claim-1", "InvalidParameter", T0.plusSeconds(5)));
        assertEquals(OutboxMessage.State.FAILED, outbox.find(data.sms.messageId()).orElseThrow().state());
        assertEquals(referralEnds.getEpochSecond(), expiresAt(data.sms), "not the failed message's 400 days");
    }

    @Test
    void aSentOrCancelledMessageKeepsTheReferralsEarlierEndAndALaterOneIsBroughtForward() {
        Instant early = T0.plus(Duration.ofDays(10));
        referralRetention(data.email, early);
        outbox.claim(data.email, "claim-1", T0, T0.plusSeconds(60));
        outbox.markSent(data.email.messageId(), "claim-1", "provider-1", T0.plusSeconds(5));
        assertEquals(OutboxMessage.State.SENT, outbox.find(data.email.messageId()).orElseThrow().state());
        assertEquals(early.getEpochSecond(), expiresAt(data.email));

        referralRetention(data.reminder, T0.plus(Duration.ofDays(365)));
        assertEquals(true, outbox.cancel(data.reminder.messageId(), T0));
        assertEquals(T0.plus(KEEP_SENT).getEpochSecond(), expiresAt(data.reminder), "the earlier of the two ends");
    }

    @Test
    void aTransitionFromTheWrongStateStillFailsWhateverTheEnd() {
        referralRetention(data.sms, T0.plus(Duration.ofDays(1)));
        assertThrows(ConditionalCheckFailedException.class,
                () -> outbox.markSent(data.sms.messageId(), "claim-never", "provider-1", T0));
        assertEquals(OutboxMessage.State.PENDING, outbox.find(data.sms.messageId()).orElseThrow().state());
    }
}
