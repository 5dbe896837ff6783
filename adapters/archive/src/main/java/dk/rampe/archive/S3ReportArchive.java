package dk.rampe.archive;

import dk.rampe.platform.AwsClients;
import dk.rampe.platform.DryRun;
import dk.rampe.report.ReportArchive;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The report archive in AWS: {@code reports/{programme}/{month}/{madeAt}/{file}} in the template's
 * encrypted, versioned bucket (SSE-KMS asked on every put as well). The monthly report writes it;
 * the web app only lists and reads it, and builds its S3 client on the first report page
 * ({@link #lazy}), so a cold start that shows no report loads no S3 class.
 */
public final class S3ReportArchive implements ReportArchive {
    private static final String PREFIX = "reports/";
    private final Supplier<S3Client> client;
    private final String bucket;
    private volatile S3Client s3;

    public S3ReportArchive(S3Client s3, String bucket) {
        this(() -> s3, bucket);
        this.s3 = s3;
    }

    private S3ReportArchive(Supplier<S3Client> client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** An archive whose S3 client is built when it is first used (the web app's cold start stays SDK-free). */
    public static S3ReportArchive lazy(String region, String endpoint, AwsCredentialsProvider credentials,
                                       String bucket) {
        return new S3ReportArchive(() -> client(region, endpoint, credentials), bucket);
    }

    /**
     * The S3 client; its {@link DryRun} interceptor stops the put {@link #primePut} makes before it is sent. Checksums
     * only where an operation requires one (a put does not): the report's few kilobytes go in one signed request over
     * TLS, without the SDK's default CRC32 trailer and its aws-chunked encoding (about 20 classes less at a cold start);
     * a read still checks the checksum S3 answers with.
     */
    public static S3Client client(String region, String endpoint, AwsCredentialsProvider credentials) {
        return AwsClients.configure(S3Client.builder(), region, endpoint, credentials)
                .forcePathStyle(endpoint != null)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.addExecutionInterceptor(DryRun.INTERCEPTOR))
                .build();
    }

    /**
     * Priming before SnapStart's snapshot: a report file's put as {@link #put} makes it (KMS, content type, the
     * bytes), marshalled, resolved and signed by the client, stopped before it is sent ({@link DryRun}); nothing
     * is kept; and the answer's type set up. Only on a client built by {@link #client} (one that carries the interceptor); true when made.
     */
    public boolean primePut() {
        S3Client c = s3();
        if (!DryRun.stops(c.serviceClientConfiguration().overrideConfiguration().executionInterceptors())) return false;
        DryRun.expectNotSent(() -> c.putObject(b -> b.bucket(bucket).key(PREFIX + "prime/1970-01/prime/report.html")
                        .contentType("text/html; charset=UTF-8").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .overrideConfiguration(DryRun::mark),
                RequestBody.fromBytes("<p>prime</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        // the answer's type, which the stopped put never reaches: its fields (about 40 classes) are set up now
        PutObjectResponse.builder().build();
        return true;
    }

    private S3Client s3() {
        S3Client c = s3;
        if (c == null) {
            synchronized (this) {
                c = s3;
                if (c == null) s3 = c = client.get();
            }
        }
        return c;
    }

    @Override
    public Stored put(String programmeId, String month, String madeAt, Map<String, byte[]> files) {
        String key = programmeId + "/" + month + "/" + madeAt;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            s3().putObject(b -> b.bucket(bucket).key(PREFIX + key + "/" + f.getKey())
                            .contentType(f.getKey().endsWith(".csv") ? "text/csv; charset=UTF-8" : "text/html; charset=UTF-8")
                            .serverSideEncryption(ServerSideEncryption.AWS_KMS),
                    RequestBody.fromBytes(f.getValue()));
        }
        return new Stored(programmeId, month, madeAt, key);
    }

    @Override
    public List<Stored> list(String programmeId) {
        TreeSet<String> keys = new TreeSet<>();
        for (S3Object o : s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX + programmeId + "/")).contents()) {
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
            return Optional.of(s3().getObjectAsBytes(b -> b.bucket(bucket).key(PREFIX + stored.key() + "/" + fileName))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
