package dk.rampe.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Port: the working-day calendar of a programme. A working day is a weekday that is neither a
 * public holiday nor one of the programme's closing days. Dates are Europe/Copenhagen dates
 * ({@link #today(Clock)}). {@code programmeId} may be null: public holidays and weekends only.
 */
public interface WorkingDays {
    ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    boolean isWorkingDay(String programmeId, LocalDate date);

    /** Today's date in Copenhagen. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** {@code date} if it is a working day, else the next working day after it. */
    default LocalDate onOrAfter(String programmeId, LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < 366; i++, d = d.plusDays(1)) {
            if (isWorkingDay(programmeId, d)) return d;
        }
        throw new IllegalStateException("no working day within a year of " + date);
    }

    /** The first working day after {@code date}. */
    default LocalDate nextWorkingDay(String programmeId, LocalDate date) {
        return onOrAfter(programmeId, date.plusDays(1));
    }

    /** The {@code n}-th working day after {@code date} ({@code n = 0}: {@link #onOrAfter}). */
    default LocalDate plusWorkingDays(String programmeId, LocalDate date, int n) {
        if (n < 0) throw new IllegalArgumentException("n");
        if (n == 0) return onOrAfter(programmeId, date);
        LocalDate d = date;
        for (int i = 0; i < n; i++) d = nextWorkingDay(programmeId, d);
        return d;
    }

    /**
     * "{@code months} months after": the same day of the month, or the month's last day when it
     * has no such day (31 January + 1 month = 28/29 February), moved to the next working day.
     */
    default LocalDate monthsLater(String programmeId, LocalDate date, int months) {
        return onOrAfter(programmeId, date.plusMonths(months));
    }
}
