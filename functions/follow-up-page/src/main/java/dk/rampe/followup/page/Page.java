package dk.rampe.followup.page;

import static dk.rampe.followup.NudgeTemplates.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import java.time.ZoneId;
import dk.rampe.followup.Times;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HTML for the follow-up page: readable on a phone without zooming, no JavaScript, every value escaped. */
final class Page {
    private static final String STYLE = "*{box-sizing:border-box}"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:18px;line-height:1.5;"
            + "color:#1b1b1b;background:#f6f6f4;margin:0;padding:16px;max-width:36rem;margin:0 auto}"
            + "h1{font-size:1.4rem;margin:0.2rem 0 1rem}"
            + ".card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:16px;margin-bottom:16px}"
            + "dl{margin:0}dt{font-size:0.9rem;color:#555}dd{margin:0 0 0.6rem;font-weight:600}"
            + "fieldset{border:0;padding:0;margin:0 0 1rem}legend,label.block{font-weight:600;display:block;margin-bottom:0.4rem}"
            + ".choices{display:flex;gap:12px}.choices label{flex:1;border:2px solid #888;border-radius:8px;padding:12px;"
            + "text-align:center;font-weight:600}"
            + "input[type=radio]{width:1.3em;height:1.3em;vertical-align:middle;margin-right:0.4em}"
            + "select,textarea{width:100%;font:inherit;padding:12px;border:2px solid #888;border-radius:8px;"
            + "background:#fff;margin-bottom:1rem}"
            + "textarea{min-height:6rem}.hint{font-size:0.9rem;color:#555;margin:-0.6rem 0 1rem}"
            + "button{width:100%;font:inherit;font-weight:700;padding:14px;border:0;border-radius:8px;background:#0b5cad;"
            + "color:#fff}"
            + ".errors{border:2px solid #b00020;background:#fff0f0;border-radius:8px;padding:12px;margin-bottom:16px}"
            + ".ok{border:2px solid #1f7a3a;background:#effaf2;border-radius:8px;padding:12px}";

    private final ZoneId zone;

    Page(ZoneId zone) {
        this.zone = zone;
    }

    APIGatewayV2HTTPResponse html(int status, String body, Language language, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("content-language", language == Language.EN ? "en" : "da");
        headers.put("referrer-policy", "no-referrer");
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("x-robots-tag", "noindex, nofollow");
        headers.put("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    private String document(Language language, String title, String main) {
        return "<!DOCTYPE html><html lang=\"" + (language == Language.EN ? "en" : "da") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + " · Rampe</title><style>" + STYLE + "</style></head><body><main>" + main
                + "</main></body></html>";
    }

    String message(Language language, String title, String text) {
        return document(language, title, "<h1>" + escape(title) + "</h1><div class=\"card\"><p id=\"message\">"
                + escape(text) + "</p></div>");
    }

    private String summary(Language language, FollowUpTask t) {
        return "<div class=\"card\"><dl>"
                + "<dt>" + escape(PageTexts.t("case", language)) + "</dt><dd id=\"case\">" + escape(t.referralId()) + "</dd>"
                + "<dt>" + escape(PageTexts.t("due", language)) + "</dt><dd id=\"due\">" + escape(time(language, t.dueAt()))
                + "</dd></dl><p class=\"hint\" style=\"margin:0\">" + escape(PageTexts.t("lookUp", language)) + "</p></div>";
    }

    String form(Language language, FollowUpTask t, String token, Map<String, String> values, List<String> errors) {
        String kind = PageTexts.t("kind." + t.kind().wireName(), language);
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<h1>").append(escape(kind)).append("</h1>").append(summary(language, t));
        if (!errors.isEmpty()) {
            sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\"><p style=\"margin:0\">")
                    .append(escape(PageTexts.t("errors", language))).append("</p><ul>");
            for (String e : errors) sb.append("<li>").append(escape(PageTexts.t(e, language))).append("</li>");
            sb.append("</ul></div>");
        }
        sb.append("<form method=\"post\" action=\"/f/").append(escape(token)).append("\" class=\"card\">")
                .append("<input type=\"hidden\" name=\"task\" value=\"").append(escape(t.taskId())).append("\">")
                .append("<fieldset><legend>").append(escape(PageTexts.t("reached", language))).append("</legend>")
                .append("<div class=\"choices\">");
        for (String v : new String[] {"yes", "no"}) {
            sb.append("<label><input type=\"radio\" name=\"reached\" value=\"").append(v).append("\" required")
                    .append(v.equals(values.get("reached")) ? " checked" : "").append(">")
                    .append(escape(PageTexts.t(v, language))).append("</label>");
        }
        sb.append("</div></fieldset>");
        sb.append("<label class=\"block\" for=\"cause\">").append(escape(PageTexts.t("cause", language))).append("</label>")
                .append("<select id=\"cause\" name=\"cause\" required>");
        for (FollowUpOutcome.Cause c : FollowUpOutcome.Cause.values()) {
            option(sb, c.wireName(), PageTexts.t("cause." + c.wireName(), language), values.get("cause"));
        }
        sb.append("</select><label class=\"block\" for=\"next\">").append(escape(PageTexts.t("next", language)))
                .append("</label><select id=\"next\" name=\"next\" required>");
        for (FollowUpOutcome.NextStep n : FollowUpOutcome.NextStep.values()) {
            option(sb, n.wireName(), PageTexts.t("next." + n.wireName(), language), values.get("next"));
        }
        sb.append("</select>");
        if (FollowUpPageHandler.isPathFollowUp(t)) aftercareFields(sb, language, values);
        sb.append("<label class=\"block\" for=\"note\">").append(escape(PageTexts.t("note", language)))
                .append("</label><textarea id=\"note\" name=\"note\" maxlength=\"").append(FollowUpOutcome.MAX_NOTE)
                .append("\">").append(escape(values.getOrDefault("note", ""))).append("</textarea>")
                .append("<p class=\"hint\">").append(escape(PageTexts.t("noteHint", language))).append("</p>")
                .append("<button type=\"submit\">").append(escape(PageTexts.t("submit", language))).append("</button></form>");
        return document(language, kind, sb.toString());
    }

