package dk.rampe.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CprTest {

    @ParameterizedTest(name = "{0} was born {1}")
    @CsvSource({
        "0101901234, 1990-01-01",     // 7th digit 1: 1900s
        "010190-1234, 1990-01-01",    // with the dash
        "3112994234, 1999-12-31",     // 7th digit 4, yy > 36: 1900s
        "0101104234, 2010-01-01",     // 7th digit 4, yy <= 36: 2000s
        "0101109234, 2010-01-01",     // 7th digit 9, yy <= 36: 2000s
        "0101605234, 1860-01-01",     // 7th digit 5, yy > 57: 1800s
        "0101205234, 2020-01-01",     // 7th digit 5, yy <= 57: 2000s
        "2902004321, 2000-02-29",     // leap day in a leap year
    })
    void readsTheBirthDateWithTheCenturyFromTheSeventhDigit(String raw, LocalDate born) {
        assertEquals(born, Cpr.parse(raw).orElseThrow().birthDate());
    }

    @Test
    void doesNotDemandModulus11() {
        // 0101901234 fails the old modulus-11 check; numbers issued since 2007 need not pass it
        int[] weights = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
        String digits = "0101901234";
        int sum = 0;
        for (int i = 0; i < 10; i++) sum += (digits.charAt(i) - '0') * weights[i];
        assertTrue(sum % 11 != 0, "the sample must fail modulus 11 for this test to mean anything");
        assertTrue(Cpr.parse(digits).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3102901234", "2902014321", "0013901234", "3204901234", "0000001234"})
    void refusesNumbersThatAreNotARealDate(String raw) {
        assertTrue(Cpr.isTenDigits(raw));
        assertFalse(Cpr.parse(raw).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "01019012345", "010190 1234", "0101-901234", "01019O1234", "+101901234"})
    void refusesAnythingButTenDigits(String raw) {
        assertFalse(Cpr.parse(raw).isPresent());
    }

    @Test
    void neverShowsTheNumberInToString() {
        Cpr cpr = Cpr.parse("0101901234").orElseThrow();
        assertFalse(cpr.toString().contains("0101901234"));
        assertFalse(new Citizen(cpr, "Søren", null, null).toString().contains("Søren"));
    }
}
