package dk.rampe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Independent reads of one page in one round: each read (a DynamoDB query through the thread-safe
 * SDK client) on a small pool of daemon threads, the page waiting for all of them. The pool is made
 * on the first page that needs it, not at a cold start. A failure of any read fails the page, as a
 * sequential read would (its RuntimeException is rethrown as it was).
 */
final class Parallel {
    private static final int THREADS = 8;
    private static volatile ExecutorService pool;

    private Parallel() {
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    pool = p = Executors.newFixedThreadPool(THREADS, r -> {
                        Thread t = new Thread(r, "web-read");
                        t.setDaemon(true);
                        return t;
                    });
                }
            }
        }
        return p;
    }

    /** Runs every read, at most {@value #THREADS} at a time, and gives their results in order. */
    static <T> List<T> all(List<Supplier<T>> reads) {
        if (reads.size() <= 1) return reads.stream().map(Supplier::get).toList();
        List<Future<T>> futures = new ArrayList<>(reads.size());
        for (Supplier<T> r : reads) futures.add(pool().submit(r::get));
        List<T> out = new ArrayList<>(reads.size());
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new CompletionException(e.getCause());
            }
        }
        return out;
    }

    /** Two reads in one round. */
    @SuppressWarnings("unchecked")
    static <A, B> Pair<A, B> both(Supplier<A> a, Supplier<B> b) {
        List<Object> r = all(List.of(a::get, b::get));
        return new Pair<>((A) r.get(0), (B) r.get(1));
    }

    record Pair<A, B>(A first, B second) {
    }
}
