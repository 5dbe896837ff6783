package dk.rampe.monthlyreport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dk.rampe.api.ApiError;
import dk.rampe.api.RequestBodies;
import dk.rampe.core.Text;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of {@code POST /v1/admin/reports}, read with Jackson's streaming parser only, so the admin routes'
 * jar carries no data binding (docs/decisions.md, "Lean function jars"). It takes and refuses what the JSON
 * API's {@code HttpApi.jsonBody} does: the same checks of the text, the same parser settings (nesting at most
 * 32 deep, a repeated name refused, nothing after the value, every number read as that number), and an
 * unpaired surrogate anywhere refused once the whole text has parsed. A value that is not an object has no
 * fields, as {@code JsonNode.path} gives none.
 */
record AdminRequestBody(String programmeId, String month, Flag resend) {
    /** What {@code resend} holds: absent, null, true, false, or anything else. */
    enum Flag { MISSING, NULL, TRUE, FALSE, OTHER }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static AdminRequestBody read(APIGatewayV2HTTPEvent event, int maxBytes) {
        return read(RequestBodies.jsonText(event, maxBytes));
    }

    static AdminRequestBody read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            Reading r = new Reading();
            JsonToken first = p.nextToken();
            AdminRequestBody body = new AdminRequestBody(null, null, Flag.MISSING);
            if (first == JsonToken.START_OBJECT) {
                String programmeId = null;
                String month = null;
                Flag resend = Flag.MISSING;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    r.text(name);
                    JsonToken v = p.nextToken();
                    String string = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    r.value(p, v);
                    switch (name) {
                        case "programmeId" -> programmeId = string;
                        case "month" -> month = string;
                        case "resend" -> resend = v == JsonToken.VALUE_TRUE ? Flag.TRUE : v == JsonToken.VALUE_FALSE ? Flag.FALSE
                                : v == JsonToken.VALUE_NULL ? Flag.NULL : Flag.OTHER;
                        default -> { }
                    }
                }
                body = new AdminRequestBody(programmeId, month, resend);
            } else if (first != null) {
                r.value(p, first);
            }
            if (first != null && p.nextToken() != null) throw ApiError.field(400, "body", "json.malformed");
            if (r.unpairedSurrogate) throw ApiError.field(400, "body", "encoding.malformed");
            return body;
        } catch (JsonProcessingException | NumberFormatException e) { // a number beyond BigDecimal's exponent too
            throw ApiError.field(400, "body", "json.malformed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks a value as the tree model would build it, noting an unpaired surrogate in any name or string. */
    private static final class Reading {
        boolean unpairedSurrogate;

        void text(String s) {
            if (s != null && Text.hasUnpairedSurrogate(s)) unpairedSurrogate = true;
        }

        void value(JsonParser p, JsonToken t) throws IOException {
            switch (t) {
                case START_OBJECT -> {
                    for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                        text(p.currentName());
                        value(p, p.nextToken());
                    }
                }
                case START_ARRAY -> {
                    for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) value(p, n);
                }
                case VALUE_STRING -> text(p.getText());
                // as the tree model reads them (decimals exactly): a number that cannot be one is malformed
                case VALUE_NUMBER_INT -> p.getNumberValue();
                case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
                default -> { }
            }
        }
    }
}
