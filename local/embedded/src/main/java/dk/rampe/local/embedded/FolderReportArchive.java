package dk.rampe.local.embedded;

import dk.rampe.report.ReportArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The report archive locally: {@code .rampe/reports/{programme}/{month}/{madeAt}/{file}}. Nothing is
 * overwritten: a report made again lands in a new folder named by when it was made.
 */
public final class FolderReportArchive implements ReportArchive {
    private final Path root;

    public FolderReportArchive(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public Stored put(String programmeId, String month, String madeAt, Map<String, byte[]> files) {
        String safe = madeAt.replace(':', '-'); // a folder name on every system
        String key = programmeId + "/" + month + "/" + safe;
        Path dir = root.resolve(key);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) Files.write(dir.resolve(f.getKey()), f.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(programmeId, month, safe, key);
    }

    @Override
    public List<Stored> list(String programmeId) {
        Path dir = root.resolve(programmeId);
        List<Stored> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> months = Files.list(dir)) {
            for (Path m : months.sorted().toList()) {
                try (Stream<Path> runs = Files.list(m)) {
                    for (Path r : runs.sorted().toList()) {
                        String key = programmeId + "/" + m.getFileName() + "/" + r.getFileName();
                        out.add(new Stored(programmeId, m.getFileName().toString(), r.getFileName().toString(), key));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public Optional<byte[]> read(Stored stored, String fileName) {
        Path f = root.resolve(stored.key()).resolve(fileName);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
