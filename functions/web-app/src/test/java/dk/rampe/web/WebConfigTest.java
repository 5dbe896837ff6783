package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** In AWS (an https address) the app never falls back to development defaults. */
class WebConfigTest {
    @Test
    void inAwsTheSessionKeyMustBeSetCookiesAreSecureAndThereIsNoLocalLogin() {
        assertThrows(IllegalStateException.class, () -> WebConfig.from(Map.of(), "https://rampe.example.dk"));
        WebConfig aws = WebConfig.from(Map.of("RAMPE_WEB_SESSION_KEY", "k".repeat(32)), "https://rampe.example.dk");
        assertTrue(aws.secureCookies());
        assertEquals("__Host-rampe_session", aws.cookieName());
        assertNull(aws.localUsers(), "the local user list is never offered in AWS");
        assertThrows(IllegalStateException.class,
                () -> WebConfig.from(Map.of("RAMPE_WEB_SESSION_KEY", "short"), "https://rampe.example.dk"));

        WebConfig local = WebConfig.from(Map.of(), "http://127.0.0.1:8787");
        assertFalse(local.secureCookies());
        assertTrue(local.localUsers() != null && local.localUsers().endsWith("events/local-tokens.json"));
    }

    @Test
    void inLambdaTheDevelopmentSessionKeyIsRefusedWithoutShowingItWhateverTheAddress() {
        for (String base : new String[] {"https://rampe.example.dk", "http://127.0.0.1:8787"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> WebConfig.from(
                    Map.of("AWS_LAMBDA_FUNCTION_NAME", "rampe-web-app", "RAMPE_WEB_SESSION_KEY", WebConfig.LOCAL_SESSION_KEY), base));
            assertTrue(e.getMessage().startsWith("RAMPE_WEB_SESSION_KEY is the published development value"), e.getMessage());
            assertFalse(e.getMessage().contains(WebConfig.LOCAL_SESSION_KEY));
            e = assertThrows(IllegalStateException.class,
                    () -> WebConfig.from(Map.of("AWS_LAMBDA_FUNCTION_NAME", "rampe-web-app"), base));
            assertTrue(e.getMessage().startsWith("RAMPE_WEB_SESSION_KEY is not set"), e.getMessage());
        }
    }
}
