package dk.rampe.schedule;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Watermarks kept in memory: for one process (tests, a dispatcher built without a table). */
public final class InMemoryWatermarks implements Watermarks {
    private final Map<String, Instant> marks = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> read(String sweep) {
        return Optional.ofNullable(marks.get(sweep));
    }

    @Override
    public void advance(String sweep, Instant to) {
        marks.merge(sweep, to, (a, b) -> a.isAfter(b) ? a : b);
    }
}
