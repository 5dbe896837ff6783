package dk.rampe.followup;

import static dk.rampe.followup.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} does (at most once: each transition only from the state and claim it
 * expects). The in-memory fake and the DynamoDB adapter both extend this.
 */
public abstract class OutboxContract {
    /** A fresh, empty store and outbox over the same data. */
    protected abstract FollowUpPorts newPorts();

    private FollowUpStore store;
    private Outbox outbox;
    private ContractData data;

    @BeforeEach
    void fresh() {
        FollowUpPorts ports = newPorts();
        store = ports.store();
        outbox = ports.outbox();
        data = new ContractData();
        store.create(data.task, data.messages(), data.audit("followup.created"));
    }

    private List<String> mine(Instant now) {
        return outbox.dueIds(now, 100).stream().filter(id -> data.messages().stream()
                .anyMatch(m -> m.messageId().equals(id))).toList();
    }

    private OutboxMessage stored(OutboxMessage m) {
        return outbox.find(m.messageId()).orElseThrow();
    }

    @Test
    void messagesAreDueFromTheirTimeInTimeOrder() {
        assertEquals(List.of(), mine(T0.minusSeconds(1)));
        assertEquals(List.of(data.sms.messageId()), mine(T0));
        assertEquals(List.of(data.sms.messageId(), data.email.messageId()), mine(T0.plus(Duration.ofHours(1))));
        assertEquals(List.of(data.sms.messageId(), data.email.messageId(), data.reminder.messageId()),
                mine(T0.plus(Duration.ofHours(3))));
        assertEquals(1, outbox.dueIds(T0.plus(Duration.ofHours(3)), 1).size());
        assertTrue(outbox.find("OUTBOX-NONE").isEmpty());
    }

    @Test
    void aMessageIsClaimedOnceAndIsDueAgainOnlyWhenTheLeaseRunsOut() {
        Instant lease = T0.plusSeconds(60);
        assertEquals(Outbox.ClaimResult.CLAIMED, outbox.claim(data.sms, "claim-1", T0, lease));
        assertEquals(Outbox.ClaimResult.LOST, outbox.claim(data.sms, "claim-2", T0, lease));
        OutboxMessage sending = stored(data.sms);
        assertEquals(OutboxMessage.State.SENDING, sending.state());
        assertEquals(1, sending.attempts());
        assertEquals("claim-1", sending.claimId());
        assertEquals(lease, sending.leaseUntil());
        assertFalse(mine(T0.plusSeconds(30)).contains(data.sms.messageId()));
        assertTrue(mine(lease).contains(data.sms.messageId()));
        // a stale copy (attempts seen 0) cannot claim it either
        assertEquals(Outbox.ClaimResult.LOST, outbox.claim(data.sms, "claim-3", lease, lease.plusSeconds(60)));
    }

    @Test
    void sentOnlyUnderItsClaimAndThenNeverDue() {
        outbox.claim(data.sms, "claim-1", T0, T0.plusSeconds(60));
        assertThrows(RuntimeException.class, () -> outbox.markSent(data.sms.messageId(), "claim-other", "p-0", T0));
        assertEquals(OutboxMessage.State.SENDING, stored(data.sms).state());
        outbox.markSent(data.sms.messageId(), "claim-1", "provider-1", T0.plusSeconds(5));
        OutboxMessage sent = stored(data.sms);
        assertEquals(OutboxMessage.State.SENT, sent.state());
        assertEquals("provider-1", sent.providerMessageId());
        assertEquals(T0.plusSeconds(5), sent.sentAt());
        assertFalse(mine(T0.plus(Duration.ofDays(1))).contains(data.sms.messageId()));
        assertThrows(RuntimeException.class, () -> outbox.markSent(data.sms.messageId(), "claim-1", "p-2", T0));
    }

    @Test
    void aRetryIsPendingAgainFromItsNextAttempt() {
        outbox.claim(data.sms, "claim-1", T0, T0.plusSeconds(60));
        Instant next = T0.plus(Duration.ofMinutes(5));
        outbox.markRetry(data.sms.messageId(), "claim-1", next, "Throttling");
        OutboxMessage pending = stored(data.sms);
        assertEquals(OutboxMessage.State.PENDING, pending.state());
        assertEquals(1, pending.attempts());
        assertEquals(next, pending.nextAttemptAt());
        assertEquals("Throttling", pending.lastError());
        assertNull(pending.leaseUntil());
        assertFalse(mine(next.minusSeconds(1)).contains(data.sms.messageId()));
        assertTrue(mine(next).contains(data.sms.messageId()));
        assertEquals(Outbox.ClaimResult.CLAIMED, outbox.claim(pending, "claim-2", next, next.plusSeconds(60)));
        assertEquals(2, stored(data.sms).attempts());
    }

    @Test
    void failedUnderItsClaimOrAfterTheLeaseAndListedNewestFirst() {
        outbox.claim(data.sms, "claim-1", T0, T0.plusSeconds(60));
        assertFalse(outbox.markFailed(data.sms.messageId(), "claim-other", "Rejected", T0));
        assertTrue(outbox.markFailed(data.sms.messageId(), "claim-1", "Rejected", T0.plusSeconds(1)));
        assertEquals(OutboxMessage.State.FAILED, stored(data.sms).state());
        assertEquals("Rejected", stored(data.sms).lastError());
        assertFalse(mine(T0.plus(Duration.ofDays(1))).contains(data.sms.messageId()));

        // a claim abandoned by a crashed dispatcher fails only once its lease is over
        outbox.claim(data.email, "claim-2", T0.plusSeconds(600), T0.plusSeconds(660));
        assertFalse(outbox.markFailed(data.email.messageId(), null, "LeaseExpired", T0.plusSeconds(659)));
        assertTrue(outbox.markFailed(data.email.messageId(), null, "LeaseExpired", T0.plusSeconds(660)));
        assertFalse(outbox.markFailed(data.email.messageId(), null, "LeaseExpired", T0.plusSeconds(700)));

        List<String> failed = outbox.failed(100).stream().map(OutboxMessage::messageId)
                .filter(id -> id.equals(data.sms.messageId()) || id.equals(data.email.messageId())).toList();
        assertEquals(List.of(data.email.messageId(), data.sms.messageId()), failed);
    }

    @Test
    void remindersStopWhenTheTaskClosesAndOnlyRemindersCancel() {
        assertFalse(outbox.cancel(data.sms.messageId(), T0));
        assertEquals(OutboxMessage.State.PENDING, stored(data.sms).state());

        store.close(data.task.taskId(), ContractData.reached(), "c1", T0.plusSeconds(60), data.audit("followup.closed"));
        Instant later = T0.plus(Duration.ofHours(2));
        assertEquals(Outbox.ClaimResult.TASK_CLOSED, outbox.claim(data.reminder, "claim-r", later, later.plusSeconds(60)));
        assertEquals(OutboxMessage.State.PENDING, stored(data.reminder).state());
        assertTrue(outbox.cancel(data.reminder.messageId(), later));
        assertEquals(OutboxMessage.State.CANCELLED, stored(data.reminder).state());
        assertFalse(mine(later.plus(Duration.ofDays(1))).contains(data.reminder.messageId()));
        assertFalse(outbox.cancel(data.reminder.messageId(), later));
        // an initial message still goes after the close: it was the news itself
        assertEquals(Outbox.ClaimResult.CLAIMED, outbox.claim(data.sms, "claim-s", later, later.plusSeconds(60)));
    }
}
