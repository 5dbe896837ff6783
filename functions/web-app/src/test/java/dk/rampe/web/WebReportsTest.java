package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.report.ReportArchive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The project owner's monthly reports: the list of what the archive keeps for the owner's
 * programmes and one report opened as its HTML; a consultant is refused, a caseworker finds
 * nothing, another programme's report is not found. DynamoDB Local for the rest of the app.
 */
class WebReportsTest {
    /** The archive as a map: the same port the local runner fills from .rampe/reports. */
    static final class MapArchive implements ReportArchive {
        final Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
        final List<Stored> stored = new ArrayList<>();

        @Override
        public Stored put(String programmeId, String month, String madeAt, Map<String, byte[]> f) {
            Stored s = new Stored(programmeId, month, madeAt, programmeId + "/" + month + "/" + madeAt);
            stored.add(s);
            files.put(s.key(), f);
            return s;
        }

        @Override
        public List<Stored> list(String programmeId) {
            return stored.stream().filter(s -> s.programmeId().equals(programmeId)).toList();
        }

        @Override
        public Optional<byte[]> read(Stored s, String fileName) {
            return Optional.ofNullable(files.getOrDefault(s.key(), Map.of()).get(fileName));
        }
    }

    private final MapArchive archive = new MapArchive();
    private final WebFixture f = new WebFixture(archive);

    private static Map<String, byte[]> report(String text) {
        return Map.of("report.html", ("<html><body style=\"margin:0\"><p>" + text + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8), "figures.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theOwnerListsAndOpensTheReportsOfTheirProgrammes() {
        archive.put("rampe-oestjylland", "2026-09", "2026-10-01T06-00-00Z", report("September"));
        archive.put("rampe-oestjylland", "2026-10", "2026-11-02T06-00-00Z", report("Oktober"));
        archive.put("another-programme", "2026-10", "2026-11-02T06-00-00Z", report("Fremmed"));
        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        WebFixture.Page overview = dorthe.get("/app/overview");
        assertTrue(overview.body().contains("href=\"/app/reports\""), overview.body());
        assertFalse(overview.body().contains("data-later=\"reports\""));

        WebFixture.Page list = dorthe.get("/app/reports");
        assertEquals(200, list.status(), list.body());
        String body = list.body();
        int oct = body.indexOf("data-report=\"2026-10\"");
        int sep = body.indexOf("data-report=\"2026-09\"");
        assertTrue(oct >= 0 && oct < sep, "newest first:\n" + body);
        assertTrue(body.contains("href=\"/app/reports/rampe-oestjylland/2026-10/2026-11-02T06-00-00Z\""));
        assertFalse(body.contains("another-programme"), "only the owner's programmes");

        WebFixture.Page opened = dorthe.get("/app/reports/rampe-oestjylland/2026-10/2026-11-02T06-00-00Z");
        assertEquals(200, opened.status());
        assertTrue(opened.body().contains("<p>Oktober</p>"));
        String csp = opened.headers().get("content-security-policy");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("script"), csp);
        assertEquals("no-store", opened.headers().get("cache-control"));
        assertTrue(f.auditActions("report:rampe-oestjylland:2026-10").contains("web.reportRead"));

        assertEquals(404, dorthe.get("/app/reports/another-programme/2026-10/2026-11-02T06-00-00Z").status(),
                "not one of the owner's programmes");
        assertEquals(404, dorthe.get("/app/reports/rampe-oestjylland/2026-08/2026-09-01T06-00-00Z").status());
        assertEquals(404, dorthe.get("/app/reports/rampe-oestjylland/2026-10/..%2F..").status());
    }

