package dk.rampe.schedule;

import java.time.Instant;
import java.util.List;

/**
 * Port: the due work of one kind, read by due time from an index (never a scan). An item is on the
 * index while it still has work to do; the store takes it off (or moves it to a later time) when
 * the work is done or rescheduled.
 */
@FunctionalInterface
public interface DueIndex<T> {

    /** Items due in [{@code from}, {@code to}], oldest first, at most {@code limit}. */
    List<Due<T>> due(Instant from, Instant to, int limit);
}
