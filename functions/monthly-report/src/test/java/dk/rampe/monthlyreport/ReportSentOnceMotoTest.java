package dk.rampe.monthlyreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.archive.S3ReportArchive;
import dk.rampe.json.Json;
import dk.rampe.messaging.SesEmailSender;
import dk.rampe.platform.AwsClients;
import dk.rampe.testkit.MotoServer;
import dk.rampe.testkit.RampeFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * One report email per programme and month, ever, against moto (SES v2 and S3): the scheduled run is
 * throttled on the second programme's send and fails, as Lambda then retries it; the retry emails only the
 * programme that is missing, and a further retry emails nothing. Skipped where moto_server is not installed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportSentOnceMotoTest {
    private static final String REGION = "eu-north-1";
    private static final String BUCKET = "rampe-reports";
    private static final String SCHEDULED = "2026-11-01T06:00:00Z";

    private static MotoServer moto;

    @BeforeAll
    static void startMoto() {
        if (MotoServer.missing() == null) moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) moto.close();
    }

    /** The handler test's programme p1 and a second one, p2, with its own recipient. */
    private static String twoProgrammes() throws Exception {
        ObjectNode settings = (ObjectNode) Json.parse(MonthlyReportHandlerTest.SETTINGS);
        ArrayNode programmes = (ArrayNode) settings.path("programmes");
        ObjectNode second = programmes.get(0).deepCopy();
        second.put("id", "p2");
        second.put("name", "Rampe Vest");
        ((ObjectNode) second.path("report")).putArray("recipients").add("vest@rampe.dk");
        programmes.add(second);
        return Json.write(settings);
    }

    private static List<String> emailedTo() {
        return moto.models("ses", "Message").stream()
                .map(m -> m.path("destinations").path("ToAddresses").get(0).asText()).sorted().toList();
    }

    @Test
    void aRetriedRunAfterAThrottledSecondSendEmailsEachProgrammeOnce() throws Exception {
        assumeTrue(moto != null, MotoServer.missing());
        moto.reset();
        try (SesV2Client setup = AwsClients.configure(SesV2Client.builder(), REGION, moto.endpoint(),
                AwsClients.credentials()).build()) {
            setup.createEmailIdentity(b -> b.emailIdentity("rampe.dk"));
        }
        S3Client s3 = S3ReportArchive.client(REGION, moto.endpoint(), AwsClients.credentials());
        s3.createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        S3ReportArchive archive = new S3ReportArchive(s3, BUCKET);

        // SES answers the second send of the run "too many requests", as a throttled account does
        AtomicInteger sends = new AtomicInteger();
        ExecutionInterceptor throttleSecond = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendEmailRequest && sends.incrementAndGet() == 2) {
                    throw TooManyRequestsException.builder().message("Maximum sending rate exceeded.").statusCode(429)
                            .build();
                }
            }
        };
        SesV2Client ses = AwsClients.configure(SesV2Client.builder(), REGION, moto.endpoint(), AwsClients.credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(throttleSecond)).build();
        RampeFixture f = new RampeFixture(Instant.parse(SCHEDULED), Map.of());
        f.loadSettings(twoProgrammes());
        MonthlyReportHandler handler = new MonthlyReportHandler(f.config, f.nudges, f.dynamo,
                new SesEmailSender(ses, "Rampe <no-reply@rampe.dk>", null), archive, f.clock);
        Map<String, Object> scheduled = Map.of("scheduledTime", SCHEDULED);

        assertThrows(RuntimeException.class, () -> handler.report(scheduled, null), "the run fails on p2");
        assertEquals(List.of("styregruppe@rampe.dk"), emailedTo(), "p1 was emailed before the throttle");

        f.clock.advance(Duration.ofMinutes(1)); // Lambda's first retry of the asynchronous invocation
        Map<String, Object> retried = handler.report(scheduled, null);
        assertEquals(List.of("styregruppe@rampe.dk", "vest@rampe.dk"), emailedTo(), "only what was missing");
        List<?> reports = (List<?>) retried.get("reports");
        assertEquals(Map.of("programmeId", "p1", "month", "2026-10", "emailed", false, "sentBefore", SCHEDULED),
                reports.get(0), "p1 done by the first attempt: not made, kept or sent again");
        assertTrue((Boolean) ((Map<?, ?>) reports.get(1)).get("emailed"));

        f.clock.advance(Duration.ofMinutes(2)); // a second retry (or a repeated schedule) sends nothing
        handler.report(scheduled, null);
        assertEquals(2, emailedTo().size(), "each programme emailed exactly once");
        assertEquals(1, archive.list("p1").size(), "p1 kept once");
        assertEquals(2, archive.list("p2").size(), "p2 kept by the throttled attempt and by the retry that sent it");
        ses.close();
        s3.close();
    }
}
