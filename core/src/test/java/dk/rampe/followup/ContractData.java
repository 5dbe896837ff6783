package dk.rampe.followup;

import dk.rampe.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Tasks and messages for the contract tests: ids only, neutral texts, no personal data. */
public final class ContractData {
    public static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final FollowUpTask task;
    public final OutboxMessage sms;
    public final OutboxMessage email;
    public final OutboxMessage reminder;

    public ContractData() {
        String taskId = Ids.taskId("contract-" + System.nanoTime() + "-" + COUNTER.incrementAndGet());
        task = FollowUpTask.open(taskId, FollowUpKind.ABSENCE_TODAY, "R7K2M9Q4X1ZA8", "c1", "p1",
                T0.plus(Duration.ofHours(1)), T0);
        sms = OutboxMessage.pending(OutboxMessage.dedupeKey(taskId, false, MessageChannel.SMS), taskId, "p1",
                MessageChannel.SMS, "+4522345678", null, "Fravær i dag. Se https://x.example/f/1", null, false,
                T0, T0);
        email = OutboxMessage.pending(OutboxMessage.dedupeKey(taskId, false, MessageChannel.EMAIL), taskId, "p1",
                MessageChannel.EMAIL, "kim@example.dk", "Opfølgning", "Se linket", "<p>Se linket</p>", false,
                T0.plus(Duration.ofMinutes(10)), T0);
        reminder = OutboxMessage.pending(OutboxMessage.dedupeKey(taskId, true, MessageChannel.SMS), taskId, "p1",
                MessageChannel.SMS, "+4522345678", null, "Påmindelse. Se https://x.example/f/1", null, true,
                T0.plus(Duration.ofHours(2)), T0);
    }

    public List<OutboxMessage> messages() {
        return List.of(sms, email, reminder);
    }

    public AuditEntry audit(String action) {
        return new AuditEntry("TASK#" + task.taskId(), "system:test", action, T0);
    }

    public static FollowUpOutcome reached() {
        return new FollowUpOutcome(true, FollowUpOutcome.Cause.TRANSPORT, FollowUpOutcome.NextStep.FEWER_HOURS,
                "kommer i morgen");
    }
}
