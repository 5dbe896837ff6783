package dk.rampe.report;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What the reports of earlier months published of every total since the start, so that a reader who
 * subtracts two published totals (this month's minus an earlier month's) learns no hidden monthly
 * count. Between two published values of a total, its growth is the sum of the monthly counts of the
 * months between: the hidden ones among them ("<5", "x") add up to what the reader can work out. A
 * total is published only where that sum covers no hidden count (nothing to tell), or two or more whose
 * sum does not pin any of them by their bounds (each "<5" is 1 to 4, each "x" at least 1: a sum of k
 * hidden counts pins them only when it is k, or 4k when all are "<5"). Otherwise the total is hidden
 * ("x") this month and the month's hidden counts carry over to the next: the total is published again
 * once its growth covers enough. Where a total has no monthly cells in the report (jobs by kind), its
 * growth in a month is itself the hidden count when it is 1 to 4.
 */
final class Disclosure {

    /** A total since the start, and the monthly cells (same scope) whose sum is its growth in a month; null: none. */
    record Cumulative(String section, String key, BiPredicate<String, String> monthly) {
    }

    /** A hidden monthly count as a reader bounds it: "<5" is 1 to 4, "x" at least 1, an unshown growth of 5 or more at least 5. */
    private record Unknown(long value, long low, long high, boolean protectedCount) {
    }

    /** The hidden monthly counts since the last published value of a total, and the total's last value. */
    private record Segment(List<Unknown> unknowns, long previous) {
        static final Segment START = new Segment(List.of(), 0);

        /**
         * Publishing the total tells the reader the sum of the unknowns: fine where no protected count is
         * among them, or where none is pinned to one value by the sum and the others' bounds.
         */
        boolean publishable() {
            if (unknowns.stream().noneMatch(Unknown::protectedCount)) return true;
            if (unknowns.size() < 2) return false;
            long sum = 0;
            long lows = 0;
            long highs = 0;
            for (Unknown u : unknowns) {
                sum += u.value;
                lows += u.low;
                highs = highs == Long.MAX_VALUE || u.high == Long.MAX_VALUE ? Long.MAX_VALUE : highs + u.high;
            }
            for (Unknown u : unknowns) {
                if (!u.protectedCount) continue;
                long othersHigh = highs == Long.MAX_VALUE ? Long.MAX_VALUE : highs - u.high;
                long low = othersHigh == Long.MAX_VALUE ? u.low : Math.max(u.low, sum - othersHigh);
                long high = Math.min(u.high, sum - (lows - u.low));
                if (low >= high) return false;
            }
            return true;
        }
    }

    private final List<Cumulative> cumulatives;
    private final Map<String, Segment> segments = new HashMap<>();
    private final Map<YearMonth, Map<String, String>> shown = new HashMap<>();

    Disclosure(List<Cumulative> cumulatives) {
        this.cumulatives = List.copyOf(cumulatives);
    }

    /**
     * The cells this month's report must hide so that no total gives a hidden month away: where a total's
     * segment would pin a hidden count, one more of this month's monthly cells of it (the smallest shown
     * non-zero one) is hidden, so the total can still be published (it is what a steering group reads);
     * where the month has none, the total itself.
     */
    Set<String> mustHide(Map<String, Long> counts, Map<String, String> shownNow) {
        Set<String> out = new HashSet<>();
        for (String id : counts.keySet()) {
            Cumulative c = cumulativeOf(id);
            if (c == null || !Long.toString(counts.get(id)).equals(shownNow.get(id))) continue;
            if (next(c, id, counts, shownNow).publishable()) continue;
            String monthly = c.monthly() == null ? null : monthlyCells(c, id, counts).stream()
                    .filter(m -> counts.get(m) > 0 && Long.toString(counts.get(m)).equals(shownNow.get(m)))
                    .min(java.util.Comparator.comparingLong((String m) -> counts.get(m)).thenComparing(m -> m))
                    .orElse(null);
            out.add(monthly != null ? monthly : id);
        }
        return out;
    }

    /**
     * The totals a reader works out whatever this month shows of them: every month since the last published
     * value showed its counts (hiding such a total protects nothing).
     */
    Set<String> derivable(Map<String, Long> counts, Map<String, String> shownNow) {
        Set<String> out = new HashSet<>();
        for (String id : counts.keySet()) {
            Cumulative c = cumulativeOf(id);
            if (c != null && c.monthly() != null && next(c, id, counts, shownNow).unknowns().isEmpty()) out.add(id);
        }
        return out;
    }

    /** Records what a month's report showed: the next month's segments start from it. */
    void record(YearMonth month, Map<String, Long> counts, Map<String, String> shownFinal) {
        Map<String, String> m = new HashMap<>();
        for (String id : counts.keySet()) {
            Cumulative c = cumulativeOf(id);
            if (c == null) continue;
            long v = counts.get(id);
            String text = shownFinal.get(id);
            m.put(id, text);
            Segment s = next(c, id, counts, shownFinal);
            segments.put(id, Long.toString(v).equals(text) ? new Segment(List.of(), v) : new Segment(s.unknowns, v));
        }
        shown.put(month, m);
    }

    /** How an earlier month's report showed a total (null if that month or total was not made). */
    String shownAt(YearMonth month, String id) {
        return shown.getOrDefault(month, Map.of()).get(id);
    }

    private List<String> monthlyCells(Cumulative c, String id, Map<String, Long> counts) {
        String scope = scopeOf(id);
        return counts.keySet().stream()
                .filter(cell -> scopeOf(cell).equals(scope) && c.monthly().test(sectionOf(cell), keyOf(cell))).toList();
    }

    private Segment next(Cumulative c, String id, Map<String, Long> counts, Map<String, String> shownNow) {
        Segment s = segments.getOrDefault(id, Segment.START);
        List<Unknown> unknowns = new java.util.ArrayList<>(s.unknowns);
        if (c.monthly() == null) {
            long growth = counts.get(id) - s.previous;
            if (growth > 0 && growth < 5) unknowns.add(new Unknown(growth, 1, 4, true));
            else if (growth >= 5) unknowns.add(new Unknown(growth, 5, Long.MAX_VALUE, false));
        } else {
            for (String cell : monthlyCells(c, id, counts)) {
                long v = counts.get(cell);
                String text = shownNow.get(cell);
                if (v == 0 || Long.toString(v).equals(text)) continue;
                unknowns.add(Figure.SUPPRESSED.equals(text) ? new Unknown(v, 1, 4, true)
                        : new Unknown(v, 1, Long.MAX_VALUE, true));
            }
        }
        return new Segment(unknowns, s.previous);
    }

    private Cumulative cumulativeOf(String id) {
        String section = sectionOf(id);
        String key = keyOf(id);
        for (Cumulative c : cumulatives) {
            if (c.section().equals(section) && c.key().equals(key)) return c;
        }
        return null;
    }

    static String sectionOf(String id) {
        return id.substring(0, id.indexOf('/'));
    }

    static String keyOf(String id) {
        return id.substring(id.indexOf('/') + 1, id.lastIndexOf('@'));
    }

    static String scopeOf(String id) {
        return id.substring(id.lastIndexOf('@') + 1);
    }
}
