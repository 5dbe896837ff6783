package dk.rampe.local.extra;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.platform.RampeConfig;
import java.time.Clock;
import java.util.Map;

/**
 * A function the local runner has never heard of (test only): built from its constructor's
 * parameter types alone. Answers with the table it was given and the local clock's time.
 */
public final class HelloHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final RampeConfig config;
    private final Clock clock;

    /** What Lambda would call; the runner must not pick it. */
    public HelloHandler() {
        throw new IllegalStateException("the no-argument constructor reaches for AWS");
    }

    public HelloHandler(RampeConfig config) {
        this(config, null);
    }

    public HelloHandler(RampeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String name = event.getPathParameters() == null ? "?" : event.getPathParameters().get("name");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "text/plain"))
                .withBody("hello " + name + " table=" + config.table() + " now=" + clock.instant())
                .build();
    }
}
