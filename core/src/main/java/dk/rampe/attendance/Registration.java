package dk.rampe.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened on a date: present, late (with the arrival time), excused (with a reason) or absent.
 * A correction is a new registration; the latest of a date counts and the earlier ones stay as history.
 * {@link Status#NONE} is a correction back to "nothing registered" (an undo on today's list): while it
 * is the latest, the date counts as not registered ({@link Attendance#registrationOn}), so the absence
 * detection still fires at the cutoff.
 * {@code detected}: written by the absence detection at the cutoff (nothing was registered);
 * {@code review}: detected after the day had passed (an outage), to be looked at, never nudged.
 */
public record Registration(String id, LocalDate date, Status status, LocalTime arrival, Reason reason,
                           String recordedBy, Instant recordedAt, boolean detected, boolean review) {

    public enum Status {
        PRESENT, LATE, EXCUSED, ABSENT,
        /** Nothing registered: withdraws the earlier registrations of the date (they stay as history). */
        NONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> fromWire(String s) {
            for (Status v : values()) if (v.wireName().equals(s)) return Optional.of(v);
            return Optional.empty();
        }
    }

    public enum Reason {
        SICK, APPOINTMENT, AGREED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Reason> fromWire(String s) {
            for (Reason v : values()) if (v.wireName().equals(s)) return Optional.of(v);
            return Optional.empty();
        }
    }

    public Registration {
        Objects.requireNonNull(id);
        Objects.requireNonNull(date);
        Objects.requireNonNull(status);
        Objects.requireNonNull(recordedAt);
        if (status == Status.LATE && arrival == null) throw new IllegalArgumentException("arrival");
        if (status == Status.EXCUSED && reason == null) throw new IllegalArgumentException("reason");
        if (status != Status.LATE) arrival = null;
        if (status != Status.EXCUSED) reason = null;
    }

    /** An absence without a valid reason. */
    public boolean unexcused() {
        return status == Status.ABSENT;
    }
}
