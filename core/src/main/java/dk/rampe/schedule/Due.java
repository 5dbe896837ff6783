package dk.rampe.schedule;

import java.time.Instant;
import java.util.Objects;

/** One piece of due work as the due index returns it: its id, when it is due, and what a rule needs. */
public record Due<T>(String id, Instant dueAt, T item) {
    public Due {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
