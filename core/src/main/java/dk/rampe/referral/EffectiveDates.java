package dk.rampe.referral;

import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The date a step happened, as given with it ({@code receivedAt}, {@code decidedOn}, {@code startedOn},
 * {@code exitedOn}; today when not given), and where a step dated in the past is put in time: at noon
 * Copenhagen time on its day (so its instant falls on the same calendar day in UTC and in Copenhagen, and
 * inside the report's month of that day). A step dated today takes effect now, exactly as before.
 */
public final class EffectiveDates {
    /** The time of day a step dated in the past is placed at. */
    public static final LocalTime PAST_STEP_TIME = LocalTime.NOON;

    private EffectiveDates() {
    }

    /** The instant a step dated {@code on} (null: today) takes effect, recorded at {@code now}. */
    public static Instant at(LocalDate on, Instant now, ZoneId zone) {
        if (on == null || !on.isBefore(LocalDate.ofInstant(now, zone))) return now;
        return on.atTime(PAST_STEP_TIME).atZone(zone).toInstant();
    }

    /**
     * Refuses a date outside {@code earliest}..{@code latest} (inclusive) with a 400 naming the field and the
     * rule {@code date.range} with both bounds; null (today) is checked as today.
     */
    public static void check(String field, LocalDate on, LocalDate earliest, LocalDate latest) {
        if (on == null) return;
        if (on.isBefore(earliest) || on.isAfter(latest)) {
            throw new ValidationException(new FieldError(field, "date.range", earliest, latest));
        }
    }

    /**
     * A step after the referral's latest: not before the day the latest step took effect, not after today.
     */
    public static void checkNext(String field, LocalDate on, Referral r, LocalDate today, ZoneId zone) {
        StatusChange last = r.history().isEmpty() ? null : r.history().get(r.history().size() - 1);
        LocalDate earliest = last == null ? r.createdAt().atZone(zone).toLocalDate() : last.at().atZone(zone).toLocalDate();
        check(field, on, earliest, today);
    }
}
