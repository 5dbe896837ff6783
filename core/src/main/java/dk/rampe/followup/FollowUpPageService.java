package dk.rampe.followup;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.core.CprLike;
import dk.rampe.core.InputFields;
import dk.rampe.core.Text;
import dk.rampe.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the one-tap follow-up page, apart from HTTP and HTML: which token opens which task,
 * which form values are allowed, what a note may hold, and what is written to the audit log for
 * every view and post. The page handler parses the form, calls this and renders the sealed answer.
 */
public final class FollowUpPageService {
    /** Ten digits as a CPR number is written (DDMMYYXXXX, DDMMYY-XXXX, DDMMYY XXXX). */
    private final FollowUpTokens tokens;
    private final NudgeService service;
    private final AuditLog audit;
    private final Clock clock;

    public FollowUpPageService(FollowUpTokens tokens, NudgeService service, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.service = service;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a view of the page shows. */
    public sealed interface View permits Refused, ShowForm, ShowClosed {
    }

    /** What a post of the form led to. */
    public sealed interface Post permits Refused, Invalid, Recorded, AlreadyClosed {
    }

    /** The token (or the form) is not good: a plain refusal, no data. */
    public record Refused() implements View, Post {
    }

    /** An open task: show its form. */
    public record ShowForm(FollowUpTask task) implements View {
    }

    /** A closed task: say who closed it and when. */
    public record ShowClosed(FollowUpTask task) implements View {
    }

    /**
     * The form has errors (codes such as {@code error.reached}); {@code values} is what may be shown
     * again: only allowed choices, and the note only when it is safe to echo (never a CPR-like number).
     */
    public record Invalid(FollowUpTask task, List<String> errors, Map<String, String> values) implements Post {
        public Invalid {
            errors = List.copyOf(errors);
            values = Map.copyOf(values);
        }
    }

    /** The outcome is recorded and the task closed by this post. */
    public record Recorded(FollowUpTask task) implements Post {
    }

    /** The task was already closed (earlier, or meanwhile by another tab): nothing was changed. */
    public record AlreadyClosed(FollowUpTask task) implements Post {
    }

    public View view(String token) {
        Instant now = clock.instant();
        Optional<FollowUpTask> task = check(tokens.verify(token, now), "view", now);
        if (task.isEmpty()) return new Refused();
        FollowUpTask t = task.get();
        audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor(t), "followUp.viewed", now));
        return t.isOpen() ? new ShowForm(t) : new ShowClosed(t);
    }

    /** A post that is not a readable form (wrong type, too large, a field twice): refused and audited. */
    public Post unreadableForm() {
        check(new FollowUpTokens.Refused(FollowUpTokens.Reason.MALFORMED), "post", clock.instant());
        return new Refused();
    }

    public Post post(String token, Map<String, String> form) {
        Instant now = clock.instant();
        Optional<FollowUpTask> task = check(tokens.verifyFor(token, form.getOrDefault("task", ""), now), "post", now);
        if (task.isEmpty()) return new Refused();
        return record(task.get(), form, actor(task.get()), now);
    }

    /**
     * The same form, rules and audit entries as a post of the page, for a task the caller was already
     * allowed to act on by other means (the web app: the programme's staff in a session); {@code actor}
     * is who closes it. The form's {@code task} field is not looked at.
     */
    public Post postFor(FollowUpTask task, Map<String, String> form, String actor) {
        return record(task, form, actor, clock.instant());
    }

    private Post record(FollowUpTask t, Map<String, String> form, String actor, Instant now) {
        if (!t.isOpen()) {
            audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor, "followUp.postRepeated", now));
            return new AlreadyClosed(t);
        }
        List<String> errors = new ArrayList<>();
        Map<String, String> echo = new LinkedHashMap<>();
        Boolean reached = switch (form.getOrDefault("reached", "")) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
        if (reached == null) errors.add("error.reached");
        else echo.put("reached", reached ? "yes" : "no");
        Optional<FollowUpOutcome.Cause> cause = FollowUpOutcome.Cause.fromWire(form.getOrDefault("cause", ""));
        if (cause.isEmpty()) errors.add("error.cause");
        else echo.put("cause", cause.get().wireName());
        Optional<FollowUpOutcome.NextStep> next = FollowUpOutcome.NextStep.fromWire(form.getOrDefault("next", ""));
        if (next.isEmpty()) errors.add("error.next");
        else echo.put("next", next.get().wireName());
        // the note as its one definition says (the same rule as the web app's close form and the API's texts)
        String raw = form.getOrDefault("note", "").replace("\r\n", "\n");
        String note = raw.strip();
        boolean safeToEcho = true;
        if (note.codePointCount(0, note.length()) > InputFields.FOLLOW_UP_NOTE.maxLength()) errors.add("error.noteLength");
        if (!Text.allowed(note, InputFields.FOLLOW_UP_NOTE.kind())) {
            errors.add("error.noteControl");
            safeToEcho = false;
        }
        if (CprLike.in(note)) {
            errors.add("error.noteCpr");
            safeToEcho = false;
        }
        for (String field : List.of("reached", "cause", "next", "task")) {
            if (hasControlCharacters(form.getOrDefault(field, ""), false) && !errors.contains("error.controlCharacters")) {
                errors.add("error.controlCharacters");
            }
        }
        if (safeToEcho) echo.put("note", note);
        FollowUpOutcome.Aftercare aftercare = isPathFollowUp(t) ? aftercare(form, errors, echo) : null;
        if (!errors.isEmpty()) {
            audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor, "followUp.postInvalid", now));
            return new Invalid(t, errors, echo);
        }
        NudgeService.Recorded recorded = service.record(t.taskId(),
                new FollowUpOutcome(reached, cause.get(), next.get(), note, aftercare), actor);
        if (recorded == NudgeService.Recorded.ALREADY_CLOSED) {
            // closed meanwhile (a second tab, a double tap): the first outcome stands
            audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor, "followUp.postRepeated", now));
            return new AlreadyClosed(service.find(t.taskId()).orElse(t));
        }
        return new Recorded(service.find(t.taskId()).orElseThrow());
    }

    /** Follow-ups of the participant's path, whose outcome also says how, with whom, and about the job. */
    public static boolean isPathFollowUp(FollowUpTask t) {
        return switch (t.kind()) {
            case AFTERCARE_CALL_DUE, WORKPLACE_CHECK_DUE, RETENTION_CHECK_DUE, OUTCOME_CHECK_DUE, JOB_ENDED_CALL_DUE -> true;
            default -> false;
        };
    }

    /** The optional aftercare fields; a value that is not one of the options is an error, never stored. */
    static FollowUpOutcome.Aftercare aftercare(Map<String, String> form, List<String> errors, Map<String, String> echo) {
        String method = form.getOrDefault("method", "");
        String with = form.getOrDefault("withWhom", "");
        String employed = form.getOrDefault("stillEmployed", "");
        String hoursText = form.getOrDefault("hours", "").strip().replace(',', '.');
        Optional<FollowUpOutcome.Method> m = FollowUpOutcome.Method.fromWire(method);
        Optional<FollowUpOutcome.WithWhom> w = FollowUpOutcome.WithWhom.fromWire(with);
        if ((!method.isEmpty() && m.isEmpty()) || (!with.isEmpty() && w.isEmpty())
                || !(employed.isEmpty() || employed.equals("yes") || employed.equals("no"))) {
            errors.add("error.aftercare");
        }
        m.ifPresent(x -> echo.put("method", x.wireName()));
        w.ifPresent(x -> echo.put("withWhom", x.wireName()));
        if (employed.equals("yes") || employed.equals("no")) echo.put("stillEmployed", employed);
        java.math.BigDecimal hours = null;
        if (!hoursText.isEmpty()) {
            try {
                if (hoursText.length() > 6) throw new NumberFormatException();
                hours = new java.math.BigDecimal(hoursText);
                if (hours.signum() < 0 || hours.compareTo(java.math.BigDecimal.valueOf(80)) > 0 || hours.scale() > 2) {
                    throw new NumberFormatException();
                }
                echo.put("hours", hours.toPlainString());
            } catch (NumberFormatException e) {
                errors.add("error.hours");
                hours = null;
            }
        }
        return new FollowUpOutcome.Aftercare(m.orElse(null), w.orElse(null),
                employed.isEmpty() ? null : employed.equals("yes"), hours);
    }

    /**
     * Whether {@code s} holds a control character: C0 (below U+0020), DEL, C1 (U+0080–U+009F), and
     * the line and paragraph separators U+2028/U+2029. Free text ({@code multiLine}) may keep
     * newlines ({@code \n}); single-line fields may not, nor tabs.
     */
    public static boolean hasControlCharacters(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' && multiLine) continue;
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    /** The task a token opens, or empty (after auditing the refusal) when the token or the task is not good. */
    private Optional<FollowUpTask> check(FollowUpTokens.Check check, String what, Instant now) {
        if (check instanceof FollowUpTokens.Refused r) {
            audit.record(new AuditEntry("followup-link:refused", "link:anonymous",
                    "followUp." + what + "Refused." + r.reason().name().toLowerCase(Locale.ROOT), now));
            Log.warn("followUpPage.refused", "what", what, "reason", r.reason().name());
            return Optional.empty();
        }
        FollowUpTokens.Valid v = (FollowUpTokens.Valid) check;
        Optional<FollowUpTask> task = service.find(v.taskId());
        if (task.isEmpty()) {
            audit.record(new AuditEntry(NudgeService.SUBJECT + v.taskId(), "link:anonymous",
                    "followUp." + what + "Refused.unknownTask", now));
        }
        return task;
    }

    private static String actor(FollowUpTask t) {
        return "link:" + t.consultantId();
    }
}
