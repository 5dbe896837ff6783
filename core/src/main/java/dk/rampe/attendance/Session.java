package dk.rampe.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A session the participant is expected at: its date, start (local time), length and cutoff (start + grace). */
public record Session(LocalDate date, LocalTime start, int minutes, Instant startsAt, Instant cutoff) {
}
