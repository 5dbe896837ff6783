package dk.rampe.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In Lambda no function starts on a published development secret; locally they are the defaults. */
class DevelopmentSecretsTest {
    private static final String PEPPER = "a-pepper-of-this-deployment-0123456789";
    private static final String LINK_KEY = "a-link-key-of-this-deployment-0123456789";

    private static Map<String, String> lambda(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_LAMBDA_FUNCTION_NAME", "rampe-referral-intake"));
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    @Test
    void locallyTheDevelopmentValuesAreTheDefaults() {
        assertArrayEquals(RampeConfig.LOCAL_MATCH_KEY_SECRET.getBytes(StandardCharsets.UTF_8),
                RampeConfig.from(Map.of()).matchKeySecret());
        assertArrayEquals(NudgeConfig.LOCAL_TOKEN_KEY.getBytes(StandardCharsets.UTF_8), NudgeConfig.from(Map.of()).tokenKey());
    }

    @Test
    void inLambdaAMissingPepperStopsEveryFunctionNamingTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RampeConfig.from(lambda()));
        assertTrue(e.getMessage().startsWith("RAMPE_MATCH_KEY_SECRET is not set"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> RampeConfig.from(lambda("RAMPE_MATCH_KEY_SECRET", " ")));
        assertTrue(e.getMessage().startsWith("RAMPE_MATCH_KEY_SECRET is not set"), e.getMessage());
    }

    @Test
    void inLambdaThePublishedPepperIsRefusedWithoutShowingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RampeConfig.from(lambda("RAMPE_MATCH_KEY_SECRET", RampeConfig.LOCAL_MATCH_KEY_SECRET)));
        assertTrue(e.getMessage().startsWith("RAMPE_MATCH_KEY_SECRET is the published development value"), e.getMessage());
        assertFalse(e.getMessage().contains(RampeConfig.LOCAL_MATCH_KEY_SECRET));
        assertArrayEquals(PEPPER.getBytes(StandardCharsets.UTF_8),
                RampeConfig.from(lambda("RAMPE_MATCH_KEY_SECRET", PEPPER)).matchKeySecret());
    }

    @Test
    void inLambdaThePublishedLinkKeyIsRefusedAtOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NudgeConfig.from(lambda("RAMPE_FOLLOW_UP_TOKEN_KEY", NudgeConfig.LOCAL_TOKEN_KEY)));
        assertTrue(e.getMessage().startsWith("RAMPE_FOLLOW_UP_TOKEN_KEY is the published development value"), e.getMessage());
        assertFalse(e.getMessage().contains(NudgeConfig.LOCAL_TOKEN_KEY));
    }

    /** A function that never signs links (the monthly report) starts without the key; one that signs fails when it asks. */
    @Test
    void inLambdaAMissingLinkKeyFailsTheFunctionThatSignsNeverFallingBack() {
        NudgeConfig withoutKey = NudgeConfig.from(lambda());
        IllegalStateException e = assertThrows(IllegalStateException.class, withoutKey::tokenKey);
        assertTrue(e.getMessage().startsWith("RAMPE_FOLLOW_UP_TOKEN_KEY is not set"), e.getMessage());
        assertEquals(LINK_KEY, new String(NudgeConfig.from(lambda("RAMPE_FOLLOW_UP_TOKEN_KEY", LINK_KEY)).tokenKey(),
                StandardCharsets.UTF_8));
    }
}
