package dk.rampe.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One effect per intent. A person's write (a step of the path, a registration, an agreement, a tap on today's
 * list) that repeats the latest one of its kind with the same content within {@link #WINDOW} is the same
 * intent (a double tap, a retry over a slow network, two colleagues at once) and answers the first effect
 * instead of writing again. Writes that read state and then write retry a lost race at most {@link #ATTEMPTS}
 * times, reading again and deciding again each time, with a short random pause between tries.
 */
public final class Intent {
    /** How long after a write an identical one counts as its repeat. */
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** How many times a write that lost a race is decided again before it is refused as a 409. */
    public static final int ATTEMPTS = 25;

    private Intent() {
    }

    /** Whether something recorded at {@code first} is recent enough at {@code now} to be repeated by an identical write. */
    public static boolean repeats(Instant first, Instant now) {
        return !first.isBefore(now.minus(WINDOW)) && !first.isAfter(now.plus(WINDOW));
    }

    /** A short random pause before deciding again (grows with the attempt, at most about 120 ms). */
    public static void pause(int attempt) {
        long max = Math.min(120, 5L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, max + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the next try is decided at once
        }
    }
}
