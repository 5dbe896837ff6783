package dk.rampe.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DanishHolidaysTest {
    static final DanishHolidays HOLIDAYS = new DanishHolidays();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void theHolidaysOf2026To2028() {
        assertEquals(new TreeSet<>(Set.of(d("2026-01-01"), d("2026-04-02"), d("2026-04-03"), d("2026-04-05"),
                d("2026-04-06"), d("2026-05-14"), d("2026-05-24"), d("2026-05-25"), d("2026-12-25"), d("2026-12-26"))),
                new TreeSet<>(HOLIDAYS.holidays(2026)));
        assertEquals(new TreeSet<>(Set.of(d("2027-01-01"), d("2027-03-25"), d("2027-03-26"), d("2027-03-28"),
                d("2027-03-29"), d("2027-05-06"), d("2027-05-16"), d("2027-05-17"), d("2027-12-25"), d("2027-12-26"))),
                new TreeSet<>(HOLIDAYS.holidays(2027)));
        assertEquals(new TreeSet<>(Set.of(d("2028-01-01"), d("2028-04-13"), d("2028-04-14"), d("2028-04-16"),
                d("2028-04-17"), d("2028-05-25"), d("2028-06-04"), d("2028-06-05"), d("2028-12-25"), d("2028-12-26"))),
                new TreeSet<>(HOLIDAYS.holidays(2028)));
    }

    /** The computed calendar is jollyday's Danish public holidays (which Rampe used before), every year 1900-2200. */
    @Test
    void everyYearsHolidaysAreJollydaysDanishPublicHolidays() {
        de.focus_shift.jollyday.core.HolidayManager denmark = de.focus_shift.jollyday.core.HolidayManager.getInstance(
                de.focus_shift.jollyday.core.ManagerParameters.create(de.focus_shift.jollyday.core.HolidayCalendar.DENMARK));
        for (int year = 1900; year <= 2200; year++) {
            Set<LocalDate> jollyday = new TreeSet<>();
            for (de.focus_shift.jollyday.core.Holiday h : denmark.getHolidays(java.time.Year.of(year),
                    de.focus_shift.jollyday.core.HolidayType.PUBLIC_HOLIDAY)) {
                jollyday.add(h.getDate());
            }
            assertEquals(jollyday, new TreeSet<>(HOLIDAYS.holidays(year)), "the holidays of " + year);
        }
    }

    @Test
    void easterSundayFromTheComputus() {
        assertEquals(d("2024-03-31"), DanishHolidays.easterSunday(2024));
        assertEquals(d("2025-04-20"), DanishHolidays.easterSunday(2025));
        assertEquals(d("2038-04-25"), DanishHolidays.easterSunday(2038), "the latest possible");
        assertEquals(d("2285-03-22"), DanishHolidays.easterSunday(2285), "the earliest possible");
    }

    @Test
    void storeBededagIsGoneFrom2024AndGrundlovsdagIsNotAPublicHoliday() {
        assertTrue(HOLIDAYS.isPublicHoliday(d("2023-05-05")), "Store Bededag 2023, the last one");
        assertFalse(HOLIDAYS.isPublicHoliday(d("2024-04-26")), "would have been Store Bededag 2024");
        assertFalse(HOLIDAYS.isPublicHoliday(d("2027-04-23")), "would have been Store Bededag 2027");
        assertFalse(HOLIDAYS.isPublicHoliday(d("2026-06-05")), "Grundlovsdag");
        assertFalse(HOLIDAYS.isPublicHoliday(d("2026-12-24")), "Christmas Eve");
        assertTrue(HOLIDAYS.isPublicHoliday(d("2027-03-29")), "Easter Monday 2027");
    }

    @Test
    void theWorkingDayCalendarWithAProgrammesClosingDays() {
        Settings settings = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", d("2026-01-01"),
                d("2027-12-31"), List.of(), List.of(), List.of(), List.of(d("2026-06-05"), d("2026-12-24")))), List.of());
        WorkingDays days = DanishHolidays.workingDays(() -> settings);
        assertFalse(days.isWorkingDay("p1", d("2026-06-05")), "Grundlovsdag as the programme's closing day");
        assertTrue(days.isWorkingDay(null, d("2026-06-05")));
        assertEquals(d("2027-03-01"), days.monthsLater("p1", d("2026-11-30"), 3));
        assertEquals(d("2027-03-30"), days.monthsLater("p1", d("2026-12-29"), 3), "past Easter Monday");
        assertEquals(d("2026-12-28"), days.nextWorkingDay("p1", d("2026-12-23")), "24th closed, 25-27 holiday/weekend");
        assertEquals(d("2027-01-05"), days.plusWorkingDays("p1", d("2026-12-28"), 4),
                "31 Dec closed by default, 1 Jan a holiday");
        Settings open = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", d("2026-01-01"),
                d("2027-12-31"), List.of(), List.of(), List.of(), List.of(), null, null, null,
                new Settings.Calendar(false, false, false, false))), List.of());
        WorkingDays switchedOff = DanishHolidays.workingDays(() -> open);
        assertEquals(d("2027-01-04"), switchedOff.plusWorkingDays("p1", d("2026-12-28"), 4),
                "New Year's Eve switched off: 31 Dec works, 1 Jan not");
        assertTrue(switchedOff.isWorkingDay("p1", d("2026-12-24")));
        assertTrue(switchedOff.isWorkingDay("p1", d("2026-06-05")));
    }
}
