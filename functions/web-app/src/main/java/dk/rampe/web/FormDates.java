package dk.rampe.web;

import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The day a step happened, as the forms take it: a date field ({@code <input type="date">} sends
 * {@code 2026-11-23}), read as the API reads its dates (a date as YYYY-MM-DD, else {@code date.invalid} on the
 * field). Its window (not after today, not before the referral's latest step) is the use case's to check, with the
 * same {@code date.range} error the API answers, on the same field.
 */
final class FormDates {
    private FormDates() {
    }

    /** The date in {@code name}; null when left empty (or not on the form). */
    static LocalDate read(Map<String, String> f, String name, boolean required, List<FieldError> errors) {
        String s = f.getOrDefault(name, "").strip();
        if (s.isEmpty()) {
            if (required) errors.add(new FieldError(name, "required"));
            return null;
        }
        try {
            if (s.length() > 10) throw new DateTimeException(s);
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "date.invalid"));
            return null;
        }
    }

    /**
     * The effective date of a step ({@code decidedOn}, {@code startedOn}, {@code exitedOn}): null when empty (the
     * use case takes today); a date that is not one is refused on its field.
     */
    static LocalDate effective(Map<String, String> f, String name) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = read(f, name, false, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return d;
    }
}