    /**
     * The list speaks of months and times as people do, and offers each report's figures as CSV beside its HTML:
     * the bytes the archive keeps, for the owner's programmes only and only for reports the archive lists.
     */
    @Test
    void theOwnerSeesHumanDatesAndDownloadsTheCsvTheArchiveKeeps() {
        byte[] csv = "Måned;Henvist\r\n2026-10;12\r\n".getBytes(StandardCharsets.UTF_8);
        archive.put("rampe-oestjylland", "2026-10", "2026-11-01T06-00-00Z",
                Map.of("report.html", "<p>Oktober</p>".getBytes(StandardCharsets.UTF_8), "figures.csv", csv));
        archive.put("rampe-oestjylland", "2026-09", "2026-10-01T05:00:00.123Z", // as S3 names it: colons, fraction
                Map.of("report.html", "<p>September</p>".getBytes(StandardCharsets.UTF_8)));
        archive.put("another-programme", "2026-10", "2026-11-01T06-00-00Z", report("Fremmed"));
        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");

        String body = dorthe.get("/app/reports").body();
        assertTrue(body.contains("href=\"/app/reports/rampe-oestjylland/2026-10/2026-11-01T06-00-00Z\">Oktober 2026</a>"),
                body);
        assertTrue(body.contains("lavet 1. nov. 2026 kl. 07:00"), "in Copenhagen time: " + body);
        assertTrue(body.contains(">September 2026</a>") && body.contains("lavet 1. okt. 2026 kl. 07:00"), body);
        assertFalse(body.contains(">2026-11-01T06-00-00Z<") || body.contains("lavet 2026-"), "no storage timestamps");
        assertTrue(body.contains("<a data-csv=\"2026-10\" href=\"/app/reports/rampe-oestjylland/2026-10/"
                + "2026-11-01T06-00-00Z/figures.csv\" download"), body);

        WebFixture.Page got = dorthe.get("/app/reports/rampe-oestjylland/2026-10/2026-11-01T06-00-00Z/figures.csv");
        assertEquals(200, got.status(), got.body());
        assertTrue(got.headers().get("content-type").startsWith("text/csv"), got.headers().toString());
        assertEquals("attachment; filename=\"rampe-rampe-oestjylland-2026-10.csv\"",
                got.headers().get("content-disposition"));
        assertEquals("no-store", got.headers().get("cache-control"));
        assertArrayEquals(csv, java.util.Base64.getDecoder().decode(got.body()), "the archive's bytes as they are");
        assertTrue(f.auditActions("report:rampe-oestjylland:2026-10").contains("web.reportCsvRead"));

        assertEquals(404, dorthe.get("/app/reports/rampe-oestjylland/2026-09/2026-10-01T05:00:00.123Z/figures.csv")
                .status(), "a report kept without its CSV");
        assertEquals(404, dorthe.get("/app/reports/another-programme/2026-10/2026-11-01T06-00-00Z/figures.csv").status(),
                "not one of the owner's programmes");
        assertEquals(404, dorthe.get("/app/reports/rampe-oestjylland/2026-08/2026-09-01T06-00-00Z/figures.csv").status(),
                "not listed by the archive");
        assertEquals(404, dorthe.get("/app/reports/rampe-oestjylland/2026-10/..%2F../figures.csv").status());

        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        WebFixture.Page refused = anna.get("/app/reports/rampe-oestjylland/2026-10/2026-11-01T06-00-00Z/figures.csv");
        assertEquals(403, refused.status());
        assertFalse(refused.body().contains("Henvist"));
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        assertEquals(404, caseworker.get("/app/reports/rampe-oestjylland/2026-10/2026-11-01T06-00-00Z/figures.csv")
                .status());
    }

    @Test
    void aConsultantIsRefusedAndACaseworkerFindsNothing() {
        archive.put("rampe-oestjylland", "2026-10", "2026-11-02T06-00-00Z", report("Oktober"));
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        WebFixture.Page refused = anna.get("/app/reports");
        assertEquals(403, refused.status());
        assertFalse(refused.body().contains("2026-10"));
        WebFixture.Page opened = anna.get("/app/reports/rampe-oestjylland/2026-10/2026-11-02T06-00-00Z");
        assertEquals(403, opened.status());
        assertFalse(opened.body().contains("Oktober"));

        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        assertEquals(404, caseworker.get("/app/reports").status());
        assertEquals(404, caseworker.get("/app/reports/rampe-oestjylland/2026-10/2026-11-02T06-00-00Z").status());
    }

    @Test
    void withoutAnArchiveThePlaceStaysMarked() {
        WebFixture plain = new WebFixture();
        WebFixture.Browser dorthe = plain.browser();
        dorthe.login("local-owner-dorthe");
        assertTrue(dorthe.get("/app/overview").body().contains("data-later=\"reports\""));
        assertEquals(404, dorthe.get("/app/reports").status());
    }
}
