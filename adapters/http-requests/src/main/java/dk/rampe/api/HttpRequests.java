package dk.rampe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.rampe.core.Language;
import dk.rampe.core.Text;
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
            if (!event.getIsBase64Encoded() && Text.hasUnpairedSurrogate(raw)) return null;
            bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length > maxBytes) return null;
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String body = strictUtf8(bytes);
        if (body == null) return null;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = formDecode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
            if (k == null || v == null || out.put(k, v) != null) return null;
        }
        return out;
    }

    /**
     * One urlencoded name or value: {@code +} as a space, {@code %XX} as the byte it names, and the
     * bytes read strictly as UTF-8 (as the API reads a JSON body): null for a bad escape or bytes
     * that are not UTF-8 ({@code %C3%28}), never a replacement character stored in their place.
     */
    public static String formDecode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= in.length) return null;
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi < 0 || lo < 0) return null;
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return strictUtf8(out.toByteArray());
    }

    /** The bytes as UTF-8 text, or null when they are not UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
