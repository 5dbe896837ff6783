package dk.rampe.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar rules with the Danish public holidays of 2026-2028 as a fixed list (rampe-calendar computes them). */
class WorkingCalendarTest {
    static final Set<LocalDate> DK = Set.of(
            d("2026-01-01"), d("2026-04-02"), d("2026-04-03"), d("2026-04-05"), d("2026-04-06"), d("2026-05-14"),
            d("2026-05-24"), d("2026-05-25"), d("2026-12-25"), d("2026-12-26"),
            d("2027-01-01"), d("2027-03-25"), d("2027-03-26"), d("2027-03-28"), d("2027-03-29"), d("2027-05-06"),
            d("2027-05-16"), d("2027-05-17"), d("2027-12-25"), d("2027-12-26"),
            d("2028-01-01"), d("2028-04-13"), d("2028-04-14"), d("2028-04-16"), d("2028-04-17"), d("2028-05-25"),
            d("2028-06-04"), d("2028-06-05"), d("2028-12-25"), d("2028-12-26"));

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Settings settings(List<LocalDate> closingDays) {
        return new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", d("2026-01-01"), d("2027-12-31"),
                List.of(), List.of(), List.of(), closingDays)), List.of());
    }

    final WorkingDays days = new WorkingCalendar(DK::contains, () -> settings(List.of(d("2026-12-28"),
            d("2026-12-29"), d("2026-12-30"), d("2026-12-31"))));

    @Test
    void weekendsAndPublicHolidaysAreNotWorkingDays() {
        assertTrue(days.isWorkingDay("p1", d("2026-11-27")), "a Friday");
        assertFalse(days.isWorkingDay("p1", d("2026-11-28")), "a Saturday");
        assertFalse(days.isWorkingDay("p1", d("2026-11-29")), "a Sunday");
        assertFalse(days.isWorkingDay("p1", d("2027-03-29")), "Easter Monday 2027");
        assertFalse(days.isWorkingDay(null, d("2026-12-25")), "Christmas Day");
        assertEquals(d("2027-03-30"), days.onOrAfter("p1", d("2027-03-25")), "Maundy Thursday to Easter Tuesday");
        assertEquals(d("2026-11-30"), days.nextWorkingDay("p1", d("2026-11-27")));
    }

    @Test
    void closingDaysCountForTheirProgrammeOnly() {
        assertFalse(days.isWorkingDay("p1", d("2026-12-28")));
        assertTrue(days.isWorkingDay(null, d("2026-12-28")), "no programme: public calendar");
        assertTrue(days.isWorkingDay("other", d("2026-12-28")), "an unknown programme has no closing days");
        // 24 Dec (Thu) is a working day in law; 25-27 holiday and weekend, 28-31 closed, 1 Jan holiday
        assertEquals(d("2027-01-04"), days.nextWorkingDay("p1", d("2026-12-24")));
        assertEquals(d("2026-12-28"), days.nextWorkingDay(null, d("2026-12-24")));
    }

    @Test
    void christmasEveNewYearsEveAndConstitutionDayAreClosingDaysUnlessSwitchedOff() {
        WorkingDays defaults = new WorkingCalendar(DK::contains, () -> settings(List.of()));
        assertFalse(defaults.isWorkingDay("p1", d("2026-12-24")), "Christmas Eve, a Thursday");
        assertFalse(defaults.isWorkingDay("p1", d("2026-12-31")), "New Year's Eve, a Thursday");
        assertFalse(defaults.isWorkingDay("p1", d("2026-06-05")), "Constitution Day, a Friday");
        assertTrue(defaults.isWorkingDay(null, d("2026-12-24")), "not public holidays: no programme, no closing day");
        assertEquals(d("2026-12-28"), defaults.nextWorkingDay("p1", d("2026-12-23")), "24 closed, 25-27 holidays and Sunday");
        assertEquals(d("2027-01-04"), defaults.nextWorkingDay("p1", d("2026-12-30")), "31 closed, 1 Jan a holiday, then a weekend");
        assertEquals(d("2026-06-08"), defaults.onOrAfter("p1", d("2026-06-05")));

        WorkingDays open = new WorkingCalendar(DK::contains, () -> new Settings(List.of(new Settings.Programme("p1",
                "Forløb Nord", d("2026-01-01"), d("2027-12-31"), List.of(), List.of(), List.of(), List.of(), null, null,
                null, new Settings.Calendar(false, true, false, false))), List.of()));
        assertTrue(open.isWorkingDay("p1", d("2026-12-24")), "Christmas Eve switched off: a working day");
        assertFalse(open.isWorkingDay("p1", d("2026-12-31")), "New Year's Eve still closed");
        assertTrue(open.isWorkingDay("p1", d("2026-06-05")), "Constitution Day switched off");
    }

    @Test
    void plusWorkingDaysSkipsWeekendsAndHolidays() {
        assertEquals(d("2026-11-27"), days.plusWorkingDays("p1", d("2026-11-27"), 0));
        assertEquals(d("2026-11-30"), days.plusWorkingDays("p1", d("2026-11-28"), 0));
        assertEquals(d("2026-11-30"), days.plusWorkingDays("p1", d("2026-11-27"), 1));
        assertEquals(d("2026-11-30"), days.plusWorkingDays("p1", d("2026-11-28"), 1), "Saturday + 1 = Monday");
        assertEquals(d("2026-12-02"), days.plusWorkingDays("p1", d("2026-11-27"), 3));
        // Wednesday before Easter 2027 + 2: Thu, Fri, Mon are holidays → Tue 30 March, Wed 31 March
        assertEquals(d("2027-03-31"), days.plusWorkingDays("p1", d("2027-03-24"), 2));
    }

    @Test
    void monthsLaterIsTheSameDayOrTheMonthsLastMovedToAWorkingDay() {
        assertEquals(d("2027-03-01"), days.monthsLater("p1", d("2026-11-30"), 3),
                "28 Feb 2027 (the month's last day) is a Sunday");
        assertEquals(d("2027-02-26"), days.monthsLater("p1", d("2026-11-26"), 3), "a Friday stays");
        assertEquals(d("2027-03-01"), days.monthsLater("p1", d("2026-12-31"), 2), "31 Dec + 2 months = 28 Feb (Sun)");
        assertEquals(d("2028-02-29"), days.monthsLater("p1", d("2027-11-30"), 3), "a leap year's 29 Feb (Tue)");
        assertEquals(d("2028-02-29"), days.monthsLater("p1", d("2028-01-31"), 1), "31 Jan + 1 = 29 Feb 2028");
        assertEquals(d("2028-05-29"), days.monthsLater("p1", d("2028-02-29"), 3), "29 Feb stays the 29th");
        assertEquals(d("2029-02-28"), days.monthsLater("p1", d("2028-02-29"), 12), "no 29 Feb in 2029 (Wed 28th)");
        assertEquals(d("2027-03-30"), days.monthsLater("p1", d("2026-12-29"), 3), "29 Mar 2027 is Easter Monday");
        assertEquals(d("2027-01-04"), days.monthsLater("p1", d("2026-09-28"), 3), "28 Dec closed, then on to 4 Jan");
    }

    @Test
    void todayIsTheCopenhagenDate() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-24T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(d("2026-11-25"), WorkingDays.today(lateEvening));
        Clock summer = Clock.fixed(Instant.parse("2026-06-30T22:30:00Z"), ZoneOffset.UTC);
        assertEquals(d("2026-07-01"), WorkingDays.today(summer), "summer time: UTC+2");
    }
}
