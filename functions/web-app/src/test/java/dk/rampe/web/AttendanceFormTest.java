package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick agreement form's defaults from the plan, and the stability rule, without a database. */
class AttendanceFormTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Attendance PLANNED = new Attendance("R1", List.of(new AttendancePlan(MONDAY,
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0), 240, "c-anna", NOW)), List.of(),
            List.of(), false);

    private static Agreement agree(Attendance a, Map<String, String> form) {
        return AttendanceForm.agreement(form, a, MONDAY, "c-anna", NOW);
    }

    @Test
    void aLaterStartEndsTheDayAsPlannedAndAShorterDayStartsAsPlanned() {
        Agreement later = agree(PLANNED, Map.of("ag.date", "2026-11-24", "ag.kind", "later", "ag.start", "10:30"));
        assertEquals(LocalTime.of(10, 30), later.start());
        assertEquals(150, later.minutes(), "10:30 to the planned 13:00");
        Agreement shorter = agree(PLANNED, Map.of("ag.date", "2026-11-24", "ag.kind", "shorter", "ag.hours", "1,5"));
        assertEquals(LocalTime.of(9, 0), shorter.start());
        assertEquals(90, shorter.minutes());
        Agreement off = agree(PLANNED, Map.of("ag.date", "2026-11-24", "ag.kind", "dayOff", "ag.hours", "1,5"));
        assertTrue(off.dayOff());
        assertNull(off.minutes(), "a day off has no hours");
    }

    @Test
    void aLaterStartAfterThePlannedEndOrWithoutAPlanNeedsTheMinutes() {
        ValidationException e = assertThrows(ValidationException.class, () -> agree(PLANNED,
                Map.of("ag.date", "2026-11-24", "ag.kind", "later", "ag.start", "12:50")));
        assertEquals("ag.hours", e.errors().get(0).field());
        e = assertThrows(ValidationException.class, () -> agree(Attendance.empty("R1"),
                Map.of("ag.date", "2026-11-24", "ag.kind", "shorter", "ag.hours", "1.5")));
        assertEquals("ag.start", e.errors().get(0).field());
        e = assertThrows(ValidationException.class, () -> agree(PLANNED,
                Map.of("ag.date", "2026-10-01", "ag.kind", "dayOff")));
        assertEquals("date.range", e.errors().get(0).code(), "at most 31 days back, as the API");
    }

    @Test
    void hoursAreWrittenWithADecimalCommaOrPointAndShownWithTheLanguagesMark() {
        java.util.List<dk.rampe.core.FieldError> errors = new java.util.ArrayList<>();
        assertEquals(270, AttendanceForm.hours(Map.of("h", "4,5"), "h", true, errors));
        assertEquals(270, AttendanceForm.hours(Map.of("h", " 4.5 "), "h", true, errors));
        assertEquals(720, AttendanceForm.hours(Map.of("h", "12"), "h", true, errors));
        assertEquals(15, AttendanceForm.hours(Map.of("h", "0,25"), "h", true, errors));
        assertTrue(errors.isEmpty(), errors.toString());
        for (String bad : new String[] {"13", "0,1", "4,5 t", "240 min", "1.250", "-4"}) {
            assertNull(AttendanceForm.hours(Map.of("h", bad), "h", true, errors), bad);
        }
        assertEquals(6, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.code().equals("hours.day")));
        assertTrue(Texts.t(dk.rampe.core.Language.DA, "code.hours.day").contains("4,5"), "the message shows the comma");
        assertEquals("4,5", Views.hours(dk.rampe.core.Language.DA, 270));
        assertEquals("4.5", Views.hours(dk.rampe.core.Language.EN, 270));
        assertEquals("4", Views.hours(dk.rampe.core.Language.DA, 240));
        assertEquals("12,5", Views.number(dk.rampe.core.Language.DA, new java.math.BigDecimal("12.50")));
    }

    @Test
    void stabilityCountsPresentAndLateAgainstAbsentLeavingOutExcusedAndOpenDays() {
        AttendanceSummary s = new AttendanceSummary(List.of(), 5, 2, 1, 1, 1, 1, 1, false);
        assertEquals(67, s.stabilityPercent(), "2 of 3 counted days");
        assertNull(new AttendanceSummary(List.of(), 2, 0, 0, 1, 0, 0, 1, false).stabilityPercent());
    }
}
