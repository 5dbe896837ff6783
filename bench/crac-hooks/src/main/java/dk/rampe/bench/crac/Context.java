package dk.rampe.bench.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context: keeps what is registered, and runs the hooks as a CRaC JDK does, before a
 * checkpoint in reverse order of registration, after a restore in order.
 */
public class Context<R extends Resource> implements Resource {
    private final List<R> resources = new ArrayList<>();

    public synchronized void register(R resource) {
        resources.add(resource);
    }

    synchronized int size() {
        return resources.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        List<R> all;
        synchronized (this) {
            all = new ArrayList<>(resources);
        }
        for (int i = all.size() - 1; i >= 0; i--) all.get(i).beforeCheckpoint(this);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws Exception {
        List<R> all;
        synchronized (this) {
            all = new ArrayList<>(resources);
        }
        for (R r : all) r.afterRestore(this);
    }
}
