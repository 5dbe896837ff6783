package dk.rampe.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"anna@rampe.dk", "birthe.aagaard@jobcenter.aarhus.dk", "søren@ærø.dk", "a+b@x.io"})
    void acceptsAddresses(String raw) {
        assertTrue(EmailAddress.parse(raw).isPresent(), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "anna", "anna@", "@rampe.dk", "anna@rampe", "anna@@rampe.dk", "an na@rampe.dk",
        "anna..b@rampe.dk", "anna@-rampe.dk"})
    void refusesWhatIsNotAnAddress(String raw) {
        assertFalse(EmailAddress.parse(raw).isPresent(), raw);
    }

    @Test
    void refusesOverlongAddresses() {
        assertFalse(EmailAddress.parse("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63)).isPresent());
    }
}
