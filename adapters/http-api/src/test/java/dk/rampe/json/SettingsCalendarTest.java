package dk.rampe.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.ValidationException;
import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A programme's calendar switches: Christmas Eve, New Year's Eve and Constitution Day are closing days unless switched
 * off, and one-day agreements on days without sessions are refused unless extra days are allowed; each switch is
 * optional, written back, and anything else is refused naming its path.
 */
class SettingsCalendarTest {
    static String settings(String calendar) {
        return "{\"jobcentres\":[{\"id\":\"jc1\",\"name\":\"Jobcenter Nord\",\"clientIds\":[\"client-1\"]}],"
                + "\"programmes\":[{\"id\":\"p1\",\"name\":\"Forløb Nord\",\"intakeOpens\":\"2026-01-01\","
                + "\"intakeStops\":\"2027-12-31\",\"partners\":[],\"consultants\":[],\"staff\":[]"
                + (calendar == null ? "" : ",\"calendar\":" + calendar) + "}]}";
    }

    static Settings.Programme parse(String json) throws Exception {
        return SettingsCodec.parse(Json.parse(json)).programmes().get(0);
    }

    @Test
    void theCustomaryClosingDaysAreOnByDefaultAndEachCanBeSwitchedOff() throws Exception {
        Settings.Programme p = parse(settings(null));
        assertEquals(Settings.Calendar.DEFAULTS, p.calendar());
        assertTrue(p.closedOn(LocalDate.of(2027, 12, 24)));
        assertTrue(p.closedOn(LocalDate.of(2027, 12, 31)));
        assertTrue(p.closedOn(LocalDate.of(2027, 6, 5)));
        assertFalse(p.closedOn(LocalDate.of(2027, 12, 23)));

        Settings.Programme open = parse(settings("{\"closedOnChristmasEve\":false,\"extraDays\":true}"));
        assertEquals(new Settings.Calendar(false, true, true, true), open.calendar());
        assertFalse(open.closedOn(LocalDate.of(2027, 12, 24)));
        assertTrue(open.closedOn(LocalDate.of(2027, 12, 31)));

        Settings written = SettingsCodec.parse(Json.parse(settings("{\"closedOnConstitutionDay\":false}")));
        assertEquals(written, SettingsCodec.parse(Json.parse(Json.write(SettingsCodec.write(written)))));
    }

    @Test
    void anUnknownSwitchOrAValueThatIsNotABooleanIsRefusedNamingThePath() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> parse(settings("{\"closedOnEaster\":true,\"extraDays\":\"yes\"}")));
        List<String> fields = e.errors().stream().map(x -> x.field()).toList();
        assertTrue(fields.contains("programmes[0].calendar.closedOnEaster"), fields.toString());
        assertTrue(fields.contains("programmes[0].calendar.extraDays"), fields.toString());
    }
}
