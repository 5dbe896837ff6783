package dk.rampe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.rampe.core.Text;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/** A JSON request body's text, checked before any parser sees it (see {@code HttpApi#jsonBody}); without Jackson. */
public final class RequestBodies {
    private static final Pattern JSON_CONTENT_TYPE =
            Pattern.compile("application/(problem\\+)?json\\s*(;\\s*charset\\s*=\\s*\"?utf-8\"?\\s*)?");

    private RequestBodies() {
    }

    /**
     * The body's text after checking content type (415) and size (413); a body that is not base64 when
     * it says it is, or bytes that are not UTF-8, or text holding an unpaired surrogate, is a 400 naming
     * the body.
     */
    public static String jsonText(APIGatewayV2HTTPEvent event, int maxBytes) {
        String contentType = HttpRequests.header(event, "content-type");
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) throw ApiError.field(400, "body", "body.missing");
        if (contentType == null || !JSON_CONTENT_TYPE.matcher(contentType.toLowerCase(Locale.ROOT).strip()).matches()) {
            throw ApiError.field(415, "Content-Type", "contentType");
        }
        if (event.getIsBase64Encoded()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw ApiError.field(400, "body", "body.base64");
            }
            if (bytes.length > maxBytes) throw ApiError.field(413, "body", "body.tooLarge", maxBytes);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw ApiError.field(400, "body", "encoding.malformed");
            }
        }
        if (Text.hasUnpairedSurrogate(raw)) throw ApiError.field(400, "body", "encoding.malformed");
        if (raw.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw ApiError.field(413, "body", "body.tooLarge", maxBytes);
        }
        return raw;
    }
}
