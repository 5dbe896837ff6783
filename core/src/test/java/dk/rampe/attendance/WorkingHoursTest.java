package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rampe.schedule.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {
    /** Weekends and Easter Monday 2026 (6 April) off. */
    private final WorkingDays days = (p, d) -> !WorkingDays.isWeekend(d) && !d.equals(LocalDate.of(2026, 4, 6));
    private static final Duration TWO = Duration.ofHours(2);

    private Instant plus(String from) {
        return WorkingHours.plus(days, "p1", Instant.parse(from), TWO);
    }

    @Test
    void twoWorkingHoursStayInTheDayMoveOverNightsWeekendsAndHolidays() {
        // Monday 23 November 2026, 09:30 Copenhagen (UTC+1) → 11:30
        assertEquals(Instant.parse("2026-11-23T10:30:00Z"), plus("2026-11-23T08:30:00Z"));
        // 15:30 → 16:00 and 1.5 h on Tuesday from 08:00 → 09:30
        assertEquals(Instant.parse("2026-11-24T08:30:00Z"), plus("2026-11-23T14:30:00Z"));
        // Friday 15:00 → 1 h, then Monday 09:00
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), plus("2026-11-27T14:00:00Z"));
        // before opening counts from 08:00
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), plus("2026-11-23T05:00:00Z"));
        // Thursday 2 April 2026 15:30 (summer time, UTC+2) → Friday 3 April 09:30 (no Good Friday here: the
        // calendar given says only Easter Monday), and Friday 3 April 15:30 → Tuesday 7 April 09:30
        assertEquals(Instant.parse("2026-04-03T07:30:00Z"), plus("2026-04-02T13:30:00Z"));
        assertEquals(Instant.parse("2026-04-07T07:30:00Z"), plus("2026-04-03T13:30:00Z"));
        // the October change: Friday 23 October 15:30 (UTC+2) → Monday 26 October 09:30 (UTC+1)
        assertEquals(Instant.parse("2026-10-26T08:30:00Z"), plus("2026-10-23T13:30:00Z"));
        assertEquals(Instant.parse("2026-11-23T08:30:00Z"),
                WorkingHours.plus(days, "p1", Instant.parse("2026-11-23T08:30:00Z"), Duration.ZERO));
    }
}
