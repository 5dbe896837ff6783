package dk.rampe.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attendance section's figures (attendance is recorded with its absences). Empty means "not
 * recorded yet": the report shows the section as pending. An implementation answers from dated
 * history as it stood at {@code asOf} (the month's end), never from what was recorded later.
 */
public interface AttendanceFigures {

    Optional<Attendance> month(String programmeId, ReportPeriod period, Instant asOf);

    /**
     * Per jobcentre id (the report adds them up for the programme), and the programme's hours of each of
     * the last twelve months (the report month included) with the number of participants behind them.
     */
    record Attendance(Map<String, PerJobcentre> byJobcentre, Map<YearMonth, MonthHours> last12Months) {
        public Attendance {
            byJobcentre = Map.copyOf(byJobcentre);
            last12Months = Map.copyOf(last12Months);
        }
    }

    /** A month's planned and attended hours of the programme, and how many participants had planned sessions. */
    record MonthHours(double planned, double attended, long participants) {
    }

    /**
     * Hours planned and attended in the month and the participants with planned sessions in it; absences
     * detected, with each one's time from the attendance cutoff to the nudge and (if closed) to the
     * follow-up being closed (the report takes medians and 90th percentiles); follow-ups closed the same
     * day; escalations to the caseworker; participants with sessions in the month's last four weeks and
     * those of them with stable attendance; enrolled participants with no attendance plan (a data gap);
     * registrations dated in the month but recorded after its end (corrections, not in the figures).
     */
    record PerJobcentre(double plannedHours, double attendedHours, long participantsPlanned, long absencesDetected,
                        List<Duration> toNudge, List<Duration> toClosed, long closedSameDay, long escalations,
                        long participantsLast4Weeks, long stableLast4Weeks, long enrolledWithoutPlan,
                        long registrationsRecordedAfterMonthEnd) {
        public PerJobcentre {
            toNudge = List.copyOf(toNudge);
            toClosed = List.copyOf(toClosed);
        }

        public static final PerJobcentre NONE = new PerJobcentre(0, 0, 0, 0, List.of(), List.of(), 0, 0, 0, 0, 0, 0);
    }

    /** The stand-in until attendance is recorded: every month is "not recorded yet". */
    static AttendanceFigures notRecordedYet() {
        return (programmeId, period, asOf) -> Optional.empty();
    }
}
