package dk.rampe.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What a reader of every report so far knows, and what this month's report may add to it (docs/decisions.md,
 * "What a reader of every report can work out").
 * <p>
 * <b>Totals since the start</b> are always shown, but a total is updated only when it has grown by
 * {@link #STEP} or more since the value last published (or not at all: then it is current anyway); otherwise
 * it shows that value with its month ("47 pr. 2026-10", {@link Figure#asOf}). The difference of two published
 * values of a total is then 0 or at least 5: the sum of several months, never a small month on its own.
 * <p>
 * <b>The audit</b> is the gate: it writes down every relation a reader has between this month's cells and every
 * earlier report's (the groups, one figure in two sections, a total grows by its month's cells, a head count
 * is last month's plus those in less those out), each only where it holds for the true counts, and solves them
 * exactly with what the symbols tell ({@link Inference}): a hidden cell is 0 or more; a total shown "as of" grew
 * by 1 to 4 since (or by 5 or more where the audit held it back). While any hidden cell is pinned to one value,
 * one more cell of this month is hidden: the nearest through the relations, a monthly cell before a total, the
 * smallest (a zero too: hiding it is what makes "0 or more" all a hidden cell tells).
 */
final class Disclosure {
    /** A total is updated when it has grown by this much since the value last published. */
    static final long STEP = 5;

    /** A total since the start, and the monthly cells (same scope) whose sum is its growth in a month; null: none. */
    record Cumulative(String section, String key, BiPredicate<String, String> monthly) {
    }

    /** A head count: last month's plus the cells {@code in} less the cells {@code out} (same scope). */
    record Stock(String section, String key, BiPredicate<String, String> in, BiPredicate<String, String> out) {
    }

    /** The cell of a total's growth in a month where the report has no monthly cells of it (jobs by kind). */
    static final String GROWTH = "growth:";

    private final List<Cumulative> cumulatives;
    private final List<Stock> stocks;
    private final YearMonth first;
    private final Map<YearMonth, Map<String, String>> shown = new HashMap<>();
    private final Map<YearMonth, Map<String, Long>> countsOf = new HashMap<>();
    /** Per total: the value last published as a number, and its month. */
    private final Map<String, Long> lastValue = new HashMap<>();
    private final Map<String, YearMonth> lastMonth = new HashMap<>();
    /** Every earlier report's cells: shown ones with their number, hidden ones with what the reader knows. */
    private final Map<String, Long> knownCells = new HashMap<>();
    private final Map<String, Inference.Range> hiddenCells = new HashMap<>();
    /** Earlier months' relations that still name a hidden cell (the others tell the reader nothing more). */
    private final List<Inference.Relation> openRelations = new ArrayList<>();
    /** The answers of the groups solved by this month's audit so far (its rounds change a few cells). */
    private final Map<String, Map<String, Long>> solved = new HashMap<>();
    private YearMonth solvedMonth;
    /** The cells of the month the last audit found pinned. */
    private Set<String> leakedNow = Set.of();

    /** The cells of the month (ids) that the last {@link #audit} found a reader pins. */
    Set<String> leakedNow() {
        return leakedNow;
    }

    /** How many cells the audit hid, per month (beyond the small counts and their groups). */
    private final Map<YearMonth, Integer> audited = new HashMap<>();

    Disclosure(List<Cumulative> cumulatives, List<Stock> stocks, YearMonth first) {
        this.cumulatives = List.copyOf(cumulatives);
        this.stocks = List.copyOf(stocks);
        this.first = first;
    }

    /** The totals since the start among {@code counts}: they are shown by the rule above, never picked to protect another. */
    Set<String> totals(Map<String, Long> counts) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : counts.keySet()) if (cumulativeOf(id) != null) out.add(id);
        return out;
    }

    /**
     * The totals that grew by less than 5 since their last published value: they show it, with its month (a total
     * never published shows hidden: it is 0 to 4).
     */
    Set<String> asOf(Map<String, Long> counts) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : totals(counts)) {
            if (counts.get(id) - lastValue.getOrDefault(id, 0L) < STEP) out.add(id);
        }
        return out;
    }

    /** How a total not updated this month shows: its last published value and month, or hidden when none was. */
    String asOfText(String id) {
        YearMonth m = lastMonth.get(id);
        return m == null ? Figure.HIDDEN : Figure.asOf(lastValue.get(id), m);
    }

    /** How an earlier month's report showed a count (null if that month or count was not made). */
    String shownAt(YearMonth month, String id) {
        return shown.getOrDefault(month, Map.of()).get(id);
    }

    /** How many cells the audit hid in a month's report. */
    int auditedIn(YearMonth month) {
        return audited.getOrDefault(month, 0);
    }

    /**
     * The cells of this month's report to hide next so that a reader of every report so far pins no hidden cell:
     * one per pinned cell (the others its search passed wait for the next round); empty when none is pinned or
     * none of this month's cells is in reach. The {@code decided} cells keep how they show.
     */
    Set<String> audit(YearMonth month, Map<String, Long> counts, Map<String, String> shownNow,
                      List<Suppression.Group> groups, List<Set<String>> same, Set<String> decided) {
        List<Inference.Relation> now = relationsOf(month, counts, groups, same);
        Map<String, Long> known = new HashMap<>(knownCells);
        Map<String, Inference.Range> unknown = new HashMap<>(hiddenCells);
        cells(month, counts, shownNow, known, unknown, now);
        List<Inference.Relation> all = new ArrayList<>(openRelations);
        all.addAll(now);
        Set<Inference.Relation> current = Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(now);
        if (!month.equals(solvedMonth)) {
            solved.clear();
            solvedMonth = month;
        }
        Map<String, Long> pinned = Inference.pinned(all, known, unknown, current::contains, solved);
        lastAudit = new LastAudit(month, counts, hiddenIds(counts, shownNow), pinned);
        // a total pinned at the value it shows (it did not grow) tells nothing small
        List<String> leaks = pinned.entrySet().stream().filter(e -> !e.getKey().contains("|" + GROWTH))
                .filter(e -> !(unknown.get(e.getKey()).high() == unknown.get(e.getKey()).low() + STEP - 1
                        && e.getValue() == unknown.get(e.getKey()).low() && cumulativeOf(idOf(e.getKey())) != null))
                .map(Map.Entry::getKey).sorted().toList();
        String own = month + "|";
        leakedNow = leaks.stream().filter(c -> c.startsWith(own)).map(c -> c.substring(own.length())).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        Set<String> picks = new LinkedHashSet<>();
        if (leaks.isEmpty()) return picks;
        String prefix = month + "|";
        Map<String, List<Inference.Relation>> byCell = new HashMap<>();
        Map<String, List<Inference.Relation>> ofMonth = new HashMap<>();
        for (Inference.Relation r : all) {
            for (String c : r.terms().keySet()) {
                if (unknown.containsKey(c)) byCell.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
                else if (c.startsWith(prefix)) ofMonth.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            }
        }
        // a cell that would be the only hidden one of a relation is worked out at once: hiding it protects nothing
        // (the same figure in another section is hidden with it)
        Map<String, Set<String>> partners = new HashMap<>();
        for (Set<String> s : same) for (String id : s) partners.computeIfAbsent(cell(month, id), k -> new HashSet<>()).addAll(s.stream().map(x -> cell(month, x)).toList());
        Map<String, List<Inference.Relation>> useless = new HashMap<>();
        ofMonth.forEach((c, rs) -> {
            Set<String> with = partners.getOrDefault(c, Set.of(c));
            for (String member : with) {
                for (Inference.Relation r : ofMonth.getOrDefault(member, List.of())) {
                    long net = 0;
                    boolean othersKnown = true;
                    for (Map.Entry<String, Long> t : r.terms().entrySet()) {
                        if (with.contains(t.getKey())) net += t.getValue();
                        else if (unknown.containsKey(t.getKey())) othersKnown = false;
                    }
                    if (othersKnown && net != 0) useless.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
                }
            }
        });
        java.util.function.Predicate<String> eligible = c -> {
            if (!c.startsWith(prefix) || !known.containsKey(c)) return false;
            String id = c.substring(prefix.length());
            return counts.containsKey(id) && !decided.contains(id)
                    && (cumulativeOf(id) == null || counts.get(id) - lastValue.getOrDefault(id, 0L) >= STEP);
        };
        Comparator<String> order = Comparator.comparing((String c) -> useless.containsKey(c))
                .thenComparing(c -> cumulativeOf(c.substring(prefix.length())) != null)
                .thenComparingLong(c -> counts.get(c.substring(prefix.length()))).thenComparing(c -> c);
        Set<String> covered = new HashSet<>();
        for (String leak : leaks) {
            if (covered.contains(leak)) continue;
            String pick = nearest(leak, byCell, unknown, covered, eligible, order);
            if (pick == null) continue;
            List<String> chosen = new ArrayList<>(List.of(pick));
            // a cell a relation would give away on its own is hidden with another cell of that relation
            Set<String> with = partners.getOrDefault(pick, Set.of(pick));
            for (Inference.Relation r : useless.getOrDefault(pick, List.of())) {
                r.terms().keySet().stream().filter(c -> !with.contains(c) && eligible.test(c)).min(order).ifPresent(chosen::add);
            }
            for (String c : chosen) {
                if (picks.add(c.substring(prefix.length()))) audited.merge(month, 1, Integer::sum);
            }
        }
        return picks;
    }

    /** Records what a month's report showed: the next months' rule and audit start from it. */
    void record(YearMonth month, Map<String, Long> counts, Map<String, String> shownFinal, List<Suppression.Group> groups,
                List<Set<String>> same) {
        List<Inference.Relation> rels = relationsOf(month, counts, groups, same);
        cells(month, counts, shownFinal, knownCells, hiddenCells, rels);
        for (Inference.Relation r : rels) {
            if (r.terms().keySet().stream().anyMatch(c -> !knownCells.containsKey(c))) openRelations.add(r);
        }
        LastAudit last = lastAudit;
        lastAudit = null;
        settle(rels, last != null && last.month().equals(month) && last.counts() == counts
                && last.hidden().equals(hiddenIds(counts, shownFinal)) ? last.pinned() : null);
        countsOf.put(month, Map.copyOf(counts));
        shown.put(month, Map.copyOf(shownFinal));
        for (String id : totals(counts)) {
            if (Long.toString(counts.get(id)).equals(shownFinal.get(id))) {
                lastValue.put(id, counts.get(id));
                lastMonth.put(id, month);
            }
        }
    }

    /**
     * The hidden cells a reader of the reports so far pins become known: no later report can undo what the earlier
     * ones tell (their relations stay, new ones only add), so every later audit reads them as numbers and solves only
     * what is still open. Only the groups this month's relations touch can pin anything new: the others were settled
     * when their months were recorded. The relations left with no hidden cell tell nothing more and are dropped.
     * {@code audited}: what the month's last audit round found, when it saw the cells hidden as they are recorded
     * (the groups it touched are solved); without it (a month kept, replayed from its marks with no audit) only the
     * cells the rows give at once are settled, and later audits solve the rest as before.
     */
    private void settle(List<Inference.Relation> rels, Map<String, Long> audited) {
        Map<String, Long> pinned;
        if (audited != null) {
            pinned = audited;
        } else {
            Set<Inference.Relation> current = Collections.newSetFromMap(new IdentityHashMap<>());
            current.addAll(rels);
            pinned = Inference.pinnedAtOnce(openRelations, knownCells, hiddenCells, current::contains);
        }
        if (pinned.isEmpty()) return;
        pinned.forEach((c, v) -> {
            if (hiddenCells.remove(c) != null) knownCells.put(c, v);
        });
        openRelations.removeIf(r -> r.terms().keySet().stream().allMatch(knownCells::containsKey));
    }

    /** What a month's audit round saw and found: its counts, the ids it saw hidden, the cells pinned. */
    private record LastAudit(YearMonth month, Map<String, Long> counts, Set<String> hidden, Map<String, Long> pinned) {
    }

    private LastAudit lastAudit;

    private static Set<String> hiddenIds(Map<String, Long> counts, Map<String, String> shown) {
        Set<String> out = new HashSet<>();
        counts.forEach((id, v) -> {
            if (!Long.toString(v).equals(shown.get(id))) out.add(id);
        });
        return out;
    }

    /** Sorts the month's cells into known (shown as a number) and hidden, with what the reader knows of each. */
    private void cells(YearMonth month, Map<String, Long> counts, Map<String, String> shownNow, Map<String, Long> known,
                       Map<String, Inference.Range> unknown, List<Inference.Relation> relations) {
        counts.forEach((id, v) -> {
            String cell = cell(month, id);
            if (Long.toString(v).equals(shownNow.get(id))) {
                known.put(cell, v);
            } else if (cumulativeOf(id) != null) {
                long last = lastValue.getOrDefault(id, 0L);
                long growth = v - last;
                unknown.put(cell, growth >= 0 && growth < STEP ? new Inference.Range(last, last + STEP - 1)
                        : growth >= STEP ? new Inference.Range(last, Inference.Range.NONE)
                        : new Inference.Range(0, Inference.Range.NONE));
            } else {
                unknown.put(cell, Inference.Range.GROWTH);
            }
        });
        for (Inference.Relation r : relations) {
            for (String c : r.terms().keySet()) if (c.contains("|" + GROWTH)) unknown.putIfAbsent(c, Inference.Range.GROWTH);
        }
    }

    /**
     * This month's shown cell nearest to {@code leak} through the relations (those naming it, then those naming the
     * hidden cells of those, ...), first by {@code order}; the hidden cells the search passed are {@code covered}.
     */
    private static String nearest(String leak, Map<String, List<Inference.Relation>> byCell,
                                  Map<String, Inference.Range> unknown, Set<String> covered,
                                  java.util.function.Predicate<String> eligible, Comparator<String> order) {
        Set<String> reached = new HashSet<>(Set.of(leak));
        List<String> frontier = List.of(leak);
        Set<Inference.Relation> used = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!frontier.isEmpty()) {
            List<Inference.Relation> level = new ArrayList<>();
            for (String c : frontier) {
                for (Inference.Relation r : byCell.getOrDefault(c, List.of())) if (used.add(r)) level.add(r);
            }
            if (level.isEmpty()) break;
            String pick = level.stream().flatMap(r -> r.terms().keySet().stream()).filter(eligible).distinct()
                    .min(order).orElse(null);
            if (pick != null) {
                covered.addAll(reached);
                return pick;
            }
            List<String> next = new ArrayList<>();
            for (Inference.Relation r : level) {
                for (String c : r.terms().keySet()) if (unknown.containsKey(c) && reached.add(c)) next.add(c);
            }
            frontier = next;
        }
        covered.addAll(reached);
        return null;
    }

    /** The month's relations as last written down for the same counts: an audit's rounds and the record ask again. */
    private List<Inference.Relation> relationsOf(YearMonth month, Map<String, Long> counts, List<Suppression.Group> groups,
                                                 List<Set<String>> same) {
        if (written == null || !written.isFor(month, counts, groups, same)) {
            written = new Written(month, counts, counts.size(), groups, groups.size(), same, same.size(),
                    Collections.unmodifiableList(relations(month, counts, groups, same)));
        }
        return written.relations();
    }

    /** The relations last written down, and what they were written for (the builder's own maps, as they were). */
    private record Written(YearMonth month, Map<String, Long> counts, int countCells, List<Suppression.Group> groups,
                           int groupCount, List<Set<String>> same, int sameCount, List<Inference.Relation> relations) {
        boolean isFor(YearMonth m, Map<String, Long> c, List<Suppression.Group> g, List<Set<String>> s) {
            return month.equals(m) && counts == c && countCells == c.size() && groups == g && groupCount == g.size()
                    && same == s && sameCount == s.size();
        }
    }

    private Written written;

    /**
     * The reader's relations of a month, each only where it holds for the true counts (a reader who assumes one
     * that does not hold learns nothing true): the groups and one figure in two sections within the month, every
     * total grown from last month's by the month's cells, every head count from last month's by those in and out.
     */
    private List<Inference.Relation> relations(YearMonth month, Map<String, Long> counts, List<Suppression.Group> groups,
                                               List<Set<String>> same) {
        List<Inference.Relation> out = new ArrayList<>();
        for (Suppression.Group g : groups) {
            if (g.total() == null || !counts.containsKey(g.total())) continue;
            Map<String, Long> t = new LinkedHashMap<>();
            t.merge(g.total(), -1L, Long::sum);
            for (String p : g.parts()) if (counts.containsKey(p)) t.merge(p, 1L, Long::sum);
            add(out, month, t, counts, null);
        }
        for (Set<String> s : same) {
            String a = null;
            for (String b : s) {
                if (!counts.containsKey(b)) continue;
                if (a == null) a = b;
                else add(out, month, Map.of(a, 1L, b, -1L), counts, null);
            }
        }
        YearMonth before = month.minusMonths(1);
        Map<String, Long> earlier = month.equals(first) ? Map.of() : countsOf.get(before);
        if (earlier == null) return out; // the month before was not replayed: no relation with it
        Map<String, List<String>> byScope = new LinkedHashMap<>();
        for (String id : counts.keySet()) byScope.computeIfAbsent(scopeOf(id), k -> new ArrayList<>()).add(id);
        for (Map.Entry<String, List<String>> sc : byScope.entrySet()) {
            String scope = sc.getKey();
            for (int ci = 0; ci < cumulatives.size(); ci++) {
                Cumulative c = cumulatives.get(ci);
                String id = id(c.section(), c.key(), scope);
                if (!counts.containsKey(id)) continue;
                Map<String, Long> t = new LinkedHashMap<>();
                t.put(id, 1L);
                if (c.monthly() == null) {
                    t.put(GROWTH + id, -1L);
                } else {
                    for (String cell : sc.getValue()) {
                        if (roles(cell).monthlyOf[ci]) t.merge(cell, -1L, Long::sum);
                    }
                }
                add(out, month, t, counts, month.equals(first) ? null : Map.entry(id, earlier));
            }
            for (int si = 0; si < stocks.size(); si++) {
                Stock st = stocks.get(si);
                String id = id(st.section(), st.key(), scope);
                if (!counts.containsKey(id)) continue;
                Map<String, Long> t = new LinkedHashMap<>();
                t.put(id, 1L);
                for (String cell : sc.getValue()) {
                    Roles roles = roles(cell);
                    if (roles.in[si]) t.merge(cell, -1L, Long::sum);
                    if (roles.out[si]) t.merge(cell, 1L, Long::sum);
                }
                add(out, month, t, counts, month.equals(first) ? null : Map.entry(id, earlier));
            }
        }
        return out;
    }

    /**
     * Adds the relation {@code terms} (ids of this month, and minus {@code previous}'s id of last month when given;
     * before the first month every count was 0) where it holds for the true counts; a growth cell is what makes it
     * hold, if that is 0 or more.
     */
    private void add(List<Inference.Relation> out, YearMonth month, Map<String, Long> terms, Map<String, Long> counts,
                     Map.Entry<String, Map<String, Long>> previous) {
        Map<String, Long> cells = new LinkedHashMap<>();
        long sum = 0;
        String growth = null;
        for (Map.Entry<String, Long> e : terms.entrySet()) {
            if (e.getKey().startsWith(GROWTH)) {
                growth = e.getKey();
                continue;
            }
            sum += e.getValue() * counts.get(e.getKey());
            cells.merge(cell(month, e.getKey()), e.getValue(), Long::sum);
        }
        if (previous != null) {
            Long was = previous.getValue().get(previous.getKey());
            if (was == null) return; // last month did not have it: the reader has nothing to subtract
            sum -= was;
            cells.merge(cell(month.minusMonths(1), previous.getKey()), -1L, Long::sum);
        }
        if (growth != null) {
            if (sum < 0) return;
            cells.put(cell(month, growth), -1L);
            sum = 0;
        }
        cells.values().removeIf(v -> v == 0);
        if (sum != 0 || cells.isEmpty()) return;
        out.add(new Inference.Relation(cells));
    }

    private Cumulative cumulativeOf(String id) {
        if (id.startsWith(GROWTH)) return null;
        int i = roles(id).cumulative;
        return i < 0 ? null : cumulatives.get(i);
    }

    /**
     * What a figure ({@code section/key}, any scope) is to the relations: the total it is, and the totals and head
     * counts it is a monthly cell of. Worked out once per figure: every month and scope asks again.
     */
    private record Roles(int cumulative, boolean[] monthlyOf, boolean[] in, boolean[] out) {
    }

    private final Map<String, Roles> roles = new HashMap<>();

    private Roles roles(String id) {
        return roles.computeIfAbsent(id.substring(0, id.lastIndexOf('@')), k -> {
            String section = sectionOf(id);
            String key = keyOf(id);
            int cumulative = -1;
            boolean[] monthlyOf = new boolean[cumulatives.size()];
            for (int i = 0; i < cumulatives.size(); i++) {
                Cumulative c = cumulatives.get(i);
                if (cumulative < 0 && c.section().equals(section) && c.key().equals(key)) cumulative = i;
                monthlyOf[i] = c.monthly() != null && c.monthly().test(section, key);
            }
            boolean[] in = new boolean[stocks.size()];
            boolean[] out = new boolean[stocks.size()];
            for (int i = 0; i < stocks.size(); i++) {
                in[i] = stocks.get(i).in().test(section, key);
                out[i] = stocks.get(i).out().test(section, key);
            }
            return new Roles(cumulative, monthlyOf, in, out);
        });
    }

    static String idOf(String cell) {
        return cell.substring(cell.indexOf('|') + 1);
    }

    static String cell(YearMonth month, String id) {
        return month + "|" + id;
    }

    static String id(String section, String key, String scope) {
        return section + "/" + key + "@" + scope;
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
