package dk.rampe.schedule;

import dk.rampe.settings.Settings;
import java.time.LocalDate;
import java.util.function.Supplier;

/** Working days from public holidays, weekends and the programmes' closing days in the settings. */
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
        return settings.get().programme(programmeId).map(p -> !p.closingDays().contains(date)).orElse(true);
    }
}
