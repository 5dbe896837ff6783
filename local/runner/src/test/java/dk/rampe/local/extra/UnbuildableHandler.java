package dk.rampe.local.extra;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.Map;

/** Asks for something the local runner does not have (test only). */
public final class UnbuildableHandler implements RequestHandler<Map<String, Object>, Void> {
    public UnbuildableHandler() {
    }

    public UnbuildableHandler(Clock clock, StringBuilder somethingUnknown) {
    }

    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        return null;
    }
}
