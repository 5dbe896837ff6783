package dk.rampe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.platform.RampeConfig;
import dk.rampe.core.Caller;
import dk.rampe.core.Language;
import dk.rampe.settings.Settings;
import dk.rampe.json.Json;
import dk.rampe.core.Text;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP API plumbing every JSON API handler shares: headers (from {@link HttpRequests}), body limits, JSON parsing, who is
 * calling (from the JWT authorizer's claims), and errors as application/problem+json that name
 * each bad field in the caller's language.
 */
public final class HttpApi {
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
     * a JSON string holding an unpaired surrogate (not text in any encoding), and a number whose exponent
     * no decimal holds ({@code 1e9999999999}: Jackson throws a NumberFormatException, not a parse error).
     */
    public static JsonNode jsonBody(APIGatewayV2HTTPEvent event, int maxBytes) {
        String text = RequestBodies.jsonText(event, maxBytes);
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException | NumberFormatException e) {
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

    /** See {@link Callers#caller}: the report's admin routes share it without Jackson. */
    public static Caller caller(APIGatewayV2HTTPEvent event, RampeConfig config, Supplier<Settings> settings) {
        return Callers.caller(event, config, settings);
    }

    /** The resource-server scope every /v1/admin route requires (the template's AuthorizationScopes). */
    public static final String ADMIN_SCOPE = Callers.ADMIN_SCOPE;

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

    /** Turns any failure into a problem answer (see {@link Problems#problem}, written without Jackson). */
    public static APIGatewayV2HTTPResponse problem(RuntimeException failure, Language language, String requestId) {
        return Problems.problem(failure, language, requestId);
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
