package dk.rampe.web;

import dk.rampe.core.FieldError;
import dk.rampe.core.InputFields;
import dk.rampe.core.TextField;
import dk.rampe.core.ValidationException;
import dk.rampe.path.ExitDescription;
import dk.rampe.path.ParticipantExit;
import dk.rampe.referral.ExitOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The participant page's exit form, read with the limits of POST /v1/referrals/{id}/exit (ExitRoute):
 * outcome, the day they left ({@code exitedOn}, empty: today), the note (2,000 characters), and the consultant's part of the exit description with the
 * prefix {@code xd.} (progress, stability, clarified, direction: 4,000 characters each; employers contacted
 * and tasks tried: one per line, up to 50 lines of 200 characters). The exit itself is
 * {@link ParticipantExit}, the same use case the API calls.
 */
final class ExitForm {
    static final List<String> TEXTS = List.of("xd.progress", "xd.stability", "xd.clarified", "xd.direction");
    static final List<String> LISTS = List.of("xd.employersContacted", "xd.tasksTried");
    private static final int LINES = 50;

    private ExitForm() {
    }

    static ParticipantExit.Command parse(String referralId, Map<String, String> f) {
        List<FieldError> errors = new ArrayList<>();
        ExitOutcome outcome = ExitOutcome.fromWire(f.getOrDefault("outcome", "").strip()).orElse(null);
        if (outcome == null) errors.add(new FieldError("outcome", "required"));
        // the day they left (empty: today), as the API's exitedOn; its window is ParticipantExit's to check
        java.time.LocalDate exitedOn = FormDates.read(f, "exitedOn", false, errors);
        // the API's field definitions (lengths, characters, no CPR numbers), under the form's names
        String note = InputFields.EXIT_NOTE.read("note", f.get("note"), false, errors);
        String progress = InputFields.EXIT_PROGRESS.read("xd.progress", f.get("xd.progress"), false, errors);
        String stability = InputFields.EXIT_STABILITY.read("xd.stability", f.get("xd.stability"), false, errors);
        String clarified = InputFields.EXIT_CLARIFIED.read("xd.clarified", f.get("xd.clarified"), false, errors);
        String direction = InputFields.EXIT_DIRECTION.read("xd.direction", f.get("xd.direction"), false, errors);
        List<String> employers = lines(f, "xd.employersContacted", InputFields.EMPLOYER_CONTACTED, errors);
        List<String> tasks = lines(f, "xd.tasksTried", InputFields.TASK_TRIED, errors);
        boolean described = progress != null || stability != null || clarified != null || direction != null
                || !employers.isEmpty() || !tasks.isEmpty();
        if (described && outcome != null && outcome.employmentOrEducation()) {
            errors.add(new FieldError("xd.progress", "exitDescription.withJob"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new ParticipantExit.Command(referralId, outcome, note, described
                ? new ExitDescription.ConsultantText(progress, stability, clarified, employers, tasks, direction) : null,
                exitedOn);
    }

    /** One item a line (blank lines left out), each read with {@code field}'s rule; the first error stops it. */
    private static List<String> lines(Map<String, String> f, String name, TextField field, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        for (String line : f.getOrDefault(name, "").split("\r?\n")) {
            int before = errors.size();
            String v = field.read(name, line, false, errors);
            if (errors.size() > before) return out;
            if (v != null) out.add(v);
        }
        if (out.size() > LINES) errors.add(new FieldError(name, "tooMany", LINES));
        return out;
    }
}
