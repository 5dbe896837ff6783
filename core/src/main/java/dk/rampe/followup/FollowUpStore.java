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

    /** Ids of the tasks still open for one consultant of a programme (for a handover). */
    default List<String> openTaskIds(String programmeId, String consultantId) {
        throw new UnsupportedOperationException("this store cannot hand tasks over");
    }

    /**
     * Every task of one referral, open and closed, by due time (the participant page). Read by
     * query, never a scan: tasks written before this index existed are not listed.
     */
    default List<FollowUpTask> tasksOf(String referralId) {
        throw new UnsupportedOperationException("this store cannot list a referral's tasks");
    }

    /** The tasks still open for one consultant of a programme, by due time ("my participants"). */
    default List<FollowUpTask> openTasks(String programmeId, String consultantId) {
        return openTaskIds(programmeId, consultantId).stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * Hands an open task from one consultant to another, in one transaction: the task's consultant
     * (only if it is still open and still {@code from}'s) with a history entry, each pending message in
     * {@code readdressed} (only if still pending) and the audit entry. Messages in {@code cancelled}
     * (a channel the new consultant does not use) are cancelled if still pending. False (nothing
     * written) if the task was closed or handed over meanwhile.
     */
    default boolean handOver(String taskId, String from, String to, Instant at, List<OutboxMessage> readdressed,
                             List<String> cancelled, AuditEntry audit) {
        throw new UnsupportedOperationException("this store cannot hand tasks over");
    }
}
