package dk.rampe.calendar;

import dk.rampe.schedule.PublicHolidays;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Danish public holidays (helligdagsloven), computed, one set per year: New Year, Maundy Thursday,
 * Good Friday, Easter Sunday and Monday, Ascension, Whit Sunday and Monday, Christmas Day and
 * Boxing Day; Store Bededag (4th Friday after Easter) only until 2023. Grundlovsdag (5 June),
 * Christmas Eve and New Year's Eve are not public holidays by law and are not in the set: a
 * programme that closes on them lists them as closing days in its settings. Every movable one
 * hangs on Easter Sunday (the Gregorian computus), so no holiday library (jollyday and its JAXB,
 * about 1.6 MB and 900 classes per jar) is needed; the tests hold the dates to jollyday's.
 */
public final class DanishHolidays implements PublicHolidays {
    /** The last year with Store Bededag (abolished from 2024). */
    static final int LAST_STORE_BEDEDAG = 2023;

    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    @Override
    public boolean isPublicHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date);
    }

    public Set<LocalDate> holidays(int year) {
        return byYear.computeIfAbsent(year, DanishHolidays::of);
    }

    private static Set<LocalDate> of(int year) {
        LocalDate easter = easterSunday(year);
        Set<LocalDate> days = new java.util.HashSet<>(Set.of(
                LocalDate.of(year, 1, 1),
                easter.minusDays(3), easter.minusDays(2), easter, easter.plusDays(1),
                easter.plusDays(39),
                easter.plusDays(49), easter.plusDays(50),
                LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)));
        if (year <= LAST_STORE_BEDEDAG) days.add(easter.plusDays(26));
        return Set.copyOf(days);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The working-day calendar: weekends, Danish public holidays and each programme's closing days. */
    public static WorkingDays workingDays(Supplier<Settings> settings) {
        return new WorkingCalendar(new DanishHolidays(), settings);
    }
}
