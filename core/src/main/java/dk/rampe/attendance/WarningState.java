package dk.rampe.attendance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the absence detection remembers of a participant's early warnings, carried on their {@link SessionChain}
 * (so the evaluation reads nothing beyond the chain) and written with it, conditional on its revision:
 * <ul>
 * <li>{@code rule}: the warning rule's memory ({@link EarlyWarning.State}: the day the last warning started,
 * whether an evaluation without signals came since);</li>
 * <li>{@code evaluated}: the last date evaluated (a run that repeats a date evaluates it once);</li>
 * <li>{@code deferred}: a date whose registration was the detection's own absence, evaluated at the chain's next
 * session (a correction made later that day, "came at 10:15", is then counted; its absence nudge went that day,
 * so a warning nudge could not go before the next session anyway); null: none;</li>
 * <li>{@code pending}: the start date of a warning whose nudge has not gone yet (held: the week since the last
 * nudge, a day with an absence nudge, quiet hours); null: none;</li>
 * <li>{@code lastNudged}: the day the last warning nudge went (null: never).</li>
 * </ul>
 * The reasons of each warning started are their own item ({@link Warning}).
 */
public record WarningState(EarlyWarning.State rule, LocalDate evaluated, LocalDate deferred, LocalDate pending,
                           LocalDate lastNudged) {
    public static final WarningState NONE = new WarningState(EarlyWarning.State.NEVER, null, null, null, null);

    public WarningState {
        Objects.requireNonNull(rule, "rule");
    }

    WarningState evaluated(LocalDate date, EarlyWarning.State next, LocalDate pending) {
        return new WarningState(next, date, deferred != null && !deferred.isAfter(date) ? null : deferred, pending,
                lastNudged);
    }

    WarningState deferred(LocalDate date) {
        return new WarningState(rule, evaluated, date, pending, lastNudged);
    }

    WarningState nudged(LocalDate day) {
        return new WarningState(rule, evaluated, deferred, null, day);
    }

    /**
     * As texts on the chain: {@code evaluated,lastStarted,quietSince(q|n),deferred,pending,lastNudged}, empty for
     * none.
     */
    String toText() {
        return text(evaluated) + "," + text(rule.lastStarted()) + "," + (rule.quietSince() ? "q" : "n") + ","
                + text(deferred) + "," + text(pending) + "," + text(lastNudged);
    }

    static WarningState fromText(String s) {
        if (s == null || s.isEmpty()) return NONE;
        String[] f = s.split(",", -1);
        return new WarningState(new EarlyWarning.State(date(f[1]), "q".equals(f[2])), date(f[0]), date(f[3]),
                date(f[4]), date(f[5]));
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }
}
