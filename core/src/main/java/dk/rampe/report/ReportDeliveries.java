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
}