    /** (aftercare) How it was done, with whom, still in the job, hours: optional, for the path's follow-ups. */
    private static void aftercareFields(StringBuilder sb, Language language, Map<String, String> values) {
        sb.append("<label class=\"block\" for=\"method\">").append(escape(PageTexts.t("method", language)))
                .append("</label><select id=\"method\" name=\"method\"><option value=\"\"></option>");
        for (FollowUpOutcome.Method m : FollowUpOutcome.Method.values()) {
            option(sb, m.wireName(), PageTexts.t("method." + m.wireName(), language), values.get("method"));
        }
        sb.append("</select><label class=\"block\" for=\"withWhom\">").append(escape(PageTexts.t("withWhom", language)))
                .append("</label><select id=\"withWhom\" name=\"withWhom\"><option value=\"\"></option>");
        for (FollowUpOutcome.WithWhom w : FollowUpOutcome.WithWhom.values()) {
            option(sb, w.wireName(), PageTexts.t("withWhom." + w.wireName(), language), values.get("withWhom"));
        }
        sb.append("</select><label class=\"block\" for=\"stillEmployed\">")
                .append(escape(PageTexts.t("stillEmployed", language)))
                .append("</label><select id=\"stillEmployed\" name=\"stillEmployed\"><option value=\"\"></option>");
        for (String v : new String[] {"yes", "no"}) option(sb, v, PageTexts.t(v, language), values.get("stillEmployed"));
        sb.append("</select><label class=\"block\" for=\"hours\">").append(escape(PageTexts.t("hours", language)))
                .append("</label><input id=\"hours\" name=\"hours\" inputmode=\"decimal\" maxlength=\"6\" value=\"")
                .append(escape(values.getOrDefault("hours", ""))).append("\" style=\"width:100%;font:inherit;padding:12px;"
                        + "border:2px solid #888;border-radius:8px;margin-bottom:1rem\">");
    }

    private static void option(StringBuilder sb, String value, String label, String selected) {
        sb.append("<option value=\"").append(escape(value)).append("\"").append(value.equals(selected) ? " selected" : "")
                .append(">").append(escape(label)).append("</option>");
    }

    String closed(Language language, FollowUpTask t, boolean justNow) {
        String kind = PageTexts.t("kind." + t.kind().wireName(), language);
        String text = PageTexts.t(justNow ? "saved" : "alreadyClosed", language);
        String closedAt = t.closedAt() == null ? "" : "<p>" + escape(PageTexts.t("closedAt", language)) + ": "
                + escape(time(language, t.closedAt())) + "</p>";
        return document(language, kind, "<h1>" + escape(kind) + "</h1>" + summary(language, t)
                + "<div class=\"ok\" id=\"status\" data-status=\"closed\"><p style=\"margin:0\">" + escape(text) + "</p>"
                + closedAt + "</div>");
    }

    private String time(Language language, java.time.Instant at) {
        return Times.longTime(at, zone, language);
    }
}
