package dk.rampe.schedule;

import dk.rampe.log.Log;
import dk.rampe.log.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep machinery, built once: read what is due since the sweep's watermark from the due
 * index, hand each item to the rule, move the watermark. Capabilities add rules, not machinery.
 * <ul>
 * <li>A missed run (or a week without runs) catches up: the next run reads everything due since
 * the watermark, however many days that spans.</li>
 * <li>The window starts {@code overlap} before the watermark, so an item that reached the index
 * late (index propagation, a transaction that committed just after a run read, clocks a little
 * apart) is still read once. Rules are idempotent, so reading an item again is harmless.</li>
 * <li>The watermark moves only as far as every item up to it was applied without an error: an
 * item whose rule threw holds it back and is read again by the next run. When {@code limit} items
 * were read, it moves to the last of them and the next run goes on from there.</li>
 * <li>An item whose rule threw is logged with its stack frames (never the message) and counted in
 * {@value #ERRORS_METRIC}; the run goes on with the next item and returns normally.</li>
 * <li>Two overlapping runs apply the same items twice (harmless, see {@link SweepRule}) and the
 * watermark only moves forward.</li>
 * </ul>
 */
public final class Sweeper {
    /** When a sweep has never run: how far back its first run reads. */
    public static final Duration FIRST_LOOKBACK = Duration.ofDays(31);
    /**
     * The one failure signal of every sweep: items whose rule threw in a run, counted (EMF, dimension
     * {@code Function}) and alarmed in infra/sam-template.yaml; each is logged with its stack frames.
     */
    public static final String ERRORS_METRIC = "SweepErrors";
    /** How far before the watermark each run starts reading again. */
    public static final Duration OVERLAP = Duration.ofMinutes(15);

    private final Watermarks watermarks;
    private final Clock clock;
    private final Duration firstLookback;
    private final Duration overlap;

    public Sweeper(Watermarks watermarks, Clock clock) {
        this(watermarks, clock, FIRST_LOOKBACK, OVERLAP);
    }

    public Sweeper(Watermarks watermarks, Clock clock, Duration firstLookback, Duration overlap) {
        this.watermarks = watermarks;
        this.clock = clock;
        this.firstLookback = firstLookback;
        this.overlap = overlap;
    }

    /** What one run did: outcomes by kind, items read, errors, and the watermark it left. */
    public record Run<R>(Map<R, Integer> counts, int read, int errors, Instant from, Instant to, Instant watermark) {
        public int count(R outcome) {
            return counts.getOrDefault(outcome, 0);
        }
    }

    /** Runs {@code rule} on what {@code index} has due up to now, at most {@code limit} items. */
    public <T, R> Run<R> run(String sweep, DueIndex<T> index, SweepRule<T, R> rule, int limit) {
        Instant now = clock.instant();
        Instant mark = watermarks.read(sweep).orElse(now.minus(firstLookback));
        Instant from = mark.minus(overlap);
        List<Due<T>> due = index.due(from, now, limit);
        Map<R, Integer> counts = new LinkedHashMap<>();
        int errors = 0;
        Instant firstError = null;
        for (Due<T> d : due) {
            try {
                counts.merge(rule.apply(d, now), 1, Integer::sum);
            } catch (RuntimeException e) {
                errors++;
                if (firstError == null) firstError = d.dueAt();
                Log.error("sweep.itemError", e, "sweep", sweep, "id", d.id());
            }
        }
        Instant to = due.size() >= limit && !due.isEmpty() ? due.get(due.size() - 1).dueAt() : now;
        // everything before the first failed item is done; the failed one is read again next time
        if (firstError != null && firstError.isBefore(to.plusNanos(1))) to = firstError.minusNanos(1);
        if (to.isAfter(mark)) watermarks.advance(sweep, to);
        Instant left = to.isAfter(mark) ? to : mark;
        Log.info("sweep.run", "sweep", sweep, "read", Integer.toString(due.size()),
                "errors", Integer.toString(errors), "watermark", left.toString());
        if (errors > 0) Metrics.count(ERRORS_METRIC, errors);
        return new Run<>(counts, due.size(), errors, from, now, left);
    }
}
