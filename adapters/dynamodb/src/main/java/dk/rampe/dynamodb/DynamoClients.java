package dk.rampe.dynamodb;

import dk.rampe.platform.AwsClients;
import dk.rampe.platform.RampeConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client, built the one way {@link AwsClients} builds every client. */
public final class DynamoClients {
    private DynamoClients() {
    }

    public static DynamoDbClient create(RampeConfig config) {
        return create(config.region(), config.dynamoEndpoint(), AwsClients.credentials());
    }

    public static DynamoDbClient create(String region, String endpoint, AwsCredentialsProvider credentials) {
        return AwsClients.configure(DynamoDbClient.builder(), region, endpoint, credentials).build();
    }
}
