package dk.rampe.monthlyreport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The admin routes' request body, read without data binding, takes and refuses what the JSON API's
 * {@code HttpApi.jsonBody} does, and finds the same programme, month and resend flag in it.
 */
class AdminRequestBodyTest {
    private static final String[] BODIES = {
            "{\"programmeId\":\"p1\",\"month\":\"2026-10\"}",
            "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":true}",
            "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":false}",
            "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":null}",
            "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":\"yes\"}",
            "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":1}",
            "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":{}}",
            "{\"programmeId\":1,\"month\":[\"2026-10\"]}",
            "{\"programmeId\":null}",
            "{}", "[]", "null", "\"p1\"", "12", " ",
            "{\"programmeId\":\"p1\",\"programmeId\":\"p2\"}",
            "{\"x\":{\"a\":1,\"a\":2},\"programmeId\":\"p1\"}",
            "{\"programmeId\":\"p1\"} {}",
            "{\"programmeId\":\"p1\"}]",
            "{\"programmeId\":\"p1\",}",
            "{\"programmeId\":'p1'}",
            "{\"programmeId\":\"p1\",\"n\":1e-999999999,\"m\":123456789012345678901234567890}",
            "{\"programmeId\":\"p1\",\"n\":1e9999999999}",
            "{\"programmeId\":\"p1\",\"n\":01}",
            "{\"programmeId\":\"\\uD800\",\"month\":\"2026-10\"}",
            "{\"\\uDC00\":1,\"programmeId\":\"p1\"}",
            "{\"a\":[\"\\uD800\"], \"programmeId\":\"p1\"} x",
            "[".repeat(32) + "]".repeat(32),
            "[".repeat(33) + "]".repeat(33),
            "{\"programmeId\":\" p1 \",\"month\":\" 2026-10 \",\"other\":[1,2,{\"k\":\"æøå\"}]}",
    };

    @Test
    void takesAndRefusesWhatTheJsonApiDoes() {
        for (String body : BODIES) {
            assertEquals(viaTree(body), viaStream(body), body);
        }
    }

    private static APIGatewayV2HTTPEvent post(String body) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setHeaders(Map.of("content-type", "application/json"));
        e.setBody(body);
        return e;
    }

    private static String viaTree(String body) {
        try {
            JsonNode n = HttpApi.jsonBody(post(body), 65536);
            JsonNode r = n.path("resend");
            String resend = r.isMissingNode() ? "MISSING" : r.isNull() ? "NULL" : r.isBoolean() ? (r.booleanValue() ? "TRUE" : "FALSE")
                    : "OTHER";
            return text(n.path("programmeId")) + "|" + text(n.path("month")) + "|" + resend;
        } catch (ApiError e) {
            return e.status() + " " + e.code();
        } catch (RuntimeException e) {
            // a decimal whose exponent no BigDecimal holds: both fail alike (an unexpected failure, 500)
            return e.getClass().getName();
        }
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.textValue() : null;
    }

    private static String viaStream(String body) {
        try {
            AdminRequestBody b = AdminRequestBody.read(post(body), 65536);
            return b.programmeId() + "|" + b.month() + "|" + b.resend();
        } catch (ApiError e) {
            return e.status() + " " + e.code();
        } catch (RuntimeException e) {
            // a decimal whose exponent no BigDecimal holds: both fail alike (an unexpected failure, 500)
            return e.getClass().getName();
        }
    }
}
