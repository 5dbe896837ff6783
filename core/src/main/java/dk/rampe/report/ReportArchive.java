package dk.rampe.report;

import java.util.List;
import java.util.Optional;

/**
 * Where every made report is kept: S3 in AWS (encrypted, versioned), a folder locally. A report
 * made again for the same month is written next to the earlier ones (the key carries the time it
 * was made), so nothing that was sent is ever overwritten.
 */
public interface ReportArchive {

    record Stored(String programmeId, String month, String madeAt, String key) {
    }

    /** Keeps the report's files (name → bytes, e.g. report.html, figures.csv) and returns where. */
    Stored put(String programmeId, String month, String madeAt, java.util.Map<String, byte[]> files);

    /** The reports kept for a programme, oldest first. */
    List<Stored> list(String programmeId);

    Optional<byte[]> read(Stored stored, String fileName);
}
