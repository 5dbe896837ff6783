package dk.rampe.json;

import dk.rampe.core.ValidationException;
import dk.rampe.settings.ReportSettings;
import dk.rampe.settings.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A programme's monthly report settings: optional, read, written back, bad values named. */
class SettingsReportTest {
    static String settings(String report) {
        return SettingsClosingDaysTest.settings(null).replace("\"staff\":[]", "\"staff\":[]"
                + (report == null ? "" : ",\"report\":" + report));
    }

    @Test
    void reportSettingsAreOptionalAndWrittenBack() throws Exception {
        assertEquals(ReportSettings.none(), SettingsClosingDaysTest.parse(settings(null)).programmes().get(0).report());
        Settings s = SettingsClosingDaysTest.parse(settings("{\"recipients\":[\"styregruppe@rampe.dk\"],"
                + "\"maxStartsPerConsultant4Weeks\":4,\"targets\":[{\"kind\":\"employer_based_share\",\"value\":85}]}"));
        ReportSettings r = s.programmes().get(0).report();
        assertEquals("styregruppe@rampe.dk", r.recipients().get(0).value());
        assertEquals(4, r.maxStartsPerConsultant4Weeks());
        assertEquals(List.of(new ReportSettings.Target(ReportSettings.TargetKind.EMPLOYER_BASED_SHARE, 85)), r.targets());
        assertEquals(s, SettingsClosingDaysTest.parse(Json.write(SettingsCodec.write(s))));
    }

    @Test
    void badReportSettingsAreNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> SettingsClosingDaysTest.parse(settings(
                "{\"recipients\":[\"not an address\"],\"targets\":[{\"kind\":\"happiness\",\"value\":1}],\"x\":1}")));
        assertEquals(List.of("programmes[0].report.x:unknownField", "programmes[0].report.recipients[0]:email.invalid",
                        "programmes[0].report.targets[0].kind:enum"),
                e.errors().stream().map(x -> x.field() + ":" + x.code()).toList());
    }
}
