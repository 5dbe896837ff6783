package dk.rampe.core;

/**
 * One problem with one field of a request. {@code field} is a JSON path such as
 * {@code citizen.cpr} or {@code jobWishes[3]}; {@code code} is stable and machine-readable;
 * the human message is chosen by the HTTP adapter in the caller's language.
 * A field error never carries the rejected value, so it can never leak a CPR number.
 */
public record FieldError(String field, String code, Object... args) {
    public FieldError {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public String toString() {
        return field + ":" + code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldError e && e.field.equals(field) && e.code.equals(code);
    }

    @Override
    public int hashCode() {
        return field.hashCode() * 31 + code.hashCode();
    }
}
