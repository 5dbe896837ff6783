package dk.rampe.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.local.embedded.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import java.util.concurrent.TimeUnit;

/**
 * What the browser tests need: Debian's Chromium and the node packages of the test's folder
 * (playwright-core, and axe-core where the folder pins it; installed from the committed
 * package-lock.json with {@code npm ci} the first time, like a container image is pulled). Each
 * check says what is missing, so a test can skip with that reason. The node scripts share
 * testkit/src/main/browser/axe-check.mjs, which runs axe-core on each page state.
 */
public final class BrowserTools {
    private BrowserTools() {
    }

    /** The browser test folder (package.json, package-lock.json, the node script). */
    public static Path scripts() {
        return Events.folder().getParent().resolve("functions/follow-up-page/src/test/browser");
    }

    public static Path chromium() {
        return Path.of(System.getenv().getOrDefault("RAMPE_CHROMIUM", "/usr/bin/chromium"));
    }

    /** Null when everything is there; otherwise why not (for Assumptions.assumeTrue). */
    public static synchronized String missing() {
        return missing(scripts());
    }

    /** As {@link #missing()}, for the browser test folder {@code dir} of another module. */
    public static synchronized String missing(Path dir) {
        if (!Files.isExecutable(chromium())) {
            return "needs Chromium at " + chromium() + " (apt-get install -y chromium, or set RAMPE_CHROMIUM)";
        }
        if (!works("node", "--version")) return "needs node on the PATH";
        if (!installed(dir)) {
            if (!works("npm", "--version")) return "needs npm to install playwright-core and axe-core";
            run(dir, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            if (!installed(dir)) {
                return "playwright-core or axe-core could not be installed (cd " + dir + " && npm ci)";
            }
        }
        return null;
    }

    /** The folder's node packages are there (axe-core only where its package.json asks for it). */
    private static boolean installed(Path dir) {
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) return false;
        try {
            return !Files.readString(dir.resolve("package.json")).contains("\"axe-core\"")
                    || Files.isDirectory(dir.resolve("node_modules/axe-core"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails, listing each one (rule, element, page, screen size), when the node script's result
     * {@code seen} carries violations from axe-check.mjs ({@code violations: [{rule, impact, target,
     * page, size, help}]}) or axe-core checked fewer than {@code atLeastRuns} page states and sizes.
     */
    public static void assertAccessible(JsonNode seen, int atLeastRuns) {
        List<String> lines = new ArrayList<>();
        for (JsonNode v : seen.path("violations")) {
            lines.add(v.path("rule").asText() + " (" + v.path("impact").asText() + ") at " + v.path("target").asText()
                    + " on " + v.path("page").asText() + " at " + v.path("size").asText() + ": "
                    + v.path("help").asText());
        }
        Assertions.assertTrue(lines.isEmpty(), "axe-core found " + lines.size() + " violations:\n"
                + String.join("\n", lines) + "\n");
        Assertions.assertTrue(seen.path("axe").path("runs").asInt() >= atLeastRuns,
                "axe-core checked " + seen.path("axe") + ", expected at least " + atLeastRuns + " runs");
    }

    private static boolean works(String... command) {
        return run(null, command);
    }

    private static boolean run(Path dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) pb.directory(dir.toFile());
            Process p = pb.start();
            p.getInputStream().transferTo(System.out);
            return p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
