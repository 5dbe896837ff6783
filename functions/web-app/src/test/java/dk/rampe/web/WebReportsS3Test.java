package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.rampe.archive.S3ReportArchive;
import dk.rampe.platform.AwsClients;
import dk.rampe.testkit.MotoServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * The owner's monthly reports as in AWS: the web app reads the report bucket (here moto_server, a
 * real S3-protocol peer) through the archive the monthly report writes, with its client built lazily
 * on the first report page; the reports listed and one opened. Skipped, saying why, without moto.
 */
class WebReportsS3Test {
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
    void theOwnerReadsTheReportsTheMonthlyReportKeptInTheBucket() {
        assumeTrue(moto != null, MotoServer.missing());
        try (S3Client s3 = S3ReportArchive.client("eu-north-1", moto.endpoint(), AwsClients.credentials())) {
            s3.createBucket(b -> b.bucket("rampe-reports").createBucketConfiguration(
                    c -> c.locationConstraint(BucketLocationConstraint.EU_NORTH_1)));
            // what the monthly report keeps (its own archive object, its own client)
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("report.html", "<html><body><p>Oktober i S3</p></body></html>".getBytes(StandardCharsets.UTF_8));
            files.put("figures.csv", "a,b\r\n".getBytes(StandardCharsets.UTF_8));
            new S3ReportArchive(s3, "rampe-reports").put("rampe-oestjylland", "2026-10", "2026-11-01T06-00-00Z", files);
            new S3ReportArchive(s3, "rampe-reports").put("another-programme", "2026-10", "2026-11-01T06-00-00Z", files);
        }
        S3ReportArchive lazy = S3ReportArchive.lazy("eu-north-1", moto.endpoint(), AwsClients.credentials(),
                "rampe-reports");
        WebFixture f = new WebFixture(lazy);
        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        WebFixture.Page list = dorthe.get("/app/reports");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("href=\"/app/reports/rampe-oestjylland/2026-10/2026-11-01T06-00-00Z\""),
                list.body());
        assertTrue(!list.body().contains("another-programme"), "only the owner's programmes");
        WebFixture.Page opened = dorthe.get("/app/reports/rampe-oestjylland/2026-10/2026-11-01T06-00-00Z");
        assertEquals(200, opened.status());
        assertTrue(opened.body().contains("Oktober i S3"));
        assertEquals(404, dorthe.get("/app/reports/rampe-oestjylland/2026-09/2026-10-01T06-00-00Z").status());
    }
}
