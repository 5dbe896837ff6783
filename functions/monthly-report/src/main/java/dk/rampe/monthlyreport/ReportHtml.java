package dk.rampe.monthlyreport;

import static dk.rampe.core.Html.esc;

import dk.rampe.report.Figure;
import dk.rampe.report.MonthlyReport;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report as an email body: one 640-pixel column of nested tables with inline styles (what
 * Gmail and Outlook both render), readable on a phone. Charts are bars drawn as table cells with
 * a width and a background colour: no images, no SVG, no scripts, no fonts needed on Lambda.
 * A figure hidden by suppression gets no bar, only its "x"; a total since the start not updated this
 * month shows the value last published and its month ("47 pr. okt. 2026").
 */
final class ReportHtml {
    static final String BLUE = "#2b6cb0";
    static final String GREY = "#cbd5e0";
    static final String ORANGE = "#dd6b20";

    private ReportHtml() {
    }

    static String render(MonthlyReport r, ZoneId zone) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title(r))).append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;color:#1a202c;font-size:14px;line-height:1.4\">")
                .append("<main><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f4f4\"><tr><td align=\"center\">")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:640px;background:#ffffff\">")
                .append("<tr><td style=\"padding:16px\">");
        h.append("<h1 style=\"font-size:20px;margin:0 0 4px 0\">").append(esc(title(r))).append("</h1>");
        h.append("<p style=\"margin:0 0 12px 0;color:#4a5568\">Tal pr. ")
                .append(esc(DateTimeFormatter.ofPattern("d/M-uuuu HH:mm").withZone(zone).format(r.asOf().minusSeconds(1))))
                .append(" (månedens slut). Lavet ")
                .append(esc(DateTimeFormatter.ofPattern("d/M-uuuu HH:mm").withZone(zone).format(r.madeAt())))
                .append(". ").append(ReportRun.SMALL_COUNTS).append(" Et tal siden start opdateres, når det er vokset "
                        + "med 5; ellers vises det seneste tal med sin måned.</p>");
        warnings(h, r);
        charts(h, r);
        for (MonthlyReport.Section s : r.sections()) section(h, r, s);
        corrections(h, r);
        h.append("<p style=\"margin:16px 0 0 0;color:#4a5568;font-size:12px\">Alle tal findes også i den vedhæftede CSV-fil,")
                .append(" én række pr. tal og jobcenter. Rapporten indeholder ingen personoplysninger.</p>");
        h.append("</td></tr></table></td></tr></table></main></body></html>");
        return h.toString();
    }

    static String title(MonthlyReport r) {
        return "Månedsrapport " + ReportTexts.month(r.month()) + " – " + r.programmeName();
    }

    private static void warnings(StringBuilder h, MonthlyReport r) {
        if (r.warnings().isEmpty()) return;
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"8\" cellspacing=\"0\" style=\"background:#fffaf0;border-left:4px solid ")
                .append(ORANGE).append(";margin:0 0 12px 0\"><tr><td><strong>Advarsler</strong><ul style=\"margin:4px 0 0 18px;padding:0\">");
        for (String w : r.warnings()) {
            String code = w.substring(0, w.indexOf(':'));
            String arg = w.substring(w.indexOf(':') + 1);
            String who = code.startsWith("intake.pace") ? r.scopeNames().getOrDefault(arg, arg) + " " : arg + " ";
            h.append("<li>").append(esc(who + ReportTexts.WARNINGS.getOrDefault(code, code))).append("</li>");
        }
        h.append("</ul></td></tr></table>");
    }

    private static void charts(StringBuilder h, MonthlyReport r) {
        // the charts under their own heading, so each chart's heading is one level below it
        h.append("<h2 id=\"charts\" style=\"font-size:17px;margin:18px 0 6px 0\">Udviklingen i grafer</h2>");
        // intake against quota over time
        h.append(heading("Indtag mod kvote over tid"));
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"2\" cellspacing=\"0\" style=\"font-size:12px\">");
        for (MonthlyReport.IntakePoint p : r.intakeOverTime()) {
            double scale = Math.max(1, p.quota());
            h.append("<tr><td width=\"70\" style=\"white-space:nowrap\">").append(esc(p.month().toString())).append("</td><td>");
            h.append(bar(p.received().shownAsNumber() ? p.received().value() / scale : 0, BLUE));
            h.append(bar(p.pace() / scale, GREY));
            h.append("</td><td width=\"70\" align=\"right\" style=\"white-space:nowrap\">").append(esc(ReportTexts.shown(p.received())))
                    .append(" / ").append(esc(number(p.pace()))).append("</td></tr>");
        }
        h.append("</table><p style=\"margin:2px 0 12px 0;font-size:12px;color:#4a5568\">")
                .append(legend(BLUE, "modtaget i alt")).append(" ").append(legend(GREY, "tempo mod kvoten"))
                .append(" (kvote ").append(r.intakeOverTime().isEmpty() ? "" : r.intakeOverTime().get(0).quota()).append(")</p>");
        // phase flow at month end
        h.append(heading("Deltagere pr. fase ved månedens slut"));
        double max = 1;
        for (Figure f : phaseFigures(r)) if (f.shownAsNumber()) max = Math.max(max, f.value());
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"2\" cellspacing=\"0\" style=\"font-size:12px\">");
        for (Figure f : phaseFigures(r)) {
            h.append("<tr><td width=\"150\">").append(esc(ReportTexts.figure(f.key()).replace(" ved månedens slut", "")))
                    .append("</td><td>").append(bar(f.shownAsNumber() ? f.value() / max : 0, BLUE))
                    .append("</td><td width=\"40\" align=\"right\">").append(esc(ReportTexts.shown(f))).append("</td></tr>");
        }
        h.append("</table>");
        // absence over the last twelve months
        h.append(heading("Fravær de sidste tolv måneder"));
        if (r.absenceLast12Months().isEmpty()) {
            h.append(pending());
        } else {
            h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"2\" cellspacing=\"0\" style=\"font-size:12px\">");
            for (MonthlyReport.MonthValue v : r.absenceLast12Months()) {
                boolean shown = !Double.isNaN(v.value());
                h.append("<tr><td width=\"70\">").append(esc(v.month().toString())).append("</td><td>")
                        .append(bar(shown ? v.value() / 100 : 0, ORANGE)).append("</td><td width=\"60\" align=\"right\">")
                        .append(esc(shown ? String.format(Locale.ROOT, "%.1f %%", v.value()) : "-")).append("</td></tr>");
            }
            h.append("</table><p style=\"margin:2px 0 12px 0;font-size:12px;color:#4a5568\">")
                    .append("Fravær = planlagte timer uden fremmøde. - : færre end 5 deltagere med planlagte timer.</p>");
        }
    }

    private static List<Figure> phaseFigures(MonthlyReport r) {
        return r.figures().stream().filter(f -> f.section().equals("flow") && f.key().startsWith("phase.")
                && f.scope().equals(MonthlyReport.PROGRAMME)).toList();
    }

    private static void section(StringBuilder h, MonthlyReport r, MonthlyReport.Section s) {
        h.append("<h2 id=\"").append(esc(s.id())).append("\" style=\"font-size:17px;margin:20px 0 6px 0;border-bottom:2px solid ")
                .append(BLUE).append("\">").append(esc(ReportTexts.section(s.id()))).append("</h2>");
        if (s.pending()) h.append(pending());
        if (s.id().equals("delivery")) {
            h.append("<p style=\"margin:0 0 6px 0;color:#4a5568\">Påmindelser: som de stod, da rapporten blev lavet")
                    .append(" (driftsstatus, ikke månedens tal).</p>");
        }
        if (s.figures().isEmpty()) {
            if (!s.pending()) h.append("<p style=\"margin:0;color:#4a5568\">Ingen tal (ingen mål sat).</p>");
            return;
        }
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"4\" cellspacing=\"0\" style=\"font-size:13px;border-collapse:collapse\">");
        h.append("<tr style=\"background:#edf2f7\"><th align=\"left\">Tal</th>");
        for (String scope : r.scopes()) {
            h.append("<th align=\"right\">").append(esc(scope.equals(MonthlyReport.PROGRAMME) ? "I alt" : r.scopeNames().get(scope)))
                    .append("</th>");
        }
        h.append("</tr>");
        // declines by a reason no one gave this month are left out here (they are 0 in the CSV)
        List<String> keys = s.figures().stream().map(Figure::key).distinct()
                .filter(k -> !k.startsWith("declined.reason.") || s.figures().stream()
                        .anyMatch(f -> f.key().equals(k) && !f.shown().equals("0")))
                .filter(k -> !k.contains(".trend."))
                .toList();
        for (String key : keys) {
            h.append("<tr style=\"border-bottom:1px solid #e2e8f0\"><td>").append(esc(ReportTexts.figure(key))).append("</td>");
            for (String scope : r.scopes()) {
                String v = s.figures().stream().filter(f -> f.key().equals(key) && f.scope().equals(scope))
                        .map(f -> f.kind() == Figure.Kind.PENDING ? "afventer"
                                : f.kind() == Figure.Kind.STATUS ? ReportTexts.status(f.shown()) : ReportTexts.shown(f))
                        .findFirst().orElse("");
                h.append("<td align=\"right\" style=\"white-space:nowrap\">").append(esc(v)).append("</td>");
            }
            h.append("</tr>");
        }
        trends(h, r, s);
        h.append("</table>");
    }

    /** A target's trend since the start as one line of month: value pairs (the CSV has one row each). */
    private static void trends(StringBuilder h, MonthlyReport r, MonthlyReport.Section s) {
        List<String> targets = s.figures().stream().filter(f -> f.key().contains(".trend."))
                .map(f -> f.key().substring(0, f.key().indexOf(".trend."))).distinct().toList();
        for (String target : targets) {
            StringBuilder line = new StringBuilder();
            for (Figure f : s.figures()) {
                if (!f.key().startsWith(target + ".trend.")) continue;
                if (line.length() > 0) line.append(" · ");
                java.time.YearMonth m = java.time.YearMonth.parse(f.key().substring(f.key().lastIndexOf('.') + 1));
                line.append(ReportTexts.shortMonth(m)).append(":\u00a0")
                        .append(f.kind() == Figure.Kind.PENDING ? "afventer" : ReportTexts.shown(f));
            }
            h.append("<tr style=\"border-bottom:1px solid #e2e8f0\"><td colspan=\"").append(r.scopes().size() + 1)
                    .append("\" style=\"font-size:12px;color:#4a5568\">").append(esc("Udvikling siden start, "
                            + ReportTexts.target(target).toLowerCase(Locale.ROOT) + " (" + ReportTexts.unit(target) + "): "))
                    .append(esc(line.toString()))
                    .append("</td></tr>");
        }
    }

    private static void corrections(StringBuilder h, MonthlyReport r) {
        h.append("<h2 id=\"corrections\" style=\"font-size:17px;margin:20px 0 6px 0;border-bottom:2px solid ").append(BLUE)
                .append("\">Rettelser efter månedens slut</h2><p style=\"margin:0 0 6px 0;color:#4a5568\">")
                .append("Registreret efter månedens slut, men dateret i måneden. De indgår ikke i tallene ovenfor,")
                .append(" så rapporten giver de samme tal, hver gang den laves.</p><ul style=\"margin:0 0 0 18px;padding:0\">");
        List<Figure> some = r.corrections().stream().filter(f -> !f.shown().equals("0")).toList();
        if (some.isEmpty()) h.append("<li>Ingen.</li>");
        for (Figure f : some) {
            h.append("<li>").append(esc(r.scopeNames().getOrDefault(f.scope(), f.scope()))).append(": ")
                    .append(esc(ReportTexts.figure(f.key()))).append(" ").append(esc(f.shown())).append("</li>");
        }
        h.append("</ul>");
    }

    private static String heading(String text) {
        return "<h3 style=\"font-size:15px;margin:14px 0 4px 0\">" + esc(text) + "</h3>";
    }

    private static String pending() {
        return "<p style=\"margin:0 0 6px 0;color:#4a5568\"><em>Afventer: data registreres endnu ikke.</em></p>";
    }

    private static String legend(String color, String text) {
        return "<span style=\"display:inline-block;width:10px;height:10px;background:" + color + "\">&nbsp;</span> " + esc(text);
    }

    /** A horizontal bar, {@code fraction} (0..1) of the width: two table cells, the first coloured. */
    static String bar(double fraction, String color) {
        int pct = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        StringBuilder b = new StringBuilder("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:1px 0\"><tr>");
        if (pct > 0) {
            b.append("<td width=\"").append(pct).append("%\" bgcolor=\"").append(color).append("\" style=\"background:")
                    .append(color).append(";height:10px;font-size:0;line-height:0\">&nbsp;</td>");
        }
        if (pct < 100) b.append("<td style=\"height:10px;font-size:0;line-height:0\">&nbsp;</td>");
        return b.append("</tr></table>").toString();
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
