package dk.rampe.followup;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS between 20:00 and 07:00 local time (Europe/Copenhagen): a message decided in the
 * evening or at night waits until 07:00. Computed on the local calendar, so it is right on the
 * days summer time starts and ends. Email is not held back.
 */
public final class QuietHours {
    public static final LocalTime START = LocalTime.of(20, 0);
    public static final LocalTime END = LocalTime.of(7, 0);

    private final ZoneId zone;

    public QuietHours(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isQuiet(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return !t.isBefore(START) || t.isBefore(END);
    }

    /** The earliest moment at or after {@code at} when an SMS may go out. */
    public Instant earliestSms(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        if (!t.isBefore(START)) return ZonedDateTime.of(local.toLocalDate().plusDays(1), END, zone).toInstant();
        if (t.isBefore(END)) return ZonedDateTime.of(local.toLocalDate(), END, zone).toInstant();
        return at;
    }

    public Instant earliest(MessageChannel channel, Instant at) {
        return channel == MessageChannel.SMS ? earliestSms(at) : at;
    }
}
