package dk.rampe.path;

import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.NudgeService;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStore;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueWork;
import dk.rampe.schedule.SweepRule;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.schedule.DecisionIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The aftercare sweep's rule: a reminder that has fallen due is checked against the path as it is
 * now (the plan may have moved or dropped it since it was put on the index); if the path still calls
 * for it, the consultant's follow-up task and nudges are created ({@link NudgeService}, ids derived
 * from the reminder, so applying it twice creates nothing twice) and the reminder is taken off the index.
 */
public final class AftercareRule implements SweepRule<Map<String, String>, AftercareRule.Outcome> {
    public static final String ACTOR = "system:aftercare";

    public enum Outcome { CREATED, CANCELLED, NOT_YET }

    /** A reminder not closed within this many working days of its day goes to the project manager. */
    public static final int ESCALATE_AFTER_WORKING_DAYS = 5;

    private final ReferralStore referrals;
    private final WorkingDays workingDays;
    private final PathStore paths;
    private final AftercarePlan plan;
    private final NudgeService nudges;
    private final DueWork dueWork;

    public AftercareRule(ReferralStore referrals, PathStore paths, WorkingDays workingDays, NudgeService nudges,
                         DueWork dueWork) {
        this.referrals = referrals;
        this.paths = paths;
        this.plan = new AftercarePlan(workingDays);
        this.workingDays = workingDays;
        this.nudges = nudges;
        this.dueWork = dueWork;
    }

    @Override
    public Outcome apply(Due<Map<String, String>> due, Instant now) {
        String referralId = due.item().get("referralId");
        Optional<Referral> referral = referralId == null ? Optional.empty() : referrals.find(referralId);
        Optional<Reminder> reminder = referral.flatMap(r -> plan.plan(r.id(), r.programmeId(), new Path(paths.milestones(r.id()))).stream()
                .filter(x -> x.id().equals(due.id())).findFirst());
        if (reminder.isEmpty()) {
            dueWork.done(PathService.DUE_KIND, due.id(), now);
            return Outcome.CANCELLED;
        }
        Reminder w = reminder.get();
        if (PathService.nudgeAt(w.notifyOn()).isAfter(now)) {
            return Outcome.NOT_YET; // moved later since this copy was read; the index has it at its new time
        }
        Referral r = referral.get();
        Instant dueAt = PathService.nudgeAt(w.dueOn());
        var created = nudges.create(new NudgeService.NewFollowUp(kindOf(w.kind()), r.programmeId(), r.id(), r.consultantId(),
                dueAt.isBefore(now) ? now : dueAt, null, "reminder|" + w.id()), ACTOR);
        // not closed within 5 working days of its day: the project manager is told (EscalationRule)
        LocalDate escalateOn = workingDays.plusWorkingDays(r.programmeId(), w.notifyOn(), ESCALATE_AFTER_WORKING_DAYS);
        Instant escalateAt = PathService.nudgeAt(escalateOn);
        String taskId = created.task().taskId();
        dueWork.schedule(EscalationRule.DUE_KIND, DecisionIds.of("E", "escalation", taskId),
                escalateAt.isBefore(now) ? now : escalateAt,
                Map.of(EscalationRule.TASK_ID, taskId, "referralId", r.id(), "programmeId", r.programmeId()));
        dueWork.done(PathService.DUE_KIND, due.id(), now);
        Log.info("aftercare.created", "referralId", r.id(), "reminder", w.kind().wireName());
        return Outcome.CREATED;
    }

    public static FollowUpKind kindOf(Reminder.Kind kind) {
        return switch (kind) {
            case INTERNSHIP_CHECK -> FollowUpKind.WORKPLACE_CHECK_DUE;
            case AFTERCARE -> FollowUpKind.AFTERCARE_CALL_DUE;
            case RETENTION_CHECK -> FollowUpKind.RETENTION_CHECK_DUE;
            case OUTCOME_CHECK -> FollowUpKind.OUTCOME_CHECK_DUE;
            case JOB_ENDED_CALL -> FollowUpKind.JOB_ENDED_CALL_DUE;
        };
    }
}
