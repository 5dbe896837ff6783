package dk.rampe.testkit;

import dk.rampe.local.embedded.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the browser tests need: Debian's Chromium and playwright-core (installed from the
 * committed package-lock.json with {@code npm ci} the first time, like a container image is
 * pulled). Each check says what is missing, so a test can skip with that reason.
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
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            if (!works("npm", "--version")) return "needs npm to install playwright-core";
            run(dir, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
                return "playwright-core could not be installed (cd " + dir + " && npm ci)";
            }
        }
        return null;
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
