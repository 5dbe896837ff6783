package dk.rampe.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A programme's de-identified monthly facts: every number a month's report computed, before suppression,
 * kept when the report of an ended month is first made, and kept for good (no retention: they name no
 * person). A report made again later takes its month's figures from them, and the totals since the start,
 * the trends and the earlier months' figures behind the suppression from the months kept, so neither
 * changes when the participants' data is deleted after the retention.
 * <p>
 * A month's facts are counts and amounts by figure id ({@code section/key@scope}: jobcentre, phase,
 * outcome, job kind), never an id of a person, a date of birth or a CPR number.
 */
public interface MonthlyFacts {

    /** Every month kept for {@code programmeId}, in month order. */
    NavigableMap<YearMonth, Month> months(String programmeId);

    /** Keeps {@code month} unless that month is kept already (the first stays); true when this one was kept. */
    boolean keepFirst(String programmeId, Month month);

    /**
     * One month's facts: the report's scopes (the programme and its jobcentres) in their order, and each
     * number the report's rules computed for the month by figure id (NaN where a figure had no value).
     */
    record Month(YearMonth month, List<String> scopes, Map<String, Double> values) {
        public Month {
            scopes = List.copyOf(scopes);
            values = Map.copyOf(values);
        }
    }

    /** No facts kept: every report is computed from the data alone. */
    MonthlyFacts NONE = new MonthlyFacts() {
        @Override
        public NavigableMap<YearMonth, Month> months(String programmeId) {
            return new TreeMap<>();
        }

        @Override
        public boolean keepFirst(String programmeId, Month month) {
            return false;
        }
    };
}
