package dk.rampe.schedule;

import java.time.LocalDate;

/** Port: the country's public holidays (Denmark: see the jollyday adapter, rampe-calendar). */
@FunctionalInterface
public interface PublicHolidays {

    boolean isPublicHoliday(LocalDate date);
}
