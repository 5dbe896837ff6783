package dk.rampe.monthlyreport;

import dk.rampe.archive.S3ReportArchive;
import dk.rampe.messaging.SesEmailSender;
import dk.rampe.platform.AwsClients;
import dk.rampe.testkit.FakeAwsEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's S3 put and SES email, primed before the snapshot: each is made by its client in full and
 * never reaches the service; a client built without the stopping interceptor is not asked at all; and the
 * same clients still send for real afterwards.
 */
class PrimedSendsTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));

    @Test
    void thePrimedPutAndEmailAreMadeButNeverSent() {
        try (FakeAwsEndpoint s3 = FakeAwsEndpoint.start(r -> new FakeAwsEndpoint.Response(200, java.util.Map.of(), ""));
             FakeAwsEndpoint ses = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesSent("ses-after-priming"))) {
            S3ReportArchive archive = new S3ReportArchive(S3ReportArchive.client("eu-north-1", s3.endpoint(), CREDENTIALS),
                    "rampe-reports");
            SesEmailSender sender = new SesEmailSender(SesEmailSender.client("eu-north-1", ses.endpoint(), CREDENTIALS),
                    "Rampe <no-reply@rampe.dk>", null);
            assertTrue(archive.primePut(), "the archive's client stops primed requests");
            assertTrue(sender.primeSend(), "the sender's client stops primed requests");
            assertEquals(0, s3.requests().size(), "nothing reached S3");
            assertEquals(0, ses.requests().size(), "nothing reached SES");

            archive.put("p1", "2026-10", "2026-11-01T06:00:00Z",
                    java.util.Map.of("report.html", "<p>x</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(1, s3.requests().size(), "a real put afterwards is sent");
            assertEquals("ses-after-priming", sender.sendWithAttachments(new dk.rampe.followup.EmailWithAttachments(
                    java.util.List.of("ejer@rampe.dk"), "Emne", "tekst", "<p>html</p>", java.util.List.of())));
            assertEquals(1, ses.requests().size(), "a real email afterwards is sent");
        }
    }

    @Test
    void aClientWithoutTheStopIsNeverPrimed() {
        try (FakeAwsEndpoint s3 = FakeAwsEndpoint.start(r -> new FakeAwsEndpoint.Response(200, java.util.Map.of(), ""));
             S3Client plain = AwsClients.configure(S3Client.builder(), "eu-north-1", s3.endpoint(), CREDENTIALS)
                     .forcePathStyle(true).build()) {
            assertFalse(new S3ReportArchive(plain, "rampe-reports").primePut());
            assertEquals(0, s3.requests().size());
        }
    }
}
