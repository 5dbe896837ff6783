package dk.rampe.path;

import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.NudgeService;
import dk.rampe.log.Log;
import dk.rampe.log.Metrics;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueWork;
import dk.rampe.schedule.SweepRule;
import dk.rampe.settings.Settings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A reminder of the path still open five working days after its day goes to the programme's project
 * manager ({@code projectManagerId} in the settings, a consultant entry with their channels): a
 * follow-up task of kind {@link FollowUpKind#FOLLOW_UP_OVERDUE} with its nudges, its id derived from
 * the escalated task, so a second run creates nothing twice. Without a named project manager the
 * escalation is logged and counted (an alarm), never silently dropped.
 */
public final class EscalationRule implements SweepRule<Map<String, String>, EscalationRule.Outcome> {
    /**
     * Escalations share the reminders' due index (one watermark, one query per day for both; see
     * {@link AftercareSweepRule}); an escalation item is told apart by its {@link #TASK_ID}.
     */
    public static final String DUE_KIND = PathService.DUE_KIND;
    /** The due item's text naming the escalated task. */
    public static final String TASK_ID = "taskId";

    public enum Outcome { ESCALATED, CLOSED_IN_TIME, NO_PROJECT_MANAGER }

    private final NudgeService nudges;
    private final Supplier<Settings> settings;
    private final DueWork dueWork;

    public EscalationRule(NudgeService nudges, Supplier<Settings> settings, DueWork dueWork) {
        this.nudges = nudges;
        this.settings = settings;
        this.dueWork = dueWork;
    }

    @Override
    public Outcome apply(Due<Map<String, String>> due, Instant now) {
        Optional<FollowUpTask> task = Optional.ofNullable(due.item().get(TASK_ID)).flatMap(nudges::find);
        if (task.isEmpty() || !task.get().isOpen()) {
            dueWork.done(DUE_KIND, due.id(), now);
            return Outcome.CLOSED_IN_TIME;
        }
        FollowUpTask t = task.get();
        String manager = settings.get().programme(t.programmeId()).map(Settings.Programme::projectManagerId).orElse(null);
        if (manager == null) {
            Log.error("aftercare.noProjectManager", "programmeId", t.programmeId(), "taskId", t.taskId());
            Metrics.count(dk.rampe.schedule.Sweeper.ERRORS_METRIC); // the sweep's one failure signal
            dueWork.done(DUE_KIND, due.id(), now);
            return Outcome.NO_PROJECT_MANAGER;
        }
        nudges.create(new NudgeService.NewFollowUp(FollowUpKind.FOLLOW_UP_OVERDUE, t.programmeId(), t.referralId(),
                manager, now, null, "escalation|" + t.taskId()), AftercareRule.ACTOR);
        dueWork.done(DUE_KIND, due.id(), now);
        Log.info("aftercare.escalated", "taskId", t.taskId(), "referralId", t.referralId());
        return Outcome.ESCALATED;
    }
}
