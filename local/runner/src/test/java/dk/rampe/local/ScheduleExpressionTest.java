package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    @Test
    void rateFiresEveryPeriod() {
        Instant t = Instant.parse("2026-11-23T09:00:30Z");
        assertEquals(t.plusSeconds(300), ScheduleExpression.parse("rate(5 minutes)", CPH).next(t));
        assertEquals(t.plusSeconds(3600), ScheduleExpression.parse("rate(1 hour)", CPH).next(t));
    }

    @Test
    void monthlyReportAtSevenOnTheFirstInCopenhagenTime() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 7 1 * ? *)", CPH);
        // winter: 07:00 CET is 06:00 UTC
        assertEquals(Instant.parse("2026-12-01T06:00:00Z"), e.next(Instant.parse("2026-11-23T09:00:00Z")));
        // summer: 07:00 CEST is 05:00 UTC
        assertEquals(Instant.parse("2027-04-01T05:00:00Z"), e.next(Instant.parse("2027-03-01T06:00:00Z")));
    }

    @Test
    void weekdaysEveryFifteenMinutesInWorkingHours() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0/15 7-15 ? * MON-FRI *)", CPH);
        // Friday 2026-11-27 15:50 local -> Monday 07:00 local
        assertEquals(Instant.parse("2026-11-30T06:00:00Z"), e.next(Instant.parse("2026-11-27T14:50:00Z")));
        assertEquals(Instant.parse("2026-11-27T08:15:00Z"), e.next(Instant.parse("2026-11-27T08:00:00Z")));
    }

    @Test
    void refusesWhatItCannotReadRight() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 7 L * ? *)", CPH));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(0 minutes)", CPH));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every day", CPH));
    }
}
