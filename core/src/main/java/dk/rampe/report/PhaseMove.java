package dk.rampe.report;

import java.time.Instant;

/**
 * A participant moved to {@code to} at {@code at} (when it happened), recorded at {@code recordedAt}
 * (when it was written down). A move recorded after a month's end is a correction: it does not
 * change that month's figures, it is listed separately. {@code competitiveWork}: a move to paid work
 * in an ordinary job on ordinary terms (IPS's competitive work: not a flexjob, wage subsidy or a
 * social-economy job).
 */
public record PhaseMove(String referralId, Phase to, Instant at, Instant recordedAt, boolean competitiveWork) {

    public PhaseMove(String referralId, Phase to, Instant at, Instant recordedAt) {
        this(referralId, to, at, recordedAt, false);
    }
}
