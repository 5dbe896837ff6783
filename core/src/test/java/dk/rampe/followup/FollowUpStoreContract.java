package dk.rampe.followup;

import static dk.rampe.followup.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FollowUpStore} does: the in-memory fake and the DynamoDB adapter both extend
 * this, so service tests on the fake say something true about production.
 */
public abstract class FollowUpStoreContract {
    /** A fresh, empty store and outbox over the same data. */
    protected abstract FollowUpPorts newPorts();

    private FollowUpStore store;
    private ContractData data;

    @BeforeEach
    void fresh() {
        store = newPorts().store();
        data = new ContractData();
    }

    @Test
    void aCreatedTaskIsFoundWithItsMessagesPending() {
        FollowUpStore.CreateResult r = store.create(data.task, data.messages(), data.audit("followup.created"));
        assertInstanceOf(FollowUpStore.Created.class, r);
        assertEquals(data.task, store.find(data.task.taskId()).orElseThrow());
        List<OutboxMessage> messages = store.messagesOf(data.task.taskId());
        assertEquals(List.of(data.sms.messageId(), data.email.messageId(), data.reminder.messageId()).stream().sorted()
                .toList(), messages.stream().map(OutboxMessage::messageId).sorted().toList());
        assertTrue(messages.stream().allMatch(m -> m.state() == OutboxMessage.State.PENDING && m.attempts() == 0));
        assertEquals(data.sms, messages.stream().filter(m -> m.messageId().equals(data.sms.messageId()))
                .findFirst().orElseThrow());
    }

    @Test
    void theSameDecisionTwiceGivesTheFirstTaskAndNoSecondMessages() {
        store.create(data.task, data.messages(), data.audit("followup.created"));
        FollowUpTask later = FollowUpTask.open(data.task.taskId(), data.task.kind(), data.task.referralId(), "c2",
                data.task.programmeId(), T0.plus(Duration.ofDays(1)), T0.plusSeconds(60));
        FollowUpStore.CreateResult again = store.create(later, data.messages(), data.audit("followup.created"));
        assertInstanceOf(FollowUpStore.AlreadyExists.class, again);
        assertEquals("c1", again.task().consultantId());
        assertEquals(3, store.messagesOf(data.task.taskId()).size());
    }

    @Test
    void unknownAndMalformedTaskIdsAreNotFound() {
        assertTrue(store.find(Ids.taskId("never-decided")).isEmpty());
        assertTrue(store.find("not a task id").isEmpty());
        assertTrue(store.messagesOf(Ids.taskId("never-decided")).isEmpty());
    }

    @Test
    void aTaskClosesOnceWithItsOutcome() {
        store.create(data.task, data.messages(), data.audit("followup.created"));
        FollowUpOutcome outcome = ContractData.reached();
        assertTrue(store.close(data.task.taskId(), outcome, "c1", T0.plusSeconds(600), data.audit("followup.closed")));
        FollowUpTask closed = store.find(data.task.taskId()).orElseThrow();
        assertFalse(closed.isOpen());
        assertEquals(outcome, closed.outcome());
        assertEquals("c1", closed.closedBy());
        assertEquals(T0.plusSeconds(600), closed.closedAt());
        // a double tap changes nothing
        assertFalse(store.close(data.task.taskId(), new FollowUpOutcome(false, FollowUpOutcome.Cause.UNKNOWN,
                FollowUpOutcome.NextStep.CALL_AGAIN, ""), "c2", T0.plusSeconds(700), data.audit("followup.closed")));
        assertEquals(closed, store.find(data.task.taskId()).orElseThrow());
        assertFalse(store.close(Ids.taskId("never-decided"), outcome, "c1", T0, data.audit("followup.closed")));
    }

    @Test
    void anAftercareOutcomeIsKeptWhole() {
        store.create(data.task, data.messages(), data.audit("followup.created"));
        FollowUpOutcome outcome = new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE, FollowUpOutcome.NextStep.NONE,
                "Talt med begge", new FollowUpOutcome.Aftercare(FollowUpOutcome.Method.VISIT,
                FollowUpOutcome.WithWhom.BOTH, true, new java.math.BigDecimal("12.5")));
        assertTrue(store.close(data.task.taskId(), outcome, "c1", T0.plusSeconds(600), data.audit("followup.closed")));
        assertEquals(outcome, store.find(data.task.taskId()).orElseThrow().outcome());
    }

    @Test
    void aReferralsTasksAreListedOpenAndClosedByDueTimeAndTheOpenOnesPerConsultant() {
        String referral = "R" + Ids.taskId("referral-" + System.nanoTime()).substring(1);
        String programme = "p-" + System.nanoTime();
        FollowUpTask later = FollowUpTask.open(Ids.taskId("later-" + referral), FollowUpKind.FOLLOW_UP_DUE, referral,
                "c1", programme, T0.plus(Duration.ofDays(2)), T0);
        FollowUpTask sooner = FollowUpTask.open(Ids.taskId("sooner-" + referral), FollowUpKind.AFTERCARE_CALL_DUE,
                referral, "c1", programme, T0.plus(Duration.ofDays(1)), T0);
        FollowUpTask other = FollowUpTask.open(Ids.taskId("other-" + referral), FollowUpKind.FOLLOW_UP_DUE,
                "R" + Ids.taskId("another-" + referral).substring(1), "c1", programme, T0, T0);
        for (FollowUpTask t : List.of(later, sooner, other)) store.create(t, List.of(), data.audit("followup.created"));
        store.close(sooner.taskId(), ContractData.reached(), "c1", T0.plusSeconds(60), data.audit("followup.closed"));
        List<FollowUpTask> listed = store.tasksOf(referral);
        assertEquals(List.of(sooner.taskId(), later.taskId()), listed.stream().map(FollowUpTask::taskId).toList());
        assertFalse(listed.get(0).isOpen(), "closed ones too, with their outcome");
        assertEquals(ContractData.reached(), listed.get(0).outcome());
        assertTrue(store.tasksOf("R" + Ids.taskId("nobody").substring(1)).isEmpty());
        assertEquals(List.of(other.taskId(), later.taskId()),
                store.openTasks(programme, "c1").stream().map(FollowUpTask::taskId).toList());
        assertTrue(store.openTasks(programme, "c2").isEmpty());
    }
}
