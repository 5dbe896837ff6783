package dk.rampe.path;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A follow-up that belongs to a step of the path: its kind, the step it follows ({@code stepId},
 * so a corrected date moves it rather than adding one), the day the consultant is nudged
 * ({@code notifyOn}, 08:00 Copenhagen) and the day it is due. {@code id} is derived from the
 * decision (referral, kind, step): the same reminder has the same id however often it is planned.
 */
public record Reminder(String id, Kind kind, String referralId, String stepId, LocalDate notifyOn, LocalDate dueOn) {

    public enum Kind {
        /** A check with the workplace 3 working days after an internship starts. */
        INTERNSHIP_CHECK,
        /** The aftercare follow-up 3 months after a job starts. */
        AFTERCARE,
        /** 6 months after a job starts: still employed, and the hours. */
        RETENTION_CHECK,
        /** 6 months after leaving: in employment or education? */
        OUTCOME_CHECK,
        /** A job ended before its aftercare date: call within 2 working days. */
        JOB_ENDED_CALL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
