package dk.rampe.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CitizenMatchKeyTest {
    @Test
    void sameCitizenSameKeyWithoutTheNumberInIt() {
        CitizenMatchKey k = new CitizenMatchKey("a-secret-of-sufficient-length".getBytes(StandardCharsets.UTF_8));
        String a = k.of(Cpr.parse("010190-1234").orElseThrow());
        assertEquals(a, k.of(Cpr.parse("0101901234").orElseThrow()));
        assertNotEquals(a, k.of(Cpr.parse("0101901235").orElseThrow()));
        assertFalse(a.contains("0101901234"));
        CitizenMatchKey other = new CitizenMatchKey("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(a, other.of(Cpr.parse("0101901234").orElseThrow()), "the pepper matters");
    }
}
