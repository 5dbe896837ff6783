package dk.rampe.schedule;

import java.time.LocalDate;

/** Port: the country's public holidays (Denmark: see DanishHolidays in rampe-calendar). */
@FunctionalInterface
public interface PublicHolidays {

    boolean isPublicHoliday(LocalDate date);
}
