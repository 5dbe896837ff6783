package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The administrators' import page against DynamoDB Local: a file with errors shows every one by row, column and
 * rule and writes nothing; a clean file is previewed, then saved through the API's own import (the referrals are
 * there, on their dates), and saved again changes nothing; a Danish spreadsheet's file (Windows-1252, semicolons)
 * is read; nobody but an administrator gets in.
 */
class WebAdminImportTest {
    private static final String BOUNDARY = "----rampeTestBoundary7MA4YWxk";
    private static final Pattern HIDDEN_CSV = Pattern.compile("name=\"csv\" value=\"([^\"]*)\"");
    private static final String HEADER = "Program;Jobcenter;Sagsnummer;CPR;Navn;Telefon;Ydelse;Sagsbehandler;"
            + "Sagsbehandler e-mail;Konsulent;Modtaget;Visitation;Visiteret;Opstart\r\n";
    private static final String CLEAN = HEADER
            + "rampe-oestjylland;jc-aarhus;WEB-1;0101801000;Søren Østergård;22 34 56 78;kontanthjaelp;Birthe Aagaard;"
            + "birthe.aagaard@jobcenter.example;;2026-02-16;accepted;2026-02-18;2026-02-23\r\n"
            + "rampe-oestjylland;jc-odder;WEB-2;0201801001;Åse Ærø;22 34 56 79;kontanthjaelp;Birthe Aagaard;"
            + "birthe.aagaard@jobcenter.example;;16.03.2026;accepted;18.03.2026;\r\n";

    private final WebFixture f = new WebFixture();
    private final DynamoReferralStore referrals = new DynamoReferralStore(f.dynamo, f.config.table(),
            new DynamoAuditLog(f.dynamo, f.config.auditTable(), f.config.auditRetention()));

    private WebFixture.Browser admin() {
        WebFixture.Browser b = f.browser();
        b.login("local-admin");
        return b;
    }

