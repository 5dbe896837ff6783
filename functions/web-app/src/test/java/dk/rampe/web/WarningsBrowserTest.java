package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import dk.rampe.testkit.BrowserTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The early warning's pages in a real browser with JavaScript off: the consultant's "my participants" with
 * the warned participant at the top ({@link WebWarningsTest#warned}) and the owner's overview with the
 * month's warnings; axe-core on both at 390 x 844 and 1,366 x 900, and neither wider than a phone. Skips,
 * saying why, when Chromium, node, playwright-core or axe-core is missing.
 */
class WarningsBrowserTest {
    private static final Path BROWSER_DIR = Events.projectRoot().resolve("functions/web-app/src/test/browser");

    @Test
    void theWarningsPassAxeAtBothSizes() throws Exception {
        String missing = BrowserTools.missing(BROWSER_DIR);
        Assumptions.assumeTrue(missing == null, missing);

        WebFixture f = new WebFixture();
        WebWarningsTest.warned(f);
        try (LocalAppServer server = new LocalAppServer(f.handler)) {
            Process node = new ProcessBuilder("node", BROWSER_DIR.resolve("warnings.mjs").toString(), server.baseUrl())
                    .directory(BROWSER_DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the browser run timed out");
            JsonNode seen = Json.parse(output.lines().reduce((a, b) -> b).orElse("{}"));
            BrowserTools.assertAccessible(seen, 4);
            assertEquals(0, node.exitValue(), output);
            assertEquals(1, seen.path("warned").asInt(), output);
            assertEquals(28, seen.path("days").asInt());
            assertEquals("absence_after_stable_run", seen.path("reason").asText());
            assertEquals("fre. 20. nov.: Udeblevet", seen.path("absentDay").asText());
            assertEquals("1", seen.path("ownerWarnings").asText());
        }
    }
}
