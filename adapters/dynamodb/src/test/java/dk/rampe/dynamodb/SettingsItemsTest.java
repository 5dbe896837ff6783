package dk.rampe.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsItemsTest {
    @Test
    void closingDaysAreStoredAndReadBack() {
        Settings s = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(), List.of("owner1"),
                List.of(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 12, 24)))), List.of());
        assertEquals(s, SettingsItems.read(SettingsItems.write(s)));
        Settings none = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(), List.of())), List.of());
        assertEquals(none, SettingsItems.read(SettingsItems.write(none)), "settings stored before stay readable");
        Settings managed = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(), List.of(), List.of(), dk.rampe.settings.ReportSettings.none(), "pm-pia")), List.of());
        assertEquals(managed, SettingsItems.read(SettingsItems.write(managed)), "the project manager (aftercare)");
    }

    @Test
    void reportSettingsAreStoredAndReadBack() {
        dk.rampe.settings.ReportSettings report = new dk.rampe.settings.ReportSettings(
                List.of(dk.rampe.core.EmailAddress.parse("styregruppe@rampe.dk").orElseThrow()), 4,
                List.of(new dk.rampe.settings.ReportSettings.Target(
                        dk.rampe.settings.ReportSettings.TargetKind.EXITS_TO_WORK_OR_EDUCATION, 30)));
        Settings s = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(), List.of(), List.of(), report)), List.of());
        assertEquals(s, SettingsItems.read(SettingsItems.write(s)));
    }

    @Test
    void attendanceSettingsAreStoredAndReadBackAndDefaultWhenMissing() {
        Settings.Attendance a = new Settings.Attendance(java.time.Duration.ofMinutes(20), List.of("kontanthjaelp"), 3, 4,
                12, java.time.Duration.ofMinutes(90), dk.rampe.core.EmailAddress.stored("leder@forloeb.example"), true);
        Settings s = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(), List.of("owner1"), List.of(), a)), List.of());
        assertEquals(a, SettingsItems.read(SettingsItems.write(s)).programmes().get(0).attendance());
        var stored = new java.util.HashMap<>(SettingsItems.write(s).m());
        var programmes = new java.util.ArrayList<software.amazon.awssdk.services.dynamodb.model.AttributeValue>();
        for (var p : stored.get("programmes").l()) {
            var m = new java.util.HashMap<>(p.m());
            m.remove("attendance");
            programmes.add(software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(m));
        }
        stored.put("programmes", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(programmes));
        assertEquals(Settings.Attendance.DEFAULTS, SettingsItems.read(
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(stored)).programmes().get(0).attendance(),
                "settings stored before the attendance settings existed read as the defaults");
    }

    @Test
    void calendarSwitchesAreStoredAndReadBackAndDefaultWhenMissing() {
        Settings.Calendar c = new Settings.Calendar(false, true, false, true);
        Settings s = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(), List.of(), List.of(), List.of(), null, null, null, c)), List.of());
        assertEquals(c, SettingsItems.read(SettingsItems.write(s)).programmes().get(0).calendar());
        var stored = new java.util.HashMap<>(SettingsItems.write(s).m());
        var programmes = new java.util.ArrayList<software.amazon.awssdk.services.dynamodb.model.AttributeValue>();
        for (var p : stored.get("programmes").l()) {
            var m = new java.util.HashMap<>(p.m());
            m.remove("calendar");
            programmes.add(software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(m));
        }
        stored.put("programmes", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(programmes));
        Settings.Programme before = SettingsItems.read(
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(stored)).programmes().get(0);
        assertEquals(Settings.Calendar.DEFAULTS, before.calendar(), "settings stored before the switches: the defaults");
        assertEquals(true, before.closedOn(LocalDate.of(2026, 12, 24)), "closed on Christmas Eve by default");
    }
}
