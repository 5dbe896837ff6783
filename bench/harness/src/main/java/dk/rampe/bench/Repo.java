package dk.rampe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the benchmark runs in: found from the working directory upwards. */
record Repo(Path root) {

    static Repo find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.resolve("infra/sam-template.yaml"))
                    && Files.isDirectory(dir.resolve("bench"))) {
                return new Repo(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from inside the Rampe repository (no pom.xml + infra/ + bench/ above "
                + Path.of("").toAbsolutePath() + ")");
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** bench/target: results, logs and generated event templates. */
    Path work() {
        Path p = root.resolve("bench/target/work");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * A sample from the repository's events/ folder when it is there, else the copy bundled with
     * the benchmark (bench/harness/src/main/resources/bench-events/). Returns the text and where it came from.
     */
    Sample sample(String name) {
        Path inRepo = root.resolve("events").resolve(name);
        try {
            if (Files.exists(inRepo)) return new Sample(Files.readString(inRepo, StandardCharsets.UTF_8), "events/" + name);
            try (InputStream in = Repo.class.getResourceAsStream("/bench-events/" + name)) {
                if (in == null) throw new IllegalStateException("no sample " + name + " in events/ or in the bench");
                return new Sample(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "bench/harness/src/main/resources/bench-events/" + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Sample(String text, String source) {
    }
}
