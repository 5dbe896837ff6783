package dk.rampe.web;

import dk.rampe.core.FieldError;
import dk.rampe.core.Language;
import dk.rampe.core.ValidationException;
import dk.rampe.schedule.WorkingDays;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The participant page's two follow-up forms. Planning one: a date and a time (Copenhagen) that
 * become the API's {@code dueAt} for {@link dk.rampe.referral.FollowUpPlanning} (its window and
 * rules). Closing one: the follow-up page's own fields under the prefix {@code fu.} (so they never
 * mix with the page's other forms), handed to {@link dk.rampe.followup.FollowUpPageService} without
 * the prefix, its error codes shown beside the fields in the page's words.
 */
final class FollowUpForm {
    /** The outcome fields of the follow-up page, as the page service reads them. */
    static final List<String> OUTCOME_FIELDS = List.of("reached", "cause", "next", "note", "method", "withWhom",
            "stillEmployed", "hours");
    static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

    private FollowUpForm() {
    }

    /** When the planned follow-up is due: {@code fu.date} (required) at {@code fu.time} (10:00 when empty). */
    static Instant dueAt(Map<String, String> f, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = null;
        String d = f.getOrDefault("fu.date", "").strip();
        if (d.isEmpty()) {
            errors.add(new FieldError("fu.date", "required"));
        } else {
            try {
                if (d.length() > 10) throw new DateTimeException(d);
                date = LocalDate.parse(d);
            } catch (DateTimeException e) {
                errors.add(new FieldError("fu.date", "date.invalid"));
            }
        }
        LocalTime time = DEFAULT_TIME;
        String t = f.getOrDefault("fu.time", "").strip();
        if (!t.isEmpty()) {
            try {
                if (t.length() > 5) throw new DateTimeException(t);
                time = LocalTime.parse(t);
            } catch (DateTimeException e) {
                errors.add(new FieldError("fu.time", "time.invalid"));
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return date.atTime(time).atZone(WorkingDays.ZONE).toInstant();
    }

    /** A field error of the planning service (named as the API names it) on the form's field. */
    static String formField(String field) {
        return "dueAt".equals(field) ? "fu.date" : field.startsWith("fu.") ? field : "fu." + field;
    }

    /** The close form's values as the follow-up page posts them (without the prefix). */
    static Map<String, String> outcomeFields(Map<String, String> form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : OUTCOME_FIELDS) {
            String v = form.get("fu." + name);
            if (v != null) out.put(name, v);
        }
        return out;
    }

    /** The page service's error codes ({@code error.reached}, …) on the close form's fields, in the page's words. */
    static Map<String, String> errors(List<String> codes, Language lang) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String code : codes) {
            String field = switch (code) {
                case "error.reached" -> "fu.reached";
                case "error.cause" -> "fu.cause";
                case "error.next" -> "fu.next";
                case "error.noteLength", "error.noteCpr", "error.noteControl" -> "fu.note";
                case "error.hours" -> "fu.hours";
                case "error.aftercare" -> "fu.method";
                default -> "fu.form";
            };
            out.merge(field, dk.rampe.text.Texts.PAGE.get(code, lang), (a, b) -> a + " " + b);
        }
        return out;
    }
}
