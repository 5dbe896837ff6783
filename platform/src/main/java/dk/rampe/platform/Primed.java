package dk.rampe.platform;

import org.crac.Context;
import org.crac.Resource;

/**
 * A handler that primes its request path before SnapStart's snapshot ({@link Priming}). Nothing is
 * undone after a restore: priming holds no connection open and caches nothing that outlives its
 * own expiry (the settings' minute is long over when a snapshot is restored).
 */
public interface Primed extends Resource {
    /** This handler's steps. */
    Priming priming();

    @Override
    default void beforeCheckpoint(Context<? extends Resource> context) {
        priming().run();
    }

    @Override
    default void afterRestore(Context<? extends Resource> context) {
    }
}
