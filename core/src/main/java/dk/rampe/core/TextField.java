package dk.rampe.core;

import java.util.List;

/**
 * One definition of a text field a person fills in, used by every door it comes through (the
 * API's JSON, the web app's forms, the follow-up page): its kind ({@link Text.Kind}, which
 * characters it may hold), its longest length in characters (code points), and whether it
 * refuses a CPR-like number ({@link CprLike}). A value is read the same way everywhere: line
 * breaks as {@code \n}, stripped, empty as absent.
 *
 * @param name      the field's name as the API names it (the last part of its path)
 * @param kind      single line or free text
 * @param maxLength the longest value, in characters
 * @param refusesCpr whether a CPR-like number is refused (every text a person writes about a
 *                   participant; not ids, references, phone numbers or the CPR field itself)
 */
public record TextField(String name, Text.Kind kind, int maxLength, boolean refusesCpr) {
    /** The error codes a value can get, in the order they are checked. */
    public static final String TOO_LONG = "tooLong";
    public static final String CONTROL_CHARACTERS = "controlCharacters";
    public static final String CPR_NUMBER = "cprNumber";
    public static final String REQUIRED = "required";

    public static TextField singleLine(String name, int maxLength) {
        return new TextField(name, Text.Kind.SINGLE_LINE, maxLength, true);
    }

    public static TextField freeText(String name, int maxLength) {
        return new TextField(name, Text.Kind.FREE_TEXT, maxLength, true);
    }

    /** An id, a reference, a contact detail: single line, and digits are its business. */
    public static TextField identifier(String name, int maxLength) {
        return new TextField(name, Text.Kind.SINGLE_LINE, maxLength, false);
    }

    /** The value as every door reads it: {@code \r\n} as {@code \n}, stripped; null when empty. */
    public static String normalize(String raw) {
        if (raw == null) return null;
        String s = raw.replace("\r\n", "\n").strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The error code for a normalized, non-empty value, or null when it is good: {@link #TOO_LONG},
     * then {@link #CONTROL_CHARACTERS}, then {@link #CPR_NUMBER}.
     */
    public String problem(String value) {
        if (value.codePointCount(0, value.length()) > maxLength) return TOO_LONG;
        if (!Text.allowed(value, kind)) return CONTROL_CHARACTERS;
        if (refusesCpr && CprLike.in(value)) return CPR_NUMBER;
        return null;
    }

    /** The error for {@code value} on the field {@code path} (never holding the value), or null. */
    public FieldError error(String path, String value) {
        String code = problem(value);
        if (code == null) return null;
        return TOO_LONG.equals(code) ? new FieldError(path, code, maxLength) : new FieldError(path, code);
    }

    /**
     * Reads {@code raw} (from a form or a JSON string) under the field {@code path}: the normalized
     * value, or null with the error added to {@code errors} (also {@link #REQUIRED} when required and empty).
     */
    public String read(String path, String raw, boolean required, List<FieldError> errors) {
        String v = normalize(raw);
        if (v == null) {
            if (required) errors.add(new FieldError(path, REQUIRED));
            return null;
        }
        FieldError e = error(path, v);
        if (e != null) {
            errors.add(e);
            return null;
        }
        return v;
    }

    /** As {@link #read}, throwing the error at once. */
    public String require(String path, String raw, boolean required) {
        List<FieldError> errors = new java.util.ArrayList<>();
        String v = read(path, raw, required, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return v;
    }
}
