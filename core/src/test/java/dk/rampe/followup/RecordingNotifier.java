package dk.rampe.followup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A notifier that records what it was asked to send (tests), answering with provider ids, or
 * with the failures queued by {@link #failNext}.
 */
public final class RecordingNotifier implements Notifier {
    private final List<OutboxMessage> sent = new CopyOnWriteArrayList<>();
    private final Deque<SendFailure> failures = new ArrayDeque<>();

    @Override
    public synchronized String send(OutboxMessage message) {
        SendFailure failure = failures.poll();
        if (failure != null) throw failure;
        sent.add(message);
        return "provider-" + sent.size();
    }

    /** The next send fails with {@code kind}. */
    public synchronized RecordingNotifier failNext(SendFailure.Kind kind, String code) {
        failures.add(new SendFailure(kind, code, null));
        return this;
    }

    public List<OutboxMessage> sent() {
        return List.copyOf(sent);
    }
}
