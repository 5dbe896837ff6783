package dk.rampe.bench.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline: the least a Rampe function must do. It builds the DynamoDB client exactly as
 * {@code dk.rampe.platform.AwsClients} does (url-connection client, explicit region, environment
 * credentials, optional endpoint override) and answers each HTTP API event with one GetItem
 * (the settings item, which is also what the intake function reads first). No JSON library.
 */
public final class BareSdkHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamo;
    private final String table;

    public BareSdkHandler() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        var b = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        if (endpoint != null && !endpoint.isBlank()) b.endpointOverride(URI.create(endpoint));
        this.dynamo = b.build();
        String t = System.getenv("RAMPE_TABLE");
        this.table = t == null || t.isBlank() ? "rampe" : t;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("SETTINGS"), "sk", AttributeValue.fromS("SETTINGS")))).item();
        boolean found = item != null && !item.isEmpty();
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"found\":" + found + "}").build();
    }
}
