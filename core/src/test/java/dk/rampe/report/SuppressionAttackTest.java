package dk.rampe.report;

import dk.rampe.path.JobKind;
import dk.rampe.referral.DeclineReason;
import dk.rampe.referral.ExitOutcome;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plays a reader who has every report of a scripted year and wants the hidden counts back: it collects
 * every published count (each section, every scope, the target's trend line, the intake chart), writes
 * down every linear relation a reader knows (the jobcentres add up to the programme, the parts of a
 * section to its total, one figure in two sections, a total since the start grows by the month's counts,
 * head counts as stocks: a phase's by the moves into and out of it, those waiting for visitation by the
 * month's referrals less its decisions), and what the symbols tell: a hidden cell ("x") is 0 or more; a total
 * shown as last published ("47 pr. 2026-10") grew by 0 to 4 since (a total never published, "x", is 0 to 4),
 * or by 0 or more where the audit held it back (this reader is told which, from the true counts: a real one
 * cannot tell them apart). It solves them (exact
 * elimination per connected group of unknowns, then bounds narrowed over the relations and their reduced
 * forms until nothing narrows) and finds no hidden cell it can work out. Written apart from the maker's
 * audit ({@link Disclosure}): its own relations and its own solver.
 */
class SuppressionAttackTest {
    static final String P = MonthlyReport.PROGRAMME;
    static final List<String> SCOPES = List.of(P, "jcA", "jcB", "jcC");
    static final List<String> COUNTED = List.of("since_start", "intake", "flow", "exits", "funders");
    static final List<Long> SEEDS = List.of(18L, 2026L, 7L);
    static final double NONE = Double.POSITIVE_INFINITY;

    /** What the reader has: a published number per cell, or the cell hidden (with its text). Cell: "yyyy-mm|section/key@scope". */
    static final class Publication {
        final Map<String, Long> known = new HashMap<>();
        final Map<String, String> hidden = new TreeMap<>();
        final Set<String> cells = new HashSet<>();

        void add(YearMonth m, String section, String key, String scope, Figure f) {
            String cell = cell(m, section, key, scope);
            cells.add(cell);
            if (f.shownAsNumber()) {
                Long before = known.put(cell, (long) f.value());
                assertTrue(before == null || before == (long) f.value(), "one number for one cell: " + cell);
            } else {
                String before = hidden.put(cell, f.shown());
                assertTrue(before == null || before.equals(f.shown()), "one text for one cell: " + cell);
                assertTrue(f.shown().equals(Figure.HIDDEN) || f.asOfMonth() != null, "one symbol for a hidden count: " + f);
            }
        }
    }

    static String cell(YearMonth m, String section, String key, String scope) {
        return m + "|" + section + "/" + key + "@" + scope;
    }

    static Publication publish(List<MonthlyReport> year) {
        Publication pub = new Publication();
        for (MonthlyReport r : year) {
            for (Figure f : r.figures()) {
                if (f.kind() != Figure.Kind.COUNT) continue;
                if (f.section().equals("targets")) {
                    String k = f.key();
                    if (k.equals("exits_to_work_or_education.actual")) {
                        pub.add(r.month(), "exits", "total.work_or_education", P, f);
                    } else if (k.startsWith("exits_to_work_or_education.trend.")) {
                        pub.add(YearMonth.parse(k.substring(k.lastIndexOf('.') + 1)), "exits", "total.work_or_education", P, f);
                    } else {
                        pub.add(r.month(), f.section(), k, f.scope(), f);
                    }
                    continue;
                }
                pub.add(r.month(), f.section(), f.key(), f.scope(), f);
            }
            for (MonthlyReport.IntakePoint point : r.intakeOverTime()) {
                pub.add(point.month(), "intake", "received.total", P, point.received());
            }
        }
        return pub;
    }

    /** A linear relation: the cells with their coefficients add up to 0. */
    record Relation(Map<String, Integer> terms) {
    }

    /** Every relation a reader knows between the cells of the year's reports. */
    static List<Relation> relations(Publication pub, YearMonth first, YearMonth last, boolean headCounts) {
        List<Relation> out = new ArrayList<>();
        Set<String> keysOfMonth = new HashSet<>();
        for (String c : pub.cells) keysOfMonth.add(c.substring(c.indexOf('|') + 1, c.lastIndexOf('@')));
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            // the jobcentres add up to the programme
            for (String sk : keysOfMonth) {
                String section = sk.substring(0, sk.indexOf('/'));
                if (!COUNTED.contains(section)) continue;
                String key = sk.substring(sk.indexOf('/') + 1);
                if (!SCOPES.stream().allMatch(s -> pub.cells.contains(cell(month, section, key, s)))) continue;
                Map<String, Integer> t = new LinkedHashMap<>();
                t.put(cell(m, section, key, P), -1);
                for (String s : SCOPES.subList(1, SCOPES.size())) t.put(cell(m, section, key, s), 1);
                out.add(new Relation(t));
            }
            for (String s : SCOPES) {
                // the parts of a section add up to its total
                if (headCounts) {
                    sum(out, m, s, "intake/received.total", "intake/accepted.total", "intake/declined.total",
                            "intake/outside_target_group.total", "intake/awaiting_visitation");
                }
                List<String> reasons = new ArrayList<>();
                for (DeclineReason d : DeclineReason.values()) reasons.add("intake/declined.reason." + d.wireName() + ".month");
                reasons.add("intake/declined.reason.not_coded.month");
                sum(out, m, s, "intake/declined.month", reasons.toArray(String[]::new));
                List<String> phases = new ArrayList<>();
                for (Phase ph : Phase.values()) phases.add("flow/phase." + ph.wireName());
                sum(out, m, s, "flow/participants.total", phases.toArray(String[]::new));
                List<String> outcomes = new ArrayList<>();
                List<String> outcomesSince = new ArrayList<>();
                List<String> toWorkSince = new ArrayList<>();
                for (ExitOutcome o : ExitOutcome.values()) {
                    outcomes.add("exits/month." + o.wireName());
                    outcomesSince.add("since_start/since_start.exits." + o.wireName());
                    if (o.employmentOrEducation()) toWorkSince.add("since_start/since_start.exits." + o.wireName());
                }
                sum(out, m, s, "exits/month.total", outcomes.toArray(String[]::new));
                sum(out, m, s, "since_start/since_start.exits.total", outcomesSince.toArray(String[]::new));
                sum(out, m, s, "exits/total.work_or_education", toWorkSince.toArray(String[]::new));
                List<String> kinds = new ArrayList<>();
                for (JobKind k : JobKind.values()) kinds.add("since_start/since_start.jobs." + k.wireName());
                kinds.add("since_start/since_start.jobs.not_recorded");
                sum(out, m, s, "since_start/since_start.jobs.total", kinds.toArray(String[]::new));
                // one figure in two sections
                sum(out, m, s, "intake/received.total", "since_start/since_start.referred");
                sum(out, m, s, "funders/participants_at_start.total", "since_start/since_start.enrolled");
                sum(out, m, s, "funders/participants_at_start.total", "targets/employer_based_share.participants");
                sum(out, m, s, "flow/participants.total", "since_start/since_start.enrolled");
                sum(out, m, s, "exits/total", "since_start/since_start.exits.total");
                // a total since the start grows by the month's counts (last month's total: 0 before the first)
                grows(out, pub, m, s, "intake/received.total", "intake/received.month");
                grows(out, pub, m, s, "intake/accepted.total", "intake/accepted.month");
                grows(out, pub, m, s, "intake/declined.total", "intake/declined.month");
                grows(out, pub, m, s, "intake/outside_target_group.total", "intake/outside_target_group.month");
                grows(out, pub, m, s, "funders/participants_at_start.total", "funders/participants_at_start.month");
                grows(out, pub, m, s, "funders/participants_at_exit.total", "funders/participants_at_exit.month");
                grows(out, pub, m, s, "exits/total", "exits/month.total");
                for (ExitOutcome o : ExitOutcome.values()) {
                    grows(out, pub, m, s, "since_start/since_start.exits." + o.wireName(), "exits/month." + o.wireName());
                }
                List<String> toWork = new ArrayList<>();
                for (ExitOutcome o : ExitOutcome.values()) if (o.employmentOrEducation()) toWork.add("exits/month." + o.wireName());
                grows(out, pub, m, s, "exits/total.work_or_education", toWork.toArray(String[]::new));
                // the moves of the month: into internships and jobs, and every phase's head count in and out
                Set<String> moves = new TreeSet<>();
                for (String c : pub.cells) {
                    if (c.startsWith(m + "|flow/moves.") && c.endsWith("@" + s)) moves.add(c.substring(c.indexOf('|') + 1, c.lastIndexOf('@')));
                }
                grows(out, pub, m, s, "since_start/since_start.internships",
                        moves.stream().filter(k -> k.endsWith("_to_internship")).toArray(String[]::new));
                grows(out, pub, m, s, "since_start/since_start.jobs.total",
                        moves.stream().filter(k -> k.endsWith("_to_paid_hours_or_job")).toArray(String[]::new));
                for (Phase ph : headCounts ? Phase.values() : new Phase[0]) {
                    Map<String, Integer> t = new LinkedHashMap<>();
                    t.put(cell(m, "flow", "phase." + ph.wireName(), s), 1);
                    YearMonth before = m.minusMonths(1);
                    if (!before.isBefore(first)) t.put(cell(before, "flow", "phase." + ph.wireName(), s), -1);
                    for (String k : moves) {
                        if (k.endsWith("_to_" + ph.wireName())) t.merge(cell(m, "flow", k.substring(5), s), -1, Integer::sum);
                        if (k.startsWith("flow/moves." + ph.wireName() + "_to_")) t.merge(cell(m, "flow", k.substring(5), s), 1, Integer::sum);
                    }
                    out.add(new Relation(t));
                }
                // those waiting for visitation: last month's, plus the month's referrals, less its decisions
                Map<String, Integer> w = new LinkedHashMap<>();
                w.put(cell(m, "intake", "awaiting_visitation", s), 1);
                if (!m.minusMonths(1).isBefore(first)) w.put(cell(m.minusMonths(1), "intake", "awaiting_visitation", s), -1);
                w.put(cell(m, "intake", "received.month", s), -1);
                for (String d : List.of("accepted.month", "declined.month", "outside_target_group.month")) w.put(cell(m, "intake", d, s), 1);
                if (headCounts) out.add(new Relation(w));
            }
        }
        return out;
    }

    private static void sum(List<Relation> out, YearMonth m, String scope, String total, String... parts) {
        Map<String, Integer> t = new LinkedHashMap<>();
        t.merge(cell(m, total.substring(0, total.indexOf('/')), total.substring(total.indexOf('/') + 1), scope), -1, Integer::sum);
        for (String p : parts) t.merge(cell(m, p.substring(0, p.indexOf('/')), p.substring(p.indexOf('/') + 1), scope), 1, Integer::sum);
        out.add(new Relation(t));
    }

    /** total(m) - total(m - 1) = the sum of the month's cells (a cell not in the report is 0). */
    private static void grows(List<Relation> out, Publication pub, YearMonth m, String scope, String total, String... monthly) {
        String section = total.substring(0, total.indexOf('/'));
        String key = total.substring(total.indexOf('/') + 1);
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put(cell(m, section, key, scope), 1);
        YearMonth before = m.minusMonths(1);
        if (pub.cells.contains(cell(before, section, key, scope))) t.put(cell(before, section, key, scope), -1);
        for (String p : monthly) t.merge(cell(m, p.substring(0, p.indexOf('/')), p.substring(p.indexOf('/') + 1), scope), -1, Integer::sum);
        out.add(new Relation(t));
    }

    /**
     * The cells among {@code unknown} that the relations and the bounds pin to one value, with that value: each
     * connected group of unknowns is brought to reduced row echelon form (a row with one unknown left is a
     * value); then each unknown's bounds ({@code unknown}: low, high) are narrowed over the group's rows and
     * reduced rows until nothing narrows (a cell is a whole number); low = high is a value.
     */
    static Map<String, Double> solve(List<Relation> relations, Map<String, Long> known, Map<String, double[]> unknown) {
        List<Map<String, Double>> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        for (Relation r : relations) {
            Map<String, Double> row = new LinkedHashMap<>();
            double c = 0;
            boolean usable = true;
            for (Map.Entry<String, Integer> e : r.terms().entrySet()) {
                if (e.getValue() == 0) continue;
                if (unknown.containsKey(e.getKey())) row.merge(e.getKey(), (double) e.getValue(), Double::sum);
                else if (known.containsKey(e.getKey())) c -= e.getValue() * known.get(e.getKey());
                else if (!e.getKey().contains("|flow/moves.")) usable = false; // a cell no report has: not a relation here
                // a move no report lists did not happen: 0
            }
            row.values().removeIf(v -> Math.abs(v) < 1e-12);
            if (!usable) continue;
            if (row.isEmpty()) {
                assertEquals(0.0, c, 1e-9, "a relation the reader writes down holds for the published numbers: " + r);
                continue;
            }
            rows.add(row);
            rhs.add(c);
        }
        // connected groups of unknowns
        Map<String, String> parent = new HashMap<>();
        for (String u : unknown.keySet()) parent.put(u, u);
        for (Map<String, Double> row : rows) {
            String firstCell = null;
            for (String u : row.keySet()) {
                if (firstCell == null) firstCell = u;
                else parent.put(root(parent, u), root(parent, firstCell));
            }
        }
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) rowsOf.computeIfAbsent(root(parent, rows.get(i).keySet().iterator().next()), k -> new ArrayList<>()).add(i);
        Map<String, Double> solved = new LinkedHashMap<>();
        for (List<Integer> group : rowsOf.values()) {
            List<String> cols = new ArrayList<>(new LinkedHashSet<>(group.stream().flatMap(i -> rows.get(i).keySet().stream()).toList()));
            Map<String, Integer> col = new HashMap<>();
            for (int j = 0; j < cols.size(); j++) col.put(cols.get(j), j);
            int n = cols.size();
            double[][] a = new double[group.size()][n + 1];
            for (int i = 0; i < group.size(); i++) {
                final int ii = i;
                rows.get(group.get(i)).forEach((u, v) -> a[ii][col.get(u)] += v);
                a[i][n] = rhs.get(group.get(i));
            }
            List<double[]> all = new ArrayList<>();
            for (double[] row : a) all.add(row.clone());
            int r = 0;
            for (int j = 0; j < n && r < a.length; j++) {
                int best = r;
                for (int i = r + 1; i < a.length; i++) if (Math.abs(a[i][j]) > Math.abs(a[best][j])) best = i;
                if (Math.abs(a[best][j]) < 1e-9) continue;
                double[] tmp = a[r]; a[r] = a[best]; a[best] = tmp;
                double pivot = a[r][j];
                for (int k = 0; k <= n; k++) a[r][k] /= pivot;
                for (int i = 0; i < a.length; i++) {
                    if (i == r || Math.abs(a[i][j]) < 1e-12) continue;
                    double f = a[i][j];
                    for (int k = 0; k <= n; k++) a[i][k] -= f * a[r][k];
                }
                r++;
            }
            for (int i = 0; i < r; i++) {
                int nonZero = -1;
                int count = 0;
                for (int j = 0; j < n; j++) {
                    if (Math.abs(a[i][j]) > 1e-9) {
                        count++;
                        nonZero = j;
                    } else {
                        a[i][j] = 0;
                    }
                }
                if (count == 1) solved.put(cols.get(nonZero), a[i][n] / a[i][nonZero]);
                all.add(a[i]);
            }
            // bounds, narrowed over the rows and the reduced rows
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int j = 0; j < n; j++) {
                lo[j] = unknown.get(cols.get(j))[0];
                hi[j] = unknown.get(cols.get(j))[1];
            }
            boolean changed = true;
            for (int pass = 0; changed && pass < 200; pass++) {
                changed = false;
                for (double[] row : all) {
                    // sum of a x over the row: its least and greatest, infinite terms counted apart
                    double min = 0, max = 0;
                    int minInf = 0, maxInf = 0;
                    for (int j = 0; j < n; j++) {
                        double k = row[j];
                        if (k == 0) continue;
                        double atLo = k * lo[j], atHi = k * hi[j];
                        double tMin = Math.min(atLo, atHi), tMax = Math.max(atLo, atHi);
                        if (Double.isInfinite(tMin)) minInf++; else min += tMin;
                        if (Double.isInfinite(tMax)) maxInf++; else max += tMax;
                    }
                    for (int j = 0; j < n; j++) {
                        double k = row[j];
                        if (k == 0) continue;
                        double atLo = k * lo[j], atHi = k * hi[j];
                        double tMin = Math.min(atLo, atHi), tMax = Math.max(atLo, atHi);
                        boolean othersMinKnown = Double.isInfinite(tMin) ? minInf == 1 : minInf == 0;
                        boolean othersMaxKnown = Double.isInfinite(tMax) ? maxInf == 1 : maxInf == 0;
                        double othersMin = Double.isInfinite(tMin) ? min : min - tMin;
                        double othersMax = Double.isInfinite(tMax) ? max : max - tMax;
                        // k x = c - others, within [c - othersMax, c - othersMin]
                        double from = othersMaxKnown ? row[n] - othersMax : Double.NEGATIVE_INFINITY;
                        double to = othersMinKnown ? row[n] - othersMin : NONE;
                        double newLo = k > 0 ? from / k : to / k;
                        double newHi = k > 0 ? to / k : from / k;
                        if (!Double.isInfinite(newLo)) newLo = Math.ceil(newLo - 1e-7);
                        if (!Double.isInfinite(newHi)) newHi = Math.floor(newHi + 1e-7);
                        if (newLo > lo[j]) {
                            lo[j] = newLo;
                            changed = true;
                        }
                        if (newHi < hi[j]) {
                            hi[j] = newHi;
                            changed = true;
                        }
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                if (lo[j] == hi[j]) solved.putIfAbsent(cols.get(j), lo[j]);
            }
        }
        return solved;
    }

    private static String root(Map<String, String> parent, String x) {
        while (!parent.get(x).equals(x)) x = parent.get(x);
        return x;
    }

    /** The keys of the totals since the start (the cells the rule "updated only when grown by 5 or more" is about). */
    static boolean isTotal(String cell) {
        String sk = cell.substring(cell.indexOf('|') + 1, cell.lastIndexOf('@'));
        return sk.startsWith("since_start/") || sk.equals("exits/total") || sk.equals("exits/total.work_or_education")
                || sk.equals("flow/participants.total") || sk.startsWith("targets/")
                || (sk.endsWith(".total") && (sk.startsWith("intake/") || sk.startsWith("funders/")));
    }

    /** A year of reports of the scripted programme, each made on the first day of the next month, keeping its facts. */
    static List<MonthlyReport> year(ScriptedProgramme s, MonthlyFacts facts) {
        List<MonthlyReport> year = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2026, m);
            year.add(s.report(month, new ReportPeriod(month, ReportScenario.ZONE).end().plusSeconds(7 * 3600), facts));
        }
        return year;
    }

    /**
     * What the reader knows of each hidden cell: 0 or more ({@code hiddenAtLeast}: what a reader assumes who takes
     * every "x" for at least 1); a total shown as last published (or never published: "x", from 0), from that
     * value: 0 to 4 more, or any more where the audit held it back (from the true counts).
     */
    static Map<String, double[]> bounds(Publication pub, Map<YearMonth, Map<String, Double>> truth, double hiddenAtLeast) {
        Map<String, double[]> out = new HashMap<>();
        pub.hidden.forEach((c, text) -> {
            if (!isTotal(c)) {
                out.put(c, new double[] {hiddenAtLeast, NONE});
                return;
            }
            double last = text.contains(Figure.AS_OF) ? Double.parseDouble(text.substring(0, text.indexOf(Figure.AS_OF))) : 0;
            double v = truth.get(YearMonth.parse(c.substring(0, c.indexOf('|')))).getOrDefault(trueId(c), Double.NaN);
            if (Double.isNaN(v)) out.put(c, new double[] {0, NONE});
            else if (v - last >= 0 && v - last <= 4) out.put(c, new double[] {last, last + 4});
            else out.put(c, new double[] {v - last >= 5 ? last : 0, NONE});
        });
        return out;
    }

    /** The figure id a cell's true count is kept under (a trend point is the total it repeats). */
    static String trueId(String cell) {
        return cell.substring(cell.indexOf('|') + 1);
    }

    @Test
    void aReaderWithAYearOfReportsWorksOutNoHiddenCount() {
        List<String> cost = new ArrayList<>();
        for (long seed : SEEDS) {
            ScriptedProgramme s = new ScriptedProgramme(seed);
            InMemoryMonthlyFacts facts = new InMemoryMonthlyFacts();
            List<MonthlyReport> year = year(s, facts);
            Map<YearMonth, Map<String, Double>> truth = new HashMap<>();
            facts.months(ReportScenario.programme().id()).forEach((m, f) -> truth.put(m, f.values()));
            Publication pub = publish(year);
            assertTrue(pub.hidden.size() > 100, "the year hides counts: " + pub.hidden.size());
            Set<String> both = new TreeSet<>(pub.hidden.keySet());
            both.retainAll(pub.known.keySet());
            assertEquals(Set.of(), both, "a count hidden in one report is shown in none");

            List<Relation> relations = relations(pub, YearMonth.of(2026, 1), YearMonth.of(2026, 12), true);
            assertTrue(relations.size() > 1000, "relations: " + relations.size());
            Map<String, double[]> bounds = bounds(pub, truth, 0);
            Map<String, Double> recovered = new TreeMap<>(solve(relations, pub.known, bounds));
            // a total worked out at the value it shows did not grow: nothing small is told
            recovered.keySet().removeIf(c -> isTotal(c) && Math.abs(recovered.get(c) - bounds.get(c)[0]) < 1e-6
                    && bounds.get(c)[1] == bounds.get(c)[0] + 4);
assertEquals(Map.of(), recovered, "seed " + seed + ": hidden counts the reader works out");

            // the reader is not toothless: numbers taken out of the reports it puts back from the relations
            Map<String, Long> fewer = new HashMap<>(pub.known);
            Set<String> taken = new TreeSet<>();
            for (String c : new TreeSet<>(pub.known.keySet())) {
                if (c.contains("/since_start.referred@programme") || c.contains("|exits/month.total@jcA")
                        || c.startsWith("2026-06|flow/phase.") || c.startsWith("2026-09|intake/awaiting_visitation@")) {
                    fewer.remove(c);
                    taken.add(c);
                }
            }
            assertTrue(taken.size() >= 10, "numbers taken out: " + taken);
            Map<String, double[]> unknown = bounds(pub, truth, 0);
            for (String c : taken) unknown.put(c, new double[] {0, NONE});
            Map<String, Double> back = solve(relations, fewer, unknown);
            int headCounts = 0;
            for (String c : taken) {
                boolean stock = c.contains("|flow/phase.") || c.contains("|intake/awaiting_visitation@");
                if (back.containsKey(c)) assertEquals((double) pub.known.get(c), back.get(c), 1e-6, c);
                if (stock && back.containsKey(c)) headCounts++;
                assertTrue(stock || back.containsKey(c), "the relations give back " + c);
            }
            assertTrue(headCounts > 0, "a head count comes back from last month's and the moves: " + taken);

            // what it costs: in how many of the 12 months each total since the start of the programme is up to date
            StringBuilder line = new StringBuilder("seed " + seed + ": hidden " + pub.hidden.size() + " of "
                    + pub.cells.size() + " cells; up to date in 12 months:");
            for (String key : SinceStartTotalsTest.KEYS) {
                long upToDate = year.stream().filter(r -> r.figure("since_start", "since_start." + key, P).orElseThrow()
                        .shownAsNumber()).count();
                line.append(' ').append(key).append(' ').append(upToDate);
            }
            // a reader who takes every "x" for at least 1 assumes what the report does not promise; measured, not asserted
            Map<String, Double> assumed = solve(relations, pub.known, bounds(pub, truth, 1));
            long right = assumed.entrySet().stream().filter(e -> Math.abs(e.getValue() - truth.get(YearMonth.parse(
                    e.getKey().substring(0, 7))).getOrDefault(trueId(e.getKey()), Double.NaN)) < 1e-6).count();
            line.append("; a reader taking \"x\" for 1 or more (false for the zeros the audit hides) pins ")
                    .append(assumed.size()).append(", ").append(right).append(" of them right");
            cost.add(line.toString());
        }
        cost.forEach(System.out::println);
        for (String line : cost) {
            for (String key : List.of("referred", "enrolled")) {
                int i = line.indexOf(" " + key + " ");
                int upToDate = Integer.parseInt(line.substring(i + key.length() + 2).split("[ ;]")[0]);
                assertTrue(upToDate >= 4, key + " up to date in too few months: " + line);
            }
        }
    }
}
