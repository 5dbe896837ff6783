package dk.rampe.path;

import dk.rampe.log.Log;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueWork;
import dk.rampe.schedule.SweepRule;
import dk.rampe.schedule.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule of the aftercare sweep: its due index ({@link PathService#DUE_KIND}) carries both the
 * path's reminders and their escalations (an escalation names the task it escalates, {@code taskId}),
 * so one watermark and one query per day read both (the read budget: 2 × due + 5 per run).
 * Each item goes to its own rule; the outcome is the rule's ({@link AftercareRule.Outcome} or
 * {@link EscalationRule.Outcome}).
 */
public final class AftercareSweepRule implements SweepRule<Map<String, String>, Enum<?>> {
    /** What this rule does itself, before a reminder reaches {@link AftercareRule}. */
    public enum Outcome {
        /** The reminder's day became a closing day after it was planned: it moved to the next working day. */
        MOVED_FROM_CLOSED_DAY
    }

    private final AftercareRule reminders;
    private final EscalationRule escalations;
    private final WorkingDays workingDays;
    private final DueWork dueWork;

    /** Without the calendar: reminders are handed on as planned. */
    public AftercareSweepRule(AftercareRule reminders, EscalationRule escalations) {
        this(reminders, escalations, null, null);
    }

    /**
     * With the programmes' working days: a reminder whose day is not a working day when it falls due (a closing day
     * added to the settings after it was planned) moves to 08:00 on the next working day, its due day with it when
     * that is not later, instead of nudging on a day the programme is closed. Its id stays, so it is still one
     * reminder, and the escalation is counted from the day it moved to.
     */
    public AftercareSweepRule(AftercareRule reminders, EscalationRule escalations, WorkingDays workingDays,
                              DueWork dueWork) {
        this.reminders = reminders;
        this.escalations = escalations;
        this.workingDays = workingDays;
        this.dueWork = dueWork;
    }

    /** Whether the due item is an escalation (put on the index by {@link AftercareRule}) rather than a reminder. */
    public static boolean isEscalation(Due<Map<String, String>> due) {
        return due.item().containsKey(EscalationRule.TASK_ID);
    }

    @Override
    public Enum<?> apply(Due<Map<String, String>> due, Instant now) {
        if (isEscalation(due)) return escalations.apply(due, now);
        Optional<Due<Map<String, String>>> moved = movedFromClosedDay(due);
        if (moved.isEmpty()) return reminders.apply(due, now);
        Map<String, String> work = moved.get().item();
        Instant at = PathService.nudgeAt(LocalDate.parse(work.get("notifyOn")));
        if (at.isAfter(now)) {
            if (dueWork.schedule(PathService.DUE_KIND, due.id(), at, work)) {
                Log.info("aftercare.movedFromClosedDay", "referralId", String.valueOf(work.get("referralId")),
                        "to", work.get("notifyOn"));
            }
            return Outcome.MOVED_FROM_CLOSED_DAY;
        }
        // the working day it moves to has come already (a run after an outage): act on it now, as moved
        return reminders.apply(moved.get(), now);
    }

    /** The reminder with its days moved to working days, if its nudge day is not one (any more); else empty. */
    private Optional<Due<Map<String, String>>> movedFromClosedDay(Due<Map<String, String>> due) {
        Map<String, String> work = due.item();
        String programmeId = work.get("programmeId");
        if (workingDays == null || programmeId == null || work.get("notifyOn") == null || work.get("dueOn") == null) {
            return Optional.empty();
        }
        LocalDate notifyOn;
        LocalDate dueOn;
        try {
            notifyOn = LocalDate.parse(work.get("notifyOn"));
            dueOn = LocalDate.parse(work.get("dueOn"));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty(); // the reminder's rule cancels it
        }
        if (workingDays.isWorkingDay(programmeId, notifyOn)) return Optional.empty();
        LocalDate to = workingDays.onOrAfter(programmeId, notifyOn);
        LocalDate dueTo = workingDays.onOrAfter(programmeId, dueOn.isBefore(to) ? to : dueOn);
        Map<String, String> moved = new HashMap<>(work);
        moved.put("notifyOn", to.toString());
        moved.put("dueOn", dueTo.toString());
        return Optional.of(new Due<>(due.id(), due.dueAt(), Map.copyOf(moved)));
    }
}
