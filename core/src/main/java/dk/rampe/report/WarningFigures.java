package dk.rampe.report;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The early warning's figures (the consultant's {@code attention_due} follow-ups). Empty means "not recorded
 * yet": the report shows the section as pending. An implementation answers from dated history as it stood
 * at {@code asOf} (the month's end).
 */
public interface WarningFigures {

    Optional<Warnings> month(String programmeId, ReportPeriod period, Instant asOf);

    /** Per jobcentre id; the report adds them up for the programme. */
    record Warnings(Map<String, PerJobcentre> byJobcentre) {
        public Warnings {
            byJobcentre = Map.copyOf(byJobcentre);
        }
    }

    /**
     * Warnings raised in the month (follow-ups created) and of those, acted on within two working days of the
     * warning (closed by the end of the second working day after it, before {@code asOf}); participants warned
     * in the month before and of those, how many were still active (not exited) a month after their first
     * warning that month (the dates a month after fall in the report's month).
     */
    record PerJobcentre(long raised, long actedOnWithin2WorkingDays, long warnedMonthBefore, long activeAMonthAfter) {
        public static final PerJobcentre NONE = new PerJobcentre(0, 0, 0, 0);
    }

    static WarningFigures notRecordedYet() {
        return (programmeId, period, asOf) -> Optional.empty();
    }
}
