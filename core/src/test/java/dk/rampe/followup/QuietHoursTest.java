package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private final QuietHours quiet = new QuietHours(ZoneId.of("Europe/Copenhagen"));

    @Test
    void daytimeSmsGoesAtOnce() {
        Instant noonWinter = Instant.parse("2026-11-23T11:00:00Z"); // 12:00 CET
        assertEquals(noonWinter, quiet.earliestSms(noonWinter));
        assertFalse(quiet.isQuiet(noonWinter));
        Instant justBefore20 = Instant.parse("2026-11-23T18:59:59Z"); // 19:59:59 CET
        assertEquals(justBefore20, quiet.earliestSms(justBefore20));
    }

    @Test
    void eveningSmsWaitsForSevenNextMorning() {
        Instant at20 = Instant.parse("2026-11-23T19:00:00Z"); // 20:00 CET
        assertTrue(quiet.isQuiet(at20));
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), quiet.earliestSms(at20)); // 07:00 CET
    }

    @Test
    void nightSmsWaitsForSevenSameMorning() {
        Instant at3 = Instant.parse("2026-11-24T02:00:00Z"); // 03:00 CET
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), quiet.earliestSms(at3));
        Instant at7 = Instant.parse("2026-11-24T06:00:00Z");
        assertEquals(at7, quiet.earliestSms(at7));
    }

    @Test
    void summerTimeStartsTheNightBefore() {
        // Sat 28 March 2026 21:00 CET; summer time starts Sun 29 March 02:00 → 03:00. 07:00 CEST is 05:00 UTC.
        Instant evening = Instant.parse("2026-03-28T20:00:00Z");
        assertEquals(Instant.parse("2026-03-29T05:00:00Z"), quiet.earliestSms(evening));
    }

    @Test
    void summerTimeEndsTheNightBefore() {
        // Sat 24 October 2026 22:30 CEST; summer time ends Sun 25 Oct 03:00 → 02:00. 07:00 CET is 06:00 UTC.
        Instant evening = Instant.parse("2026-10-24T20:30:00Z");
        assertEquals(Instant.parse("2026-10-25T06:00:00Z"), quiet.earliestSms(evening));
        // In summer, 19:30 local (17:30 UTC) is not quiet; 20:00 local (18:00 UTC) is.
        assertFalse(quiet.isQuiet(Instant.parse("2026-07-01T17:30:00Z")));
        assertTrue(quiet.isQuiet(Instant.parse("2026-07-01T18:00:00Z")));
    }

    @Test
    void emailIsNeverHeldBack() {
        Instant at23 = Instant.parse("2026-11-23T22:00:00Z");
        assertEquals(at23, quiet.earliest(MessageChannel.EMAIL, at23));
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), quiet.earliest(MessageChannel.SMS, at23));
    }
}
