package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.messaging.SesEmailSender;
import dk.rampe.messaging.SnsSmsSender;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.json.Json;
import dk.rampe.followup.Notifier.SendFailure;
import dk.rampe.testkit.FakeAwsEndpoint;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The SES v2 and SNS adapters, checked on the exact HTTP requests they send and on the errors they get back. */
class AwsSendersWireTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private FakeAwsEndpoint fake;

    @AfterEach
    void stop() {
        if (fake != null) fake.close();
    }

    static OutboxMessage email() {
        return OutboxMessage.pending("T1|initial|email", "T000000000001", "p1", MessageChannel.EMAIL,
                "konsulent@example.dk", "Fravær i dag – sag RABC1234", "Der er fravær i dag i sag RABC1234.\nlink",
                "<p>Der er fravær i dag i sag RABC1234.</p>", false, NOW, NOW);
    }

    static OutboxMessage sms() {
        return OutboxMessage.pending("T1|initial|sms", "T000000000001", "p1", MessageChannel.SMS, "+4512345678", null,
                "Rampe: Fravær i dag 23/11 kl. 10:00, sag RABC1234: https://x.dk/f/abc", null, false, NOW, NOW);
    }

    private SesEmailSender ses() {
        return new SesEmailSender(SesEmailSender.client("eu-north-1", fake.endpoint(), CREDENTIALS),
                "Rampe <no-reply@rampe.dk>", "rampe-nudges");
    }

    private SnsSmsSender sns() {
        return new SnsSmsSender(SnsSmsSender.client("eu-north-1", fake.endpoint(), CREDENTIALS), "Rampe");
    }

    @Test
    void sesSendEmailRequestOnTheWire() throws Exception {
        fake = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesSent("ses-0001"));
        OutboxMessage m = email();
        assertEquals("ses-0001", ses().send(m));

        assertEquals(1, fake.requests().size());
        FakeAwsEndpoint.Request r = fake.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/v2/email/outbound-emails", r.path());
        assertTrue(r.header("authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/"), r.header("authorization"));
        assertTrue(r.header("authorization").contains("/eu-north-1/ses/aws4_request"), r.header("authorization"));
        JsonNode body = Json.parse(r.body());
        assertEquals("Rampe <no-reply@rampe.dk>", body.path("FromEmailAddress").asText());
        assertEquals(1, body.path("Destination").path("ToAddresses").size());
        assertEquals("konsulent@example.dk", body.path("Destination").path("ToAddresses").get(0).asText());
        assertTrue(body.path("Destination").path("CcAddresses").isMissingNode());
        JsonNode simple = body.path("Content").path("Simple");
        assertEquals("Fravær i dag – sag RABC1234", simple.path("Subject").path("Data").asText());
        assertEquals("UTF-8", simple.path("Subject").path("Charset").asText());
        assertEquals(m.text(), simple.path("Body").path("Text").path("Data").asText());
        assertEquals(m.html(), simple.path("Body").path("Html").path("Data").asText());
        assertEquals("UTF-8", simple.path("Body").path("Html").path("Charset").asText());
        assertEquals("rampe-nudges", body.path("ConfigurationSetName").asText());
        assertEquals("rampeMessageId", body.path("EmailTags").get(0).path("Name").asText());
        assertEquals(m.messageId(), body.path("EmailTags").get(0).path("Value").asText());
    }

    @Test
    void sesThrottlingIsTransientAndNotRetriedBySdk() {
        fake = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesThrottled());
        SendFailure f = assertThrows(SendFailure.class, () -> ses().send(email()));
        assertEquals(SendFailure.Kind.TRANSIENT, f.kind());
        assertEquals("TooManyRequestsException", f.code());
        assertEquals(1, fake.requests().size(), "the outbox owns retries; the SDK must not resend by itself");
    }

    @Test
    void sesRejectionIsPermanent() {
        fake = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesRejected());
        SendFailure f = assertThrows(SendFailure.class, () -> ses().send(email()));
        assertEquals(SendFailure.Kind.PERMANENT, f.kind());
        assertEquals("MessageRejected", f.code());
    }

    @Test
    void sesServerErrorIsTransient() {
        fake = FakeAwsEndpoint.start(r -> new FakeAwsEndpoint.Response(503,
                Map.of("x-amzn-ErrorType", "ServiceUnavailable"), "{}"));
        assertEquals(SendFailure.Kind.TRANSIENT, assertThrows(SendFailure.class, () -> ses().send(email())).kind());
    }

    @Test
    void snsPublishRequestOnTheWire() {
        fake = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.snsPublished("sns-0001"));
        OutboxMessage m = sms();
        assertEquals("sns-0001", sns().send(m));

        assertEquals(1, fake.requests().size());
        FakeAwsEndpoint.Request r = fake.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/", r.path());
        assertTrue(r.header("authorization").contains("/eu-north-1/sns/aws4_request"), r.header("authorization"));
        assertTrue(r.header("content-type").startsWith("application/x-www-form-urlencoded"), r.header("content-type"));
        Map<String, String> form = r.form();
        assertEquals("Publish", form.get("Action"));
        assertEquals("2010-03-31", form.get("Version"));
        assertEquals("+4512345678", form.get("PhoneNumber"));
        assertEquals(m.text(), form.get("Message"));
        assertTrue(!form.containsKey("TopicArn") && !form.containsKey("TargetArn"));
        Map<String, String> attributes = new java.util.HashMap<>();
        for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
            String p = "MessageAttributes.entry." + i;
            assertEquals("String", form.get(p + ".Value.DataType"));
            attributes.put(form.get(p + ".Name"), form.get(p + ".Value.StringValue"));
        }
        assertEquals(Map.of("AWS.SNS.SMS.SMSType", "Transactional", "AWS.SNS.SMS.SenderID", "Rampe"), attributes);
    }

    @Test
    void snsThrottlingIsTransientAndOptOutIsPermanent() {
        fake = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.snsPublished("never"));
        fake.thenAnswer(FakeAwsEndpoint.snsError(400, "Throttling"), FakeAwsEndpoint.snsError(400, "InvalidParameter"));
        SendFailure throttled = assertThrows(SendFailure.class, () -> sns().send(sms()));
        assertEquals(SendFailure.Kind.TRANSIENT, throttled.kind());
        assertEquals("Throttling", throttled.code());
        SendFailure invalid = assertThrows(SendFailure.class, () -> sns().send(sms()));
        assertEquals(SendFailure.Kind.PERMANENT, invalid.kind());
        assertEquals("InvalidParameter", invalid.code());
        assertEquals(2, fake.requests().size());
    }

    @Test
    void noEndpointAtAllIsTransientBecauseNothingWasSent() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SnsSmsSender down = new SnsSmsSender(SnsSmsSender.client("eu-north-1", "http://127.0.0.1:" + port, CREDENTIALS),
                "Rampe");
        SendFailure f = assertThrows(SendFailure.class, () -> down.send(sms()));
        assertEquals(SendFailure.Kind.TRANSIENT, f.kind());
    }

    @Test
    void endpointVariablesDecideWhereMessagesGo() throws Exception {
        fake = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesSent("ses-via-env"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rampe-outbox");
        dk.rampe.platform.NudgeConfig onlySes = dk.rampe.platform.NudgeConfig.from(Map.of(
                "AWS_ENDPOINT_URL_SES", fake.endpoint(), "RAMPE_OUTBOX_DIR", dir.toString()));
        assertTrue(onlySes.emailThroughAws());
        assertTrue(!onlySes.smsThroughAws());
        dk.rampe.followup.Notifier n = dk.rampe.messaging.Notifiers.create(onlySes, "eu-north-1",
                new dk.rampe.local.embedded.LocalOutbox(dir, onlySes.emailSender(), java.time.Clock.systemUTC()));
        assertEquals("ses-via-env", n.send(email()));
        assertEquals("local-" + sms().messageId(), n.send(sms()));
        assertEquals(1, fake.requests().size());
        assertEquals(1, java.nio.file.Files.readAllLines(dir.resolve("sms.jsonl")).size());

        dk.rampe.platform.NudgeConfig local = dk.rampe.platform.NudgeConfig.from(Map.of("RAMPE_OUTBOX_DIR", dir.toString()));
        assertTrue(!local.emailThroughAws() && !local.smsThroughAws());
        dk.rampe.platform.NudgeConfig lambda = dk.rampe.platform.NudgeConfig.from(Map.of("AWS_LAMBDA_FUNCTION_NAME", "x",
                "RAMPE_FOLLOW_UP_TOKEN_KEY", "a-key-of-this-deployment-from-secrets-manager"));
        assertTrue(lambda.emailThroughAws() && lambda.smsThroughAws(), "in Lambda always the real services");
    }

    /**
     * Primed before SnapStart's snapshot, a nudge's email and SMS are made by their clients in full and never
     * reach the services; a client built without the stopping interceptor is not asked; the same senders send
     * for real afterwards, and what they send is what an unprimed sender sends.
     */
    @Test
    void primedSendsAreMadeButNeverSentAndRealSendsFollow() {
        fake = FakeAwsEndpoint.start(r -> r.path().startsWith("/v2/") ? FakeAwsEndpoint.sesSent("ses-after-priming")
                : FakeAwsEndpoint.snsPublished("sns-after-priming"));
        SesEmailSender ses = ses();
        SnsSmsSender sns = sns();
        dk.rampe.followup.Notifier both = dk.rampe.messaging.Notifiers.byChannel(ses, sns);
        assertEquals(2, dk.rampe.messaging.Notifiers.primeSends(both));
        assertTrue(ses.primeMessage() && sns.primeSend());
        assertEquals(0, fake.requests().size(), "nothing reached SES or SNS");

        assertEquals("ses-after-priming", both.send(email()));
        assertEquals("sns-after-priming", both.send(sms()));
        assertEquals(2, fake.requests().size());
        assertEquals(fake.requests().get(0).body(), sendAlone(ses(), email()), "the same email as unprimed");
        assertEquals(fake.requests().get(1).body(), sendAlone(sns(), sms()), "the same SMS as unprimed");

        try (software.amazon.awssdk.services.sns.SnsClient plain = dk.rampe.platform.AwsClients.configure(
                software.amazon.awssdk.services.sns.SnsClient.builder(), "eu-north-1", fake.endpoint(), CREDENTIALS)
                .build()) {
            assertTrue(!new SnsSmsSender(plain, "Rampe").primeSend(), "no stop, no priming");
        }
        dk.rampe.followup.Notifier local = m -> "local";
        assertEquals(0, dk.rampe.messaging.Notifiers.primeSends(dk.rampe.messaging.Notifiers.byChannel(local, local)));
        assertEquals(4, fake.requests().size());
    }

    /** The body a fresh sender sends for {@code m}. */
    private String sendAlone(dk.rampe.followup.Notifier sender, OutboxMessage m) {
        sender.send(m);
        return fake.requests().get(fake.requests().size() - 1).body();
    }

    @Test
    void senderIdMustBeValid() {
        assertThrows(IllegalArgumentException.class, () -> new SnsSmsSender(null, "Rampe Nudges!"));
        assertThrows(IllegalArgumentException.class, () -> new SnsSmsSender(null, "123456"));
    }
}
