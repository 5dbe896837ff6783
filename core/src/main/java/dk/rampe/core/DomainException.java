package dk.rampe.core;

/**
 * A rule of the domain refused a request. {@code kind} decides the HTTP status; {@code code}
 * selects the message; {@code args} fill it. Arguments are ids and dates, never personal data.
 */
public final class DomainException extends RuntimeException {
    public enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE, FORBIDDEN }

    private final Kind kind;
    private final String code;
    private final transient Object[] args;
    private final String field;

    public DomainException(Kind kind, String code, String field, Object... args) {
        super(code, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static DomainException notFound(String code, Object... args) {
        return new DomainException(Kind.NOT_FOUND, code, null, args);
    }

    public static DomainException conflict(String code, String field, Object... args) {
        return new DomainException(Kind.CONFLICT, code, field, args);
    }

    public static DomainException unprocessable(String code, String field, Object... args) {
        return new DomainException(Kind.UNPROCESSABLE, code, field, args);
    }

    public static DomainException forbidden(String code) {
        return new DomainException(Kind.FORBIDDEN, code, null);
    }

    public Kind kind() { return kind; }
    public String code() { return code; }
    public String field() { return field; }
    public Object[] args() { return args.clone(); }
}
