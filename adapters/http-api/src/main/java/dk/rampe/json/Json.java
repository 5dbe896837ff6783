package dk.rampe.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one ObjectMapper. Rampe reads and writes JSON through the tree model only: no bean
 * introspection, which keeps Lambda cold starts short and the wire format explicit. Dates go
 * through it as strings the codecs write, so no date module is registered (or shipped).
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapperHolder.create();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    private static final class JsonMapperHolder {
        static ObjectMapper create() {
            JsonFactory factory = JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build();
            factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            ObjectMapper m = new ObjectMapper(factory);
            m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            // a decimal is read exactly: 1e-999999999 stays that number (and is refused by its field's
            // range), never a double that underflowed to 0 or overflowed to infinity
            m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            return m;
        }
    }

    /**
     * Builds the mapper and runs one small document, shaped like a request and an answer, through
     * parsing and writing, so Jackson's one-time set-up (parser and generator factories, the tree
     * deserializers, the serializer caches) happens when this is called rather than in the first
     * request. Handlers call it in CRaC's beforeCheckpoint (dk.rampe.platform.Primed), before SnapStart
     * snapshots. Reads and writes nothing outside memory; safe to call more than once.
     */
    public static void prime() {
        try {
            JsonNode n = parse("{\"id\":\"R0001\",\"n\":1,\"x\":1.5,\"ok\":true,\"none\":null,"
                    + "\"at\":\"2026-01-05T09:00:00Z\",\"list\":[{\"k\":\"æøå\"},2],\"o\":{}}");
            ObjectNode out = object();
            out.set("in", n);
            out.put("s", "x").put("i", 1).put("b", false).putNull("z");
            out.putArray("a").add(1).add("y");
            write(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Parses JSON; throws {@link JsonProcessingException} (wrapped) on malformed input. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
