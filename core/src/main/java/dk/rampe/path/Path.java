package dk.rampe.path;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A participant's recorded history (every record, corrections included) and the path it gives:
 * each step as last corrected, in the order the steps took effect.
 */
public final class Path {
    private static final Comparator<Milestone> RECORDED = Comparator.comparing(Milestone::recordedAt)
            .thenComparing(Milestone::id);

    private final List<Milestone> records;

    public Path(List<Milestone> records) {
        List<Milestone> sorted = new ArrayList<>(records);
        sorted.sort(RECORDED);
        this.records = List.copyOf(sorted);
    }

    /** Every record in the order it was recorded. */
    public List<Milestone> records() {
        return records;
    }

    /** The history as it stood at {@code at}: only what had been recorded by then. */
    public Path asOf(Instant at) {
        return new Path(records.stream().filter(m -> !m.recordedAt().isAfter(at)).toList());
    }

    public Path with(Milestone m) {
        List<Milestone> l = new ArrayList<>(records);
        l.add(m);
        return new Path(l);
    }

    public Optional<Milestone> find(String id) {
        return records.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The first record of the chain of corrections {@code m} belongs to: the step's identity. */
    public String rootOf(Milestone m) {
        Map<String, Milestone> byId = new HashMap<>();
        for (Milestone r : records) byId.put(r.id(), r);
        Milestone cur = m;
        for (int i = 0; i <= records.size() && cur.corrects() != null && byId.containsKey(cur.corrects()); i++) {
            cur = byId.get(cur.corrects());
        }
        return cur.id();
    }

    /** Whether a later record corrects {@code m}. */
    public boolean isCorrected(Milestone m) {
        return records.stream().anyMatch(r -> m.id().equals(r.corrects()));
    }

    /**
     * The steps as last corrected, each with the id of its first record ({@link Step#stepId()}),
     * ordered by the date they took effect, then by when they were first recorded.
     */
    public List<Step> steps() {
        Map<String, Step> byRoot = new LinkedHashMap<>();
        for (Milestone m : records) {
            String root = rootOf(m);
            Step earlier = byRoot.get(root);
            byRoot.put(root, new Step(root, m, earlier == null ? m.recordedAt() : earlier.firstRecordedAt()));
        }
        List<Step> out = new ArrayList<>(byRoot.values());
        out.sort(Comparator.comparing((Step s) -> s.current().effectiveOn()).thenComparing(Step::firstRecordedAt)
                .thenComparing(Step::type).thenComparing(Step::stepId));
        return out;
    }

    /**
     * The internships of the path, for the attendance rules: each internship start (as last corrected) to the
     * next internship end after it, or to its expected end while no end is recorded, or open; both days
     * included. Oldest first.
     */
    public List<dk.rampe.attendance.Internship> internships() {
        List<Step> steps = steps();
        List<dk.rampe.attendance.Internship> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.type() != MilestoneType.INTERNSHIP_STARTED) continue;
            java.time.LocalDate end = s.current().expectedEnd();
            for (int j = i + 1; j < steps.size(); j++) {
                if (steps.get(j).type() == MilestoneType.INTERNSHIP_ENDED) {
                    end = steps.get(j).current().effectiveOn();
                    break;
                }
                if (steps.get(j).type() == MilestoneType.INTERNSHIP_STARTED) break;
            }
            java.time.LocalDate from = s.current().effectiveOn();
            out.add(new dk.rampe.attendance.Internship(from, end != null && end.isBefore(from) ? from : end));
        }
        return out;
    }

    /** One step of the path: its identity (first record's id) and its current (last corrected) record. */
    public record Step(String stepId, Milestone current, Instant firstRecordedAt) {
        public MilestoneType type() {
            return current.type();
        }
    }
}
