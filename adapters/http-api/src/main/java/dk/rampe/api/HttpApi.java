package dk.rampe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.platform.RampeConfig;
import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.Language;
import dk.rampe.settings.Settings;
import dk.rampe.core.ValidationException;
import dk.rampe.json.Json;
import dk.rampe.log.Log;
import dk.rampe.log.Metrics;
import dk.rampe.core.Text;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The HTTP API plumbing every JSON API handler shares: headers (from {@link HttpRequests}), body limits, JSON parsing, who is
 * calling (from the JWT authorizer's claims), and errors as application/problem+json that name
 * each bad field in the caller's language.
 */
public final class HttpApi {
    private static final Pattern JSON_CONTENT_TYPE =
            Pattern.compile("application/(problem\\+)?json\\s*(;\\s*charset\\s*=\\s*\"?utf-8\"?\\s*)?");
    private HttpApi() {
    }

    /** See {@link HttpRequests#header}: the pages share it without Jackson. */
    public static String header(APIGatewayV2HTTPEvent event, String name) {
        return HttpRequests.header(event, name);
    }

    public static Language language(APIGatewayV2HTTPEvent event) {
        return HttpRequests.language(event);
    }

    public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return HttpRequests.pathParameter(event, name);
    }

    /**
     * The body as JSON, after checking content type and size; malformed JSON is a 400 naming the
     * body, and so is a body that is not base64 when it says it is, bytes that are not UTF-8, and
     * a JSON string holding an unpaired surrogate (not text in any encoding).
     */
    public static JsonNode jsonBody(APIGatewayV2HTTPEvent event, int maxBytes) {
        String contentType = header(event, "content-type");
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) throw ApiError.field(400, "body", "body.missing");
        if (contentType == null || !JSON_CONTENT_TYPE.matcher(contentType.toLowerCase(Locale.ROOT).strip()).matches()) {
            throw ApiError.field(415, "Content-Type", "contentType");
        }
        String text;
        if (event.getIsBase64Encoded()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw ApiError.field(400, "body", "body.base64");
            }
            if (bytes.length > maxBytes) throw ApiError.field(413, "body", "body.tooLarge", maxBytes);
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw ApiError.field(400, "body", "encoding.malformed");
            }
        } else {
            if (Text.hasUnpairedSurrogate(raw)) throw ApiError.field(400, "body", "encoding.malformed");
            if (raw.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
                throw ApiError.field(413, "body", "body.tooLarge", maxBytes);
            }
            text = raw;
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.field(400, "body", "json.malformed");
        }
        if (hasUnpairedSurrogate(tree)) throw ApiError.field(400, "body", "encoding.malformed");
        return tree;
    }

    /** Whether any string or field name in the tree holds an unpaired surrogate (from a \\uD800 escape). */
    private static boolean hasUnpairedSurrogate(JsonNode node) {
        if (node.isTextual()) return Text.hasUnpairedSurrogate(node.textValue());
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (Text.hasUnpairedSurrogate(e.getKey()) || hasUnpairedSurrogate(e.getValue())) return true;
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) if (hasUnpairedSurrogate(item)) return true;
        }
        return false;
    }

    /**
     * Who is calling. In AWS the HTTP API's JWT authorizer has verified the token; its claims
     * arrive as strings. A jobcentre is known by its OAuth2 client id (claim
     * {@code RAMPE_JOBCENTRE_CLAIM}), staff and administrators by their Cognito group.
     */
    public static Caller caller(APIGatewayV2HTTPEvent event, RampeConfig config, Supplier<Settings> settings) {
        Map<String, String> claims = claims(event);
        if (claims.isEmpty()) throw ApiError.of(401, "auth.missing");
        List<String> groups = groups(claims.get("cognito:groups"));
        String username = claims.getOrDefault("username", claims.get("sub"));
        if (groups.contains(config.adminGroup()) && username != null) return Caller.admin(username);
        if (groups.contains(config.staffGroup()) && username != null) return Caller.staff(username);
        String client = claims.get(config.jobcentreClaim());
        // an administrator's tool: a client-credentials token with the admin scope (no user, no group)
        if (client != null && username == null && groups.isEmpty() && scopes(claims.get("scope")).contains(ADMIN_SCOPE)) {
            return Caller.admin("client:" + client);
        }
        if (client != null) {
            return settings.get().jobcentreByClientId(client).map(j -> Caller.jobcentre(j.id()))
                    .orElseThrow(() -> ApiError.of(403, "auth.missing"));
        }
        throw ApiError.of(401, "auth.missing");
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) return Map.of();
        Map<String, String> c = ctx.getAuthorizer().getJwt().getClaims();
        return c == null ? Map.of() : c;
    }

    /** The resource-server scope every /v1/admin route requires (the template's AuthorizationScopes). */
    public static final String ADMIN_SCOPE = "rampe/admin";

    /** The space-separated scope claim of an access token. */
    static List<String> scopes(String claim) {
        return claim == null || claim.isBlank() ? List.of() : List.of(claim.strip().split("\\s+"));
    }

    /** Array claims come through the HTTP API as "[a b]" or "a,b". */
    static List<String> groups(String claim) {
        if (claim == null || claim.isBlank()) return List.of();
        String s = claim.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        return List.of(s.replace("\"", "").split("[,\\s]+"));
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(Json.write(body)).build();
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
        ObjectNode body = Json.object();
        body.put("type", "https://rampe.dk/problems/" + code);
        body.put("status", status);
        body.put("code", code);
        body.put("title", Messages.text(code, language, args));
        if (!fields.isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            for (FieldError f : fields) {
                errors.addObject().put("field", f.field()).put("code", f.code())
                        .put("message", Messages.text(f.code(), language, f.args()));
            }
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/problem+json; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("content-language", language == Language.EN ? "en" : "da");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(Json.write(body)).build();
    }

    /** See {@link HttpRequests#form}. */
    public static Map<String, String> form(APIGatewayV2HTTPEvent event, int maxBytes) {
        return HttpRequests.form(event, maxBytes);
    }

    /** See {@link HttpRequests#formDecode}. */
    static String formDecode(String s) {
        return HttpRequests.formDecode(s);
    }
}
