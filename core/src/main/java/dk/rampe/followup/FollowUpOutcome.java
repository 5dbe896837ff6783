package dk.rampe.followup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the consultant recorded: whether they reached the person, the cause category, the next
 * step and a free note. The note stays in the table; it never travels in a message or a log line.
 */
public record FollowUpOutcome(boolean reached, Cause cause, NextStep nextStep, String note, Aftercare aftercare) {
    public static final int MAX_NOTE = dk.rampe.core.InputFields.FOLLOW_UP_NOTE.maxLength();

    /** An outcome without the aftercare part. */
    public FollowUpOutcome(boolean reached, Cause cause, NextStep nextStep, String note) {
        this(reached, cause, nextStep, note, null);
    }

    /**
     * How a follow-up of the participant's path was done: by phone or a visit,
     * with whom, whether the person is still in the job and the hours a week; each part optional
     * (null: not recorded). The outcome feeds the report.
     */
    public record Aftercare(Method method, WithWhom withWhom, Boolean stillEmployed, java.math.BigDecimal hoursPerWeek) {
        public Aftercare {
            if (hoursPerWeek != null && (hoursPerWeek.signum() < 0 || hoursPerWeek.compareTo(java.math.BigDecimal.valueOf(80)) > 0)) {
                throw new IllegalArgumentException("hours a week");
            }
        }

        public boolean isEmpty() {
            return method == null && withWhom == null && stillEmployed == null && hoursPerWeek == null;
        }
    }

    public enum Method {
        PHONE, VISIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Method> fromWire(String s) {
            return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
        }
    }

    public enum WithWhom {
        EMPLOYEE, EMPLOYER, BOTH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<WithWhom> fromWire(String s) {
            return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
        }
    }

    public FollowUpOutcome {
        if (cause == null || nextStep == null) throw new IllegalArgumentException("cause and next step are required");
        note = note == null ? "" : note.strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) throw new IllegalArgumentException("note too long");
        if (aftercare != null && aftercare.isEmpty()) aftercare = null;
    }

    /** Why it happened, as a category (not a free text, not a diagnosis). */
    public enum Cause {
        NONE, ILLNESS, APPOINTMENT, TRANSPORT, FAMILY, WORKPLACE, OTHER, UNKNOWN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Cause> fromWire(String s) {
            return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
        }
    }

    /** What happens next. */
    public enum NextStep {
        NONE, CALL_AGAIN, MEETING, FEWER_HOURS, CONTACT_EMPLOYER, CONTACT_CASEWORKER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<NextStep> fromWire(String s) {
            return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
        }
    }
}
