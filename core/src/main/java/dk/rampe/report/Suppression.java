package dk.rampe.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-count suppression with complementary suppression. Every count from 1 to 4 is hidden (primary).
 * Then, for every group of cells that add up (parts and their total, e.g. the jobcentres and the programme,
 * or the outcomes and all exits), a group with exactly one hidden cell would give it away by subtraction, so
 * the smallest other non-zero cell of that group is hidden too (secondary), repeated until no group has
 * exactly one hidden cell. Cells that show the same number (one total in two sections) are hidden together.
 * Every hidden cell shows one symbol, {@link Figure#HIDDEN}: a reader cannot tell a small count from one
 * hidden to protect it, nor from a zero the audit hid ({@link Disclosure}), so all a hidden cell tells is that
 * it is 0 or more. A cell {@code forced} hidden (a total since the start showing its last published value, a
 * cell the audit hides) is hidden from the start, whatever its value.
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
     * together. A {@code neverPicked} cell (a total since the start: {@link Disclosure} decides how it shows) is
     * never hidden to protect another here.
     */
    public static Map<String, String> apply(Map<String, Long> cells, List<Group> groups, Set<String> forced,
                                            List<Set<String>> same, Set<String> neverPicked) {
        Set<String> hidden = new HashSet<>();
        cells.forEach((id, v) -> {
            if ((v > 0 && v < 5) || forced.contains(id)) hidden.add(id);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Set<String> s : same) {
                if (s.stream().noneMatch(hidden::contains)) continue;
                for (String m : s) {
                    if (cells.containsKey(m) && hidden.add(m)) changed = true;
                }
            }
            for (Group g : groups) {
                List<String> members = g.all().stream().filter(cells::containsKey).toList();
                long count = members.stream().filter(hidden::contains).count();
                if (count != 1) continue;
                String pick = members.stream()
                        .filter(m -> !hidden.contains(m) && cells.get(m) > 0 && !neverPicked.contains(m))
                        .min(Comparator.comparingLong((String m) -> cells.get(m)).thenComparing(m -> m))
                        .orElse(null);
                if (pick != null) {
                    hidden.add(pick);
                    changed = true;
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        cells.forEach((id, v) -> out.put(id, hidden.contains(id) ? Figure.HIDDEN : Long.toString(v)));
        return out;
    }
}
