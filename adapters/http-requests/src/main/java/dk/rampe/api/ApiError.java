package dk.rampe.api;

import dk.rampe.core.FieldError;
import java.util.List;

/** An error answer before it is rendered: status, code, arguments and the bad fields. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldError> fields;

    public ApiError(int status, String code, List<FieldError> fields, Object... args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static ApiError of(int status, String code, Object... args) {
        return new ApiError(status, code, List.of(), args);
    }

    public static ApiError field(int status, String field, String code, Object... args) {
        return new ApiError(status, code, List.of(new FieldError(field, code, args)), args);
    }

    public int status() { return status; }
    public String code() { return code; }
    public Object[] args() { return args.clone(); }
    public List<FieldError> fields() { return fields; }
}
