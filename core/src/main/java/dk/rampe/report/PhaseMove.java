package dk.rampe.report;

import dk.rampe.path.JobKind;

import java.time.Instant;

/**
 * A participant moved to {@code to} at {@code at} (when it happened), recorded at {@code recordedAt}
 * (when it was written down). A move recorded after a month's end is a correction: it does not
 * change that month's figures, it is listed separately. {@code competitiveWork}: a move to paid work
 * in an ordinary job on ordinary terms (IPS's competitive work: not a flexjob, wage subsidy or a
 * social-economy job). {@code jobKind}: the kind of job a move to paid work started (null for other
 * moves, and where the kind was not recorded).
 */
public record PhaseMove(String referralId, Phase to, Instant at, Instant recordedAt, boolean competitiveWork,
                        JobKind jobKind) {

    public PhaseMove(String referralId, Phase to, Instant at, Instant recordedAt) {
        this(referralId, to, at, recordedAt, false, null);
    }

    /** A move whose job kind is known only as competitive work or not: an ordinary job when it is. */
    public PhaseMove(String referralId, Phase to, Instant at, Instant recordedAt, boolean competitiveWork) {
        this(referralId, to, at, recordedAt, competitiveWork,
                competitiveWork && to == Phase.PAID_HOURS_OR_JOB ? JobKind.ORDINARY : null);
    }
}
