package dk.rampe.attendance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a participant's attendance plan: on {@code weekdays} from {@code start} for
 * {@code minutes}, valid from {@code validFrom} until the next plan's from-date. A step-up plan is
 * several of these. Weekdays are Monday to Friday: weekend days are agreed one day at a time.
 * {@code duringInternship}: the step also applies while the participant is in an internship (say, the
 * course on Fridays beside an internship the other days); without it nothing of the step is expected
 * during an internship ({@link Internship}).
 */
public record AttendancePlan(LocalDate validFrom, Set<DayOfWeek> weekdays, LocalTime start, int minutes,
                             String recordedBy, Instant recordedAt, boolean duringInternship) {

    /** A step that does not apply during an internship. */
    public AttendancePlan(LocalDate validFrom, Set<DayOfWeek> weekdays, LocalTime start, int minutes, String recordedBy,
                          Instant recordedAt) {
        this(validFrom, weekdays, start, minutes, recordedBy, recordedAt, false);
    }

    public AttendancePlan {
        Objects.requireNonNull(validFrom);
        Objects.requireNonNull(start);
        weekdays = weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
        if (minutes < 1 || minutes > 24 * 60) throw new IllegalArgumentException("minutes");
    }

    public boolean plannedOn(LocalDate date) {
        return !date.isBefore(validFrom) && weekdays.contains(date.getDayOfWeek());
    }
}
