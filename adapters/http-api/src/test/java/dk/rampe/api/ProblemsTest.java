package dk.rampe.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.core.FieldError;
import dk.rampe.core.Language;
import dk.rampe.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Problem answers written without Jackson are, byte for byte, what Jackson writes for the same tree. */
class ProblemsTest {

    @Test
    void aProblemWithFieldsIsTheTextJacksonWritesForItsTree() {
        for (Language language : Language.values()) {
            var r = Problems.problem(ApiError.field(413, "body", "body.tooLarge", 65536), language, "r1");
            ObjectNode expected = Json.object();
            expected.put("type", "https://rampe.dk/problems/body.tooLarge");
            expected.put("status", 413);
            expected.put("code", "body.tooLarge");
            expected.put("title", Messages.text("body.tooLarge", language, 65536));
            ArrayNode errors = expected.putArray("errors");
            errors.addObject().put("field", "body").put("code", "body.tooLarge")
                    .put("message", Messages.text("body.tooLarge", language, 65536));
            assertEquals(Json.write(expected), r.getBody());
            assertEquals(413, r.getStatusCode());
            assertEquals("application/problem+json; charset=utf-8", r.getHeaders().get("content-type"));
            assertEquals(language == Language.EN ? "en" : "da", r.getHeaders().get("content-language"));
        }
    }

    @Test
    void everyCharacterIsEscapedAsJacksonEscapesIt() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) all.append(c);
        all.append("æøåÆØÅ – “” \u2028 \uD83D\uDE00 </script>");
        String text = all.toString();
        ObjectNode expected = Json.object();
        expected.put(text, text);
        assertEquals(Json.write(expected),
                Problems.field(new StringBuilder("{"), text, text).append('}').toString());
        var unknown = Problems.problem(400, "no.such.code\"\\", new Object[0], List.of(new FieldError("a\nb", "x", new Object[0])),
                Language.DA);
        ObjectNode e = Json.object();
        e.put("type", "https://rampe.dk/problems/no.such.code\"\\");
        e.put("status", 400);
        e.put("code", "no.such.code\"\\");
        e.put("title", "no.such.code\"\\");
        e.putArray("errors").addObject().put("field", "a\nb").put("code", "x").put("message", "x");
        assertEquals(Json.write(e), unknown.getBody());
    }
}
