package dk.rampe.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: per sweep, up to when every due item has been handed to its rule. A watermark only
 * moves forward, so two overlapping runs cannot move it back.
 */
public interface Watermarks {

    Optional<Instant> read(String sweep);

    /** Moves the sweep's watermark to {@code to} unless it is already there or later. */
    void advance(String sweep, Instant to);
}
