package dk.rampe.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A notice to the referring jobcentre's caseworker about a participant's absence: what it is about
 * (the date and why it is sent), never the benefit or anything about health. Listed by
 * {@code GET /v1/referrals/{id}/notices}, and emailed (a neutral text with the case reference and a link).
 */
public record Notice(String id, String referralId, String jobcentreId, LocalDate date, List<Reason> reasons,
                     Instant createdAt) {

    public enum Reason {
        /** An unexcused absence that the jobcentre must register (per-programme list of benefits). */
        UNEXCUSED_ABSENCE,
        /** Two unexcused absences in a row. */
        TWO_IN_A_ROW,
        /** Three unexcused absences within ten working days. */
        THREE_IN_TEN_WORKING_DAYS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Notice {
        reasons = List.copyOf(reasons);
    }
}
