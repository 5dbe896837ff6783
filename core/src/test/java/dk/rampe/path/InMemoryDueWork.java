package dk.rampe.path;

import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueIndex;
import dk.rampe.schedule.DueWork;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Due work in memory, with the semantics of DynamoDueWork: scheduling done work changes nothing. */
public final class InMemoryDueWork implements DueWork {
    public record Entry(String kind, String id, Instant dueAt, Map<String, String> work, Instant doneAt) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    @Override
    public synchronized boolean schedule(String kind, String id, Instant dueAt, Map<String, String> work) {
        Entry e = entries.get(kind + "#" + id);
        if (e != null && e.doneAt() != null) return false;
        entries.put(kind + "#" + id, new Entry(kind, id, dueAt, Map.copyOf(work), null));
        return true;
    }

    @Override
    public synchronized boolean claim(String kind, String id, Instant dueAt, Instant at) {
        Entry e = entries.get(kind + "#" + id);
        return e != null && e.doneAt() == null && e.dueAt().equals(dueAt);
    }

    @Override
    public synchronized boolean done(String kind, String id, Instant at) {
        Entry e = entries.get(kind + "#" + id);
        if (e == null || e.doneAt() != null) return false;
        entries.put(kind + "#" + id, new Entry(kind, id, e.dueAt(), e.work(), at));
        return true;
    }

    @Override
    public DueIndex<Map<String, String>> index(String kind) {
        return (from, to, limit) -> {
            synchronized (this) {
                return entries.values().stream()
                        .filter(e -> e.kind().equals(kind) && e.doneAt() == null)
                        .filter(e -> !e.dueAt().isBefore(from) && !e.dueAt().isAfter(to))
                        .sorted(Comparator.comparing(Entry::dueAt).thenComparing(Entry::id)).limit(limit)
                        .map(e -> new Due<>(e.id(), e.dueAt(), e.work())).toList();
            }
        };
    }

    /** Work still on the index. */
    public synchronized List<Entry> pending(String kind) {
        return entries.values().stream().filter(e -> e.kind().equals(kind) && e.doneAt() == null).toList();
    }
}
