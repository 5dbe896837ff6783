package dk.rampe.archive;

import dk.rampe.platform.AwsClients;
import dk.rampe.report.ReportArchive;
import dk.rampe.testkit.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The S3 archive against moto: keys per programme, month and run; KMS asked on each put; nothing overwritten. */
class S3ReportArchiveMotoTest {
    private static MotoServer moto;

    @BeforeAll
    static void start() {
        if (MotoServer.missing() == null) moto = MotoServer.start();
    }

    @AfterAll
    static void stop() {
        if (moto != null) moto.close();
    }

    @Test
    void keepsListsAndReadsReports() {
        assumeTrue(moto != null, MotoServer.missing());
        try (S3Client s3 = S3ReportArchive.client("eu-north-1", moto.endpoint(), AwsClients.credentials())) {
            s3.createBucket(b -> b.bucket("rampe-reports").createBucketConfiguration(
                    c -> c.locationConstraint(BucketLocationConstraint.EU_NORTH_1)));
            s3.putBucketVersioning(b -> b.bucket("rampe-reports")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            S3ReportArchive archive = new S3ReportArchive(s3, "rampe-reports");
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("report.html", "<p>oktober</p>".getBytes(StandardCharsets.UTF_8));
            files.put("figures.csv", "month\r\n2026-10\r\n".getBytes(StandardCharsets.UTF_8));
            ReportArchive.Stored first = archive.put("p1", "2026-10", "2026-11-01T06:00:00Z", files);
            ReportArchive.Stored again = archive.put("p1", "2026-10", "2026-12-01T06:00:00Z", files);
            archive.put("p2", "2026-10", "2026-11-01T06:00:00Z", files);
            assertEquals("p1/2026-10/2026-11-01T06:00:00Z", first.key());
            assertEquals(List.of(first, again), archive.list("p1"), "only p1's, oldest first, none overwritten");
            assertArrayEquals(files.get("figures.csv"), archive.read(again, "figures.csv").orElseThrow());
            assertTrue(archive.read(first, "missing.csv").isEmpty());
            var head = s3.headObject(b -> b.bucket("rampe-reports").key("reports/" + first.key() + "/" + "figures.csv"));
            assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption());
            assertTrue(head.contentType().startsWith("text/csv"));
        }
    }
}
