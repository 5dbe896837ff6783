package dk.rampe.attendance;

import dk.rampe.followup.OutboxMessage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: a referral's attendance plans, agreements, registrations, internships and the caseworker's
 * notices, and its {@link SessionChain} (the next planned session on the due index, with a copy of what
 * the absence detection needs). Every write of a plan step, an agreement, a registration, the SMS
 * consent or the internships keeps the chain's copy true in the same transaction: where a chain is
 * stored it is rewritten with the change (its position stays; {@link #writeChain} moves it), where none
 * is a stale marker is written, so a chain built from a read of the partition cannot miss a write that
 * came after the read.
 */
public interface AttendanceStore {

    /** Writes a plan step; a step with the same from-date is replaced (the others stay: a step-up). */
    void putPlan(String referralId, AttendancePlan plan);

    void addAgreement(String referralId, Agreement agreement);

    /** Adds a registration (corrections are new ones); false if one with its id exists already. */
    boolean addRegistration(String referralId, Registration registration);

    /**
     * Adds a registration with the chain's copy (as {@link #addRegistration(String, Registration)}) on the condition
     * that the chain's revision is still {@code expected} (0: none stored): what the registration was decided on
     * (the date's registrations, read after the revision) is then what it is added to. False, and nothing
     * written, if anything was written for the referral in between: read again and decide again.
     */
    default boolean addRegistration(String referralId, Registration registration, long expected) {
        throw new UnsupportedOperationException("addRegistration");
    }

    /**
     * Every plan step, the agreements and registrations dated in [{@code from}, {@code to}], the flag and the
     * internships.
     */
    Attendance load(String referralId, LocalDate from, LocalDate to);

    /**
     * Writes the notice, the participant's flag (if {@code flag}) and the caseworker's email (if
     * not null) in one transaction; false (and nothing written) if the notice exists already.
     */
    boolean addNotice(Notice notice, boolean flag, OutboxMessage email);

    /** The referral's notices, oldest first. */
    List<Notice> notices(String referralId);

    /**
     * Writes the notice's correction ({@code notice.correction()}, none when the absence stands again) if the
     * stored notice's correction is still from the registration {@code expectedRegistrationId} (null: none), with
     * the caseworker's email (if not null, written once by its id) in one transaction; false (nothing written) if
     * the notice is gone or its correction changed meanwhile.
     */
    default boolean correctNotice(Notice notice, String expectedRegistrationId, OutboxMessage email) {
        throw new UnsupportedOperationException("correctNotice");
    }

    /**
     * Records whether the participant consented at enrolment to a neutral SMS when they have not
     * shown up; the latest record counts.
     */
    default void recordSmsConsent(String referralId, boolean consent, String actor, java.time.Instant at) {
        throw new UnsupportedOperationException("recordSmsConsent");
    }

    /** Whether the participant's consent to an SMS at the cutoff is recorded; false if never asked. */
    default boolean smsConsent(String referralId) {
        return false;
    }

    /** The participant's internships as the path gives them (replacing what was recorded before). */
    default void recordInternships(String referralId, List<Internship> internships) {
        throw new UnsupportedOperationException("recordInternships");
    }

    /** The referral's chain as stored (read consistently), a stale marker included; empty if none was written. */
    default Optional<SessionChain> chain(String referralId) {
        return Optional.empty();
    }

    /**
     * What is written together with a chain (each may be null). A {@code warning} is written only if none with its
     * id exists: together with the chain's revision condition, a run repeated or raced writes it once.
     */
    record With(AttendancePlan plan, Agreement agreement, Registration registration, Warning warning) {
        public static final With NOTHING = new With(null, null, null, null);

        public static With plan(AttendancePlan p) {
            return new With(p, null, null, null);
        }

        public static With agreement(Agreement a) {
            return new With(null, a, null, null);
        }

        public static With registration(Registration r) {
            return new With(null, null, r, null);
        }

        public static With warning(Warning w) {
            return new With(null, null, null, w);
        }
    }

    /** The early warnings started for the referral, oldest first (each with its reasons). */
    default List<Warning> warnings(String referralId) {
        return List.of();
    }

    /**
     * Writes {@code chain} (complete, on the due index at its {@code dueAt}, or off it when parked) and
     * {@code with} in one transaction, if the stored chain still has revision {@code expected} (0: none stored);
     * {@code chain.revision()} must be {@code expected + 1}. False, and nothing written, if the chain changed
     * in the meantime: read it again and decide again. A registration written here is written as it is
     * (its id derived from the decision, so writing it twice writes the same).
     */
    default boolean writeChain(SessionChain chain, long expected, With with) {
        throw new UnsupportedOperationException("writeChain");
    }
}
