package dk.rampe.attendance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period the participant is in an internship (from the path): from its start to its
 * recorded end, or to its expected end while none is recorded, or open; both days included. No
 * session of the plan is expected then unless the plan step says it applies during an internship
 * ({@link AttendancePlan#duringInternship()}); a one-day agreement still decides its date.
 */
public record Internship(LocalDate from, LocalDate to) {
    public Internship {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) throw new IllegalArgumentException("to before from");
    }

    /** Whether {@code date} is a day of the internship. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
