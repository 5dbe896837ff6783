package dk.rampe.local.extra;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dk.rampe.followup.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scheduled function the local runner has never heard of (test only): records when it fired. */
public final class TickHandler implements RequestHandler<Map<String, Object>, Void> {
    public static final List<String> FIRED = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public TickHandler(Clock clock, Notifier notifier) {
        if (notifier == null) throw new IllegalArgumentException("notifier");
        this.clock = clock;
    }

    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        Instant now = clock.instant();
        FIRED.add(input.get("tick") + "@" + now);
        return null;
    }
}
