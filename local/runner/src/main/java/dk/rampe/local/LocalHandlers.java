package dk.rampe.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.platform.RampeConfig;
import dk.rampe.local.embedded.LocalOutbox;
import dk.rampe.messaging.Notifiers;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.dispatch.NudgeDispatcherHandler;
import dk.rampe.dispatch.NudgeSweepHandler;
import dk.rampe.followup.page.FollowUpPageHandler;
import dk.rampe.intake.ReferralIntakeHandler;
import dk.rampe.followup.Notifier;
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
    private final DynamoDbClient dynamo;
    private final Clock clock;
    private final NudgeConfig nudges;
    private final Notifier notifier;
    private final Map<String, Object> built = new ConcurrentHashMap<>();

    LocalHandlers(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        this.config = config;
        this.nudges = nudges;
        this.dynamo = dynamo;
        this.clock = clock;
        // the outbox folder, or SES/SNS when AWS_ENDPOINT_URL_SES / AWS_ENDPOINT_URL_SNS are set
        this.notifier = Notifiers.create(nudges, config.region(),
                new LocalOutbox(nudges.outboxDir(), nudges.emailSender(), clock));
    }

    NudgeConfig nudges() {
        return nudges;
    }

    Notifier notifier() {
        return notifier;
    }

    /** Every handler class a route or schedule of the template names, built. */
    void buildAll(java.util.Collection<String> classNames) {
        classNames.forEach(this::get);
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
            return new ReferralIntakeHandler(config, nudges, dynamo, clock);
        }
        if (className.equals(FollowUpPageHandler.class.getName())) {
            return new FollowUpPageHandler(config, nudges, dynamo, clock);
        }
        if (className.equals(dk.rampe.web.WebAppHandler.class.getName())) {
            return new dk.rampe.web.WebAppHandler(config, dynamo, clock);
        }
        if (className.equals(NudgeSweepHandler.class.getName())) {
            return new NudgeSweepHandler(config, nudges, dynamo, notifier, clock);
        }
        if (className.equals(NudgeDispatcherHandler.class.getName())) {
            return new NudgeDispatcherHandler(config, nudges, dynamo, notifier, clock);
        }
        throw new IllegalStateException("the local runner does not know how to build " + className
                + ": add it to " + LocalHandlers.class.getName());
    }
}
