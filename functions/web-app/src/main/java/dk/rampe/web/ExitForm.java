package dk.rampe.web;

import dk.rampe.core.FieldError;
import dk.rampe.core.Text;
import dk.rampe.core.ValidationException;
import dk.rampe.path.ExitDescription;
import dk.rampe.path.ParticipantExit;
import dk.rampe.referral.ExitOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The participant page's exit form, read with the limits of POST /v1/referrals/{id}/exit (ExitRoute):
 * outcome, the note (2,000 characters), and the consultant's part of the exit description with the
 * prefix {@code xd.} (progress, stability, clarified, direction: 4,000 characters each; employers contacted
 * and tasks tried: one per line, up to 50 lines of 200 characters). The exit itself is
 * {@link ParticipantExit}, the same use case the API calls.
 */
final class ExitForm {
    static final List<String> TEXTS = List.of("xd.progress", "xd.stability", "xd.clarified", "xd.direction");
    static final List<String> LISTS = List.of("xd.employersContacted", "xd.tasksTried");
    private static final int NOTE = 2000;
    private static final int TEXT = 4000;
    private static final int LINES = 50;
    private static final int LINE = 200;

    private ExitForm() {
    }

    static ParticipantExit.Command parse(String referralId, Map<String, String> f) {
        List<FieldError> errors = new ArrayList<>();
        ExitOutcome outcome = ExitOutcome.fromWire(f.getOrDefault("outcome", "").strip()).orElse(null);
        if (outcome == null) errors.add(new FieldError("outcome", "required"));
        String note = text(f, "note", NOTE, errors);
        String progress = text(f, "xd.progress", TEXT, errors);
        String stability = text(f, "xd.stability", TEXT, errors);
        String clarified = text(f, "xd.clarified", TEXT, errors);
        String direction = text(f, "xd.direction", TEXT, errors);
        List<String> employers = lines(f, "xd.employersContacted", errors);
        List<String> tasks = lines(f, "xd.tasksTried", errors);
        boolean described = progress != null || stability != null || clarified != null || direction != null
                || !employers.isEmpty() || !tasks.isEmpty();
        if (described && outcome != null && outcome.employmentOrEducation()) {
            errors.add(new FieldError("xd.progress", "exitDescription.withJob"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new ParticipantExit.Command(referralId, outcome, note, described
                ? new ExitDescription.ConsultantText(progress, stability, clarified, employers, tasks, direction) : null);
    }

    private static String text(Map<String, String> f, String name, int max, List<FieldError> errors) {
        String v = f.getOrDefault(name, "").strip();
        if (v.isEmpty()) return null;
        if (v.codePointCount(0, v.length()) > max) errors.add(new FieldError(name, "tooLong", max));
        else if (!Text.allowed(v, Text.Kind.FREE_TEXT)) errors.add(new FieldError(name, "controlCharacters"));
        return v;
    }

    private static List<String> lines(Map<String, String> f, String name, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        for (String line : f.getOrDefault(name, "").split("\r?\n")) {
            String v = line.strip();
            if (v.isEmpty()) continue;
            if (v.codePointCount(0, v.length()) > LINE) {
                errors.add(new FieldError(name, "tooLong", LINE));
                return out;
            }
            if (!Text.allowed(v, Text.Kind.SINGLE_LINE)) {
                errors.add(new FieldError(name, "controlCharacters"));
                return out;
            }
            out.add(v);
        }
        if (out.size() > LINES) errors.add(new FieldError(name, "tooMany", LINES));
        return out;
    }
}
