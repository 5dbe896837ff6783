package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.platform.NudgeConfig;
import dk.rampe.local.embedded.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SMS sender id is checked at start-up as SNS wants it: 3-11 letters and digits with at least
 * one letter (the SAM parameter SmsSenderId has the same AllowedPattern).
 */
class NudgeConfigSenderIdTest {

    private static final String[] VALID = {"Rampe", "Aarhus2", "ABC", "Rampe12345A", "2Rampe"};
    private static final String[] INVALID = {"Ab", "R", "Rampe-DK", "12345", "Rampe Nudge", "RampeNudges1", "Æblegård",
        "Rampe!"};

    private static NudgeConfig withSenderId(String id) {
        return NudgeConfig.from(Map.of("RAMPE_SMS_SENDER_ID", id));
    }

    @Test
    void validSenderIdsAreAccepted() {
        for (String id : VALID) {
            assertEquals(id, withSenderId(id).smsSenderId(), id);
        }
        assertEquals("Rampe", NudgeConfig.from(Map.of()).smsSenderId(), "the local default is valid");
    }

    @Test
    void invalidSenderIdsStopStartUpNamingTheVariable() {
        for (String id : INVALID) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withSenderId(id), id);
            assertTrue(e.getMessage().contains("RAMPE_SMS_SENDER_ID"), e.getMessage());
            assertTrue(e.getMessage().contains("3-11"), e.getMessage());
        }
    }

    /** CloudFormation refuses at deploy time exactly what the function would refuse at start-up. */
    @Test
    void samParameterAcceptsTheSameSenderIds() {
        Map<?, ?> parameters = (Map<?, ?>) SamTemplate.bundled().root().get("Parameters");
        Map<?, ?> p = (Map<?, ?>) parameters.get("SmsSenderId");
        assertTrue(p.get("ConstraintDescription") instanceof String, "the parameter says what it wants");
        String pattern = (String) p.get("AllowedPattern");
        int min = ((Number) p.get("MinLength")).intValue();
        int max = ((Number) p.get("MaxLength")).intValue();
        java.util.function.Predicate<String> cloudFormation = v -> v.matches(pattern) && v.length() >= min
                && v.length() <= max;
        for (String id : VALID) assertTrue(cloudFormation.test(id), id);
        for (String id : INVALID) assertTrue(!cloudFormation.test(id), id);
        assertTrue(cloudFormation.test((String) p.get("Default")));
    }
}
