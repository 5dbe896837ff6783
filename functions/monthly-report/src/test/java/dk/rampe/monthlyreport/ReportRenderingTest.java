package dk.rampe.monthlyreport;

import static dk.rampe.core.Html.esc;

import dk.rampe.followup.EmailWithAttachments;
import dk.rampe.local.embedded.LocalOutbox;
import dk.rampe.report.Figure;
import dk.rampe.report.MonthlyReport;
import dk.rampe.report.ReportScenario;
import dk.rampe.testkit.BrowserTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The October scenario rendered: HTML with every section, CSV parsed back, the MIME email with both parts. */
class ReportRenderingTest {
    static final Clock NOV_1 = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), ZoneOffset.UTC);

    /** October with attendance and aftercare answered (what the stores give now). */
    static MonthlyReport october() {
        return new ReportScenario().makerWithFigures(NOV_1).make(ReportScenario.programme(),
                ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
    }

    @Test
    void htmlHasEverySectionAndChartsWithoutScriptsSvgOrImages() {
        MonthlyReport r = october();
        String html = ReportHtml.render(r, ReportScenario.ZONE);
        for (String id : MonthlyReport.SECTION_IDS) {
            assertTrue(html.contains("<h2 id=\"" + id + "\""), id);
            assertTrue(html.contains(esc(ReportTexts.section(id))), id);
        }
        assertTrue(html.contains("id=\"corrections\""));
        assertTrue(html.contains("Indtag mod kvote over tid"));
        assertTrue(html.contains("Deltagere pr. fase ved månedens slut"));
        assertTrue(html.contains("Fravær de sidste tolv måneder"));
        assertFalse(html.contains("Afventer: data registreres endnu ikke."), "attendance and aftercare are answered");
        // every figure's label is Danish text, never its key
        for (Figure f : r.figures()) {
            String label = ReportTexts.figure(f.key());
            assertFalse(label.contains("_") || label.matches(".*\\((target|actual|reached|participants)\\).*")
                    || label.matches(".*(ordinary|course|internship).*"), f.key() + " has no Danish label: " + label);
        }
        assertTrue(html.contains("Nej i måneden: ønsker ikke at deltage nu"), "declines by reason code");
        // a reason 0 everywhere is left out of the HTML; one hidden somewhere ("x": it may be a zero the audit hid) is not
        assertEquals(r.figures().stream().anyMatch(f -> f.key().equals("declined.reason.moved.month") && !f.shown().equals("0")),
                html.contains("Nej i måneden: fraflyttet"), "a reason no one gave is left out of the HTML");
        assertTrue(html.contains("Fravær = planlagte timer uden fremmøde."));
        assertTrue(html.contains("Udvikling siden start, andel fastholdt i job i 6 måneder, af de tjekkede (%): jan 26:\u00a0-"), "one line per trend");
        assertTrue(html.contains("sep 26:\u00a075.0 %"));
        // every target value with its unit, and its status so far
        assertTrue(html.contains("Andel i virksomhedsrettet aktivitet: mål (%)"), "a share target");
        assertTrue(html.contains("Andel i virksomhedsrettet aktivitet: nået (personer)"), "a count under a count label");
        assertTrue(html.contains("Afsluttet til job eller uddannelse: mål (personer)"), "a count target");
        assertTrue(html.contains("Afsluttet til job eller uddannelse: forventet til nu (personer)"));
        assertTrue(html.contains("Andel fastholdt i job i 6 måneder, af de tjekkede: status"));
        assertTrue(html.contains(">på sporet<") || html.contains(">bagud<"), "the status in Danish");
        assertFalse(html.contains("on_track") || html.contains(">behind<"));
        String pending = ReportHtml.render(new ReportScenario().maker(NOV_1).make(ReportScenario.programme(),
                ReportScenario.jobcentreNames(), ReportScenario.OCTOBER), ReportScenario.ZONE);
        assertTrue(pending.contains("Afventer: data registreres endnu ikke."), "a section whose store does not answer");
        assertTrue(html.contains("bgcolor=\"" + ReportHtml.BLUE + "\""), "bars are table cells");
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String banned : List.of("<svg", "<script", "<img", "<canvas", "<style", "javascript:", "http://", "https://")) {
            assertFalse(lower.contains(banned), banned);
        }
        assertTrue(html.contains("Oktober 2026") || html.contains("oktober 2026"));
        assertTrue(html.contains("Jobcenter B henviser langt under tempoet mod kvoten"));
        // one symbol for every hidden count: nothing tells a small count from one hidden to protect it
        assertFalse(html.contains("&lt;5"));
        assertTrue(html.contains(">x<"), "hidden counts show x");
        assertTrue(html.contains("name=\"viewport\""));
        // no personal data: no citizen names of the scenario, no benefit
        assertFalse(html.contains("Deltager "), "no participant names");
        assertFalse(lower.contains("kontanthjælp"));
        assertFalse(html.contains(">no<"), "the free text of a decline is never shown");
    }

    /** Rows of a semicolon CSV as a Danish spreadsheet reads it (quotes around a field, "" for a quote). */
    static List<Map<String, String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = lines.get(0);
        for (List<String> l : lines.subList(1, lines.size())) {
            assertEquals(header.size(), l.size(), l.toString());
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), l.get(i));
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aTotalNotUpdatedThisMonthShowsItsLastPublishedValueAndMonth() {
        Figure f = new Figure("since_start", "since_start.referred", MonthlyReport.PROGRAMME, Figure.Kind.COUNT, Double.NaN,
                Figure.asOf(47, java.time.YearMonth.of(2026, 10)));
        assertEquals("47 pr. 2026-10", f.shown(), "in the figure and the CSV");
        assertEquals(java.time.YearMonth.of(2026, 10), f.asOfMonth());
        assertEquals("47 pr. okt. 2026", ReportTexts.shown(f), "in the HTML");
        assertFalse(f.shownAsNumber(), "no renderer takes it for this month's number");
    }

    @Test
    void theTotalsSinceTheStartComeFirstInTheHtmlAndAreRowsOfTheCsv() {
        MonthlyReport r = october();
        String html = ReportHtml.render(r, ReportScenario.ZONE);
        assertTrue(html.indexOf("<h2 id=\"since_start\"") < html.indexOf("<h2 id=\"intake\""), "what a steering group reads first");
        for (String label : List.of("Siden start", "Henvist i alt", "Startet i forløbet i alt", "Praktikker startet i alt",
                "Job startet i alt: fleksjob", "Job startet i alt: job i socialøkonomisk virksomhed",
                "Afsluttet i alt: ordinært job", "Afsluttet i alt")) {
            assertTrue(html.contains(esc(label)), label);
        }
        String csv = new String(ReportCsv.write(r), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("2026-10;since_start;since_start.referred;programme;Rampe Øst;count;18\r\n"), csv);
        // a total never published (under 5 so far) is hidden, a zero too
        assertTrue(csv.contains("2026-10;since_start;since_start.jobs.flexjob;programme;Rampe Øst;count;x\r\n"));
        assertTrue(csv.contains("2026-10;since_start;since_start.exits.ordinary_job;jcB;Jobcenter B;count;x\r\n"));
    }

    @Test
    void theEarlyWarningsFiguresAreASectionOfTheHtmlAndRowsOfTheCsvSuppressedAsTheOthers() {
        MonthlyReport r = october();
        String html = ReportHtml.render(r, ReportScenario.ZONE);
        int at = html.indexOf("<h2 id=\"warnings\"");
        assertTrue(at > html.indexOf("<h2 id=\"aftercare\"") && at < html.indexOf("<h2 id=\"exits\""), "after aftercare");
        for (String label : List.of("Tidlige varsler om fremmøde", "Varsler i måneden", "Heraf fulgt op inden for to arbejdsdage",
                "Deltagere med varsel måneden før", "Heraf stadig i forløbet en måned efter varslet")) {
            assertTrue(html.contains(esc(label)), label);
        }
        String csv = new String(ReportCsv.write(r), StandardCharsets.UTF_8);
        assertTrue(csv.contains("2026-10;warnings;warnings.raised;programme;Rampe Øst;count;9\r\n"), csv);
        assertTrue(csv.contains("2026-10;warnings;warnings.raised;jcB;Jobcenter B;count;" + Figure.HIDDEN + "\r\n"), "a group under 5");
        assertTrue(csv.contains("2026-10;warnings;warnings.active_a_month_after;jcA;"), csv);
    }

    @Test
    void csvIsForADanishSpreadsheetWithOneRowPerFigureAndScopeAndTheChartsData() {
        MonthlyReport r = october();
        byte[] bytes = ReportCsv.write(r);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFmonth;section;figure;scope;scope_name;kind;value\r\n"), "semicolons");
        List<Map<String, String>> rows = parse(csv.substring(1));
        List<Figure> all = new ArrayList<>(r.figures());
        List<Map<String, String>> figureRows = rows.stream().filter(x -> !x.get("section").equals("chart")).toList();
        all.addAll(r.corrections());
        assertEquals(all.size(), figureRows.size());
        for (int i = 0; i < all.size(); i++) {
            Figure f = all.get(i);
            Map<String, String> row = figureRows.get(i);
            assertEquals("2026-10", row.get("month"));
            assertEquals(f.section(), row.get("section"));
            assertEquals(f.key(), row.get("figure"));
            assertEquals(f.scope(), row.get("scope"));
            if (f.shownAsNumber()) {
                // a number with a decimal comma, a share as its percent without the sign
                assertEquals(f.value(), Double.parseDouble(row.get("value").replace(',', '.')), 1e-9, f.toString());
                assertFalse(row.get("value").contains("%") || row.get("value").contains("."), row.toString());
            } else {
                assertEquals(f.shown(), row.get("value"), f.toString());
            }
        }
        assertTrue(figureRows.stream().anyMatch(x -> x.get("figure").equals("received.month") && x.get("scope").equals("jcB")
                && x.get("value").equals("x") && x.get("scope_name").equals("Jobcenter B")));
        assertTrue(figureRows.stream().anyMatch(x -> x.get("kind").equals("rate") && x.get("value").matches("\\d+,\\d")),
                "a share as a number with a decimal comma");
        // every scope of every count figure is there
        long intakeRows = figureRows.stream().filter(x -> x.get("figure").equals("received.total")).count();
        assertEquals(4, intakeRows, "programme + three jobcentres");
        // the charts' data: intake against the pace and the quota, and the absence rate, by month
        for (MonthlyReport.IntakePoint p : r.intakeOverTime()) {
            assertTrue(rows.stream().anyMatch(x -> x.get("figure").equals("intake.received.total." + p.month())
                    && x.get("value").equals(p.received().shown())), p.toString());
            assertTrue(rows.stream().anyMatch(x -> x.get("figure").equals("intake.pace." + p.month())), p.toString());
        }
        for (MonthlyReport.MonthValue v : r.absenceLast12Months()) {
            assertTrue(rows.stream().anyMatch(x -> x.get("figure").equals("attendance.absence_rate." + v.month())),
                    v.toString());
        }
        assertEquals("\"a;b \"\"c\"\"\"", ReportCsv.field("a;b \"c\""), "a field with a separator or a quote is quoted");
    }

    @Test
    void theEmailSaysHowSmallCountsShowAsTheReportShowsThem() {
        MonthlyReport r = october();
        String text = ReportRun.text(r);
        assertTrue(text.contains("vises som x."), text);
        assertFalse(text.contains("<5"), "no symbol the report does not use: " + text);
        assertTrue(ReportHtml.render(r, ReportScenario.ZONE).contains(ReportRun.SMALL_COUNTS), "the same words in the report");
        assertTrue(r.figures().stream().anyMatch(f -> f.shown().equals(Figure.HIDDEN)), "the month hides a count");
        assertEquals("x", Figure.HIDDEN);
    }

    @Test
    void theLocalEmailIsOneMimeMessageWithTextHtmlAndTheCsv() throws Exception {
        MonthlyReport r = october();
        Path dir = Files.createTempDirectory("report-outbox");
        LocalOutbox outbox = new LocalOutbox(dir, "Rampe <no-reply@rampe.local>", NOV_1);
        byte[] csv = ReportCsv.write(r);
        String html = ReportHtml.render(r, ReportScenario.ZONE);
        outbox.sendWithAttachments(new EmailWithAttachments(List.of("styregruppe@rampe.example.dk"), ReportHtml.title(r),
                ReportRun.text(r), html, List.of(new EmailWithAttachments.Attachment("rampe-p1-2026-10.csv",
                "text/csv; charset=UTF-8", csv))));
        List<Path> files;
        try (var s = Files.list(outbox.emailDir())) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        String eml = Files.readString(files.get(0));
        assertTrue(eml.contains("Content-Type: multipart/mixed;"));
        assertTrue(eml.contains("Content-Type: multipart/alternative;"));
        List<String> parts = parts(eml);
        assertEquals(List.of("text/plain", "text/html", "text/csv"), parts.stream().map(p -> p.split("\\|")[0]).toList());
        assertEquals(html, parts.get(1).split("\\|", 2)[1]);
        assertEquals(new String(csv, StandardCharsets.UTF_8), parts.get(2).split("\\|", 2)[1]);
        assertTrue(eml.contains("Content-Disposition: attachment; filename=\"rampe-p1-2026-10.csv\""));
    }

    /** "type|decoded body" of every base64 leaf part, in order. */
    static List<String> parts(String eml) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("Content-Type: ([a-z]+/[a-z]+)[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*?Content-Transfer-Encoding: base64\\r\\n\\r\\n([A-Za-z0-9+/=\\r\\n]+?)\\r\\n--")
                .matcher(eml);
        while (m.find()) {
            out.add(m.group(1) + "|" + new String(Base64.getMimeDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The report as emailed and kept (Danish) through axe-core at phone and desk size (the
     * owner opens it from the web app's report list): no violation. Skips, saying why, without Chromium or node.
     */
    @Test
    void theReportPassesAxeAtPhoneAndDeskSize() throws Exception {
        Path browser = dk.rampe.local.embedded.Events.projectRoot().resolve("functions/web-app/src/test/browser");
        String missing = BrowserTools.missing(browser);
        Assumptions.assumeTrue(missing == null, missing);
        Path da = Files.createTempFile("report-da", ".html");
        Files.writeString(da, ReportHtml.render(october(), ReportScenario.ZONE));
        Process node = new ProcessBuilder("node", dk.rampe.local.embedded.Events.projectRoot()
                .resolve("testkit/src/main/browser/axe-file.mjs").toString(), da.toString())
                .directory(browser.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the browser run timed out");
        com.fasterxml.jackson.databind.JsonNode seen = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
        assertTrue(seen.path("error").isMissingNode(), output);
        BrowserTools.assertAccessible(seen, 2);
    }

    /** Opens the HTML in Chromium at a phone's width; the screenshot is docs/monthly-report-phone.png. */
    @Test
    void opensInChromiumAtPhoneWidth() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserTools.chromium()), "needs Chromium");
        Path html = Files.createTempFile("report", ".html");
        Files.writeString(html, ReportHtml.render(october(), ReportScenario.ZONE));
        Path shot = Files.createTempFile("report", ".png");
        Process p = new ProcessBuilder(BrowserTools.chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=390,14000", "--screenshot=" + shot, html.toUri().toString())
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(Files.size(shot) > 10_000, "Chromium rendered the report");
        // the whole report, cut below its last line (the window is taller than any report)
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(shot.toFile());
        int last = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 40; x < img.getWidth() - 40; x++) {
                if ((img.getRGB(x, y) & 0xff) < 200) {
                    last = y;
                    break;
                }
            }
        }
        assertTrue(last < img.getHeight() - 50, "the report fits the window: " + last);
        Path docs = dk.rampe.local.embedded.Events.projectRoot().resolve("docs/monthly-report-phone.png");
        if (System.getenv("RAMPE_UPDATE_SCREENSHOTS") != null) {
            javax.imageio.ImageIO.write(img.getSubimage(0, 0, img.getWidth(), Math.min(img.getHeight(), last + 24)), "png",
                    docs.toFile());
        }
    }
}
