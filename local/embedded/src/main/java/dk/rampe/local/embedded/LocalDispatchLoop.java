package dk.rampe.local.embedded;

import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.log.Log;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local runner's stand-in for the table stream and the scheduled sweep: every second it
 * sends whatever is due, through SES/SNS if {@code AWS_ENDPOINT_URL_SES} / {@code _SNS} are set,
 * else into {@code outboxDir} (one .eml per email, one JSON line per SMS). Because every send
 * is claimed in DynamoDB first, restarting the runner sends nothing twice.
 */
public final class LocalDispatchLoop implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final OutboxDispatcher dispatcher;

    private LocalDispatchLoop(OutboxDispatcher dispatcher, long periodMillis) {
        this.dispatcher = dispatcher;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rampe-dispatch-loop");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Sends what {@code dispatcher} finds due every {@code periodMillis}, until closed. */
    public static LocalDispatchLoop start(OutboxDispatcher dispatcher, long periodMillis) {
        LocalDispatchLoop loop = new LocalDispatchLoop(dispatcher, periodMillis);
        System.out.println("[outbox] dispatching every " + periodMillis + " ms");
        return loop;
    }

    /** Sends what is due now, on the caller's thread (tests use it to avoid waiting for a tick). */
    public OutboxDispatcher.Summary runOnce() {
        return dispatcher.dispatchDue(100);
    }

    private void tick() {
        try {
            OutboxDispatcher.Summary s = dispatcher.dispatchDue(100);
            if (!s.counts().isEmpty() || s.errors() > 0) {
                Log.info("dispatch.local", "results", s.counts().toString(), "errors", Integer.toString(s.errors()));
            }
        } catch (RuntimeException e) {
            Log.error("dispatch.localFailed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
