package dk.rampe.report;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The aftercare section's figures (the path records jobs and aftercare). Empty means "not
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
     * month, how many were checked and still held ({@code stillEmployedAt…}) and how many were known lost
     * ({@code lostAt…}: a job end recorded before the date, or the check's answer "no longer employed"), the
     * rest not checked; of those who left 6 months before, how many were checked employed or in education
     * and checked not; participants whose job reached 90 days in the month (IPS); jobs past their 3 months
     * with no aftercare outcome recorded (a data gap). The {@code ...ToDate} counts are since the start, up
     * to the month's end: jobs whose six months are over and those checked held and known lost, participants
     * who left six months or more before and those checked employed or in education and checked not,
     * participants who kept a job for 90 days. A share is computed over the checked only.
     */
    record PerJobcentre(long followUpsDue, long doneOnTime, long doneLate, long overdue,
                        long jobStarts3MonthsAgo, long stillEmployedAt3Months,
                        long jobStarts6MonthsAgo, long stillEmployedAt6Months,
                        long exits6MonthsAgo, long employedOrEducation6MonthsAfterExit,
                        long keptJob90Days, long jobsWithoutAftercareOutcome,
                        long jobStarts6MonthsPassedToDate, long keptJob6MonthsToDate,
                        long exits6MonthsPassedToDate, long employedOrEducation6MonthsAfterExitToDate,
                        long keptJob90DaysToDate,
                        long lostAt3Months, long lostAt6Months, long notEmployed6MonthsAfterExit,
                        long lostJob6MonthsToDate, long notEmployed6MonthsAfterExitToDate) {

        public static final PerJobcentre NONE = new PerJobcentre(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Nothing known lost: every job or exit not checked held is not checked. */
        public PerJobcentre(long followUpsDue, long doneOnTime, long doneLate, long overdue,
                            long jobStarts3MonthsAgo, long stillEmployedAt3Months,
                            long jobStarts6MonthsAgo, long stillEmployedAt6Months,
                            long exits6MonthsAgo, long employedOrEducation6MonthsAfterExit,
                            long keptJob90Days, long jobsWithoutAftercareOutcome,
                            long jobStarts6MonthsPassedToDate, long keptJob6MonthsToDate,
                            long exits6MonthsPassedToDate, long employedOrEducation6MonthsAfterExitToDate,
                            long keptJob90DaysToDate) {
            this(followUpsDue, doneOnTime, doneLate, overdue, jobStarts3MonthsAgo, stillEmployedAt3Months,
                    jobStarts6MonthsAgo, stillEmployedAt6Months, exits6MonthsAgo, employedOrEducation6MonthsAfterExit,
                    keptJob90Days, jobsWithoutAftercareOutcome, jobStarts6MonthsPassedToDate, keptJob6MonthsToDate,
                    exits6MonthsPassedToDate, employedOrEducation6MonthsAfterExitToDate, keptJob90DaysToDate,
                    0, 0, 0, 0, 0);
        }
    }

    static AftercareFigures notRecordedYet() {
        return (programmeId, period, asOf) -> Optional.empty();
    }
}
