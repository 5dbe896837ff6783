package dk.rampe.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.EarlyWarning;
import dk.rampe.core.ValidationException;
import dk.rampe.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A programme's early-warning thresholds in the settings: absent, the defaults; each one set by name, the others at
 * their defaults, written back as set; an unknown name, a value that is not a whole number in range, or thresholds
 * that do not fit together are refused naming the field.
 */
class SettingsEarlyWarningTest {
    static String settings(String earlyWarning) {
        return "{\"jobcentres\":[{\"id\":\"jc1\",\"name\":\"Jobcenter Nord\",\"clientIds\":[\"client-1\"]}],"
                + "\"programmes\":[{\"id\":\"p1\",\"name\":\"Forløb Nord\",\"intakeOpens\":\"2026-01-01\","
                + "\"intakeStops\":\"2027-12-31\",\"partners\":[],\"consultants\":[],\"staff\":[]"
                + (earlyWarning == null ? "" : ",\"earlyWarning\":" + earlyWarning) + "}]}";
    }

    private static List<String> refused(String earlyWarning) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SettingsCodec.parse(Json.parse(settings(earlyWarning))));
        return e.errors().stream().map(x -> x.field() + " " + x.code()).toList();
    }

    @Test
    void absentTheDefaultsSetByNameTheOthersAtTheirDefaultsAndWrittenBackAsSet() throws Exception {
        Settings none = SettingsCodec.parse(Json.parse(settings(null)));
        assertEquals(Map.of(), none.programmes().get(0).earlyWarning());
        assertEquals(EarlyWarning.Thresholds.DEFAULTS, EarlyWarning.Thresholds.of(none, "p1"));

        Settings set = SettingsCodec.parse(Json.parse(settings("{\"fallPercentagePoints\":30,\"stableRunSessions\":10}")));
        EarlyWarning.Thresholds t = EarlyWarning.Thresholds.of(set, "p1");
        assertEquals(30, t.fallPercentagePoints());
        assertEquals(10, t.stableRunSessions());
        assertEquals(EarlyWarning.Thresholds.DEFAULTS.recentSessions(), t.recentSessions());
        assertEquals(EarlyWarning.Thresholds.DEFAULTS, EarlyWarning.Thresholds.of(set, "another-programme"));
        String written = Json.write(SettingsCodec.write(set));
        assertTrue(written.contains("\"earlyWarning\":{\"fallPercentagePoints\":30,\"stableRunSessions\":10}"), written);
        assertEquals(set, SettingsCodec.parse(Json.parse(written)));
    }

    @Test
    void anUnknownNameAValueOutOfRangeOrThresholdsThatDoNotFitAreRefusedNamingTheField() {
        List<String> unknown = refused("{\"sickDays\":3,\"minutesLate\":\"ten\"}");
        assertTrue(unknown.contains("programmes[0].earlyWarning.sickDays unknownField"), unknown.toString());
        assertTrue(unknown.contains("programmes[0].earlyWarning.minutesLate range"), unknown.toString());
        assertTrue(refused("{\"recentSessions\":400}").contains("programmes[0].earlyWarning.recentSessions range"));
        List<String> misfit = refused("{\"recentSessions\":4}");
        assertEquals(List.of("programmes[0].earlyWarning.minRecentSessions earlyWarning.inconsistent"), misfit,
                "at least five of the last four sessions cannot be: the minimum is named");
        assertEquals(List.of("programmes[0].earlyWarning.fallPercentagePoints earlyWarning.inconsistent"),
                refused("{\"fallPercentagePoints\":0}"));
    }
}
