package dk.rampe.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsClosingDaysTest {
    static String settings(String closingDays) {
        return "{\"jobcentres\":[{\"id\":\"jc1\",\"name\":\"Jobcenter Nord\",\"clientIds\":[\"client-1\"]}],"
                + "\"programmes\":[{\"id\":\"p1\",\"name\":\"Forløb Nord\",\"intakeOpens\":\"2026-01-01\","
                + "\"intakeStops\":\"2027-12-31\",\"partners\":[],\"consultants\":[],\"staff\":[]"
                + (closingDays == null ? "" : ",\"closingDays\":" + closingDays) + "}]}";
    }

    static Settings parse(String json) throws Exception {
        return SettingsCodec.parse(Json.parse(json));
    }

    @Test
    void closingDaysAreOptionalSortedAndWrittenBack() throws Exception {
        assertEquals(List.of(), parse(settings(null)).programmes().get(0).closingDays());
        Settings s = parse(settings("[\"2026-12-31\",\"2026-06-05\"]"));
        assertEquals(List.of(LocalDate.parse("2026-06-05"), LocalDate.parse("2026-12-31")),
                s.programmes().get(0).closingDays());
        Settings again = parse(Json.write(SettingsCodec.write(s)));
        assertEquals(s, again);
        assertTrue(!Json.write(SettingsCodec.write(parse(settings(null)))).contains("closingDays"));
    }

    @Test
    void aBadOrRepeatedDayIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> parse(settings("[\"2026-06-05\",\"2026-02-30\",\"2026-06-05\",7]")));
        List<String> fields = e.errors().stream().map(x -> x.field() + ":" + x.code()).toList();
        assertEquals(List.of("programmes[0].closingDays[3]:type.string", "programmes[0].closingDays[1]:date.invalid",
                "programmes[0].closingDays[2]:duplicate"), fields);
        assertThrows(ValidationException.class, () -> parse(settings("\"2026-06-05\"")));
    }
}
