package dk.rampe.attendance;

import dk.rampe.followup.OutboxMessage;

import java.time.LocalDate;
import java.util.List;

/** Port: a referral's attendance plans, agreements, registrations and the caseworker's notices. */
public interface AttendanceStore {

    /** Writes a plan step; a step with the same from-date is replaced (the others stay: a step-up). */
    void putPlan(String referralId, AttendancePlan plan);

    void addAgreement(String referralId, Agreement agreement);

    /** Adds a registration (corrections are new ones); false if one with its id exists already. */
    boolean addRegistration(String referralId, Registration registration);

    /** Every plan step, and the agreements and registrations dated in [{@code from}, {@code to}]. */
    Attendance load(String referralId, LocalDate from, LocalDate to);

    /**
     * Writes the notice, the participant's flag (if {@code flag}) and the caseworker's email (if
     * not null) in one transaction; false (and nothing written) if the notice exists already.
     */
    boolean addNotice(Notice notice, boolean flag, OutboxMessage email);

    /** The referral's notices, oldest first. */
    List<Notice> notices(String referralId);

    /**
     * Records whether the participant consented at enrolment to a neutral SMS when they have not
     * shown up (issue 9); the latest record counts.
     */
    default void recordSmsConsent(String referralId, boolean consent, String actor, java.time.Instant at) {
        throw new UnsupportedOperationException("recordSmsConsent");
    }

    /** Whether the participant's consent to an SMS at the cutoff is recorded; false if never asked. */
    default boolean smsConsent(String referralId) {
        return false;
    }
}
