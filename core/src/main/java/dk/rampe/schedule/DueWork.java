package dk.rampe.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * Port: generic due work, for capabilities whose work is not already an item of its own (the
 * outbox's messages are): "aftercare call for R123 due on 1 March", "absence check for p1 at 10:00".
 * A piece of work is named by its kind and a decision-derived id ({@link DecisionIds}), carries the
 * few texts its rule needs (ids, dates; never personal data beyond ids), and stays on the due
 * index until {@link #done}. Scheduling the same work again changes nothing once it is done.
 */
public interface DueWork {

    /**
     * Puts the work on the due index at {@code dueAt} (or moves it there if it is not done yet).
     * False if it was done already.
     */
    boolean schedule(String kind, String id, Instant dueAt, Map<String, String> work);

    /**
     * Claims the work before acting on a copy read from the due index (which may lag behind the table): true
     * if it is still not done and still due at {@code dueAt} (the copy's time), false if it was done or moved
     * since. Claiming changes nothing but a mark, so a crash after it leaves the work to the next sweep.
     */
    default boolean claim(String kind, String id, Instant dueAt, Instant at) {
        return true;
    }

    /** Takes the work off the due index: done. False if it was done already (or never scheduled). */
    boolean done(String kind, String id, Instant at);

    /** The work of {@code kind} by due time, for a {@link Sweeper}. */
    DueIndex<Map<String, String>> index(String kind);
}
