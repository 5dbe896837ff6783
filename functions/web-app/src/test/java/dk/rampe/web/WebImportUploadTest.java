package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The import's multipart upload read strictly as bytes: the page's own parts once each, nothing else. */
class WebImportUploadTest {
    private static final Set<String> FIELDS = Set.of("csrf", "action", "csv");

    private static APIGatewayV2HTTPEvent event(String contentType, byte[] body, boolean base64) {
        return APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", contentType))
                .withBody(base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(base64).build();
    }

    private static byte[] body(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) sb.append("--b0\r\n").append(p).append("\r\n");
        return sb.append("--b0--\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Upload read(byte[] body) {
        return Upload.read(event("multipart/form-data; boundary=b0", body, true), 4096, FIELDS, "file");
    }

    @Test
    void theFileKeepsItsBytesAndTheFieldsAreText() {
        byte[] latin = "Navn\r\nS\u00f8ren;\u00c6r\u00f8\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] body = body("Content-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        + new String(latin, StandardCharsets.ISO_8859_1));
        Upload u = read(body);
        assertEquals(Map.of("csrf", "token"), u.fields());
        assertArrayEquals(latin, u.file(), "a line break inside the file stays, and so does every byte");
        Upload quoted = Upload.read(event("multipart/form-data; boundary=\"b0\"", body, true), 4096, FIELDS, "file");
        assertArrayEquals(latin, quoted.file());
    }

    @Test
    void anythingElseIsRefused() {
        String csrf = "Content-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken";
        assertNull(read(body(csrf, csrf)), "a field twice");
        assertNull(read(body("Content-Disposition: form-data; name=\"other\"\r\n\r\nx")), "a field the page has not");
        assertNull(read(body("Content-Disposition: form-data; name=\"csrf\"; filename=\"x\"\r\n\r\nx")), "a file as csrf");
        assertNull(read(body("Content-Disposition: form-data; name=\"csrf\"\r\nX-Other: 1\r\n\r\nx")), "another header");
        assertNull(read(body("Content-Disposition: form-data; name=\"csv\"\r\n\r\n\u00f8")), "a text part not UTF-8");
        assertNull(read("no delimiter".getBytes(StandardCharsets.UTF_8)));
        assertNull(Upload.read(event("multipart/form-data; boundary=b0", body(csrf), true), 10, FIELDS, "file"), "too large");
        assertNull(Upload.read(event("multipart/form-data", body(csrf), true), 4096, FIELDS, "file"), "no boundary");
        APIGatewayV2HTTPEvent bad = event("multipart/form-data; boundary=b0", body(csrf), true);
        bad.setBody("%%%");
        assertNull(Upload.read(bad, 4096, FIELDS, "file"), "not base64");
    }

    @Test
    void aBodyNotBase64IsReadAsItCame() {
        Upload u = Upload.read(event("multipart/form-data; boundary=b0",
                body("Content-Disposition: form-data; name=\"action\"\r\n\r\npreview"), false), 4096, FIELDS, "file");
        assertEquals(Map.of("action", "preview"), u.fields());
        assertNull(u.file());
    }
}
