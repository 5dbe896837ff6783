package dk.rampe.report;

import java.time.Instant;
import java.util.Optional;

/**
 * What was done with a programme's report of a month: one record per programme and month, written with
 * the send's decision id once the report was made, kept and emailed (or made and kept, when the programme
 * has no recipients). A retried or repeated run finds it and sends nothing again; a resend is an
 * administrator's explicit act and overwrites it.
 */
public interface ReportDeliveries {
    /** {@code emailId} is null when there were no recipients; {@code sentBy} is "system:report" or an admin. */
    record Sent(String programmeId, String month, String decisionId, String emailId, int recipients, Instant sentAt,
                String sentBy) {
    }

    Optional<Sent> sent(String programmeId, String month);

    /** Records the month's first send; false when one is recorded already (another run was first). */
    boolean recordFirst(Sent sent);

    /** Records an administrator's resend in place of the earlier record. */
    void recordResend(Sent sent);

    /**
     * How long a resend is taken for the same intent: a second request within it (a double tap, a retried
     * request) does not email again.
     */
    java.time.Duration RESEND_INTENT = java.time.Duration.ofMinutes(2);

    /**
     * Claims the resend of {@code seen} (the record the request read), before the email goes: false, and
     * nothing to send, when the record changed since, when {@code seen} was sent less than {@link #RESEND_INTENT}
     * before {@code now}, or when another resend of it was claimed less than that before (one email per intent;
     * a claim whose send failed lets a request after that time try again).
     */
    boolean claimResend(Sent seen, Instant now);
}
