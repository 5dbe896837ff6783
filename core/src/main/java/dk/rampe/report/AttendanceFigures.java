package dk.rampe.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * The attendance section's figures (issue 9 records attendance and absence). Empty means "not
 * recorded yet": the report shows the section as pending. An implementation answers from dated
 * history as it stood at {@code asOf} (the month's end), never from what was recorded later.
 */
public interface AttendanceFigures {

    Optional<Attendance> month(String programmeId, ReportPeriod period, Instant asOf);

    /** Per jobcentre id; the report adds them up for the programme. */
    record Attendance(Map<String, PerJobcentre> byJobcentre, Map<YearMonth, Double> absenceRateLast12Months) {
        public Attendance {
            byJobcentre = Map.copyOf(byJobcentre);
            absenceRateLast12Months = Map.copyOf(absenceRateLast12Months);
        }
    }

    /**
     * Hours planned and attended in the month; absences detected; time from the attendance cutoff to
     * the nudge and to the follow-up being closed (median and 90th percentile, null without any);
     * follow-ups closed the same day; escalations to the caseworker; participants with stable
     * attendance over the last four weeks; enrolled participants with no attendance plan (a data gap).
     */
    record PerJobcentre(double plannedHours, double attendedHours, long absencesDetected,
                        Duration medianToNudge, Duration p90ToNudge, Duration medianToClosed, Duration p90ToClosed,
                        long closedSameDay, long escalations, long stableLast4Weeks, long enrolledWithoutPlan) {
    }

    /** The stand-in until attendance is recorded: every month is "not recorded yet". */
    static AttendanceFigures notRecordedYet() {
        return (programmeId, period, asOf) -> Optional.empty();
    }
}
