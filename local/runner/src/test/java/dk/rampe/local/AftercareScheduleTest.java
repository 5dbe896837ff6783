package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aftercare sweep catches up a missed run the same morning, as today's list does: the template's schedule
 * fires every 15 minutes from 08:00 to 16:45 Copenhagen time, every day (the sweep's watermark makes the later
 * runs one read each), so a reminder due Tuesday 08:00 whose run failed goes out at 08:15, not on Thursday.
 */
class AftercareScheduleTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    private static LocalScheduler.Schedule aftercare() {
        SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));
        return LocalScheduler.fromTemplate(template).stream()
                .filter(s -> s.functionId().equals("AftercareSweepFunction")).findFirst().orElseThrow();
    }

    private static Instant at(LocalDate d, int h, int m) {
        return ZonedDateTime.of(d, LocalTime.of(h, m), CPH).toInstant();
    }

    @Test
    void aFailedEightOClockRunIsFollowedByAnotherTheSameMorningAllDayEveryDay() {
        ScheduleExpression e = aftercare().expression();
        LocalDate tuesday = LocalDate.of(2027, 3, 2);
        assertEquals(at(tuesday, 8, 0), e.next(at(tuesday, 7, 59)));
        assertEquals(at(tuesday, 8, 15), e.next(at(tuesday, 8, 0)), "the next run, 15 minutes after a failed one");
        List<Instant> day = new ArrayList<>();
        for (Instant t = e.next(at(tuesday, 7, 59)); t.isBefore(at(tuesday, 23, 0)); t = e.next(t)) day.add(t);
        assertEquals(36, day.size(), "08:00 to 16:45 every 15 minutes: " + day);
        assertEquals(at(tuesday, 16, 45), day.get(day.size() - 1));
        assertEquals(at(tuesday.plusDays(1), 8, 0), e.next(at(tuesday, 16, 45)));
        // weekends too (a reminder moved to now by a late record is not left until Monday); summer time keeps 08:00
        assertEquals(at(LocalDate.of(2027, 3, 6), 8, 0), e.next(at(LocalDate.of(2027, 3, 5), 16, 50)));
        assertEquals(at(LocalDate.of(2027, 3, 29), 8, 0), e.next(at(LocalDate.of(2027, 3, 28), 17, 0)));
    }
}
