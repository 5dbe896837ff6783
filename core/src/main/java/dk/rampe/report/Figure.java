package dk.rampe.report;

/**
 * One figure of the report for one scope (the programme, or a jobcentre id). {@code shown} is what
 * every reader sees ("x" for a hidden count: a small one, one hidden so that a small one cannot be
 * worked out, or a zero the audit hid; a total since the start as last published, "47 pr. 2026-10";
 * a number, a percentage, or "pending"); {@code value} is NaN whenever {@code shown} is not the
 * number itself, so no renderer can leak a suppressed count.
 */
public record Figure(String section, String key, String scope, Kind kind, double value, String shown) {

    public enum Kind {
        /** People or events: counts 1-4 are hidden ("x"). */
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

    /** Every hidden count shows this one symbol: all it tells is that the count is 0 or more. */
    public static final String HIDDEN = "x";
    /** Between a total's last published value and that value's month: "47 pr. 2026-10". */
    public static final String AS_OF = " pr. ";
    public static final String PENDING_TEXT = "pending";

    /** How a total since the start shows when it is not updated this month: its value published in {@code month}. */
    public static String asOf(long value, java.time.YearMonth month) {
        return value + AS_OF + month;
    }

    /** The month of a total shown as last published, or null when the figure is not one. */
    public java.time.YearMonth asOfMonth() {
        int i = shown.indexOf(AS_OF);
        return kind == Kind.COUNT && i > 0 ? java.time.YearMonth.parse(shown.substring(i + AS_OF.length())) : null;
    }

    public boolean shownAsNumber() {
        return !Double.isNaN(value);
    }
}
