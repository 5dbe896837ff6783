package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.testkit.BrowserTools;
import dk.rampe.local.embedded.Events;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nudges end to end, in the local runner: a follow-up planned through the API produces one
 * email and one SMS in the outbox; its link opens the follow-up page (in Chromium where it is
 * installed) and one form post closes the task; a restart sends nothing twice.
 */
class LocalRunnerNudgeTest {
    private static final Path BROWSER_DIR = BrowserTools.scripts();

    private static LocalRunner start(Path data) throws Exception {
        return LocalCalls.start(data.resolve("db"), data.resolve("outbox"));
    }

    /** Moves the local clock to the next 10:00 in Copenhagen, so quiet hours do not hold the SMS. */
    private static void toMorning(LocalRunner runner) {
        ZoneId cph = ZoneId.of("Europe/Copenhagen");
        ZonedDateTime now = runner.clock().instant().atZone(cph);
        ZonedDateTime ten = now.withHour(10).withMinute(0).withSecond(0).withNano(0);
        if (!ten.isAfter(now)) ten = ten.plusDays(1);
        runner.clock().advance(Duration.between(now, ten));
    }

    private record Planned(String taskId, String link) {
    }

    /** Posts the sample referral and plans a follow-up for it; returns the task and the SMS link. */
    private Planned planFollowUp(LocalRunner runner, Path data) throws Exception {
        toMorning(runner);
        String base = runner.baseUrl();
        HttpResponse<String> created = send("POST", base + "/v1/referrals", "local-jobcenter-aarhus",
                Events.text("referral-intake/referral.json"), "application/json");
        assertEquals(201, created.statusCode(), created.body());
        String referralId = Json.parse(created.body()).get("referralId").asText();
        String due = runner.clock().instant().plus(Duration.ofHours(1)).toString();
        String plan = "{\"kind\":\"follow_up_due\",\"dueAt\":\"" + due + "\"}";
        HttpResponse<String> planned = send("POST", base + "/v1/referrals/" + referralId + "/follow-ups",
                "local-consultant-anna", plan, "application/json");
        assertEquals(201, planned.statusCode(), planned.body());
        assertEquals("c-anna", Json.parse(planned.body()).get("consultantId").asText());
        HttpResponse<String> again = send("POST", base + "/v1/referrals/" + referralId + "/follow-ups",
                "local-consultant-anna", plan, "application/json");
        assertEquals(200, again.statusCode(), "the same decision again creates nothing");
        assertEquals(404, send("POST", base + "/v1/referrals/" + referralId + "/follow-ups",
                "local-jobcenter-odder", plan, "application/json").statusCode());

        runner.dispatchNow();
        assertEquals(1, emails(data).size(), "one email (Anna wants both)");
        List<String> sms = Files.readAllLines(data.resolve("outbox/sms.jsonl"));
        assertEquals(1, sms.size());
        String text = Json.parse(sms.get(0)).path("text").asText();
        for (String secret : List.of("0101901234", "Søren", "kontanthjaelp", "kontanthjælp")) {
            assertFalse(sms.get(0).contains(secret) || Files.readString(emails(data).get(0)).contains(secret), secret);
        }
        Matcher m = Pattern.compile(Pattern.quote(base) + "/f/[A-Za-z0-9._-]+").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Files.readString(emails(data).get(0)).contains(m.group()), "the email carries the same link");
        return new Planned(Json.parse(planned.body()).get("taskId").asText(), m.group());
    }

    private static List<Path> emails(Path data) throws IOException {
        Path dir = data.resolve("outbox/email");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    private void assertNothingSentTwice(Path data) throws Exception {
        try (LocalRunner again = start(data)) {
            again.dispatchNow();
            again.clock().advance(Duration.ofHours(6)); // past the reminder time: the closed task stops it
            again.scheduler().fireDue();
            again.dispatchNow();
        }
        assertEquals(1, emails(data).size());
        assertEquals(1, Files.readAllLines(data.resolve("outbox/sms.jsonl")).size());
    }

    @Test
    void aPlannedFollowUpIsNudgedOnceAndClosedByOneFormPost(@TempDir Path data) throws Exception {
        try (LocalRunner runner = start(data)) {
            Planned planned = planFollowUp(runner, data);
            String link = planned.link();
            HttpResponse<String> page = send("GET", link, null, null, null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<form"), page.body());
            assertEquals("max-age=31536000; includeSubDomains",
                    page.headers().firstValue("strict-transport-security").orElse(null));
            // link checkers ask HEAD first: served like GET, without the body
            HttpResponse<String> head = send("HEAD", link, null, null, null);
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals("text/html; charset=utf-8", head.headers().firstValue("content-type").orElse(null));
            HttpResponse<String> posted = send("POST", link, null,
                    "task=" + planned.taskId() + "&reached=yes&cause=transport&next=fewer_hours&note=" + java.net.URLEncoder.encode("Møder i morgen",
                            StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
            assertEquals(200, posted.statusCode(), posted.body());
            assertTrue(posted.body().contains("data-status=\"closed\""), posted.body());
            assertFalse(send("GET", link, null, null, null).body().contains("<form"), "closed: nothing more to post");
            HttpResponse<String> tampered = send("GET", link.substring(0, link.length() - 2) + "xx", null, null, null);
            assertEquals(403, tampered.statusCode());
        }
        assertNothingSentTwice(data);
    }

    @Test
    void theLinkOpensInChromiumOnAPhoneAndTheFormClosesTheTask(@TempDir Path data) throws Exception {
        String missing = BrowserTools.missing();
        Assumptions.assumeTrue(missing == null, missing);
        try (LocalRunner runner = start(data)) {
            String link = planFollowUp(runner, data).link();
            Path shot = data.resolve("page.png");
            Process node = new ProcessBuilder("node", BROWSER_DIR.resolve("follow-up-page.mjs").toString(), link,
                    shot.toString()).directory(BROWSER_DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(90, TimeUnit.SECONDS), "the browser run timed out");
            assertEquals(0, node.exitValue(), output);
            JsonNode seen = Json.parse(output.lines().reduce((a, b) -> b).orElse("{}"));
            assertEquals("closed", seen.path("status").asText(), output);
            assertTrue(Files.size(shot) > 0);
        }
        assertNothingSentTwice(data);
    }
}
