package dk.rampe.attendance;

import dk.rampe.schedule.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Working time: 08:00 to 16:00 Copenhagen time on the programme's working days. "Not closed within
 * two working hours" counts only that time, so a follow-up of 15:30 escalates at 09:30 on the next
 * working day, not in the evening, and one of Friday afternoon on Monday morning.
 */
public final class WorkingHours {
    public static final LocalTime OPENS = LocalTime.of(8, 0);
    public static final LocalTime CLOSES = LocalTime.of(16, 0);

    private WorkingHours() {
    }

    /** {@code from} plus {@code amount} of working time (a start outside working time counts from the next opening). */
    public static Instant plus(WorkingDays days, String programmeId, Instant from, Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("amount");
        ZonedDateTime t = from.atZone(WorkingDays.ZONE);
        Duration left = amount;
        for (int i = 0; i < 400; i++) {
            LocalDate d = t.toLocalDate();
            ZonedDateTime opens = d.atTime(OPENS).atZone(WorkingDays.ZONE);
            ZonedDateTime closes = d.atTime(CLOSES).atZone(WorkingDays.ZONE);
            if (!days.isWorkingDay(programmeId, d) || !t.isBefore(closes)) {
                t = d.plusDays(1).atStartOfDay(WorkingDays.ZONE);
                continue;
            }
            if (t.isBefore(opens)) t = opens;
            Duration today = Duration.between(t, closes);
            if (left.compareTo(today) <= 0) return t.plus(left).toInstant();
            left = left.minus(today);
            t = d.plusDays(1).atStartOfDay(WorkingDays.ZONE);
        }
        throw new IllegalStateException("no working time within a year of " + from);
    }
}
