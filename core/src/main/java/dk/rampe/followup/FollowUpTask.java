package dk.rampe.followup;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a consultant must act on for one referral, by {@code dueAt}. Open until the
 * consultant records an outcome; closing it stops its reminders. Carries ids only.
 */
public record FollowUpTask(
        String taskId,
        FollowUpKind kind,
        String referralId,
        String consultantId,
        String programmeId,
        Instant dueAt,
        Status status,
        FollowUpOutcome outcome,
        Instant createdAt,
        Instant closedAt,
        String closedBy) {

    public enum Status { OPEN, CLOSED }

    public FollowUpTask {
        Objects.requireNonNull(taskId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(referralId);
        Objects.requireNonNull(consultantId);
        Objects.requireNonNull(programmeId);
        Objects.requireNonNull(dueAt);
        Objects.requireNonNull(status);
        Objects.requireNonNull(createdAt);
        if (status == Status.CLOSED && (outcome == null || closedAt == null)) {
            throw new IllegalArgumentException("a closed task has an outcome and a time");
        }
    }

    public static FollowUpTask open(String taskId, FollowUpKind kind, String referralId, String consultantId,
                                    String programmeId, Instant dueAt, Instant createdAt) {
        return new FollowUpTask(taskId, kind, referralId, consultantId, programmeId, dueAt, Status.OPEN, null,
                createdAt, null, null);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public FollowUpTask close(FollowUpOutcome outcome, String by, Instant at) {
        return new FollowUpTask(taskId, kind, referralId, consultantId, programmeId, dueAt, Status.CLOSED, outcome,
                createdAt, at, by);
    }
}
