package dk.rampe.platform;

import dk.rampe.log.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * What a function runs before SnapStart takes its snapshot: named steps, each a real request path
 * with no side effect (a read of a key that does not exist, the settings read, a page rendered from
 * fixed data, a JSON document parsed and written), so the classes they load and the caches they fill
 * are in the snapshot and the first event after a restore does not pay for them.
 * <p>A step that fails is logged ({@code prime.failed}, its class only) and the others still run:
 * priming only saves time, it never decides whether a version can be published.
 */
public final class Priming {
    private final String function;
    private final Map<String, Runnable> steps = new LinkedHashMap<>();

    public Priming(String function) {
        this.function = function;
    }

    /** Adds a step; steps run in the order added. */
    public Priming step(String name, Runnable step) {
        steps.put(name, step);
        return this;
    }

    /** The steps' names, in order. */
    public List<String> steps() {
        return List.copyOf(steps.keySet());
    }

    /** Runs every step; the names of those that failed (empty when all ran). */
    public List<String> run() {
        long started = System.nanoTime();
        List<String> failed = new ArrayList<>();
        steps.forEach((name, step) -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                failed.add(name);
                Log.error("prime.failed", e, "function", function, "step", name);
            }
        });
        Log.info("prime", "function", function, "steps", Integer.toString(steps.size()),
                "failed", Integer.toString(failed.size()),
                "ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        return List.copyOf(failed);
    }

    /**
     * Registers a handler with the runtime's checkpoint hooks. Only the Lambda constructors call it: a
     * handler built by a test or the local runner is never checkpointed (a test calls
     * {@code beforeCheckpoint} itself).
     */
    public static void register(Resource handler) {
        Core.getGlobalContext().register(handler);
    }
}
