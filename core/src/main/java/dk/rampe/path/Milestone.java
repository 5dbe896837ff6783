package dk.rampe.path;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One recorded step of a participant's path: what happened, the date it took effect, who recorded
 * it and when. Records are never changed: a correction is a new record whose {@code corrects} names
 * the record it replaces, so the history stays whole and figures can be recomputed as they stood.
 * Type-specific fields are null where they do not apply. {@code note} is the consultant's own text
 * (never shown to the jobcentre).
 */
public record Milestone(
        String id,
        String referralId,
        MilestoneType type,
        LocalDate effectiveOn,
        String recordedBy,
        Instant recordedAt,
        String corrects,
        String employer,
        JobKind jobKind,
        BigDecimal hoursPerWeek,
        LocalDate expectedEnd,
        String reason,
        String note) {

    public Milestone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Enrolment or exit, recorded by the status routes. */
    public static Milestone status(String id, String referralId, MilestoneType type, LocalDate on, String by,
                                   Instant at, String reason) {
        return new Milestone(id, referralId, type, on, by, at, null, null, null, null, null, reason, null);
    }

    @Override
    public String toString() {
        return "Milestone[id=" + id + ", type=" + type + ", effectiveOn=" + effectiveOn + ", corrects=" + corrects + "]";
    }
}
