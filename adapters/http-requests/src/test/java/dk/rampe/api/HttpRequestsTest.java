package dk.rampe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.rampe.core.Language;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestsTest {
    private static APIGatewayV2HTTPEvent event(Map<String, String> headers, String body, boolean base64) {
        return APIGatewayV2HTTPEvent.builder().withHeaders(headers).withBody(body).withIsBase64Encoded(base64)
                .withPathParameters(Map.of("token", "t-1")).build();
    }

    @Test
    void headersAreFoundWhateverTheirCase() {
        APIGatewayV2HTTPEvent e = event(Map.of("Sec-Fetch-Site", "same-origin"), null, false);
        assertEquals("same-origin", HttpRequests.header(e, "sec-fetch-site"));
        assertNull(HttpRequests.header(e, "origin"));
        assertNull(HttpRequests.header(new APIGatewayV2HTTPEvent(), "origin"), "an event without headers");
    }

    @Test
    void theLanguageIsDanishUnlessTheCallerAsksForEnglish() {
        assertEquals(Language.EN, HttpRequests.language(event(Map.of("accept-language", "en-GB,da;q=0.5"), null, false)));
        assertEquals(Language.DA, HttpRequests.language(event(Map.of(), null, false)));
    }

    @Test
    void pathParametersAreReadAndMissingOnesAreNull() {
        assertEquals("t-1", HttpRequests.pathParameter(event(Map.of(), null, false), "token"));
        assertNull(HttpRequests.pathParameter(new APIGatewayV2HTTPEvent(), "token"));
    }

    @Test
    void aFormIsDecodedAndRefusedWhenItIsNotOneIsTooLargeOrRepeatsAField() {
        Map<String, String> form = Map.of("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
        assertEquals(Map.of("note", "Mødt kl. 9", "ok", ""),
                HttpRequests.form(event(form, "note=M%C3%B8dt+kl.+9&ok", false), 100));
        String base64 = Base64.getEncoder().encodeToString("a=1".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("a", "1"), HttpRequests.form(event(form, base64, true), 100));
        assertNull(HttpRequests.form(event(form, "a=1&a=2", false), 100), "a repeated field");
        assertNull(HttpRequests.form(event(form, "a=" + "x".repeat(100), false), 100), "over the limit");
        assertNull(HttpRequests.form(event(form, "not base64!", true), 100));
        assertNull(HttpRequests.form(event(form, "a=%zz", false), 100), "not decodable");
        assertNull(HttpRequests.form(event(Map.of("content-type", "application/json"), "{}", false), 100));
    }
}
