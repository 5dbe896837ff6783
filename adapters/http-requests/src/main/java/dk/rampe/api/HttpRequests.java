package dk.rampe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.rampe.core.Language;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Locale;

/**
 * What every HTTP handler reads from an HTTP API event: headers (by any case), the caller's
 * language, path parameters and posted forms. No JSON here, so the pages' jar carries no Jackson;
 * the JSON API's plumbing ({@code HttpApi}) builds on this.
 */
public final class HttpRequests {
    private HttpRequests() {
    }

    public static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) return null;
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        if (v != null) return v;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    public static Language language(APIGatewayV2HTTPEvent event) {
        return Language.from(header(event, "accept-language"));
    }

    public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> p = event.getPathParameters();
        return p == null ? null : p.get(name);
    }

    /**
     * A posted {@code application/x-www-form-urlencoded} form (the pages' only input), or null
     * when it is not one, is not valid base64, is larger than {@code maxBytes}, is not decodable,
     * or repeats a field.
     */
    public static Map<String, String> form(APIGatewayV2HTTPEvent event, int maxBytes) {
        String contentType = header(event, "content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip()
                .startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        String raw = event.getBody() == null ? "" : event.getBody();
        byte[] bytes;
        try {
            bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length > maxBytes) return null;
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (out.put(k, v) != null) return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return out;
    }
}
