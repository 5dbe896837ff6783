package software.amazon.awssdk.regions;

import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EmailServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EnhancedS3ServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SnsServiceMetadata;

/**
 * Stands in the functions' jars for the SDK's own class of this name (the shade plugin leaves that one out):
 * the SDK's builds, in its static initialiser, one metadata object for each of the 314 services it knows,
 * 316 classes loaded and 0.7 MB in every jar, when the first client is built. Rampe's clients are
 * DynamoDB, S3, SES v2 ({@code email}) and SNS; each gets the same metadata class the SDK's provider maps
 * it to, built when it is first asked for. Any other service gets what {@link ServiceMetadata#of} gives a
 * service the SDK has no metadata for (its {@code DefaultServiceMetadata}). {@code MetadataLoader} builds
 * this class by name, so it keeps the SDK's name; {@code ShadedJarTest} checks that each jar holds this one
 * and that it answers for each of Rampe's services as the SDK's does.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {
    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return switch (endpointPrefix) {
            case "dynamodb" -> Holder.DYNAMODB;
            case "s3" -> Holder.S3;
            case "email" -> Holder.EMAIL;
            case "sns" -> Holder.SNS;
            default -> null;
        };
    }

    /** One instance per service, as the SDK's map holds them: the four built when the first client is. */
    private static final class Holder {
        static final ServiceMetadata DYNAMODB = new DynamodbServiceMetadata();
        static final ServiceMetadata S3 = new EnhancedS3ServiceMetadata();
        static final ServiceMetadata EMAIL = new EmailServiceMetadata();
        static final ServiceMetadata SNS = new SnsServiceMetadata();
    }
}
