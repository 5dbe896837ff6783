package dk.rampe.report;

import java.time.Instant;

/**
 * A participant moved to {@code to} at {@code at} (when it happened), recorded at {@code recordedAt}
 * (when it was written down). A move recorded after a month's end is a correction: it does not
 * change that month's figures, it is listed separately.
 */
public record PhaseMove(String referralId, Phase to, Instant at, Instant recordedAt) {
}
