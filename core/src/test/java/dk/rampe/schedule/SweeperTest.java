package dk.rampe.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The watermark rules with an in-memory index; SweepSeamTest (nudge-dispatcher) runs them on DynamoDB Local. */
class SweeperTest {
    final TreeMap<Instant, String> index = new TreeMap<>();
    final DueIndex<String> due = (from, to, limit) -> index.subMap(from, true, to, true).entrySet().stream()
            .limit(limit).map(e -> new Due<>(e.getValue(), e.getKey(), e.getValue())).toList();
    final InMemoryWatermarks marks = new InMemoryWatermarks();
    final Instant t0 = Instant.parse("2026-11-24T08:00:00Z");

    Sweeper at(Instant now) {
        return new Sweeper(marks, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(2), Duration.ofMinutes(15));
    }

    @Test
    void anErrorHoldsTheWatermarkBeforeTheFailedItem() {
        index.put(t0.minusSeconds(120), "a");
        index.put(t0.minusSeconds(60), "boom");
        index.put(t0.minusSeconds(30), "c");
        List<String> seen = new ArrayList<>();
        Sweeper.Run<String> run = at(t0).run("s", due, (d, now) -> {
            if (d.id().equals("boom") && seen.contains("boom")) return "ok";
            seen.add(d.id());
            if (d.id().equals("boom")) throw new IllegalStateException();
            return "ok";
        }, 10);
        assertEquals(1, run.errors());
        assertEquals(t0.minusSeconds(60).minusNanos(1), marks.read("s").orElseThrow());
    }

    @Test
    void aFullBatchMovesTheWatermarkToItsLastItemAndTheNextRunGoesOn() {
        for (int i = 0; i < 5; i++) index.put(t0.minus(Duration.ofHours(5 - i)), "i" + i);
        List<String> seen = new ArrayList<>();
        at(t0).run("s", due, (d, now) -> seen.add(d.id()), 3);
        assertEquals(t0.minus(Duration.ofHours(3)), marks.read("s").orElseThrow());
        at(t0).run("s", due, (d, now) -> seen.add(d.id()), 3);
        assertEquals(List.of("i0", "i1", "i2", "i2", "i3", "i4"), seen, "the overlap reads the last one again");
        assertEquals(t0.minus(Duration.ofHours(1)), marks.read("s").orElseThrow(), "a full batch again");
        at(t0).run("s", due, (d, now) -> seen.add(d.id()), 3);
        assertEquals(t0, marks.read("s").orElseThrow());
    }

    @Test
    void theWatermarkNeverMovesBack() {
        marks.advance("s", t0);
        marks.advance("s", t0.minusSeconds(1));
        assertEquals(t0, marks.read("s").orElseThrow());
    }
}
