package dk.rampe.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import dk.rampe.schedule.PublicHolidays;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Danish public holidays from jollyday (its DENMARK calendar, read once, then one set per year):
 * New Year, Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension, Whit Sunday and
 * Monday, Christmas Day and Boxing Day; Store Bededag only until 2023. Grundlovsdag (5 June),
 * Christmas Eve and New Year's Eve are not public holidays by law and are not in the set: a
 * programme that closes on them lists them as closing days in its settings.
 */
public final class DanishHolidays implements PublicHolidays {
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /**
     * jollyday (and the JAXB it reads its calendar with) loads on the first question about a
     * date, not when a function starts: the referral API carries this calendar for milestones,
     * and its cold start must not pay for it on every other request.
     */
    private static final class Manager {
        static final HolidayManager DENMARK = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));
    }

    @Override
    public boolean isPublicHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date);
    }

    public Set<LocalDate> holidays(int year) {
        return byYear.computeIfAbsent(year, y -> Manager.DENMARK.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY).stream()
                .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet()));
    }

    /** The working-day calendar: weekends, Danish public holidays and each programme's closing days. */
    public static WorkingDays workingDays(Supplier<Settings> settings) {
        return new WorkingCalendar(new DanishHolidays(), settings);
    }
}
