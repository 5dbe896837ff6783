package dk.rampe.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A one-day agreement: on {@code date} the participant comes at {@code start} for {@code minutes}
 * (a shorter day, a later start), or not at all ({@code dayOff}). The latest agreement of a date wins.
 */
public record Agreement(LocalDate date, boolean dayOff, LocalTime start, Integer minutes, String recordedBy,
                        Instant recordedAt) {
    public Agreement {
        Objects.requireNonNull(date);
        Objects.requireNonNull(recordedAt);
        if (!dayOff && (start == null || minutes == null)) throw new IllegalArgumentException("start and minutes");
    }
}
