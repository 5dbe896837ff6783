package dk.rampe.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.ValidationException;
import dk.rampe.settings.Settings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsAttendanceTest {
    static Settings parse(String attendance) throws Exception {
        return SettingsClosingDaysTest.parse(SettingsClosingDaysTest.settings(
                "[]" + (attendance == null ? "" : ",\"attendance\":" + attendance)));
    }

    @Test
    void missingOrEmptyMeansTheIssueDefaults() throws Exception {
        Settings.Attendance none = parse(null).programmes().get(0).attendance();
        assertEquals(Settings.Attendance.DEFAULTS, none);
        assertEquals(Duration.ofMinutes(30), none.grace());
        assertEquals(List.of("kontanthjaelp", "uddannelseshjaelp", "integrationsydelse"), none.reportEveryAbsence());
        assertEquals(2, none.inARow());
        assertEquals(3, none.withinCount());
        assertEquals(10, none.withinWorkingDays());
        assertEquals(Duration.ofHours(2), none.escalateAfter());
        assertFalse(none.participantSms(), "the participant SMS is off unless the programme turns it on");
        assertEquals(Settings.Attendance.DEFAULTS, parse("{}").programmes().get(0).attendance());
    }

    @Test
    void givenValuesAreKeptAndWrittenBack() throws Exception {
        Settings s = parse("{\"graceMinutes\":15,\"reportEveryAbsence\":[\"kontanthjaelp\"],\"inARow\":3,"
                + "\"withinCount\":4,\"withinWorkingDays\":15,\"escalateAfterWorkingMinutes\":60,"
                + "\"teamLeadEmail\":\"leder@forloeb.example\",\"participantSms\":true}");
        Settings.Attendance a = s.programmes().get(0).attendance();
        assertEquals(Duration.ofMinutes(15), a.grace());
        assertEquals(List.of("kontanthjaelp"), a.reportEveryAbsence());
        assertEquals(3, a.inARow());
        assertEquals(4, a.withinCount());
        assertEquals(15, a.withinWorkingDays());
        assertEquals(Duration.ofMinutes(60), a.escalateAfter());
        assertEquals("leder@forloeb.example", a.teamLeadEmail().value());
        assertTrue(a.participantSms());
        assertEquals(s, SettingsClosingDaysTest.parse(Json.write(SettingsCodec.write(s))));
        assertEquals(List.of(), parse("{\"reportEveryAbsence\":[]}").programmes().get(0).attendance()
                .reportEveryAbsence(), "an empty list reports no benefit on every absence");
    }

    @Test
    void hostileValuesAreNamedField() {
        ValidationException e = assertThrows(ValidationException.class, () -> parse(
                "{\"graceMinutes\":-5,\"reportEveryAbsence\":[\"folkepension\",\"kontanthjaelp\",\"kontanthjaelp\"],"
                        + "\"inARow\":\"two\",\"withinWorkingDays\":0,\"teamLeadEmail\":\"not an email\","
                        + "\"participantSms\":\"yes\",\"surprise\":1}"));
        List<String> fields = e.errors().stream().map(x -> x.field() + ":" + x.code()).sorted().toList();
        assertTrue(fields.contains("programmes[0].attendance.surprise:unknownField"), fields.toString());
        assertTrue(fields.contains("programmes[0].attendance.reportEveryAbsence[0]:enum"), fields.toString());
        assertTrue(fields.contains("programmes[0].attendance.reportEveryAbsence[2]:duplicate"), fields.toString());
        assertTrue(fields.contains("programmes[0].attendance.teamLeadEmail:email.invalid"), fields.toString());
        for (String f : List.of("graceMinutes", "inARow", "withinWorkingDays", "participantSms")) {
            assertTrue(fields.stream().anyMatch(x -> x.startsWith("programmes[0].attendance." + f + ":")), f + " " + fields);
        }
        assertThrows(ValidationException.class, () -> parse("[1]"));
    }
}
