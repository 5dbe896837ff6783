package dk.rampe.platform;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * SDK clients built for Lambda cold start: the url-connection HTTP client, an explicit region
 * and the environment credentials provider (what Lambda sets), so the SDK never walks its
 * default chains. An endpoint override points them at DynamoDB Local or LocalStack.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static AwsCredentialsProvider credentials() {
        return EnvironmentVariableCredentialsProvider.create();
    }

    /**
     * The one place every Rampe SDK client is set up: url-connection HTTP client, explicit
     * region and credentials, and the endpoint override when one is given.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, String region, String endpoint, AwsCredentialsProvider credentials) {
        builder.httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region))
                .credentialsProvider(credentials);
        if (endpoint != null && !endpoint.isBlank()) builder.endpointOverride(URI.create(endpoint));
        return builder;
    }
}
