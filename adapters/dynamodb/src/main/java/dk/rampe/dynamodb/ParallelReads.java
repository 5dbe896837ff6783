package dk.rampe.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent reads run a few at a time (DynamoDB serves them in parallel), their answers in the order asked.
 * No thread is started for nothing to read.
 */
final class ParallelReads {
    private ParallelReads() {
    }

    static <T, R> List<R> map(List<T> inputs, int threads, String name, Function<T, R> read) {
        if (inputs.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, inputs.size())), rt -> {
            Thread t = new Thread(rt, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> reads = new ArrayList<>(inputs.size());
            for (T input : inputs) reads.add(pool.submit(() -> read.apply(input)));
            List<R> out = new ArrayList<>(inputs.size());
            for (Future<R> f : reads) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
