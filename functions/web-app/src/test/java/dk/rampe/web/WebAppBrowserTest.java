package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.api.Messages;
import dk.rampe.core.Language;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import dk.rampe.testkit.BrowserTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * End to end in a real browser with JavaScript off (Debian's Chromium driven by playwright-core):
 * the local login, a referral sent through the form by the caseworker (a field error first),
 * accepted and enrolled by the consultant, a follow-up planned and closed (a field error first),
 * seen in "my participants", the owner's overview and kept reports (one opened), the administrator's settings (each
 * part, a refused save, the history), a participant imported by the administrator (files refused, then one uploaded,
 * previewed and saved),
 * and read back by the caseworker; screenshots at 390 x 844 and 1,366 x 900. axe-core checks every
 * page state the walk passes through, at both sizes, and any violation fails the test with a list
 * of rule, element and page. Skips, saying why, when Chromium, node, playwright-core or axe-core is
 * missing (apt-get install -y chromium; npm ci in functions/web-app/src/test/browser).
 * -Drampe.screenshots=docs refreshes docs/web-app-*.png.
 */
class WebAppBrowserTest {
    private static final Path BROWSER_DIR = Events.projectRoot().resolve("functions/web-app/src/test/browser");

    @Test
    void aNewcomerSendsAcceptsEnrolsAndReadsBackAReferralWithoutCurl() throws Exception {
        String missing = BrowserTools.missing(BROWSER_DIR);
        Assumptions.assumeTrue(missing == null, missing);

        // one monthly report kept for the owner's programme: the e-mail's HTML, as the archive hands it on
        WebReportsTest.MapArchive archive = new WebReportsTest.MapArchive();
        archive.put("rampe-oestjylland", "2026-10", "2026-11-02T06-00-00Z", Map.of("report.html", ("<!doctype html>"
                + "<html lang=\"da\"><head><meta charset=\"utf-8\"><title>Rampe Østjylland, oktober 2026</title></head>"
                + "<body style=\"margin:0\"><main><h1>Rampe Østjylland, oktober 2026</h1><table><caption>Optag</caption>"
                + "<thead><tr><th scope=\"col\">Jobcenter</th><th scope=\"col\">Henvist</th></tr></thead><tbody><tr>"
                + "<td>Aarhus</td><td>12</td></tr></tbody></table></main></body></html>").getBytes(StandardCharsets.UTF_8),
                "figures.csv", "month,referred\n2026-10,12\n".getBytes(StandardCharsets.UTF_8)));
        WebFixture f = new WebFixture(archive);
        try (LocalAppServer server = new LocalAppServer(f.handler)) {
            Path shots = "docs".equals(System.getProperty("rampe.screenshots"))
                    ? Events.projectRoot().resolve("docs") : Path.of("target/screenshots").toAbsolutePath();
            Files.createDirectories(shots);
            Process node = new ProcessBuilder("node", BROWSER_DIR.resolve("web-app.mjs").toString(), server.baseUrl(),
                    shots.toString()).directory(BROWSER_DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(180, TimeUnit.SECONDS), "the browser run timed out");
            JsonNode seen = Json.parse(output.lines().reduce((a, b) -> b).orElse("{}"));
            System.out.println("axe-core: " + seen.path("axe"));
            assertTrue(seen.path("error").isMissingNode(), output);
            BrowserTools.assertAccessible(seen, 70);
            assertEquals(0, node.exitValue(), output);
            assertEquals(Messages.text("cpr.format", Language.DA), seen.path("cprError").asText(),
                    "the API's message, beside the CPR field");
            String id = seen.path("referralId").asText();
            assertTrue(id.matches("R[0-9A-Z]{12}"), output);
            assertEquals("enrolled", seen.path("consultantStatus").asText());
            assertEquals("plan", seen.path("nextAfterEnrolment").asText(), "after the enrolment the next step is the plan");
            assertEquals(1, seen.path("inMyParticipants").asInt());
            assertEquals("enrolled", seen.path("caseworkerStatus").asText());
            assertEquals("1", seen.path("planVersion").asText(), "the plan was saved once");
            assertEquals("late", seen.path("attendanceRegistered").asText(), "today's registration in the four weeks");
            assertEquals(1, seen.path("attendanceComing").asInt(), "tomorrow's shorter day is listed");
            assertEquals(1, seen.path("followUpsOpen").asInt(), "the planned follow-up is open");
            assertEquals(dk.rampe.text.Texts.PAGE.get("error.reached", Language.DA), seen.path("followUpError").asText(),
                    "the follow-up page's message, beside the field");
            assertEquals(Texts.t(Language.DA, "done.follow-up"), seen.path("followUpDone").asText());
            assertEquals(1, seen.path("followUpsClosed").asInt(), "closed, with its outcome");
            assertEquals(1, seen.path("historyClosed").asInt(), "and in the history");
            assertEquals("1", seen.path("listedOpenFollowUps").asText(), "my participants: the second follow-up is open");
            assertEquals("2027-02-23", seen.path("listedNextReminder").asText(),
                    "my participants: the aftercare call three months after the job started");
            assertEquals(1, seen.path("reportsListed").asInt(), "the owner's kept report, listed");
            assertTrue(seen.path("reportOpened").asText().contains("oktober 2026"), output);
            assertTrue(seen.path("settingsErrors").asInt() >= 1, "the refused save's error summary: " + output);
            assertEquals(1, seen.path("settingsDone").asInt(), "the settings saved after the errors were fixed");
            assertEquals(2, seen.path("settingsHistory").asInt(), "the fixture's settings and the one save, in the history");
            assertTrue(seen.path("importOtherFileErrors").asInt() >= 1, "a file of other columns: " + output);
            assertTrue(seen.path("importErrors").asInt() >= 3, "the refused row's errors by column: " + output);
            assertEquals("1", seen.path("importReady").asText(), "the import's preview, from a real browser's upload");
            assertEquals("1", seen.path("importAdded").asText(), "the file carried on in the preview and saved");
            for (String page : List.of("login-phone", "referral-form-errors-phone", "participant-desk",
                    "participant-attendance-phone", "participant-attendance-desk", "participant-follow-up-phone",
                    "participant-follow-ups-desk",
                    "my-participants-phone", "overview-desk", "caseworker-referral-phone", "plan-print-a4")) {
                assertTrue(Files.size(shots.resolve("web-app-" + page + ".png")) > 5_000, page);
            }
            List<String> audit = f.auditActions(id);
            assertTrue(audit.containsAll(List.of("referral.created", "referral.read", "referral.visitation.accepted",
                    "referral.enrolled")), audit.toString());
        }
    }
}
