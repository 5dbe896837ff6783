package dk.rampe.web;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.Language;
import dk.rampe.core.ValidationException;
import dk.rampe.path.HistoryImport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The administrators' import of a programme's history at /app/admin/import: a CSV uploaded (the form posts
 * multipart, read by {@link Upload}), checked by the very {@link HistoryImport} the API's
 * {@code POST /v1/admin/imports} runs (a dry run: nothing written), and shown as a preview with every error by row,
 * column and rule. A file without errors can be saved: the preview carries it on as UTF-8 text in a hidden field of
 * a second multipart form, and the commit writes it through the same use cases (idempotent by jobcentre and
 * jobcentre reference; the import audits itself).
 */
final class ImportPage {
    static final String PATH = AdminPages.ROOT + "/import";
    static final String TEMPLATE = PATH + "/template.csv";

    private final HistoryImport imports;
    private final Views views;

    ImportPage(HistoryImport imports, Views views) {
        this.imports = imports;
        this.views = views;
    }

    static boolean handles(String path) {
        return path.equals(PATH) || path.equals(TEMPLATE);
    }

    /** Only for an administrator (AdminPages checks the role before it hands on). */
    WebAppHandler.Answer handle(WebAppHandler.Request req, String csrf) {
        boolean get = "GET".equals(req.method());
        if (req.path().equals(TEMPLATE) && get) return template();
        if (!req.path().equals(PATH)) throw DomainException.notFound("route.notFound");
        if (get) return WebAppHandler.Answer.html(200, uploadForm(req, csrf, Map.of()));
        Upload upload = req.upload();
        if (upload == null) return WebAppHandler.Answer.html(400, uploadForm(req, csrf, Map.of("file", t(req, "imp.error.noFile"))));
        boolean commit = "commit".equals(upload.fields().get("action"));
        byte[] csv = commit ? upload.fields().getOrDefault("csv", "").getBytes(StandardCharsets.UTF_8) : upload.file();
        if (csv == null || csv.length == 0) {
            return WebAppHandler.Answer.html(400, uploadForm(req, csrf, Map.of("file", t(req, "imp.error.noFile"))));
        }
        Caller caller = req.session().caller();
        HistoryImport.Result result;
        try {
            result = imports.run(caller, csv, commit);
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError fe : e.errors()) errors.putIfAbsent("file", Texts.api(fe.code(), req.lang(), fe.args()));
            return WebAppHandler.Answer.html(400, uploadForm(req, csrf, errors));
        }
        return WebAppHandler.Answer.html(result.errors().isEmpty() ? 200 : 400,
                result(req, csrf, result, commit ? null : HistoryImport.decode(csv)));
    }

    private static String t(WebAppHandler.Request req, String key, Object... args) {
        return Texts.t(req.lang(), key, args);
    }

    /** The columns' header line, as a spreadsheet opens it (the README and events/import-template.csv have an example row). */
    private static WebAppHandler.Answer template() {
        String header = Arrays.stream(HistoryImport.Column.values()).map(HistoryImport.Column::wireName)
                .collect(Collectors.joining(";")) + "\r\n";
        return new WebAppHandler.Answer(200, header, Map.of("content-type", "text/csv; charset=utf-8",
                "content-disposition", "attachment; filename=\"rampe-import.csv\""), java.util.List.of());
    }

    private String uploadForm(WebAppHandler.Request req, String csrf, Map<String, String> errors) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder(4096);
        Views.errorSummary(sb, lang, errors);
        sb.append("<p><a href=\"").append(AdminPages.ROOT).append("\" id=\"back\">").append(esc(Texts.t(lang, "adm.back")))
                .append("</a></p><h1>").append(esc(Texts.t(lang, "imp.title"))).append("</h1><p>")
                .append(esc(Texts.t(lang, "imp.intro"))).append("</p><p><a href=\"").append(TEMPLATE)
                .append("\" id=\"template\" download>").append(esc(Texts.t(lang, "imp.template"))).append("</a></p><h2>")
                .append(esc(Texts.t(lang, "imp.columns"))).append("</h2><p class=\"hint\">")
                .append(esc(Texts.t(lang, "imp.columns.hint"))).append("</p><p id=\"columns\">");
        sb.append(esc(Arrays.stream(HistoryImport.Column.values()).map(HistoryImport.Column::wireName)
                .collect(Collectors.joining(", "))));
        sb.append("</p><form method=\"post\" action=\"").append(PATH).append("\" enctype=\"multipart/form-data\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(csrf)).append("\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"preview\">");
        String id = Views.fieldId("file");
        String error = errors.get("file");
        sb.append("<label for=\"").append(id).append("\">").append(esc(Texts.t(lang, "imp.f.file"))).append("</label>")
                .append("<p class=\"hint\" id=\"").append(id).append("-hint\">").append(esc(Texts.t(lang, "imp.hint.file")))
                .append("</p>");
        if (error != null) {
            sb.append("<p class=\"error\" id=\"").append(id).append("-error\" data-field=\"file\">").append(esc(error))
                    .append("</p>");
        }
        sb.append("<input type=\"file\" id=\"").append(id).append("\" name=\"file\" accept=\".csv,text/csv\" required")
                .append(" aria-describedby=\"").append(id).append("-hint").append(error == null ? "" : " " + id + "-error")
                .append("\"").append(error == null ? "" : " aria-invalid=\"true\"").append("><p><button type=\"submit\" id=\"preview\">")
                .append(esc(Texts.t(lang, "imp.preview"))).append("</button></p></form>");
        return views.page(req, csrf, Texts.t(lang, "imp.title"), sb.toString());
    }

    /** A dry run's preview ({@code csv} the file as text, to carry on to the commit) or a commit's answer (csv null). */
    private String result(WebAppHandler.Request req, String csrf, HistoryImport.Result r, String csv) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder(8192);
        if (!r.errors().isEmpty()) {
            sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"errors-title\">")
                    .append("<h2 id=\"errors-title\">").append(esc(Texts.t(lang, "form.errorsTitle"))).append("</h2><p>")
                    .append(esc(Texts.t(lang, "imp.errors", r.errors().size()))).append(" <a href=\"#import-errors\">")
                    .append(esc(Texts.t(lang, "imp.errors.see"))).append("</a></p></div>");
        } else if (r.committed()) {
            sb.append("<div class=\"ok\" id=\"done\" role=\"status\">").append(esc(Texts.t(lang, "imp.done", r.added(),
                    r.unchanged()))).append("</div>");
        }
        sb.append("<p><a href=\"").append(PATH).append("\" id=\"back\">").append(esc(Texts.t(lang, "imp.again")))
                .append("</a></p><h1>").append(esc(Texts.t(lang, r.committed() ? "imp.committed.title" : "imp.preview.title")))
                .append("</h1><dl id=\"figures\">");
        row(sb, Texts.t(lang, "imp.rows"), Integer.toString(r.rows()), "rows");
        if (r.committed()) {
            row(sb, Texts.t(lang, "imp.added"), Integer.toString(r.added()), "added");
            row(sb, Texts.t(lang, "imp.unchanged"), Integer.toString(r.unchanged()), "unchanged");
        } else if (r.errors().isEmpty()) {
            row(sb, Texts.t(lang, "imp.ready"), Integer.toString(r.added() + r.present()), "ready");
            row(sb, Texts.t(lang, "imp.unchanged"), Integer.toString(r.present()), "present");
        }
        sb.append("</dl>");
        if (!r.errors().isEmpty()) {
            sb.append("<h2 id=\"import-errors-title\">").append(esc(Texts.t(lang, "imp.errors.title"))).append("</h2>")
                    .append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"import-errors-title\">")
                    .append("<table id=\"import-errors\"><thead><tr><th scope=\"col\">").append(esc(Texts.t(lang, "imp.row")))
                    .append("</th><th scope=\"col\">").append(esc(Texts.t(lang, "imp.column"))).append("</th><th scope=\"col\">")
                    .append(esc(Texts.t(lang, "imp.rule"))).append("</th></tr></thead><tbody>");
            for (HistoryImport.RowError e : r.errors()) {
                sb.append("<tr data-row=\"").append(e.row()).append("\" data-column=\"").append(esc(e.column()))
                        .append("\" data-code=\"").append(esc(e.code())).append("\"><td>").append(e.row()).append("</td><td>")
                        .append(esc(e.column())).append("</td><td>")
                        .append(esc(Texts.api(e.code(), lang, e.args().toArray()))).append("</td></tr>");
            }
            sb.append("</tbody></table></div><p>").append(esc(Texts.t(lang, "imp.fixAndAgain"))).append("</p>");
        } else if (csv != null) {
            // the file carried on as UTF-8 text (whatever it was saved as), its line breaks kept as character references
            sb.append("<p>").append(esc(Texts.t(lang, "imp.readyText"))).append("</p><form method=\"post\" action=\"")
                    .append(PATH).append("\" enctype=\"multipart/form-data\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(esc(csrf)).append("\"><input type=\"hidden\" name=\"action\" value=\"commit\">")
                    .append("<input type=\"hidden\" name=\"csv\" value=\"")
                    .append(esc(csv.replace("\r\n", "\n").replace('\r', '\n')).replace("\n", "&#10;"))
                    .append("\"><p><button type=\"submit\" id=\"commit\">").append(esc(Texts.t(lang, "imp.commit")))
                    .append("</button></p></form>");
        }
        return views.page(req, csrf, Texts.t(lang, "imp.title"), sb.toString());
    }

    private static void row(StringBuilder sb, String label, String value, String id) {
        sb.append("<dt>").append(esc(label)).append("</dt><dd id=\"").append(id).append("\">").append(esc(value)).append("</dd>");
    }
}
