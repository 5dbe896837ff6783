package dk.rampe.followup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a follow-up task is about. Each kind has its own neutral nudge text. */
public enum FollowUpKind {
    /** A planned follow-up with the participant (or the workplace) is due. */
    FOLLOW_UP_DUE,
    /** The participant did not show up today: call the same day. */
    ABSENCE_TODAY,
    /** The aftercare call (three months after the job started) is due. */
    AFTERCARE_CALL_DUE,
    /** Anything else a consultant should act on. */
    GENERIC,
    // --- aftercare ---
    /** A check with the workplace in the first days of an internship. */
    WORKPLACE_CHECK_DUE,
    /** Six months after a job started: still employed, and the hours. */
    RETENTION_CHECK_DUE,
    /** Six months after leaving the programme: in employment or education? */
    OUTCOME_CHECK_DUE,
    /** A job ended before its aftercare date: call within two working days. */
    JOB_ENDED_CALL_DUE,
    /** To the project manager: a follow-up of the path was not closed within five working days. */
    FOLLOW_UP_OVERDUE,
    /** The participant's attendance is turning: look at it with them before it becomes absence. */
    ATTENTION_DUE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FollowUpKind> fromWire(String s) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(s)).findFirst();
    }

    /** The accepted wire names, for error messages. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(FollowUpKind::wireName).toList());
    }
}
