package dk.rampe.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a reader works out from published numbers and the linear relations between them: the hidden cells
 * whose value the relations determine (exact elimination over the rationals, per connected group of hidden
 * cells), or narrow to one value together with what the reader knows of each hidden cell ("x" is 0 or more, a
 * total shown as last published grew by 0 to 4 since, an unpublished growth is 0 or more), by bound propagation
 * over the relations and their reduced forms, repeated until nothing narrows. Shared by the report
 * maker (an audit before a report goes out) and the attacker test.
 */
final class Inference {
    private Inference() {
    }


    /** The cells with their coefficients add up to 0 (in the cells' order: the solver's result never depends on a hash). */
    record Relation(Map<String, Long> terms) {
        Relation {
            terms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(terms));
        }
    }

    /** What the reader knows of a hidden cell: low to high, inclusive; {@link #NONE} above: no upper bound. */
    record Range(long low, long high) {
        static final long NONE = Long.MAX_VALUE;
        static final Range SMALL = new Range(1, 4);
        static final Range HIDDEN = new Range(5, NONE);
        static final Range GROWTH = new Range(0, NONE);
    }

    /**
     * The unknown cells the reader pins to one value, with that value. A relation naming a cell that is neither
     * known nor unknown is not one the reader can use. Only the connected groups of unknowns that some
     * relation accepted by {@code focus} touches are solved (the others were solved before).
     */
    static Map<String, Long> pinned(Collection<Relation> relations, Map<String, Long> known, Map<String, Range> unknown,
                                    Predicate<Relation> focus) {
        return pinned(relations, known, unknown, focus, null);
    }

    /**
     * The same, with {@code solved}: each group's answer by its rows and ranges, filled as groups are solved and read
     * before solving one (the rounds of one month's audit change a few cells: the groups they do not touch are
     * solved once).
     */
    static Map<String, Long> pinned(Collection<Relation> relations, Map<String, Long> known, Map<String, Range> unknown,
                                    Predicate<Relation> focus, Map<String, Map<String, Long>> solved) {
        return pinned(relations, known, unknown, focus, solved, false);
    }

    /**
     * Only the cells the rows of the groups in focus give at once ({@link #atOnce}): some of what {@link #pinned}
     * finds, at a fraction of its cost.
     */
    static Map<String, Long> pinnedAtOnce(Collection<Relation> relations, Map<String, Long> known, Map<String, Range> unknown,
                                          Predicate<Relation> focus) {
        return pinned(relations, known, unknown, focus, null, true);
    }

    private static Map<String, Long> pinned(Collection<Relation> relations, Map<String, Long> known, Map<String, Range> unknown,
                                            Predicate<Relation> focus, Map<String, Map<String, Long>> solved,
                                            boolean atOnceOnly) {
        List<Row> rows = new ArrayList<>();
        List<Boolean> focused = new ArrayList<>();
        for (Relation r : relations) {
            Map<String, Q> row = new LinkedHashMap<>();
            Q c = Q.ZERO;
            boolean usable = true;
            for (Map.Entry<String, Long> e : r.terms().entrySet()) {
                if (e.getValue() == 0) continue;
                if (unknown.containsKey(e.getKey())) row.merge(e.getKey(), Q.of(e.getValue()), Q::plus);
                else if (known.containsKey(e.getKey())) c = c.minus(Q.of(e.getValue() * known.get(e.getKey())));
                else usable = false;
            }
            row.values().removeIf(Q::isZero);
            if (!usable || row.isEmpty()) continue;
            rows.add(new Row(row, c));
            focused.add(focus.test(r));
        }
        Map<String, String> parent = unite(rows);
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String g = root(parent, rows.get(i).terms.keySet().iterator().next());
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(rows.get(i));
            if (focused.get(i)) wanted.add(g);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String g : wanted) {
            List<Row> group = groups.get(g);
            if (atOnceOnly) {
                try {
                    out.putAll(atOnce(group, unknown, new ArrayList<>()));
                } catch (ArithmeticException overflow) {
                    // left to the audits
                }
                continue;
            }
            String key = solved == null ? null : signature(group, unknown);
            Map<String, Long> found = key == null ? null : solved.get(key);
            if (found == null) {
                found = solve(group, unknown);
                if (key != null) solved.put(key, found);
            }
            out.putAll(found);
        }
        return out;
    }

    /**
     * A group's pinned cells: first those its rows give at once ({@link #atOnce}), then what is left, which falls
     * apart into smaller groups, solved exactly.
     */
    private static Map<String, Long> solve(List<Row> group, Map<String, Range> unknown) {
        List<Row> left = new ArrayList<>();
        Map<String, Long> out;
        try {
            out = atOnce(group, unknown, left);
        } catch (ArithmeticException overflow) {
            out = new LinkedHashMap<>();
            left = group;
        }
        Map<String, String> parent = unite(left);
        Map<String, List<Row>> parts = new LinkedHashMap<>();
        for (Row row : left) parts.computeIfAbsent(root(parent, row.terms.keySet().iterator().next()), k -> new ArrayList<>()).add(row);
        for (List<Row> part : parts.values()) {
            try {
                out.putAll(solveGroupExact(part, unknown));
            } catch (ArithmeticException overflow) {
                out.putAll(solveGroup(part, unknown));
            }
        }
        return out;
    }

    /**
     * The cells the rows give at once, each a step the solver below makes too: a row with one cell left, and a row
     * whose cells (coefficients of one sign) can only sit at the same end of their ranges (counts of 0 or more that
     * add up to 0; totals of 0 to 4 that add up to their lows). Each cell found is a number in the other rows, and
     * those are read again. The rows with cells still open go to {@code left}, the cells found put in.
     */
    private static Map<String, Long> atOnce(List<Row> rows, Map<String, Range> unknown, List<Row> left) {
        int m = rows.size();
        List<String[]> cells = new ArrayList<>();
        List<long[]> ks = new ArrayList<>();
        long[] cs = new long[m];
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (int i = 0; i < m; i++) {
            Row r = rows.get(i);
            String[] names = r.terms.keySet().toArray(new String[0]);
            long[] k = new long[names.length];
            for (int t = 0; t < names.length; t++) {
                Q q = r.terms.get(names[t]);
                if (!q.den.equals(BigInteger.ONE)) throw new ArithmeticException("a fraction");
                k[t] = q.num.longValueExact();
                rowsOf.computeIfAbsent(names[t], x -> new ArrayList<>()).add(i);
            }
            if (!r.c.den.equals(BigInteger.ONE)) throw new ArithmeticException("a fraction");
            cells.add(names);
            ks.add(k);
            cs[i] = r.c.num.longValueExact();
        }
        Map<String, Long> at = new LinkedHashMap<>();
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        boolean[] queued = new boolean[m];
        for (int i = 0; i < m; i++) {
            work.add(i);
            queued[i] = true;
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            queued[i] = false;
            String[] names = cells.get(i);
            long[] k = ks.get(i);
            long c = cs[i];
            List<Integer> open = new ArrayList<>();
            for (int t = 0; t < names.length; t++) {
                Long v = at.get(names[t]);
                if (v == null) open.add(t);
                else c = Math.subtractExact(c, Math.multiplyExact(k[t], v));
            }
            if (open.isEmpty()) continue;
            Map<String, Long> found = new LinkedHashMap<>();
            if (open.size() == 1) {
                int t = open.get(0);
                if (c % k[t] == 0) found.put(names[t], c / k[t]);
            } else {
                long sign = k[open.get(0)] > 0 ? 1 : -1;
                boolean oneSign = true;
                long atLow = 0;
                long atHigh = 0;
                boolean highKnown = true;
                for (int t : open) {
                    if (Long.signum(k[t]) != sign) oneSign = false;
                    Range r = unknown.get(names[t]);
                    atLow = Math.addExact(atLow, Math.multiplyExact(Math.abs(k[t]), r.low()));
                    if (r.high() == Range.NONE) highKnown = false;
                    else atHigh = Math.addExact(atHigh, Math.multiplyExact(Math.abs(k[t]), r.high()));
                }
                long c1 = Math.multiplyExact(sign, c);
                if (oneSign && c1 == atLow) {
                    for (int t : open) found.put(names[t], unknown.get(names[t]).low());
                } else if (oneSign && highKnown && c1 == atHigh) {
                    for (int t : open) found.put(names[t], unknown.get(names[t]).high());
                }
            }
            found.forEach((cell, v) -> {
                Range r = unknown.get(cell);
                if (v < r.low() || (r.high() != Range.NONE && v > r.high())) return; // not the reader's system: left whole
                at.put(cell, v);
                for (int other : rowsOf.get(cell)) {
                    if (!queued[other]) {
                        queued[other] = true;
                        work.add(other);
                    }
                }
            });
        }
        for (int i = 0; i < m; i++) {
            String[] names = cells.get(i);
            long[] k = ks.get(i);
            long c = cs[i];
            Map<String, Q> terms = new LinkedHashMap<>();
            for (int t = 0; t < names.length; t++) {
                Long v = at.get(names[t]);
                if (v == null) terms.put(names[t], Q.of(k[t]));
                else c = Math.subtractExact(c, Math.multiplyExact(k[t], v));
            }
            if (!terms.isEmpty()) left.add(new Row(terms, Q.of(c)));
        }
        return at;
    }

    /** A group's rows and its cells' ranges, written out: two groups with the same signature have the same answer. */
    private static String signature(List<Row> group, Map<String, Range> unknown) {
        StringBuilder s = new StringBuilder();
        Set<String> cells = new java.util.TreeSet<>();
        for (Row r : group) {
            r.terms.forEach((cell, k) -> {
                s.append(cell).append('*').append(k.num).append('/').append(k.den).append(' ');
                cells.add(cell);
            });
            s.append('=').append(r.c.num).append('/').append(r.c.den).append('\n');
        }
        for (String c : cells) s.append(c).append(':').append(unknown.get(c).low()).append('-').append(unknown.get(c).high()).append('\n');
        return s.toString();
    }

    /** Every relation in focus. */
    static Map<String, Long> pinned(Collection<Relation> relations, Map<String, Long> known, Map<String, Range> unknown) {
        return pinned(relations, known, unknown, r -> true);
    }

    /**
     * The same as {@link #solveGroup} in long integers, on sparse rows (rows scaled to integers and divided by
     * their greatest common divisor as they are eliminated); an overflow throws, and the caller solves over the
     * rationals.
     */
    private static Map<String, Long> solveGroupExact(List<Row> rows, Map<String, Range> unknown) {
        List<String> cols = new ArrayList<>(new LinkedHashSet<>(rows.stream().flatMap(r -> r.terms.keySet().stream()).toList()));
        Map<String, Integer> col = new HashMap<>();
        for (int j = 0; j < cols.size(); j++) col.put(cols.get(j), j);
        int n = cols.size();
        int m = rows.size();
        List<Map<Integer, Long>> orig = new ArrayList<>();
        long[] rhs = new long[m];
        for (int i = 0; i < m; i++) {
            Map<Integer, Long> row = new HashMap<>();
            for (Map.Entry<String, Q> e : rows.get(i).terms.entrySet()) row.put(col.get(e.getKey()), e.getValue().num.longValueExact());
            orig.add(row);
            rhs[i] = rows.get(i).c.num.longValueExact();
        }
        // reduced row echelon form: each row in turn, the one with the fewest terms first, pivots on its smallest
        // coefficient
        List<Map<Integer, Long>> a = copy(orig);
        long[] ra = rhs.clone();
        List<Integer> pivots = eliminate(a, ra, n, null);
        // a second basis, the cells in their names' order (month first): bounds narrow over other combinations
        Integer[] byName = new Integer[n];
        for (int j = 0; j < n; j++) byName[j] = j;
        java.util.Arrays.sort(byName, java.util.Comparator.comparing(cols::get));
        List<Map<Integer, Long>> b = copy(orig);
        long[] rb = rhs.clone();
        List<Integer> second = eliminate(b, rb, n, byName);

        long[] low = new long[n];
        long[] high = new long[n];
        for (int j = 0; j < n; j++) {
            Range r = unknown.get(cols.get(j));
            low[j] = r.low();
            high[j] = r.high();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int r : second) {
            Map<Integer, Long> row = b.get(r);
            if (row.size() == 1) {
                Map.Entry<Integer, Long> e = row.entrySet().iterator().next();
                if (rb[r] % e.getValue() == 0) out.put(cols.get(e.getKey()), rb[r] / e.getValue());
            }
        }
        // every row in sparse form: its columns, their coefficients, and its constant
        List<int[]> idxs = new ArrayList<>();
        List<long[]> coefs = new ArrayList<>();
        List<Long> consts = new ArrayList<>();
        for (int r : pivots) sparse(a.get(r), ra[r], idxs, coefs, consts);
        for (int i = 0; i < m; i++) sparse(orig.get(i), rhs[i], idxs, coefs, consts);
        for (int r : second) sparse(b.get(r), rb[r], idxs, coefs, consts);
        narrow(idxs, coefs, consts, low, high);
        for (int r : pivots) {
            Map<Integer, Long> row = a.get(r);
            if (row.size() == 1) {
                Map.Entry<Integer, Long> e = row.entrySet().iterator().next();
                out.put(cols.get(e.getKey()), Math.floorDiv(ra[r], e.getValue()));
            }
        }
        for (int j = 0; j < n; j++) {
            if (low[j] == high[j]) out.putIfAbsent(cols.get(j), low[j]);
        }
        return out;
    }

    private static List<Map<Integer, Long>> copy(List<Map<Integer, Long>> rows) {
        List<Map<Integer, Long>> out = new ArrayList<>();
        for (Map<Integer, Long> r : rows) out.add(new HashMap<>(r));
        return out;
    }

    private static void sparse(Map<Integer, Long> row, long c, List<int[]> idxs, List<long[]> coefs, List<Long> consts) {
        int[] idx = row.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        long[] k = new long[idx.length];
        for (int t = 0; t < idx.length; t++) k[t] = row.get(idx[t]);
        idxs.add(idx);
        coefs.add(k);
        consts.add(c);
    }

    /**
     * Brings the sparse rows {@code a} (with constants {@code rhs}) to reduced row echelon form in place and
     * returns the pivot rows. With {@code order} null: each row in turn, the one with the fewest terms first,
     * pivoting on its smallest coefficient; else the columns in that order, each pivoting on the unused row with
     * its smallest coefficient (the form is then unique up to each row's scale).
     */
    private static List<Integer> eliminate(List<Map<Integer, Long>> a, long[] rhs, int n, Integer[] order) {
        int m = a.size();
        List<Set<Integer>> rowsOf = new ArrayList<>();
        for (int j = 0; j < n; j++) rowsOf.add(new java.util.HashSet<>());
        for (int i = 0; i < m; i++) for (int j : a.get(i).keySet()) rowsOf.get(j).add(i);
        List<Integer> pivots = new ArrayList<>();
        boolean[] used = new boolean[m];
        for (int step = 0; order == null ? step < m : step < n; step++) {
            int r = -1;
            int j = -1;
            if (order == null) {
                for (int i = 0; i < m; i++) {
                    if (!used[i] && !a.get(i).isEmpty() && (r < 0 || a.get(i).size() < a.get(r).size())) r = i;
                }
                if (r < 0) break;
                Map<Integer, Long> p = a.get(r);
                for (Map.Entry<Integer, Long> e : p.entrySet()) {
                    if (j < 0 || Math.abs(e.getValue()) < Math.abs(p.get(j))
                            || (Math.abs(e.getValue()) == Math.abs(p.get(j)) && rowsOf.get(e.getKey()).size() < rowsOf.get(j).size())) {
                        j = e.getKey();
                    }
                }
            } else {
                j = order[step];
                for (int i : rowsOf.get(j)) {
                    if (used[i]) continue;
                    long v = Math.abs(a.get(i).get(j));
                    if (r < 0 || v < Math.abs(a.get(r).get(j)) || (v == Math.abs(a.get(r).get(j)) && i < r)) r = i;
                }
                if (r < 0) continue;
            }
            used[r] = true;
            pivots.add(r);
            Map<Integer, Long> p = a.get(r);
            long pv = p.get(j);
            for (Integer i : new ArrayList<>(rowsOf.get(j))) {
                if (i == r) continue;
                Map<Integer, Long> row = a.get(i);
                long f = row.get(j);
                long g = gcd(Math.abs(f), Math.abs(pv));
                // row * fi - pivot row * fp, with fi positive: a pivot of 1 or -1 leaves the row's terms as they are
                long fi = Math.abs(pv) / g;
                long fp = pv > 0 ? f / g : -f / g;
                if (fi != 1) for (Map.Entry<Integer, Long> e : row.entrySet()) e.setValue(Math.multiplyExact(e.getValue(), fi));
                rhs[i] = Math.subtractExact(Math.multiplyExact(rhs[i], fi), Math.multiplyExact(rhs[r], fp));
                for (Map.Entry<Integer, Long> e : p.entrySet()) {
                    int k = e.getKey();
                    long v = Math.subtractExact(row.getOrDefault(k, 0L), Math.multiplyExact(e.getValue(), fp));
                    if (v == 0) {
                        row.remove(k);
                        rowsOf.get(k).remove(i);
                    } else {
                        if (row.put(k, v) == null) rowsOf.get(k).add(i);
                    }
                }
                if (fi == 1) continue; // not scaled: the terms stay as small
                long d = Math.abs(rhs[i]);
                for (long v : row.values()) d = gcd(d, Math.abs(v));
                if (d > 1) {
                    for (Map.Entry<Integer, Long> e : row.entrySet()) e.setValue(e.getValue() / d);
                    rhs[i] /= d;
                }
            }
        }
        return pivots;
    }

    /** Narrows each column's bounds ({@code low}, {@code high}) over the rows until nothing narrows (at most 100 passes). */
    private static void narrow(List<int[]> idxs, List<long[]> coefs, List<Long> consts, long[] low, long[] high) {
        boolean changed = true;
        for (int pass = 0; changed && pass < 100; pass++) {
            changed = false;
            for (int r = 0; r < idxs.size(); r++) {
                int[] idx = idxs.get(r);
                long[] ks = coefs.get(r);
                long c = consts.get(r);
                // each term's a x within [lo, hi]; unbounded counted apart
                long sumLo = 0;
                long sumHi = 0;
                int loInf = 0;
                int hiInf = 0;
                for (int t = 0; t < idx.length; t++) {
                    int j = idx[t];
                    long k = ks[t];
                    long atLow = Math.multiplyExact(k, low[j]);
                    boolean highInf = high[j] == Range.NONE;
                    long atHigh = highInf ? 0 : Math.multiplyExact(k, high[j]);
                    if (k > 0) {
                        sumLo = Math.addExact(sumLo, atLow);
                        if (highInf) hiInf++;
                        else sumHi = Math.addExact(sumHi, atHigh);
                    } else {
                        sumHi = Math.addExact(sumHi, atLow);
                        if (highInf) loInf++;
                        else sumLo = Math.addExact(sumLo, atHigh);
                    }
                }
                if (loInf > 1 && hiInf > 1) continue;
                for (int t = 0; t < idx.length; t++) {
                    int j = idx[t];
                    long k = ks[t];
                    boolean highInf = high[j] == Range.NONE;
                    long atLow = Math.multiplyExact(k, low[j]);
                    long atHigh = highInf ? 0 : Math.multiplyExact(k, high[j]);
                    boolean ownLoInf = k < 0 && highInf;
                    boolean ownHiInf = k > 0 && highInf;
                    long ownLo = k > 0 ? atLow : atHigh;
                    long ownHi = k > 0 ? atHigh : atLow;
                    boolean othersLoKnown = ownLoInf ? loInf == 1 : loInf == 0;
                    boolean othersHiKnown = ownHiInf ? hiInf == 1 : hiInf == 0;
                    long othersLo = ownLoInf ? sumLo : Math.subtractExact(sumLo, ownLo);
                    long othersHi = ownHiInf ? sumHi : Math.subtractExact(sumHi, ownHi);
                    // k x = c - others: within [c - othersHi, c - othersLo]
                    Long min = othersHiKnown ? Math.subtractExact(c, othersHi) : null;
                    Long max = othersLoKnown ? Math.subtractExact(c, othersLo) : null;
                    Long lo = k > 0 ? (min == null ? null : ceilDiv(min, k)) : (max == null ? null : ceilDiv(max, k));
                    Long hi = k > 0 ? (max == null ? null : Math.floorDiv(max, k)) : (min == null ? null : Math.floorDiv(min, k));
                    if (lo != null && lo > low[j]) {
                        low[j] = lo;
                        changed = true;
                    }
                    if (hi != null && (high[j] == Range.NONE || hi < high[j])) {
                        high[j] = hi;
                        changed = true;
                    }
                }
            }
        }
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    private static long gcd(long x, long y) {
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }

    private static Map<String, Long> solveGroup(List<Row> rows, Map<String, Range> unknown) {
        List<String> cols = new ArrayList<>(new LinkedHashSet<>(rows.stream().flatMap(r -> r.terms.keySet().stream()).toList()));
        // reduced row echelon form over the rationals
        List<Row> a = new ArrayList<>();
        for (Row r : rows) a.add(new Row(new LinkedHashMap<>(r.terms), r.c));
        int next = 0;
        for (String col : cols) {
            int pivot = -1;
            for (int i = next; i < a.size(); i++) {
                if (a.get(i).terms.containsKey(col)) {
                    pivot = i;
                    break;
                }
            }
            if (pivot < 0) continue;
            Row p = a.get(pivot);
            a.set(pivot, a.get(next));
            a.set(next, p);
            Q f = p.terms.get(col);
            Row norm = p.times(Q.ONE.div(f));
            a.set(next, norm);
            for (int i = 0; i < a.size(); i++) {
                if (i == next) continue;
                Q x = a.get(i).terms.get(col);
                if (x != null) a.set(i, a.get(i).minus(norm, x));
            }
            next++;
        }
        Map<String, Long> low = new HashMap<>();
        Map<String, Long> high = new HashMap<>();
        for (String col : cols) {
            Range r = unknown.get(col);
            low.put(col, r.low());
            high.put(col, r.high());
        }
        List<Row> all = new ArrayList<>(a.subList(0, next));
        all.addAll(rows);
        // bounds narrowed by each relation from the others' bounds, until nothing narrows
        boolean changed = true;
        for (int pass = 0; changed && pass < 100; pass++) {
            changed = false;
            for (Row row : all) {
                // each term's a x within [lo, hi] (null: unbounded), and their sums over the row
                Map<String, Q[]> range = new HashMap<>();
                Q sumLo = Q.ZERO;
                Q sumHi = Q.ZERO;
                int loInf = 0;
                int hiInf = 0;
                for (Map.Entry<String, Q> o : row.terms.entrySet()) {
                    Q k = o.getValue();
                    long l = low.get(o.getKey());
                    long h = high.get(o.getKey());
                    Q atLow = k.times(Q.of(l));
                    Q atHigh = h == Range.NONE ? null : k.times(Q.of(h));
                    Q lo = k.signum() > 0 ? atLow : atHigh;
                    Q hi = k.signum() > 0 ? atHigh : atLow;
                    range.put(o.getKey(), new Q[] {lo, hi});
                    if (lo == null) loInf++;
                    else sumLo = sumLo.plus(lo);
                    if (hi == null) hiInf++;
                    else sumHi = sumHi.plus(hi);
                }
                for (Map.Entry<String, Q> e : row.terms.entrySet()) {
                    // a x = c - sum(others): the others' sum lies within [othersLo, othersHi]
                    Q[] own = range.get(e.getKey());
                    Q othersLo = own[0] == null ? (loInf == 1 ? sumLo : null) : (loInf == 0 ? sumLo.minus(own[0]) : null);
                    Q othersHi = own[1] == null ? (hiInf == 1 ? sumHi : null) : (hiInf == 0 ? sumHi.minus(own[1]) : null);
                    Q min = othersHi == null ? null : row.c.minus(othersHi);
                    Q max = othersLo == null ? null : row.c.minus(othersLo);
                    Q a0 = e.getValue();
                    Q lo = a0.signum() > 0 ? (min == null ? null : min.div(a0)) : (max == null ? null : max.div(a0));
                    Q hi = a0.signum() > 0 ? (max == null ? null : max.div(a0)) : (min == null ? null : min.div(a0));
                    String x = e.getKey();
                    if (lo != null && lo.ceil() > low.get(x)) {
                        low.put(x, lo.ceil());
                        changed = true;
                    }
                    if (hi != null && (high.get(x) == Range.NONE || hi.floor() < high.get(x))) {
                        high.put(x, hi.floor());
                        changed = true;
                    }
                }
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < next; i++) {
            Row r = a.get(i);
            if (r.terms.size() == 1) out.put(r.terms.keySet().iterator().next(), r.c.floor());
        }
        for (String col : cols) {
            if (low.get(col).equals(high.get(col))) out.putIfAbsent(col, low.get(col));
        }
        return out;
    }

    /** The cells of the rows joined into groups (cells in one row are in one group): each cell's parent, for {@link #root}. */
    private static Map<String, String> unite(List<Row> rows) {
        Map<String, String> parent = new HashMap<>();
        for (Row row : rows) {
            String first = null;
            for (String u : row.terms.keySet()) {
                parent.putIfAbsent(u, u);
                if (first == null) first = u;
                else parent.put(root(parent, u), root(parent, first));
            }
        }
        return parent;
    }

    private static String root(Map<String, String> parent, String x) {
        String r = x;
        while (!parent.get(r).equals(r)) r = parent.get(r);
        while (!parent.get(x).equals(r)) {
            String n = parent.get(x);
            parent.put(x, r);
            x = n;
        }
        return r;
    }

    /** terms = c. */
    private record Row(Map<String, Q> terms, Q c) {
        Row times(Q f) {
            Map<String, Q> t = new LinkedHashMap<>();
            terms.forEach((k, v) -> t.put(k, v.times(f)));
            return new Row(t, c.times(f));
        }

        /** this - f * other. */
        Row minus(Row other, Q f) {
            Map<String, Q> t = new LinkedHashMap<>(terms);
            other.terms.forEach((k, v) -> t.merge(k, v.times(f).negate(), Q::plus));
            t.values().removeIf(Q::isZero);
            return new Row(t, c.minus(other.c.times(f)));
        }
    }

    /** An exact rational number. */
    record Q(BigInteger num, BigInteger den) {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
        static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

        static Q of(long v) {
            return new Q(BigInteger.valueOf(v), BigInteger.ONE);
        }

        static Q of(BigInteger n, BigInteger d) {
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                n = n.divide(g);
                d = d.divide(g);
            }
            return new Q(n, d);
        }

        Q plus(Q o) {
            return den.equals(o.den) ? of(num.add(o.num), den) : of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Q minus(Q o) {
            return plus(o.negate());
        }

        Q negate() {
            return new Q(num.negate(), den);
        }

        Q times(Q o) {
            return of(num.multiply(o.num), den.multiply(o.den));
        }

        Q div(Q o) {
            return of(num.multiply(o.den), den.multiply(o.num));
        }

        int signum() {
            return num.signum();
        }

        boolean isZero() {
            return num.signum() == 0;
        }

        long floor() {
            BigInteger[] qr = num.divideAndRemainder(den);
            return qr[1].signum() < 0 ? qr[0].longValueExact() - 1 : qr[0].longValueExact();
        }

        long ceil() {
            BigInteger[] qr = num.divideAndRemainder(den);
            return qr[1].signum() > 0 ? qr[0].longValueExact() + 1 : qr[0].longValueExact();
        }
    }
}
