package dk.rampe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "20123456|+4520123456",
        "20 12 34 56|+4520123456",
        "2012-3456|+4520123456",
        "+45 20 12 34 56|+4520123456",
        "0045 20123456|+4520123456",
        "(+45) 20.12.34.56|+4520123456",
        "+46 70 123 45 67|+46701234567",
        "0046701234567|+46701234567",
        "+49 30 901820|+4930901820",
    })
    void normalisesToE164(String raw, String e164) {
        assertEquals(e164, PhoneNumber.parse(raw).orElseThrow().e164());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "02123456", "+45 1234567", "+45 201234567", "abc12345",
        "+1234567", "+1234567890123456", "20 12 34 56 ext 7", "++4520123456"})
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertFalse(PhoneNumber.parse(raw).isPresent(), raw);
    }
}
