package dk.rampe.schedule;

import java.time.Instant;

/**
 * What a sweep does with one due item: the only code a new capability writes (besides putting its
 * items on the due index). It must be safe to apply twice to the same item (two overlapping runs,
 * a retried run, the overlap window): derive what it creates from the decision
 * ({@link DecisionIds}) and write it with a does-not-exist-yet condition, or claim the item
 * with a conditional update. {@code R} is the outcome counted in the run's summary.
 */
@FunctionalInterface
public interface SweepRule<T, R> {

    R apply(Due<T> due, Instant now);
}
