package dk.rampe.schedule;

import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Working days from public holidays, weekends and the programmes' closing days in the settings: the days listed and
 * the customary ones switched on ({@link Settings.Calendar}: Christmas Eve, New Year's Eve and Constitution Day by
 * default). Every function that asks about working days asks this one calendar.
 */
public final class WorkingCalendar implements WorkingDays {
    private final PublicHolidays holidays;
    private final Supplier<Settings> settings;

    public WorkingCalendar(PublicHolidays holidays, Supplier<Settings> settings) {
        this.holidays = holidays;
        this.settings = settings;
    }

    @Override
    public boolean isWorkingDay(String programmeId, LocalDate date) {
        if (WorkingDays.isWeekend(date) || holidays.isPublicHoliday(date)) return false;
        if (programmeId == null) return true;
        return settings.get().programme(programmeId).map(p -> !p.closedOn(date)).orElse(true);
    }
}
