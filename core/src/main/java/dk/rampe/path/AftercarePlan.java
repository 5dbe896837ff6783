package dk.rampe.path;

import dk.rampe.referral.ExitOutcome;
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
 * <li>exit X: an outcome check at X + 6 months is added. What else stays depends on why the participant
 * left. Aftercare follows the job, not the programme: an exit into work (ordinary job, flexjob, wage subsidy,
 * social-economy job) or education keeps the reminders of the job still open at X (its aftercare call, its
 * retention check, and its job-ended call should it end later); an exit into work with no job recorded counts
 * the exit as the job's start, so its aftercare call comes X + 3 months. Any other exit drops every reminder
 * nudged after X.</li>
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
        String exitOutcome = null;
        String openJobAtExit = null;
        String openJobStep = null;
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
                    openJobStep = s.stepId();
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
                case JOB_ENDED -> openJobStep = null;
                case EXITED -> {
                    exit = m.effectiveOn();
                    exitOutcome = m.reason();
                    openJobAtExit = openJobStep;
                    LocalDate on = workingDays.monthsLater(programmeId, exit, OUTCOME_MONTHS);
                    out.add(reminder(Reminder.Kind.OUTCOME_CHECK, referralId, s.stepId(), on, on));
                    if (openJobStep == null && intoWork(exitOutcome)) {
                        LocalDate aftercare = workingDays.monthsLater(programmeId, exit, AFTERCARE_MONTHS);
                        out.add(reminder(Reminder.Kind.AFTERCARE, referralId, s.stepId(), aftercare, aftercare));
                    }
                }
                default -> {
                }
            }
        }
        if (exit != null) {
            LocalDate x = exit;
            String exitStep = steps.stream().filter(st -> st.type() == MilestoneType.EXITED).map(Path.Step::stepId)
                    .findFirst().orElse(null);
            boolean keepsJob = openJobAtExit != null && ExitOutcome.fromWire(exitOutcome)
                    .map(ExitOutcome::employmentOrEducation).orElse(false);
            String job = openJobAtExit;
            out.removeIf(r -> r.notifyOn().isAfter(x) && r.kind() != Reminder.Kind.OUTCOME_CHECK
                    && !r.stepId().equals(exitStep) && !(keepsJob && belongsTo(r, job, steps)));
        }
        return List.copyOf(out);
    }

    /** Exits whose outcome is a job (the exit milestone's reason carries the outcome's wire name). */
    static boolean intoWork(String outcome) {
        return ExitOutcome.fromWire(outcome).map(o -> o.employmentOrEducation() && o != ExitOutcome.EDUCATION)
                .orElse(false);
    }

    /** The job's own reminders: planned from its start step, or from the end step that closed it. */
    private static boolean belongsTo(Reminder r, String jobStartStep, List<Path.Step> steps) {
        if (r.stepId().equals(jobStartStep)) return true;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).stepId().equals(jobStartStep)) {
                Path.Step end = nextEndStep(steps, i, MilestoneType.JOB_ENDED);
                return end != null && r.stepId().equals(end.stepId());
            }
        }
        return false;
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
