package dk.rampe.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a command-line tool a test suite needs (moto_server, cfn-lint …), or says it is not there. */
public final class Executables {
    private Executables() {
    }

    /**
     * The tool named by the environment variable {@code override} when set (null if that is not
     * executable), else the first {@code name} on the PATH; null when there is none.
     */
    public static Path find(String name, String override) {
        String explicit = System.getenv(override);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit.strip());
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
