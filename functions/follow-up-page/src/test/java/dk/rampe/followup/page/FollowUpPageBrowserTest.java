package dk.rampe.followup.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.dynamodb.DynamoWatermarks;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.json.Json;
import dk.rampe.testkit.BrowserTools;
import dk.rampe.local.embedded.Events;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * End to end in a real browser: a follow-up task created through the domain, its nudges sent to
 * the local outbox, the link from the SMS opened in headless Chromium (Debian's package, driven
 * by playwright-core) on a phone-sized screen without JavaScript, the form submitted, the task
 * closed. Skips, saying why, when Chromium, node or playwright-core is missing
 * (apt-get install -y chromium; cd functions/follow-up-page/src/test/browser && npm ci).
 */
class FollowUpPageBrowserTest {
    private static final Path BROWSER_DIR = BrowserTools.scripts();

    @Test
    void aLinkFromTheOutboxOpensOnAPhoneAndOneFormPostClosesTheTask() throws Exception {
        String missing = BrowserTools.missing();
        Assumptions.assumeTrue(missing == null, missing);

        try (LocalPageServer server = new LocalPageServer()) {
            PageFixture f = new PageFixture(server.baseUrl());
            server.serve(f.handler());
            String taskId = f.createSampleTask();
            OutboxDispatcher.Summary sent = new OutboxDispatcher(f.outbox, f.local, f.clock,
                    new OutboxDispatcher.Policy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(5)),
                    new DynamoWatermarks(f.dynamo, f.config.table()))
                    .dispatchDue(100);
            assertEquals(2, sent.count(OutboxDispatcher.Result.SENT), "one email and one SMS");

            // the link, as the consultant gets it by SMS; the email carries the same one
            List<String> sms = Files.readAllLines(f.local.smsFile());
            assertEquals(1, sms.size());
            Matcher m = Pattern.compile(Pattern.quote(server.baseUrl()) + "/f/[A-Za-z0-9._-]+")
                    .matcher(Json.parse(sms.get(0)).path("text").asText());
            assertTrue(m.find(), sms.get(0));
            String link = m.group();
            try (var emails = Files.list(f.local.emailDir())) {
                Path eml = emails.findFirst().orElseThrow();
                assertTrue(Files.readString(eml).contains(link));
            }

            // -Drampe.screenshots=docs refreshes the committed docs/follow-up-page.png
            Path docs = "docs".equals(System.getProperty("rampe.screenshots"))
                    ? Events.folder().getParent().resolve("docs") : Path.of("target").toAbsolutePath();
            Files.createDirectories(docs);
            Path shot = docs.resolve("follow-up-page.png");
            Path shotAfter = Files.createTempFile("follow-up-page-after", ".png");
            Process node = new ProcessBuilder("node", BROWSER_DIR.resolve("follow-up-page.mjs").toString(), link,
                    shot.toString(), shotAfter.toString())
                    .directory(BROWSER_DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(90, TimeUnit.SECONDS), "the browser run timed out");
            JsonNode seen = Json.parse(output.lines().reduce((a, b) -> b).orElse("{}"));
            BrowserTools.assertAccessible(seen, 4);
            assertEquals(0, node.exitValue(), output);
            assertEquals("Fravær i dag", seen.path("heading").asText());
            assertEquals("R7K2M9Q4X1ZA8", seen.path("caseReference").asText());
            assertTrue(seen.path("scrollWidth").asInt() <= 390, "no sideways scrolling on a phone: " + output);
            assertTrue(seen.path("bodyFontPx").asDouble() >= 16, output);
            assertTrue(seen.path("buttonHeightPx").asDouble() >= 44, "a button a thumb can hit: " + output);
            // both choices and the save button are seen without scrolling, with the browser's bars shown
            assertTrue(seen.path("choicesBottomPx").asInt() <= 700, "choices above the fold: " + output);
            assertTrue(seen.path("buttonBottomPx").asInt() <= 700, "save button above the fold: " + output);
            assertEquals("closed", seen.path("status").asText());
            assertTrue(Files.size(shot) > 10_000, "screenshot saved");

            FollowUpTask task = f.store.find(taskId).orElseThrow();
            assertEquals(FollowUpTask.Status.CLOSED, task.status());
            assertEquals(new FollowUpOutcome(true, FollowUpOutcome.Cause.TRANSPORT, FollowUpOutcome.NextStep.FEWER_HOURS,
                    "Bussen kom ikke. Møder i morgen kl. 9."), task.outcome());
            List<String> audit = f.auditActions("followup:" + taskId);
            assertTrue(audit.containsAll(List.of("followUp.created", "followUp.viewed", "followUp.closed")), audit.toString());
        }
    }
}
