package dk.rampe.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rampe.core.Language;
import dk.rampe.core.ValidationException;
import org.junit.jupiter.api.Test;

/** A settings value outside its domain is refused naming its path, never stored as something else. */
class SettingsRefusedNotCoercedTest {
    static String settings(String language, String staff, String report) {
        return "{\"jobcentres\":[{\"id\":\"jc1\",\"name\":\"Jobcenter Nord\",\"clientIds\":[\"client-1\"]}],"
                + "\"programmes\":[{\"id\":\"p1\",\"name\":\"Forløb Nord\",\"intakeOpens\":\"2026-01-01\","
                + "\"intakeStops\":\"2027-12-31\",\"partners\":[],\"consultants\":[{\"id\":\"c-pia\",\"name\":\"Pia\","
                + "\"email\":\"pia@rampe.example\",\"phone\":\"+45 20 00 00 09\",\"channel\":\"email\",\"language\":\""
                + language + "\"}],\"staff\":" + staff + (report == null ? "" : ",\"report\":" + report) + "}]}";
    }

    private static void refused(String json, String field, String code) {
        ValidationException e = assertThrows(ValidationException.class, () -> SettingsCodec.parse(Json.parse(json)));
        assertEquals(field, e.errors().get(0).field(), e.errors().toString());
        assertEquals(code, e.errors().get(0).code());
    }

    @Test
    void aConsultantLanguageRampeDoesNotWriteIsRefusedNotStoredAsDanish() throws Exception {
        refused(settings("fr", "[]", null), "programmes[0].consultants[0].language", "enum");
        assertEquals(Language.EN, SettingsCodec.parse(Json.parse(settings("en", "[]", null))).programmes().get(0)
                .consultants().get(0).language());
    }

    @Test
    void aStaffIdListedTwiceIsRefused() throws Exception {
        refused(settings("da", "[\"s-1\",\"s-2\",\"s-1\"]", null), "programmes[0].staff[2]", "duplicate");
        assertEquals(2, SettingsCodec.parse(Json.parse(settings("da", "[\"s-1\",\"s-2\"]", null))).programmes().get(0)
                .staff().size());
    }

    @Test
    void aShareTargetAbove100PercentIsRefusedACountIsNot() throws Exception {
        refused(settings("da", "[]", "{\"targets\":[{\"kind\":\"employer_based_share\",\"value\":101}]}"),
                "programmes[0].report.targets[0].value", "range");
        assertEquals(1, SettingsCodec.parse(Json.parse(settings("da", "[]",
                "{\"targets\":[{\"kind\":\"exits_to_work_or_education\",\"value\":101}]}"))).programmes().get(0)
                .report().targets().size());
    }

    @Test
    void aNumberThatUnderflowsOrOverflowsIsRefused() throws Exception {
        for (String n : new String[] {"1e-999999999", "1e999999999", "100.5", "1e2"}) {
            refused(settings("da", "[]", "{\"maxStartsPerConsultant4Weeks\":" + n + "}"),
                    "programmes[0].report.maxStartsPerConsultant4Weeks", "range");
        }
    }
}
