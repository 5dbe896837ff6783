package dk.rampe.path;

import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.WorkingDays;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminders a path calls for, computed from the path alone (so a correction, a job end or an
 * exit changes the plan, and the store moves or cancels what changed):
 * <ul>
 * <li>internship start S: a workplace check on the 3rd working day after S (dropped when the
 * internship ended before it);</li>
 * <li>job start J: aftercare at J + 3 months and a retention check at J + 6 months (same day of the
 * month or the month's last day, moved to the next working day); a job that ends on E drops those due
 * after E, and when E is before the aftercare date, a job-ended call is planned instead: nudged on E
 * (or the day it was recorded, if later), due 2 working days later;</li>
 * <li>exit X: every reminder nudged after X is dropped, and an outcome check at X + 6 months is added.</li>
 * </ul>
 */
public final class AftercarePlan {
    public static final int INTERNSHIP_CHECK_WORKING_DAYS = 3;
    public static final int AFTERCARE_MONTHS = 3;
    public static final int RETENTION_MONTHS = 6;
    public static final int OUTCOME_MONTHS = 6;
    public static final int JOB_ENDED_CALL_WORKING_DAYS = 2;

    private final WorkingDays workingDays;

    public AftercarePlan(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    public List<Reminder> plan(String referralId, String programmeId, Path path) {
        List<Path.Step> steps = path.steps();
        List<Reminder> out = new ArrayList<>();
        LocalDate exit = null;
        for (int i = 0; i < steps.size(); i++) {
            Path.Step s = steps.get(i);
            Milestone m = s.current();
            switch (s.type()) {
                case INTERNSHIP_STARTED -> {
                    LocalDate on = workingDays.plusWorkingDays(programmeId, m.effectiveOn(), INTERNSHIP_CHECK_WORKING_DAYS);
                    LocalDate end = nextEnd(steps, i, MilestoneType.INTERNSHIP_ENDED);
                    if (end == null || !end.isBefore(on)) {
                        out.add(reminder(Reminder.Kind.INTERNSHIP_CHECK, referralId, s.stepId(), on, on));
                    }
                }
                case JOB_STARTED -> {
                    LocalDate aftercare = workingDays.monthsLater(programmeId, m.effectiveOn(), AFTERCARE_MONTHS);
                    LocalDate retention = workingDays.monthsLater(programmeId, m.effectiveOn(), RETENTION_MONTHS);
                    Path.Step endStep = nextEndStep(steps, i, MilestoneType.JOB_ENDED);
                    LocalDate end = endStep == null ? null : endStep.current().effectiveOn();
                    if (end == null || !end.isBefore(aftercare)) {
                        out.add(reminder(Reminder.Kind.AFTERCARE, referralId, s.stepId(), aftercare, aftercare));
                    } else {
                        LocalDate recorded = endStep.current().recordedAt().atZone(WorkingDays.ZONE).toLocalDate();
                        LocalDate from = recorded.isAfter(end) ? recorded : end;
                        LocalDate due = workingDays.plusWorkingDays(programmeId, from, JOB_ENDED_CALL_WORKING_DAYS);
                        LocalDate notify = workingDays.onOrAfter(programmeId, from);
                        out.add(reminder(Reminder.Kind.JOB_ENDED_CALL, referralId, endStep.stepId(), notify, due));
                    }
                    if (end == null || !end.isBefore(retention)) {
                        out.add(reminder(Reminder.Kind.RETENTION_CHECK, referralId, s.stepId(), retention, retention));
                    }
                }
                case EXITED -> {
                    exit = m.effectiveOn();
                    LocalDate on = workingDays.monthsLater(programmeId, exit, OUTCOME_MONTHS);
                    out.add(reminder(Reminder.Kind.OUTCOME_CHECK, referralId, s.stepId(), on, on));
                }
                default -> {
                }
            }
        }
        if (exit != null) {
            LocalDate x = exit;
            out.removeIf(r -> r.kind() != Reminder.Kind.OUTCOME_CHECK && r.notifyOn().isAfter(x));
        }
        return List.copyOf(out);
    }

    private static LocalDate nextEnd(List<Path.Step> steps, int from, MilestoneType endType) {
        Path.Step s = nextEndStep(steps, from, endType);
        return s == null ? null : s.current().effectiveOn();
    }

    private static Path.Step nextEndStep(List<Path.Step> steps, int from, MilestoneType endType) {
        for (int j = from + 1; j < steps.size(); j++) {
            if (steps.get(j).type() == endType) return steps.get(j);
        }
        return null;
    }

    static Reminder reminder(Reminder.Kind kind, String referralId, String stepId, LocalDate notifyOn, LocalDate dueOn) {
        return new Reminder(DecisionIds.of("A", "reminder", referralId, kind.name(), stepId), kind, referralId, stepId,
                notifyOn, dueOn);
    }
}
