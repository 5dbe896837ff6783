package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import dk.rampe.api.Messages;
import dk.rampe.json.Json;
import dk.rampe.path.HistoryImport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code POST /v1/admin/imports}: an administrator uploads a programme's history as CSV (the body as it is saved:
 * UTF-8 or Windows-1252, {@code ;} or {@code ,}). A dry run unless {@code ?commit=true}: every row is checked and
 * every error answered by row, column and rule, in the caller's language; the rows are named by number, never by
 * CPR. Committed, each row goes through the same use cases as the API ({@link HistoryImport}).
 */
final class ImportsRoute implements Route {
    static final String KEY = "POST /v1/admin/imports";

    private final HistoryImport imports;
    private final int maxBodyBytes;

    ImportsRoute(HistoryImport imports, int maxBodyBytes) {
        this.imports = imports;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        Requests.requireAdmin(req.caller());
        Map<String, String> query = req.event().getQueryStringParameters();
        String commitText = query == null ? null : query.get("commit");
        if (commitText != null && !commitText.equals("true") && !commitText.equals("false")) {
            throw ApiError.field(400, "commit", "type.boolean");
        }
        boolean commit = "true".equals(commitText);
        String raw = req.event().getBody();
        if (raw == null || raw.isEmpty()) throw ApiError.field(400, "body", "body.missing");
        byte[] csv;
        if (req.event().getIsBase64Encoded()) {
            try {
                csv = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw ApiError.field(400, "body", "body.base64");
            }
        } else {
            csv = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (csv.length > maxBodyBytes) throw ApiError.field(413, "body", "body.tooLarge", maxBodyBytes);
        HistoryImport.Result result = imports.run(req.caller(), csv, commit);
        ObjectNode body = Json.object();
        body.put("commit", commit);
        body.put("committed", result.committed());
        body.put("rows", result.rows());
        body.put("added", result.added());
        body.put("unchanged", result.unchanged());
        body.put("present", result.present());
        ArrayNode errors = body.putArray("errors");
        for (HistoryImport.RowError e : result.errors()) {
            errors.addObject().put("row", e.row()).put("column", e.column()).put("code", e.code())
                    .put("message", Messages.text(e.code(), req.language(), e.args().toArray()));
        }
        ArrayNode added = body.putArray("referralIds");
        result.addedReferralIds().forEach(added::add);
        if (commit && !result.committed()) {
            body.put("code", "import.rowErrors");
            body.put("message", Messages.text("import.rowErrors", req.language()));
            return HttpApi.json(422, body);
        }
        return HttpApi.json(200, body);
    }
}
