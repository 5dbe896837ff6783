package dk.rampe.archive;

import dk.rampe.platform.AwsClients;
import dk.rampe.report.ReportArchive;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The report archive in AWS: {@code reports/{programme}/{month}/{madeAt}/{file}} in the template's
 * encrypted, versioned bucket (SSE-KMS asked on every put as well).
 */
public final class S3ReportArchive implements ReportArchive {
    private static final String PREFIX = "reports/";
    private final S3Client s3;
    private final String bucket;

    public S3ReportArchive(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static S3Client client(String region, String endpoint, AwsCredentialsProvider credentials) {
        return AwsClients.configure(S3Client.builder(), region, endpoint, credentials)
                .forcePathStyle(endpoint != null)
                .build();
    }

    @Override
    public Stored put(String programmeId, String month, String madeAt, Map<String, byte[]> files) {
        String key = programmeId + "/" + month + "/" + madeAt;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            s3.putObject(b -> b.bucket(bucket).key(PREFIX + key + "/" + f.getKey())
                            .contentType(f.getKey().endsWith(".csv") ? "text/csv; charset=UTF-8" : "text/html; charset=UTF-8")
                            .serverSideEncryption(ServerSideEncryption.AWS_KMS),
                    RequestBody.fromBytes(f.getValue()));
        }
        return new Stored(programmeId, month, madeAt, key);
    }

    @Override
    public List<Stored> list(String programmeId) {
        TreeSet<String> keys = new TreeSet<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX + programmeId + "/")).contents()) {
            String rest = o.key().substring(PREFIX.length());
            keys.add(rest.substring(0, rest.lastIndexOf('/')));
        }
        List<Stored> out = new ArrayList<>();
        for (String k : keys) {
            String[] parts = k.split("/", 3);
            if (parts.length == 3) out.add(new Stored(parts[0], parts[1], parts[2], k));
        }
        return out;
    }

    @Override
    public Optional<byte[]> read(Stored stored, String fileName) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(PREFIX + stored.key() + "/" + fileName))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