    /** The form posted as a browser posts a multipart form: base64, as API Gateway hands it on. */
    private WebFixture.Page postMultipart(WebFixture.Browser b, Map<String, String> fields, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deltagere.csv\""
                    + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:8787");
        headers.put("accept-language", b.language);
        headers.put("origin", b.origin);
        headers.put("content-type", "multipart/form-data; boundary=" + BOUNDARY);
        String routeKey = "POST /app/{proxy+}";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
                .withRawPath(ImportPage.PATH).withRawQueryString("").withHeaders(headers)
                .withCookies(b.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withRequestId("test-" + System.nanoTime())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath(ImportPage.PATH).build()).build())
                .withBody(Base64.getEncoder().encodeToString(body.toByteArray())).withIsBase64Encoded(true).build();
        APIGatewayV2HTTPResponse r = f.handler.handleRequest(event, null);
        return new WebFixture.Page(r.getStatusCode(), r.getBody(), r.getHeaders(),
                r.getCookies() == null ? List.of() : r.getCookies());
    }

    private WebFixture.Page preview(WebFixture.Browser b, byte[] file) {
        String csrf = b.get(ImportPage.PATH).csrf();
        return postMultipart(b, Map.of("csrf", csrf, "action", "preview"), file);
    }

    /** The "Gem importen" form as the browser posts it: the file carried on in the hidden field. */
    private WebFixture.Page commit(WebFixture.Browser b, WebFixture.Page preview) {
        Matcher m = HIDDEN_CSV.matcher(preview.body());
        assertTrue(m.find(), "the preview carries the file on:\n" + preview.body());
        String csv = m.group(1).replace("&#10;", "\n").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return postMultipart(b, Map.of("csrf", preview.csrf(), "action", "commit", "csv", csv), null);
    }

    private List<Referral> imported() {
        return referrals.listByProgramme("rampe-oestjylland", null).stream()
                .filter(r -> r.details().jobcentreReference().startsWith("WEB-")).toList();
    }

    @Test
    void theFormUploadsAFileAndNamesTheColumnsAndTheTemplate() {
        WebFixture.Browser admin = admin();
        WebFixture.Page page = admin.get(ImportPage.PATH);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("enctype=\"multipart/form-data\"") && page.body().contains("type=\"file\""));
        assertTrue(page.body().contains("Importér forløbets historik") && page.body().contains("jobcentreReference"));
        assertTrue(page.body().contains("id=\"nav-import\""));
        WebFixture.Page template = admin.get(ImportPage.TEMPLATE);
        assertEquals(200, template.status());
        assertTrue(template.body().startsWith("programmeId;jobcentreId;jobcentreReference;cpr;"), template.body());
        admin.get("/app/lang?to=en");
        assertTrue(admin.get(ImportPage.PATH).body().contains("Import the programme&#39;s history"));
    }

    @Test
    void aFileWithErrorsShowsEveryErrorByRowAndColumnAndWritesNothing() {
        WebFixture.Browser admin = admin();
        String bad = HEADER
                + "rampe-oestjylland;jc-aarhus;WEB-1;0101801000;Søren;22 34 56 78;kontanthjaelp;Birthe;b@x.example;;"
                + "2026-02-30;accepted;2026-02-18;2026-02-23\r\n"
                + "rampe-oestjylland;jc-aarhus;WEB-1;0201801001;Åse;22 34 56 79;ukendt;Birthe;b@x.example;;"
                + "2026-03-16;accepted;;\r\n";
        WebFixture.Page page = preview(admin, bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("id=\"errors\"") && page.body().contains("Der er et problem"), "the summary");
        assertTrue(page.body().indexOf("id=\"errors\"") < page.body().indexOf("<h1>"), "the summary comes first");
        assertTrue(page.body().contains("<tr data-row=\"1\" data-column=\"receivedAt\" data-code=\"date.invalid\">"),
                page.body());
        assertTrue(page.body().contains("<tr data-row=\"2\" data-column=\"benefit\""), page.body());
        assertFalse(page.body().contains("name=\"csv\""), "nothing to save");
        assertFalse(page.body().contains("0101801000"), "no CPR number on the page");
        assertEquals(List.of(), imported());
    }

    @Test
    void aCleanFileIsPreviewedThenSavedAndSavedAgainChangesNothing() {
        WebFixture.Browser admin = admin();
        WebFixture.Page page = preview(admin, CLEAN.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<dd id=\"rows\">2</dd>") && page.body().contains("<dd id=\"ready\">2</dd>"),
                page.body());
        assertTrue(page.body().contains("Gem importen"));
        assertEquals(List.of(), imported(), "a preview writes nothing");

        WebFixture.Page saved = commit(admin, page);
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.body().contains("<dd id=\"added\">2</dd>") && saved.body().contains("<dd id=\"unchanged\">0</dd>"),
                saved.body());
        List<Referral> there = imported();
        assertEquals(2, there.size());
        Referral soren = there.stream().filter(r -> r.details().jobcentreReference().equals("WEB-1")).findFirst().orElseThrow();
        assertEquals("Søren Østergård", soren.details().citizen().name(), "the text kept as typed");
        assertEquals(ReferralStatus.ENROLLED, soren.status());

        WebFixture.Page again = commit(admin, preview(admin, CLEAN.getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, again.status(), again.body());
        assertTrue(again.body().contains("<dd id=\"added\">0</dd>") && again.body().contains("<dd id=\"unchanged\">2</dd>"),
                again.body());
        assertEquals(2, imported().size());
    }

    @Test
    void aDanishSpreadsheetsWindows1252FileIsRead() {
        WebFixture.Browser admin = admin();
        byte[] file = CLEAN.getBytes(Charset.forName("windows-1252"));
        WebFixture.Page page = preview(admin, file);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<dd id=\"ready\">2</dd>"), page.body());
        assertTrue(page.body().contains("Søren Østergård"), "carried on as UTF-8 text");
        assertEquals(200, commit(admin, page).status());
        assertTrue(imported().stream().anyMatch(r -> r.details().citizen().name().equals("Åse Ærø")));
    }

    @Test
    void onlyAnAdministratorImportsAndEveryPostNeedsItsToken() {
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        assertEquals(403, anna.get(ImportPage.PATH).status());
        String csrf = anna.get("/app/participants").csrf();
        assertEquals(403, postMultipart(anna, Map.of("csrf", csrf, "action", "preview"),
                CLEAN.getBytes(StandardCharsets.UTF_8)).status());
        WebFixture.Browser admin = admin();
        assertNotNull(admin.get(ImportPage.PATH).csrf());
        assertEquals(403, postMultipart(admin, Map.of("csrf", "forged", "action", "preview"),
                CLEAN.getBytes(StandardCharsets.UTF_8)).status(), "no token, no import");
        assertEquals(List.of(), imported());
    }
}
