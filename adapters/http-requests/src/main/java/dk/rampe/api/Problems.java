package dk.rampe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.Language;
import dk.rampe.core.ValidationException;
import dk.rampe.log.Log;
import dk.rampe.log.Metrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors as application/problem+json that name each bad field in the caller's language, and small JSON
 * answers, written without Jackson (the report's admin routes carry no data binding); {@code HttpApi}'s
 * problem answers are these. The text is what Jackson writes for the same tree: fields in order, no spaces,
 * quotes, backslashes and control characters escaped, everything else as it is.
 */
public final class Problems {
    private Problems() {
    }

    /** Turns any failure into a problem answer; unexpected ones are logged by type only and answer 500. */
    public static APIGatewayV2HTTPResponse problem(RuntimeException failure, Language language, String requestId) {
        if (failure instanceof ApiError e) return problem(e.status(), e.code(), e.args(), e.fields(), language);
        if (failure instanceof ValidationException e) {
            return problem(400, "validation", new Object[0], e.errors(), language);
        }
        if (failure instanceof DomainException e) {
            int status = switch (e.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case UNPROCESSABLE -> 422;
                case FORBIDDEN -> 403;
            };
            List<FieldError> fields = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.code(), e.args()));
            return problem(status, e.code(), e.args(), fields, language);
        }
        if (failure instanceof dk.rampe.referral.ReferralStore.ConcurrentChange) {
            return problem(409, "referral.changedMeanwhile", new Object[0], List.of(), language);
        }
        Log.error("request.failed", failure, "requestId", requestId);
        Metrics.count("UnexpectedErrors");
        return problem(500, "internal", new Object[0], List.of(), language);
    }

    static APIGatewayV2HTTPResponse problem(int status, String code, Object[] args, List<FieldError> fields,
                                            Language language) {
        StringBuilder body = new StringBuilder(256).append('{');
        field(body, "type", "https://rampe.dk/problems/" + code).append(',');
        body.append("\"status\":").append(status).append(',');
        field(body, "code", code).append(',');
        field(body, "title", Messages.text(code, language, args));
        if (!fields.isEmpty()) {
            body.append(",\"errors\":[");
            for (int i = 0; i < fields.size(); i++) {
                FieldError f = fields.get(i);
                if (i > 0) body.append(',');
                body.append('{');
                field(body, "field", f.field()).append(',');
                field(body, "code", f.code()).append(',');
                field(body, "message", Messages.text(f.code(), language, f.args())).append('}');
            }
            body.append(']');
        }
        body.append('}');
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/problem+json; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("content-language", language == Language.EN ? "en" : "da");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(body.toString()).build();
    }

    /** A JSON answer whose body was written by the caller (see {@link #field}), with the JSON API's headers. */
    public static APIGatewayV2HTTPResponse json(int status, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    /** Appends {@code "name":"value"} (value null: {@code null}), escaped as Jackson escapes it. */
    public static StringBuilder field(StringBuilder out, String name, String value) {
        string(out, name).append(':');
        return value == null ? out.append("null") : string(out, value);
    }

    /** Appends a JSON string: quotes, backslashes and control characters escaped, as Jackson writes them. */
    public static StringBuilder string(StringBuilder out, String s) {
        return dk.rampe.platform.LambdaJson.string(out, s);
    }
}
