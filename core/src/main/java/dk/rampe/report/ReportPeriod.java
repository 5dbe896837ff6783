package dk.rampe.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** A calendar month in the programme's time zone: [start, end) as instants (summer time included). */
public record ReportPeriod(YearMonth month, ZoneId zone) {
    public Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the month (exclusive end). */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start()) && t.isBefore(end());
    }

    /** The month a report made at {@code now} covers by default: the month just ended. */
    public static ReportPeriod monthBefore(Instant now, ZoneId zone) {
        return new ReportPeriod(YearMonth.from(now.atZone(zone)).minusMonths(1), zone);
    }
}
