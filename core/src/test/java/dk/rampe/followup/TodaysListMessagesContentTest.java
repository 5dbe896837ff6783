package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.TodaysListMessages;
import dk.rampe.attendance.TodaysListTokens;
import dk.rampe.core.Language;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 07:30 nudge carries a count, a date and the link only: neutral in both languages, one SMS segment. */
class TodaysListMessagesContentTest {
    /** A real API Gateway URL (55 characters) and a real list token. */
    static final String LINK = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com/t/"
            + new TodaysListTokens("content-test-key-0123456789".getBytes(StandardCharsets.UTF_8))
                    .issue("c-anna", LocalDate.of(2026, 11, 23));

    @Test
    void everyRenderingIsNeutralAndTheSmsIsOneGsm7SegmentAlsoWithALongProductName() {
        for (String product : List.of("Rampe", "Jobhuset Nord")) {
            TodaysListMessages words = new TodaysListMessages(product);
            for (Language language : Language.values()) {
                for (int n : new int[] {1, 4, 12, 140}) {
                    TodaysListMessages.Rendered r = words.render(language, n, LocalDate.of(2026, 11, 23), LINK);
                    String where = product + "/" + language + "/" + n;
                    for (String part : List.of(r.subject(), r.text(), r.html(), r.sms())) {
                        assertEquals(List.of(), NudgeContentTest.violations(part), where + ": " + part);
                    }
                    assertTrue(r.sms().contains(LINK) && r.text().contains(LINK) && r.html().contains("href=\"" + LINK + "\""),
                            where);
                    assertTrue(Sms.isGsm7(r.sms()), where + ": " + r.sms());
                    assertEquals(1, Sms.segments(r.sms()), where + " (" + Sms.units(r.sms()) + "): " + r.sms());
                }
            }
        }
    }

    @Test
    void danishByDefaultWithTheCountAndTheDay() {
        TodaysListMessages words = new TodaysListMessages("Rampe");
        TodaysListMessages.Rendered da = words.render(Language.DA, 4, LocalDate.of(2026, 11, 23), LINK);
        assertEquals("Rampe: Dagens fremmøde, 4 deltagere i dag. Registrér her: " + LINK, da.sms());
        assertEquals("Dagens fremmøde: 4 deltagere forventes i dag", da.subject());
        assertTrue(da.text().startsWith("4 deltagere forventes i dag, mandag den 23. november 2026."), da.text());
        TodaysListMessages.Rendered one = words.render(Language.EN, 1, LocalDate.of(2026, 11, 23), LINK);
        assertEquals("Today's attendance: 1 participant expected today", one.subject());
        assertTrue(one.html().startsWith("<!DOCTYPE html><html lang=\"en\">"));
        assertThrows(IllegalArgumentException.class, () -> words.render(Language.DA, 0, LocalDate.of(2026, 11, 23), LINK));
        assertThrows(IllegalArgumentException.class, () -> words.render(Language.DA, 2, LocalDate.of(2026, 11, 23),
                "https://x.dk/t/\"><script>"));
        assertThrows(IllegalArgumentException.class, () -> new TodaysListMessages("Psykiatri – IPS"));
    }
}
