package dk.rampe.followup;

import dk.rampe.audit.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Follow-up tasks and the messages decided with them. */
public interface FollowUpStore {

    /**
     * Writes the task, its outbox messages and the audit entry in one transaction. When the task
     * exists already (the same decision made again), nothing is written and the stored task is returned.
     */
    CreateResult create(FollowUpTask task, List<OutboxMessage> messages, AuditEntry audit);

    sealed interface CreateResult permits Created, AlreadyExists {
        FollowUpTask task();
    }

    record Created(FollowUpTask task) implements CreateResult {
    }

    record AlreadyExists(FollowUpTask task) implements CreateResult {
    }

    Optional<FollowUpTask> find(String taskId);

    /**
     * Closes an open task with its outcome, together with the audit entry, in one transaction.
     * Returns false (and writes nothing) if the task was closed already.
     */
    boolean close(String taskId, FollowUpOutcome outcome, String closedBy, Instant at, AuditEntry audit);

    /** Messages written for a task (for cancelling its reminders, and for tests). */
    List<OutboxMessage> messagesOf(String taskId);
}
