package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dk.rampe.testkit.Events;
import dk.rampe.testkit.SamTemplate;
import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What SAM deploys works on its own: each function's shaded jar, loaded alone (as the Lambda
 * runtime loads it), has its handler class, and the runtime's own event serializer turns the
 * function's sample event into the handler's input type using only the classes in that jar.
 * (The tests' classpath has far more, e.g. joda-time from DynamoDB Local; this test does not:
 * without joda-time in its jar the dispatcher could not read its first stream batch.)
 */
class ShadedJarTest {
    /** The sample event of each function that takes a Lambda event type (the sweep takes a plain map). */
    private static final Map<String, String> SAMPLES = Map.of(
            "ReferralIntakeFunction", "referral-intake/post-referral.json",
            "NudgeDispatcherFunction", "nudge-dispatcher-stream.json",
            "FollowUpPageFunction", "follow-up-page-get.json");

    @Test
    void eachJarLoadsItsHandlerAndReadsItsSampleEventAlone() throws Exception {
        SamTemplate template = SamTemplate.read(Path.of("../infra/sam-template.yaml"));
        int checked = 0;
        for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> p = SamTemplate.properties(e.getValue());
            Path jar = Path.of("..", "infra").resolve((String) p.get("CodeUri")).normalize();
            assertTrue(Files.isRegularFile(jar), e.getKey() + ": " + jar + " is built by mvn package");
            try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = Class.forName(((String) p.get("Handler")).split("::")[0], false, alone);
                assertEquals(alone, handler.getClassLoader(), "the handler comes from the jar itself");
                String sample = SAMPLES.get(e.getKey());
                if (sample == null) continue;
                Class<?> input = inputType(handler);
                PojoSerializer<?> serializer;
                try {
                    serializer = runtimeSerializer(input, alone);
                } catch (RuntimeException failure) {
                    throw new AssertionError(e.getKey() + ": the runtime cannot read " + input.getSimpleName()
                            + " with this jar alone", failure);
                }
                Object event = serializer.fromJson(new ByteArrayInputStream(
                        Events.text(sample).getBytes(StandardCharsets.UTF_8)));
                assertNotNull(event, e.getKey());
                assertEquals(input, event.getClass(), e.getKey());
                checked++;
            }
        }
        assertEquals(SAMPLES.size(), checked, "every sample was read");
    }

    /**
     * As the Lambda runtime chooses (EventHandlerLoader in aws-lambda-java-runtime-interface-client):
     * the event serializers, with their modules loaded from the function's class loader, for the
     * events they list (DynamodbEvent among them); plain Jackson for others (APIGatewayV2HTTPEvent).
     */
    private static PojoSerializer<?> runtimeSerializer(Class<?> type, ClassLoader functionLoader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, functionLoader);
        }
        return JacksonFactory.getInstance().getSerializer((Type) type);
    }

    private static Class<?> inputType(Class<?> handler) {
        for (Type t : handler.getGenericInterfaces()) {
            if (t instanceof ParameterizedType pt && pt.getRawType().getTypeName().endsWith(".RequestHandler")) {
                return (Class<?>) pt.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(handler + " is not a RequestHandler<I, O>");
    }
}
