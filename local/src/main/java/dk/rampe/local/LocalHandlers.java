package dk.rampe.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.config.RampeConfig;
import dk.rampe.intake.ReferralIntakeHandler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds each function's handler for local use: the same classes Lambda runs, given the local
 * DynamoDB client, the local clock and the local outbox instead of what they build from the
 * environment in AWS. One instance per class, like one warm Lambda.
 */
final class LocalHandlers {
    private final RampeConfig config;
    private final Map<String, String> env;
    private final DynamoDbClient dynamo;
    private final Clock clock;
    private final Map<String, Object> built = new ConcurrentHashMap<>();

    LocalHandlers(RampeConfig config, Map<String, String> env, DynamoDbClient dynamo, Clock clock) {
        this.config = config;
        this.env = env;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    Object get(String className) {
        return built.computeIfAbsent(className, this::build);
    }

    @SuppressWarnings("unchecked")
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api(String className) {
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) get(className);
    }

    private Object build(String className) {
        if (className.equals(ReferralIntakeHandler.class.getName())) {
            return new ReferralIntakeHandler(config, dynamo, clock);
        }
        throw new IllegalStateException("the local runner does not know how to build " + className
                + ": add it to " + LocalHandlers.class.getName());
    }
}
