package dk.rampe.monthlyreport;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.followup.EmailWithAttachments;
import dk.rampe.json.Json;
import dk.rampe.messaging.SesEmailSender;
import dk.rampe.testkit.FakeAwsEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report email as SES v2 SendEmail receives it: simple content with the CSV as an attachment. */
class ReportSesWireTest {

    @Test
    void sendEmailWithAttachmentOnTheWire() throws Exception {
        try (FakeAwsEndpoint fake = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesSent("ses-report-1"))) {
            SesEmailSender ses = new SesEmailSender(SesEmailSender.client("eu-north-1", fake.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"))),
                    "Rampe <no-reply@rampe.dk>", null);
            byte[] csv = "\uFEFFmonth,section\r\n2026-10,intake\r\n".getBytes(StandardCharsets.UTF_8);
            String id = ses.sendWithAttachments(new EmailWithAttachments(
                    List.of("styregruppe@rampe.dk", "ejer@rampe.dk"), "Månedsrapport oktober 2026 – Rampe Øst",
                    "tekst", "<p>html</p>", List.of(new EmailWithAttachments.Attachment("rampe-p1-2026-10.csv",
                    "text/csv; charset=UTF-8", csv))));
            assertEquals("ses-report-1", id);
            assertEquals(1, fake.requests().size(), "one request, no SDK retries");
            FakeAwsEndpoint.Request r = fake.requests().get(0);
            assertEquals("/v2/email/outbound-emails", r.path());
            JsonNode body = Json.parse(r.body());
            assertEquals(List.of("styregruppe@rampe.dk", "ejer@rampe.dk"),
                    List.of(body.at("/Destination/ToAddresses/0").asText(), body.at("/Destination/ToAddresses/1").asText()));
            JsonNode simple = body.at("/Content/Simple");
            assertEquals("Månedsrapport oktober 2026 – Rampe Øst", simple.at("/Subject/Data").asText());
            assertEquals("<p>html</p>", simple.at("/Body/Html/Data").asText());
            assertEquals("tekst", simple.at("/Body/Text/Data").asText());
            JsonNode a = simple.at("/Attachments/0");
            assertEquals("rampe-p1-2026-10.csv", a.path("FileName").asText());
            assertEquals("text/csv; charset=UTF-8", a.path("ContentType").asText());
            assertEquals("ATTACHMENT", a.path("ContentDisposition").asText());
            assertEquals("BASE64", a.path("ContentTransferEncoding").asText());
            // RawContent is a blob: base64 in the JSON protocol, the bytes themselves once decoded
            assertTrue(java.util.Arrays.equals(csv, Base64.getDecoder().decode(a.path("RawContent").asText())));
            assertEquals("rampeKind", body.at("/EmailTags/0/Name").asText());
        }
    }
}
