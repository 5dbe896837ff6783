package dk.rampe.path;

import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.NudgeService;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
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
 * The aftercare sweep's rule: a reminder that has fallen due becomes the consultant's follow-up task and
 * nudges ({@link NudgeService}, ids derived from the reminder, so applying it twice creates nothing twice),
 * and is taken off the index. The due item is what the path calls for: every record of the path writes
 * its reminders' scheduling and cancelling in its own write ({@link PathStore#record}), so the rule reads
 * the referral (programme, consultant, status) and not the path. The copy read from the index may lag
 * behind the table by moments: the reminder is claimed at the time the copy says before anything is
 * created ({@link DueWork#claim}), so one cancelled or moved meanwhile is left alone.
 */
public final class AftercareRule implements SweepRule<Map<String, String>, AftercareRule.Outcome> {
    public static final String ACTOR = "system:aftercare";

    public enum Outcome { CREATED, CANCELLED, NOT_YET }

    /** A reminder not closed within this many working days of the day it was sent goes to the project manager. */
    public static final int ESCALATE_AFTER_WORKING_DAYS = 5;

    private final ReferralStore referrals;
    private final WorkingDays workingDays;
    private final NudgeService nudges;
    private final DueWork dueWork;

    /** {@code paths} is not read any more (see above); the parameter stays for the callers. */
    public AftercareRule(ReferralStore referrals, PathStore paths, WorkingDays workingDays, NudgeService nudges,
                         DueWork dueWork) {
        this.referrals = referrals;
        this.workingDays = workingDays;
        this.nudges = nudges;
        this.dueWork = dueWork;
    }

    @Override
    public Outcome apply(Due<Map<String, String>> due, Instant now) {
        Map<String, String> work = due.item();
        String referralId = work.get("referralId");
        Optional<Reminder.Kind> kind = kind(work.get("reminder"));
        Optional<Referral> referral = referralId == null || kind.isEmpty() || work.get("notifyOn") == null
                || work.get("dueOn") == null ? Optional.empty() : referrals.find(referralId);
        if (referral.isEmpty() || !followed(referral.get().status())) {
            dueWork.done(PathService.DUE_KIND, due.id(), now);
            return Outcome.CANCELLED;
        }
        LocalDate notifyOn = LocalDate.parse(work.get("notifyOn"));
        LocalDate dueOn = LocalDate.parse(work.get("dueOn"));
        if (PathService.nudgeAt(notifyOn).isAfter(now)) {
            return Outcome.NOT_YET; // moved later since this copy was read; the index has it at its new time
        }
        if (!dueWork.claim(PathService.DUE_KIND, due.id(), due.dueAt(), now)) {
            return Outcome.NOT_YET; // cancelled or moved since this copy was read
        }
        Referral r = referral.get();
        Instant dueAt = PathService.nudgeAt(dueOn);
        // the day it is sent: today, or the next working day (nothing goes out on a weekend or a holiday)
        LocalDate sentOn = workingDays.onOrAfter(r.programmeId(), LocalDate.ofInstant(now, WorkingDays.ZONE));
        FollowUpStore.CreateResult created;
        if ("true".equals(work.get(PathService.OVERDUE_WHEN_RECORDED))) {
            // overdue before Rampe knew of it: listed (in the app, on the follow-up page, in one summary email a day)
            created = nudges.createOverdueFromBefore(new NudgeService.NewFollowUp(kindOf(kind.get()), r.programmeId(),
                    r.id(), r.consultantId(), dueAt, null, "reminder|" + due.id()), ACTOR, sentOn);
        } else {
            created = nudges.create(new NudgeService.NewFollowUp(kindOf(kind.get()), r.programmeId(), r.id(),
                    r.consultantId(), dueAt.isBefore(now) ? now : dueAt, null, "reminder|" + due.id()), ACTOR);
        }
        // not closed within 5 working days of the day it was sent: the project manager is told (EscalationRule)
        LocalDate escalateOn = workingDays.plusWorkingDays(r.programmeId(), sentOn, ESCALATE_AFTER_WORKING_DAYS);
        Instant escalateAt = PathService.nudgeAt(escalateOn);
        String taskId = created.task().taskId();
        dueWork.schedule(EscalationRule.DUE_KIND, DecisionIds.of("E", "escalation", taskId),
                escalateAt.isBefore(now) ? now : escalateAt,
                Map.of(EscalationRule.TASK_ID, taskId, "referralId", r.id(), "programmeId", r.programmeId()));
        dueWork.done(PathService.DUE_KIND, due.id(), now);
        Log.info("aftercare.created", "referralId", r.id(), "reminder", kind.get().wireName());
        return Outcome.CREATED;
    }

    /** Reminders are followed while the participant is enrolled and after the exit (the check six months after). */
    private static boolean followed(ReferralStatus status) {
        return status == ReferralStatus.ENROLLED || status == ReferralStatus.EXITED;
    }

    private static Optional<Reminder.Kind> kind(String wire) {
        if (wire == null) return Optional.empty();
        for (Reminder.Kind k : Reminder.Kind.values()) if (k.wireName().equals(wire)) return Optional.of(k);
        return Optional.empty();
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
