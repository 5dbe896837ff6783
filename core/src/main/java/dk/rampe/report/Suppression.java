package dk.rampe.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-count suppression with complementary suppression. Every count from 1 to 4 is hidden as
 * "<5" (primary). Then, for every group of cells that add up (parts and their total, e.g. the
 * jobcentres and the programme, or the outcomes and all exits), a group with exactly one hidden
 * cell would give it away by subtraction, so the smallest other non-zero cell of that group is
 * hidden too ("x", secondary), repeated until no group has exactly one hidden cell. Cells that show
 * the same number (one total in two sections) are hidden together. A cell {@code forced} hidden (a
 * cumulative total that would give a month's hidden count away: {@link Disclosure}) is secondary
 * from the start.
 */
public final class Suppression {
    private Suppression() {
    }

    /** A group of cell ids whose values add up: {@code parts} sum to {@code total}. */
    public record Group(List<String> parts, String total) {
        List<String> all() {
            List<String> a = new ArrayList<>(parts);
            if (total != null) a.add(total);
            return a;
        }
    }

    /** The text each cell is shown as. */
    public static Map<String, String> apply(Map<String, Long> cells, List<Group> groups) {
        return apply(cells, groups, Set.of(), List.of(), Set.of());
    }

    /**
     * The text each cell is shown as, with {@code forced} cells hidden and each set of {@code same} cells hidden
     * together. A {@code derivable} cell (a total a reader works out from earlier reports and this month's
     * shown counts) protects nothing when hidden: it does not count as hidden in a group and is never picked.
     */
    public static Map<String, String> apply(Map<String, Long> cells, List<Group> groups, Set<String> forced,
                                            List<Set<String>> same, Set<String> derivable) {
        Set<String> primary = new HashSet<>();
        Set<String> secondary = new HashSet<>();
        cells.forEach((id, v) -> {
            if (v > 0 && v < 5) primary.add(id);
            else if (v > 0 && forced.contains(id)) secondary.add(id);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Set<String> s : same) {
                boolean anyHidden = s.stream().anyMatch(m -> primary.contains(m) || secondary.contains(m));
                if (!anyHidden) continue;
                for (String m : s) {
                    if (cells.containsKey(m) && !primary.contains(m) && !secondary.contains(m) && cells.get(m) > 0) {
                        secondary.add(m);
                        changed = true;
                    }
                }
            }
            for (Group g : groups) {
                List<String> members = g.all().stream().filter(cells::containsKey).toList();
                long hidden = members.stream().filter(m -> (primary.contains(m) || secondary.contains(m))
                        && !(derivable.contains(m) && !primary.contains(m))).count();
                if (hidden != 1) continue;
                String pick = members.stream()
                        .filter(m -> !primary.contains(m) && !secondary.contains(m) && cells.get(m) > 0)
                        .filter(m -> !derivable.contains(m))
                        .min(Comparator.comparingLong((String m) -> cells.get(m)).thenComparing(m -> m))
                        .orElse(null);
                if (pick != null) {
                    secondary.add(pick);
                    changed = true;
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        cells.forEach((id, v) -> out.put(id, primary.contains(id) ? Figure.SUPPRESSED
                : secondary.contains(id) ? Figure.HIDDEN : Long.toString(v)));
        return out;
    }
}
