package dk.rampe.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A notice to the referring jobcentre's caseworker about a participant's absence: what it is about
 * (the date and why it is sent), never the benefit or anything about health. Listed by
 * {@code GET /v1/referrals/{id}/notices}, and emailed (a neutral text with the case reference and a link).
 * It reflects the date's latest registration: when the absence it reports is corrected to present, late or
 * excused, it carries the {@link Correction} (null while the absence stands).
 */
public record Notice(String id, String referralId, String jobcentreId, LocalDate date, List<Reason> reasons,
                     Instant createdAt, Correction correction) {

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

    /**
     * The registration that corrected the reported absence (the date's latest): what it says (present, late or
     * excused, never the reason), who registered it and when; {@code registrationId} names the decision.
     */
    public record Correction(Registration.Status status, String registrationId, String correctedBy,
                             Instant correctedAt) {
        public Correction {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(registrationId, "registrationId");
            Objects.requireNonNull(correctedBy, "correctedBy");
            Objects.requireNonNull(correctedAt, "correctedAt");
            if (status == Registration.Status.ABSENT || status == Registration.Status.NONE) {
                throw new IllegalArgumentException("a correction says the participant was there or excused");
            }
        }

        /** The correction a registration makes, if it says the participant was there or excused. */
        public static java.util.Optional<Correction> by(Registration g) {
            return switch (g.status()) {
                case PRESENT, LATE, EXCUSED -> java.util.Optional.of(
                        new Correction(g.status(), g.id(), g.recordedBy(), g.recordedAt()));
                case ABSENT, NONE -> java.util.Optional.empty();
            };
        }
    }

    public Notice {
        reasons = List.copyOf(reasons);
    }

    /** A notice as sent: not corrected. */
    public Notice(String id, String referralId, String jobcentreId, LocalDate date, List<Reason> reasons,
                  Instant createdAt) {
        this(id, referralId, jobcentreId, date, reasons, createdAt, null);
    }

    public boolean corrected() {
        return correction != null;
    }

    public Notice with(Correction c) {
        return new Notice(id, referralId, jobcentreId, date, reasons, createdAt, c);
    }
}
