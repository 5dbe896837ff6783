package dk.rampe.monthlyreport;

import dk.rampe.report.Figure;
import dk.rampe.report.MonthlyReport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Every figure of the report as CSV for a Danish spreadsheet (its own small writer, no library): UTF-8 with
 * a byte order mark, semicolons between columns, CRLF between rows, a field quoted only when it holds a
 * semicolon, a quote or a line break. One row per figure and scope (the programme or a jobcentre); the value
 * is a number where the figure is shown as one (decimal comma, a share as its percent without the sign:
 * "45,5"), else what the report shows ("x", "47 pr. 2026-10", "-", "pending"), so no suppressed count is in it. Then the
 * charts' data (section {@code chart}: intake against the pace and the quota by month, the absence rate by
 * month) and the corrections last.
 */
final class ReportCsv {
    static final String[] HEADER = {"month", "section", "figure", "scope", "scope_name", "kind", "value"};
    static final char SEPARATOR = ';';

    private ReportCsv() {
    }

    static byte[] write(MonthlyReport r) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        for (Figure f : r.figures()) row(out, r, f);
        String programme = MonthlyReport.PROGRAMME;
        String name = r.scopeNames().getOrDefault(programme, programme);
        for (MonthlyReport.IntakePoint p : r.intakeOverTime()) {
            line(out, r.month().toString(), "chart", "intake.received.total." + p.month(), programme, name, "count",
                    value(p.received()));
            line(out, r.month().toString(), "chart", "intake.pace." + p.month(), programme, name, "setting",
                    number(p.pace()));
            line(out, r.month().toString(), "chart", "intake.quota." + p.month(), programme, name, "setting",
                    number(p.quota()));
        }
        for (MonthlyReport.MonthValue v : r.absenceLast12Months()) {
            line(out, r.month().toString(), "chart", "attendance.absence_rate." + v.month(), programme, name, "rate",
                    Double.isNaN(v.value()) ? "-" : number(v.value()));
        }
        for (Figure f : r.corrections()) row(out, r, f);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, MonthlyReport r, Figure f) {
        line(out, r.month().toString(), f.section(), f.key(), f.scope(), r.scopeNames().getOrDefault(f.scope(), f.scope()),
                f.kind().name().toLowerCase(Locale.ROOT), value(f));
    }

    /** The number as a Danish spreadsheet reads it when the figure is shown as one, else what is shown. */
    static String value(Figure f) {
        return f.shownAsNumber() ? number(f.value()) : f.shown();
    }

    /** "18", "45,5", "0,25": no thousands separator, a decimal comma, no trailing zeros. */
    static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        if (d.scale() < 0) d = d.setScale(0);
        return d.toPlainString().replace('.', ',');
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) out.append(SEPARATOR);
            out.append(field(fields[i]));
        }
        out.append("\r\n");
    }

    static String field(String s) {
        if (s.indexOf(SEPARATOR) < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
