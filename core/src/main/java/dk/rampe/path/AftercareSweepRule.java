package dk.rampe.path;

import dk.rampe.schedule.Due;
import dk.rampe.schedule.SweepRule;
import java.time.Instant;
import java.util.Map;

/**
 * The one rule of the aftercare sweep: its due index ({@link PathService#DUE_KIND}) carries both the
 * path's reminders and their escalations (an escalation names the task it escalates, {@code taskId}),
 * so one watermark and one query per day read both (the read budget of issue 10: 2 × due + 5 per run).
 * Each item goes to its own rule; the outcome is the rule's ({@link AftercareRule.Outcome} or
 * {@link EscalationRule.Outcome}).
 */
public final class AftercareSweepRule implements SweepRule<Map<String, String>, Enum<?>> {
    private final AftercareRule reminders;
    private final EscalationRule escalations;

    public AftercareSweepRule(AftercareRule reminders, EscalationRule escalations) {
        this.reminders = reminders;
        this.escalations = escalations;
    }

    /** Whether the due item is an escalation (put on the index by {@link AftercareRule}) rather than a reminder. */
    public static boolean isEscalation(Due<Map<String, String>> due) {
        return due.item().containsKey(EscalationRule.TASK_ID);
    }

    @Override
    public Enum<?> apply(Due<Map<String, String>> due, Instant now) {
        return isEscalation(due) ? escalations.apply(due, now) : reminders.apply(due, now);
    }
}
