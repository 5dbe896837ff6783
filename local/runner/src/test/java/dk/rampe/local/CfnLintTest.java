package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * AWS's own linter, cfn-lint, on the SAM template: any error or warning fails the build with
 * cfn-lint's report. Skipped where cfn-lint is not installed ({@code pip install cfn-lint}; set
 * {@code RAMPE_CFN_LINT} to use one that is not on the PATH).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CfnLintTest {
    private static final long LINT_TIMEOUT_SECONDS = 240;
    // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational; 1 is cfn-lint failing itself
    private static final int FAILED = 1;
    private static final int ERRORS = 2;
    private static final int WARNINGS = 4;

    private static String missing;
    private static boolean checked;

    record Result(int exitCode, String output) {
    }

    @BeforeEach
    void needsCfnLint() {
        String why = missing();
        Assumptions.assumeTrue(why == null, why);
    }

    @Test
    void samTemplatePassesCfnLintWithoutErrorsOrWarnings() {
        Path template = projectRoot().resolve("infra/sam-template.yaml");
        Result r = lint(template);
        if ((r.exitCode() & (FAILED | ERRORS | WARNINGS)) != 0) {
            fail("cfn-lint " + template + " exited " + r.exitCode() + ":\n" + r.output());
        }
    }

    /** The linter really runs on what it is given: a template with a wrong runtime fails. */
    @Test
    void aBrokenCopyOfTheTemplateFails() throws IOException {
        Path template = projectRoot().resolve("infra/sam-template.yaml");
        String text = Files.readString(template, StandardCharsets.UTF_8);
        assertTrue(text.contains("Runtime: java21"), "the template names its runtime");
        Path broken = Files.createTempFile("sam-template-broken-", ".yaml");
        try {
            Files.writeString(broken, text.replace("Runtime: java21", "Runtime: java99"), StandardCharsets.UTF_8);
            Result r = lint(broken);
            assertNotEquals(0, r.exitCode() & ERRORS, "cfn-lint should report the runtime java99:\n" + r.output());
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    /** The repository root: the nearest folder upwards with pom.xml and infra/sam-template.yaml. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("infra/sam-template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("infra/sam-template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    static Path executable() {
        return dk.rampe.testkit.Executables.find("cfn-lint", "RAMPE_CFN_LINT");
    }

    /** Null when cfn-lint runs here; otherwise why not. */
    static synchronized String missing() {
        if (checked) return missing;
        checked = true;
        Path exe = executable();
        if (exe == null) {
            missing = "cfn-lint not on PATH: install it to lint the SAM template (pip install cfn-lint), or set RAMPE_CFN_LINT";
            return missing;
        }
        // a pyenv shim can be on the PATH while the active Python has no cfn-lint
        Result version = run(List.of(exe.toString(), "--version"), 60);
        if (version.exitCode() != 0) {
            missing = exe + " --version does not work (exit " + version.exitCode() + "): install cfn-lint to lint"
                    + " the SAM template: " + version.output().strip();
        }
        return missing;
    }

    private static Result lint(Path template) {
        List<String> command = new ArrayList<>(List.of(executable().toString(), "--", template.toString()));
        Result r = run(command, LINT_TIMEOUT_SECONDS);
        if (r.exitCode() == -1) fail(r.output());
        return r;
    }

    /** Runs a command from the project root, with a time limit; exit code -1 when it did not finish. */
    private static Result run(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).directory(projectRoot().toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(output unreadable: " + e.getMessage() + ")";
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            return new Result(127, "cannot start " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Result(-1, "output of " + command.get(0) + " not readable: " + e);
        }
    }
}
