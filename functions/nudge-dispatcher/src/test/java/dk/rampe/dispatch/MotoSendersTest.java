package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.platform.AwsClients;
import dk.rampe.messaging.Notifiers;
import dk.rampe.messaging.SesEmailSender;
import dk.rampe.messaging.SnsSmsSender;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.json.Json;
import dk.rampe.followup.Notifier;
import dk.rampe.followup.Notifier.SendFailure;
import dk.rampe.testkit.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES v2 and SNS senders against a real AWS-protocol peer nobody here wrote: moto_server.
 * The senders are built the way production builds them (NudgeConfig with the endpoint variables,
 * Notifiers, AwsClients; credentials from the environment that surefire sets). What arrived is
 * read back from moto's backends ({@code /moto-api/data.json}) and from moto's request recorder.
 * Skipped where moto_server is not installed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MotoSendersTest {
    private static final String REGION = "eu-north-1";
    private static final String SENDER = "Rampe <no-reply@rampe.dk>";
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static final String SEND_EMAIL = "/v2/email/outbound-emails";
    private static final String PUBLISH = "Publish";

    private static MotoServer moto;
    private static Notifier production;
    private static Path outbox;

    @BeforeAll
    static void startMoto() throws Exception {
        if (MotoServer.missing() != null) return; // each test then reports itself skipped, saying why
        moto = MotoServer.start();
        outbox = Files.createTempDirectory("rampe-moto-outbox"); // stays empty: both channels go to moto
        NudgeConfig config = NudgeConfig.from(Map.of(
                "AWS_ENDPOINT_URL_SES", moto.endpoint(),
                "AWS_ENDPOINT_URL_SNS", moto.endpoint(),
                "RAMPE_EMAIL_SENDER", SENDER,
                "RAMPE_SMS_SENDER_ID", "Rampe",
                "RAMPE_OUTBOX_DIR", outbox.toString()));
        assertTrue(config.emailThroughAws() && config.smsThroughAws());
        production = Notifiers.create(config, REGION);
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) moto.close();
        if (outbox != null) Files.delete(outbox);
    }

    @BeforeEach
    void freshMotoWithTheSenderIdentity() {
        assumeTrue(moto != null, MotoServer.missing());
        moto.reset();
        // SES sends only from a verified identity; in AWS the template's EmailIdentity is that
        try (SesV2Client ses = AwsClients.configure(SesV2Client.builder(), REGION, moto.endpoint(),
                AwsClients.credentials()).build()) {
            ses.createEmailIdentity(b -> b.emailIdentity("rampe.dk"));
        }
        moto.startRecording();
    }

    private static JsonNode only(List<JsonNode> models, String idField, String id) {
        List<JsonNode> matching = models.stream().filter(m -> id.equals(m.path(idField).asText())).toList();
        assertEquals(1, matching.size(), "exactly one with " + idField + "=" + id + " in " + models);
        return matching.get(0);
    }

    /** The one SES SendEmail or SNS Publish request moto received since the test began (the SDK must not retry). */
    private static MotoServer.Recorded onlyRequest(String operation) {
        List<MotoServer.Recorded> sends = moto.recorded().stream()
                .filter(r -> operation.equals(SEND_EMAIL) ? r.url().endsWith(SEND_EMAIL)
                        : r.body().contains("Action=" + operation))
                .toList();
        assertEquals(1, sends.size(), "one " + operation + " request (no SDK retries): " + sends);
        return sends.get(0);
    }

    @Test
    void emailIsAcceptedBySesAndStoredWithSenderRecipientSubjectAndHtml() throws Exception {
        OutboxMessage m = AwsSendersWireTest.email();
        String id = production.send(m);

        JsonNode stored = only(moto.models("ses", "Message"), "id", id);
        assertEquals(SENDER, stored.path("source").asText());
        assertEquals(List.of("konsulent@example.dk"),
                Json.MAPPER.convertValue(stored.path("destinations").path("ToAddresses"), List.class));
        assertEquals(m.subject(), stored.path("subject").asText(), "UTF-8 subject (æ, –) arrives intact");
        // moto keeps one body, the HTML part when both are sent
        assertEquals(m.html(), stored.path("body").asText());

        // the text part and the tag are not kept by moto's backend: read them from what it received
        MotoServer.Recorded request = onlyRequest(SEND_EMAIL);
        assertEquals("POST", request.method());
        JsonNode body = Json.parse(request.body());
        JsonNode simple = body.path("Content").path("Simple");
        assertEquals(m.text(), simple.path("Body").path("Text").path("Data").asText());
        assertEquals(m.html(), simple.path("Body").path("Html").path("Data").asText());
        assertEquals("UTF-8", simple.path("Body").path("Text").path("Charset").asText());
        assertEquals(m.messageId(), body.path("EmailTags").get(0).path("Value").asText());
    }

    @Test
    void smsIsAcceptedBySnsAndStoredWithPhoneAndText() {
        OutboxMessage m = AwsSendersWireTest.sms();
        String id = production.send(m);

        JsonNode stored = only(moto.models("sns", "SMS"), "message_id", id);
        assertEquals("+4512345678", stored.path("phone_number").asText());
        assertEquals(m.text(), stored.path("message").asText(), "UTF-8 text (æ) arrives intact");

        // moto's backend does not keep the SMS attributes: read them from what it received
        MotoServer.Recorded request = onlyRequest(PUBLISH);
        Map<String, String> form = form(request.body());
        assertEquals("Publish", form.get("Action"));
        Map<String, String> attributes = new HashMap<>();
        for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
            attributes.put(form.get("MessageAttributes.entry." + i + ".Name"),
                    form.get("MessageAttributes.entry." + i + ".Value.StringValue"));
        }
        assertEquals(Map.of("AWS.SNS.SMS.SMSType", "Transactional", "AWS.SNS.SMS.SenderID", "Rampe"), attributes);
    }

    @Test
    void unverifiedSenderIsRejectedPermanentlyAndNothingIsStored() {
        SesEmailSender unverified = new SesEmailSender(
                SesEmailSender.client(REGION, moto.endpoint(), AwsClients.credentials()),
                "Rampe <no-reply@not-verified.dk>", null);
        SendFailure f = assertThrows(SendFailure.class, () -> unverified.send(AwsSendersWireTest.email()));
        assertEquals(SendFailure.Kind.PERMANENT, f.kind(), f.toString());
        assertEquals("MessageRejected", f.code());
        assertEquals(List.of(), moto.models("ses", "Message"));
        onlyRequest(SEND_EMAIL);
    }

    @Test
    void invalidRecipientAddressIsRejectedPermanently() {
        OutboxMessage bad = OutboxMessage.pending("T2|initial|email", "T000000000002", "p1", MessageChannel.EMAIL,
                "not-an-address", "Emne", "Tekst", "<p>Tekst</p>", false, NOW, NOW);
        SendFailure f = assertThrows(SendFailure.class, () -> production.send(bad));
        assertEquals(SendFailure.Kind.PERMANENT, f.kind(), f.toString());
        assertEquals("InvalidParameterValue", f.code());
        assertEquals(List.of(), moto.models("ses", "Message"));
    }

    @Test
    void invalidPhoneNumberIsRejectedPermanently() {
        OutboxMessage bad = OutboxMessage.pending("T3|initial|sms", "T000000000003", "p1", MessageChannel.SMS,
                "0045-1234-5678", null, "Rampe: test", null, false, NOW, NOW);
        SendFailure f = assertThrows(SendFailure.class, () -> production.send(bad));
        assertEquals(SendFailure.Kind.PERMANENT, f.kind(), f.toString());
        assertEquals("InvalidParameter", f.code());
        assertEquals(List.of(), moto.models("sns", "SMS"));
        onlyRequest(PUBLISH);
    }

    @Test
    void aStoppedServerIsTransientBecauseNothingWasSent() {
        try (MotoServer second = MotoServer.start()) {
            SnsSmsSender sns = new SnsSmsSender(SnsSmsSender.client(REGION, second.endpoint(), AwsClients.credentials()),
                    "Rampe");
            sns.send(AwsSendersWireTest.sms()); // it works while the server runs
            second.close();
            assertTrue(!second.isRunning());
            SendFailure f = assertThrows(SendFailure.class, () -> sns.send(AwsSendersWireTest.sms()));
            assertEquals(SendFailure.Kind.TRANSIENT, f.kind(), f.toString());
            assertEquals("connect", f.code());
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
