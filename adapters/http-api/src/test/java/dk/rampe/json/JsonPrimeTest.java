package dk.rampe.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonPrimeTest {
    @Test
    void primingTwiceLeavesTheMapperAsItWas() throws Exception {
        Json.prime();
        Json.prime();
        assertEquals("{\"a\":[1,\"æ\"]}", Json.write(Json.parse("{\"a\":[1,\"æ\"]}")));
    }
}
