package dk.rampe.monthlyreport;

import dk.rampe.report.Figure;
import dk.rampe.report.MonthlyReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Every figure of the report as CSV (commons-csv, RFC 4180): one row per figure and scope
 * (the programme or a jobcentre), with the value exactly as shown ("<5", "x", "pending" included).
 * Corrections come last, in their own section. UTF-8 with a byte order mark, so Excel reads æøå.
 */
final class ReportCsv {
    static final String[] HEADER = {"month", "section", "figure", "scope", "scope_name", "kind", "value"};

    private ReportCsv() {
    }

    static byte[] write(MonthlyReport r) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (Figure f : r.figures()) row(p, r, f);
            for (Figure f : r.corrections()) row(p, r, f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(CSVPrinter p, MonthlyReport r, Figure f) throws IOException {
        p.printRecord(r.month().toString(), f.section(), f.key(), f.scope(), r.scopeNames().getOrDefault(f.scope(), f.scope()),
                f.kind().name().toLowerCase(java.util.Locale.ROOT), f.shown());
    }
}
