package dk.rampe.path;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What goes back to the jobcentre when a participant leaves without a job or education: assembled
 * from the recorded path (the steps, the employers and the tasks tried at internships and jobs) plus
 * the consultant's text ({@link ConsultantText}) for what only a person can say.
 */
public record ExitDescription(String referralId, LocalDate enrolledOn, LocalDate exitedOn, String outcome,
                              List<String> progress, String stability, String clarified,
                              List<String> employersContacted, List<String> tasksTried, String direction) {

    /** The consultant's part, given with the exit. Lists hold short single-line items. */
    public record ConsultantText(String progress, String stability, String clarified, List<String> employersContacted,
                                 List<String> tasksTried, String direction) {
        public ConsultantText {
            employersContacted = employersContacted == null ? List.of() : List.copyOf(employersContacted);
            tasksTried = tasksTried == null ? List.of() : List.copyOf(tasksTried);
        }

        public static final ConsultantText NONE = new ConsultantText(null, null, null, List.of(), List.of(), null);
    }

    /** The description of a path and the consultant's text. */
    public static ExitDescription assemble(String referralId, String outcome, Path path, ConsultantText text) {
        LocalDate enrolled = null;
        LocalDate exited = null;
        List<String> progress = new ArrayList<>();
        Set<String> employers = new LinkedHashSet<>();
        List<String> tasks = new ArrayList<>();
        for (Path.Step s : path.steps()) {
            Milestone m = s.current();
            switch (m.type()) {
                case ENROLLED -> enrolled = m.effectiveOn();
                case EXITED -> exited = m.effectiveOn();
                case INTERNSHIP_STARTED, JOB_STARTED -> {
                    if (m.employer() != null) employers.add(m.employer());
                    tasks.add(m.type().wireName() + " " + m.effectiveOn() + (m.employer() == null ? "" : " " + m.employer())
                            + (m.hoursPerWeek() == null ? "" : " (" + m.hoursPerWeek().toPlainString() + " h/week)"));
                }
                default -> {
                }
            }
            progress.add(m.effectiveOn() + " " + m.type().wireName()
                    + (m.hoursPerWeek() == null ? "" : " " + m.hoursPerWeek().toPlainString() + " h/week"));
        }
        employers.addAll(text.employersContacted());
        tasks.addAll(text.tasksTried());
        if (text.progress() != null) progress.add(text.progress());
        return new ExitDescription(referralId, enrolled, exited, outcome, List.copyOf(progress), text.stability(),
                text.clarified(), List.copyOf(employers), List.copyOf(tasks), text.direction());
    }
}
