package dk.rampe.report;

/**
 * One figure of the report for one scope (the programme, or a jobcentre id). {@code shown} is what
 * every reader sees ("<5", "x" for a figure hidden so that a small one cannot be worked out, a
 * number, a percentage, or "pending"); {@code value} is NaN whenever {@code shown} is not the
 * number itself, so no renderer can leak a suppressed count.
 */
public record Figure(String section, String key, String scope, Kind kind, double value, String shown) {

    public enum Kind {
        /** People or events: counts 1-4 are shown as "<5". */
        COUNT,
        /** A share in percent, shown only when its numerator and denominator are shown and the denominator is 5 or more. */
        RATE,
        /** Hours or minutes. */
        AMOUNT,
        /** A setting or target (a quota, the pace, a target value): not about people. */
        SETTING,
        /** The data this figure needs is not recorded yet. */
        PENDING,
        /** A target's status so far: {@link #ON_TRACK}, {@link #BEHIND}, or "-" when it cannot be told. */
        STATUS
    }

    public static final String ON_TRACK = "on_track";
    public static final String BEHIND = "behind";

    public static final String SUPPRESSED = "<5";
    public static final String HIDDEN = "x";
    public static final String PENDING_TEXT = "pending";

    public boolean shownAsNumber() {
        return !Double.isNaN(value);
    }
}
