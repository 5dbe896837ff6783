package dk.rampe.report;

import java.time.Instant;

/** Delivery health: the programme's nudges that failed, or still wait to be sent, at {@code asOf}. */
public interface DeliveryFigures {
    record Nudges(long failed, long waiting) {
    }

    Nudges nudges(String programmeId, Instant asOf);

    static DeliveryFigures none() {
        return (programmeId, asOf) -> new Nudges(0, 0);
    }
}
