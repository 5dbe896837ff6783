package dk.rampe.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.platform.RampeConfig;
import dk.rampe.json.Json;
import dk.rampe.json.SettingsCodec;
import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.embedded.Tables;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The intake handler against LocalStack's DynamoDB (tables from the SAM template). NEEDS A
 * DOCKER ENGINE: where none runs, JUnit reports this class as skipped ("disabledWithoutDocker").
 * The DynamoDB Local suites cover the same behaviour on every machine.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIntakeTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(LocalStackContainer.Service.DYNAMODB);

    @Test
    void aSampleReferralRoundTripsThroughLocalStack() throws Exception {
        DynamoDbClient dynamo = DynamoClients.create(LOCALSTACK.getRegion(),
                LOCALSTACK.getEndpointOverride(LocalStackContainer.Service.DYNAMODB).toString(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
                        LOCALSTACK.getSecretKey())));
        Map<String, String> env = Map.of("RAMPE_TABLE", "rampe", "RAMPE_AUDIT_TABLE", "rampe-audit");
        Tables.createAll(SamTemplate.bundled(), dynamo, env);
        RampeConfig config = RampeConfig.from(env);
        new DynamoSettingsStore(dynamo, config.table(), Clock.systemUTC(), Duration.ZERO)
                .replace(SettingsCodec.parse(Json.parse(Events.text("settings-sample.json"))), "test");
        ReferralIntakeHandler handler = new ReferralIntakeHandler(config, dynamo, Clock.systemUTC());

        APIGatewayV2HTTPResponse created = handler.handleRequest(
                Events.read("referral-intake/post-referral.json", APIGatewayV2HTTPEvent.class), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Json.parse(created.getBody()).get("referralId").asText();
        APIGatewayV2HTTPEvent get = Events.read("referral-intake/get-referral.json", APIGatewayV2HTTPEvent.class);
        get.setPathParameters(Map.of("referralId", id));
        assertEquals(200, handler.handleRequest(get, null).getStatusCode());
    }
}
