package dk.rampe.followup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the consultant recorded: whether they reached the person, the cause category, the next
 * step and a free note. The note stays in the table; it never travels in a message or a log line.
 */
public record FollowUpOutcome(boolean reached, Cause cause, NextStep nextStep, String note) {
    public static final int MAX_NOTE = 1000;

    public FollowUpOutcome {
        if (cause == null || nextStep == null) throw new IllegalArgumentException("cause and next step are required");
        note = note == null ? "" : note.strip();
        if (note.length() > MAX_NOTE) throw new IllegalArgumentException("note too long");
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
