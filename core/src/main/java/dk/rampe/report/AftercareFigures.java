package dk.rampe.report;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The aftercare section's figures (issue 10 records jobs and aftercare). Empty means "not
 * recorded yet": the report shows the section (and the targets that need it) as pending. An
 * implementation answers from dated history as it stood at {@code asOf} (the month's end).
 */
public interface AftercareFigures {

    Optional<Aftercare> month(String programmeId, ReportPeriod period, Instant asOf);

    /** Per jobcentre id; the report adds them up for the programme. */
    record Aftercare(Map<String, PerJobcentre> byJobcentre) {
        public Aftercare {
            byJobcentre = Map.copyOf(byJobcentre);
        }
    }

    /**
     * Follow-ups due in the month and how they went; of the jobs that started 3 (6) months before the
     * month, how many are still held; of those who left 6 months before, how many are employed or in
     * education; participants whose job reached 90 days in the month (IPS); jobs with no aftercare outcome
     * recorded (a data gap). The {@code ...ToDate} counts are since the start, up to the month's end: jobs
     * whose six months are over and those held for them, participants who left six months or more before
     * and those employed or in education six months after, participants who kept a job for 90 days.
     */
    record PerJobcentre(long followUpsDue, long doneOnTime, long doneLate, long overdue,
                        long jobStarts3MonthsAgo, long stillEmployedAt3Months,
                        long jobStarts6MonthsAgo, long stillEmployedAt6Months,
                        long exits6MonthsAgo, long employedOrEducation6MonthsAfterExit,
                        long keptJob90Days, long jobsWithoutAftercareOutcome,
                        long jobStarts6MonthsPassedToDate, long keptJob6MonthsToDate,
                        long exits6MonthsPassedToDate, long employedOrEducation6MonthsAfterExitToDate,
                        long keptJob90DaysToDate) {

        public static final PerJobcentre NONE = new PerJobcentre(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static AftercareFigures notRecordedYet() {
        return (programmeId, period, asOf) -> Optional.empty();
    }
}
