package dk.rampe.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rampe.core.ValidationException;
import dk.rampe.settings.Settings;
import org.junit.jupiter.api.Test;

/** (aftercare) The optional project manager names one of the programme's consultants. */
class SettingsProjectManagerTest {
    static String settings(String pm) {
        return "{\"jobcentres\":[{\"id\":\"jc1\",\"name\":\"Jobcenter Nord\",\"clientIds\":[\"client-1\"]}],"
                + "\"programmes\":[{\"id\":\"p1\",\"name\":\"Forløb Nord\",\"intakeOpens\":\"2026-01-01\","
                + "\"intakeStops\":\"2027-12-31\",\"partners\":[],\"consultants\":[{\"id\":\"pm-pia\",\"name\":\"Pia\","
                + "\"email\":\"pia@rampe.example\",\"phone\":\"+45 20 00 00 09\",\"channel\":\"email\",\"language\":\"da\"}],"
                + "\"staff\":[]" + (pm == null ? "" : ",\"projectManagerId\":" + pm) + "}]}";
    }

    @Test
    void optionalReadAndWrittenBack() throws Exception {
        assertNull(SettingsCodec.parse(Json.parse(settings(null))).programmes().get(0).projectManagerId());
        Settings s = SettingsCodec.parse(Json.parse(settings("\"pm-pia\"")));
        assertEquals("pm-pia", s.programmes().get(0).projectManagerId());
        assertEquals(s, SettingsCodec.parse(Json.parse(Json.write(SettingsCodec.write(s)))));
    }

    @Test
    void anUnknownOrMalformedManagerIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SettingsCodec.parse(Json.parse(settings("\"nobody\""))));
        assertEquals("programmes[0].projectManagerId", e.errors().get(0).field());
        assertEquals("unknownReference", e.errors().get(0).code());
        assertThrows(ValidationException.class, () -> SettingsCodec.parse(Json.parse(settings("\"a\\nb\""))));
    }
}
