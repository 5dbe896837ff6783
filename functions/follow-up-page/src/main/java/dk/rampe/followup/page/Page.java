package dk.rampe.followup.page;

import static dk.rampe.core.Html.esc;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.attendance.AttentionView;
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
    // Tight enough that on a 390 x 844 phone (about 700 px visible under the browser's bars) both
    // choices, the selects, the note and the save button show without scrolling.
    private static final String STYLE = "*{box-sizing:border-box}"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.4;"
            + "color:#1b1b1b;background:#f6f6f4;margin:0 auto;padding:10px 12px;max-width:36rem}"
            + "h1{font-size:1.25rem;margin:0 0 8px}"
            + ".card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 12px;margin-bottom:10px}"
            + "dl{margin:0;display:grid;grid-template-columns:auto 1fr;column-gap:8px}dt{color:#555}"
            + "dd{margin:0;font-weight:600}"
            + "fieldset{border:0;padding:0;margin:0 0 8px}legend,label.block{font-weight:600;display:block;margin-bottom:4px}"
            + ".choices{display:flex;gap:10px}.choices label{flex:1;border:2px solid #888;border-radius:8px;padding:8px;"
            + "text-align:center;font-weight:600}"
            + "input[type=radio]{width:1.3em;height:1.3em;vertical-align:middle;margin:0 0.4em 0 0}"
            + "select,textarea,input{width:100%;font:inherit;padding:8px 10px;border:2px solid #888;border-radius:8px;"
            + "background:#fff;margin-bottom:8px}"
            + "textarea{height:4.2rem;display:block}.hint{font-size:0.875rem;color:#555;margin:0 0 8px}"
            + "button{width:100%;font:inherit;font-weight:700;min-height:48px;padding:12px;border:0;border-radius:8px;"
            + "background:#0b5cad;color:#fff}"
            + ".errors{border:2px solid #b00020;background:#fff0f0;border-radius:8px;padding:8px 12px;margin-bottom:10px}"
            + ".errors ul{margin:4px 0 0;padding-left:1.2em}"
            + ".ok{border:2px solid #1f7a3a;background:#effaf2;border-radius:8px;padding:12px}"
            + "h2{font-size:1rem;margin:0 0 4px}#attention ul{margin:0 0 8px;padding-left:1.2em}"
            + "#days{font-size:0.875rem;max-height:12rem;overflow-y:auto}";

    /** Why a closed task is shown. */
    enum Closed { JUST_NOW, VIEWED, POSTED_AGAIN }

    /** HSTS: API Gateway serves only HTTPS; a year, subdomains included. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final ZoneId zone;
    private final String productName;

    Page(ZoneId zone, String productName) {
        this.zone = zone;
        this.productName = productName;
    }

    /** The same response without its body (HEAD): status and headers as GET. */
    static APIGatewayV2HTTPResponse withoutBody(APIGatewayV2HTTPResponse r) {
        Map<String, String> headers = new HashMap<>(r.getHeaders());
        if (r.getBody() != null) {
            headers.put("content-length", Integer.toString(r.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(r.getStatusCode()).withHeaders(headers).withBody("").build();
    }

    APIGatewayV2HTTPResponse html(int status, String body, Language language, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("content-language", language == Language.EN ? "en" : "da");
        headers.put("referrer-policy", "no-referrer");
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("strict-transport-security", HSTS);
        headers.put("x-robots-tag", "noindex, nofollow");
        headers.put("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    private String document(Language language, String title, String main) {
        return "<!DOCTYPE html><html lang=\"" + (language == Language.EN ? "en" : "da") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + esc(title) + " · " + esc(productName) + "</title><style>" + STYLE + "</style></head><body><main>" + main
                + "</main></body></html>";
    }

    String message(Language language, String title, String text) {
        return document(language, title, "<h1>" + esc(title) + "</h1><div class=\"card\"><p id=\"message\">"
                + esc(text) + "</p></div>");
    }

    private String summary(Language language, FollowUpTask t) {
        return "<div class=\"card\"><dl>"
                + "<dt>" + esc(PageTexts.t("case", language)) + "</dt><dd id=\"case\">" + esc(t.referralId()) + "</dd>"
                + "<dt>" + esc(PageTexts.t("due", language)) + "</dt><dd id=\"due\">" + esc(time(language, t.dueAt()))
                + "</dd></dl><p class=\"hint\" style=\"margin:4px 0 0\">" + esc(PageTexts.t("lookUp", language)) + "</p></div>";
    }

    String form(Language language, FollowUpTask t, String token, Map<String, String> values, List<String> errors) {
        return form(language, t, token, values, errors, null);
    }

    /** The form; an {@code attention_due} follow-up's warning ({@code attention}, null: none) shown above it. */
    String form(Language language, FollowUpTask t, String token, Map<String, String> values, List<String> errors,
                AttentionView attention) {
        String kind = PageTexts.t("kind." + t.kind().wireName(), language);
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<h1>").append(esc(kind)).append("</h1>").append(summary(language, t));
        if (attention != null) attention(sb, language, attention);
        if (!errors.isEmpty()) {
            sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\"><p style=\"margin:0\">")
                    .append(esc(PageTexts.t("errors", language))).append("</p><ul>");
            for (String e : errors) sb.append("<li>").append(esc(PageTexts.t(e, language))).append("</li>");
            sb.append("</ul></div>");
        }
        sb.append("<form method=\"post\" action=\"/f/").append(esc(token)).append("\" class=\"card\">")
                .append("<input type=\"hidden\" name=\"task\" value=\"").append(esc(t.taskId())).append("\">")
                .append("<fieldset><legend>").append(esc(PageTexts.t("reached", language))).append("</legend>")
                .append("<div class=\"choices\">");
        for (String v : new String[] {"yes", "no"}) {
            sb.append("<label><input type=\"radio\" name=\"reached\" value=\"").append(v).append("\" required")
                    .append(v.equals(values.get("reached")) ? " checked" : "").append(">")
                    .append(esc(PageTexts.t(v, language))).append("</label>");
        }
        sb.append("</div></fieldset>");
        sb.append("<label class=\"block\" for=\"cause\">").append(esc(PageTexts.t("cause", language))).append("</label>")
                .append("<select id=\"cause\" name=\"cause\" required>");
        for (FollowUpOutcome.Cause c : FollowUpOutcome.Cause.values()) {
            option(sb, c.wireName(), PageTexts.t("cause." + c.wireName(), language), values.get("cause"));
        }
        sb.append("</select><label class=\"block\" for=\"next\">").append(esc(PageTexts.t("next", language)))
                .append("</label><select id=\"next\" name=\"next\" required>");
        for (FollowUpOutcome.NextStep n : FollowUpOutcome.NextStep.values()) {
            option(sb, n.wireName(), PageTexts.t("next." + n.wireName(), language), values.get("next"));
        }
        sb.append("</select>");
        if (dk.rampe.followup.FollowUpPageService.isPathFollowUp(t)) aftercareFields(sb, language, values);
        sb.append("<label class=\"block\" for=\"note\">").append(esc(PageTexts.t("note", language)))
                .append("</label><textarea id=\"note\" name=\"note\" maxlength=\"").append(FollowUpOutcome.MAX_NOTE)
                .append("\">").append(esc(values.getOrDefault("note", ""))).append("</textarea>")
                .append("<p class=\"hint\">").append(esc(PageTexts.t("noteHint", language))).append("</p>")
                .append("<button type=\"submit\">").append(esc(PageTexts.t("submit", language))).append("</button></form>");
        return document(language, kind, sb.toString());
    }

    /**
     * Why the warning started, each reason in one plain sentence, and the last four weeks as days (newest last):
     * what the consultant looks at with the participant. Nothing about health: an excused day is "meldt fra".
     */
    private static void attention(StringBuilder sb, Language language, AttentionView a) {
        sb.append("<div class=\"card\" id=\"attention\"><h2>").append(esc(PageTexts.t("warning.why", language)))
                .append("</h2><ul id=\"reasons\">");
        for (dk.rampe.attendance.EarlyWarning.Signal s : a.warning().signals()) {
            sb.append("<li data-code=\"").append(esc(s.code())).append("\">").append(esc(s.sentence(language)))
                    .append("</li>");
        }
        sb.append("</ul><h2>").append(esc(PageTexts.t("warning.days", language))).append("</h2><ul id=\"days\">");
        for (AttentionView.Day d : a.days()) {
            String state = switch (d.state()) {
                case PRESENT -> PageTexts.t("list.state.present", language);
                case LATE -> PageTexts.t("list.state.late", language).replace("{time}",
                        d.arrival() == null ? "" : d.arrival().toString());
                case EXCUSED -> PageTexts.t("warning.day.excused", language);
                case ABSENT -> PageTexts.t("list.state.absent", language);
                case DETECTED -> PageTexts.t("list.state.detected", language);
                case DAY_OFF -> PageTexts.t("list.state.agreed", language);
                case NOTHING -> PageTexts.t("warning.day.none", language);
            };
            sb.append("<li data-date=\"").append(d.date()).append("\" data-state=\"")
                    .append(d.state().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                    .append(esc(Times.longDate(d.date(), language))).append(": ").append(esc(state)).append("</li>");
        }
        sb.append("</ul></div>");
    }

    /** (aftercare) How it was done, with whom, still in the job, hours: optional, for the path's follow-ups. */
    private static void aftercareFields(StringBuilder sb, Language language, Map<String, String> values) {
        sb.append("<label class=\"block\" for=\"method\">").append(esc(PageTexts.t("method", language)))
                .append("</label><select id=\"method\" name=\"method\"><option value=\"\"></option>");
        for (FollowUpOutcome.Method m : FollowUpOutcome.Method.values()) {
            option(sb, m.wireName(), PageTexts.t("method." + m.wireName(), language), values.get("method"));
        }
        sb.append("</select><label class=\"block\" for=\"withWhom\">").append(esc(PageTexts.t("withWhom", language)))
                .append("</label><select id=\"withWhom\" name=\"withWhom\"><option value=\"\"></option>");
        for (FollowUpOutcome.WithWhom w : FollowUpOutcome.WithWhom.values()) {
            option(sb, w.wireName(), PageTexts.t("withWhom." + w.wireName(), language), values.get("withWhom"));
        }
        sb.append("</select><label class=\"block\" for=\"stillEmployed\">")
                .append(esc(PageTexts.t("stillEmployed", language)))
                .append("</label><select id=\"stillEmployed\" name=\"stillEmployed\"><option value=\"\"></option>");
        for (String v : new String[] {"yes", "no"}) option(sb, v, PageTexts.t(v, language), values.get("stillEmployed"));
        sb.append("</select><label class=\"block\" for=\"hours\">").append(esc(PageTexts.t("hours", language)))
                .append("</label><input id=\"hours\" name=\"hours\" inputmode=\"decimal\" maxlength=\"6\" value=\"")
                .append(esc(values.getOrDefault("hours", ""))).append("\">");
    }

    private static void option(StringBuilder sb, String value, String label, String selected) {
        sb.append("<option value=\"").append(esc(value)).append("\"").append(value.equals(selected) ? " selected" : "")
                .append(">").append(esc(label)).append("</option>");
    }

    String closed(Language language, FollowUpTask t, Closed why) {
        String kind = PageTexts.t("kind." + t.kind().wireName(), language);
        String text = PageTexts.t(switch (why) {
            case JUST_NOW -> "saved";
            case VIEWED -> "closed";
            case POSTED_AGAIN -> "alreadyClosed";
        }, language);
        String closedBy = "";
        if (t.closedAt() != null) {
            String by = t.closedBy() == null ? "" : t.closedBy();
            String line = by.startsWith("link:")
                    ? PageTexts.t("closedByLink", language).replace("{consultant}", by.substring("link:".length()))
                    : PageTexts.t("closedBy", language).replace("{by}", by);
            closedBy = "<p id=\"closedBy\" style=\"margin:8px 0 0\">"
                    + esc(line.replace("{time}", time(language, t.closedAt()))) + "</p>";
        }
        return document(language, kind, "<h1>" + esc(kind) + "</h1>" + summary(language, t)
                + "<div class=\"ok\" id=\"status\" data-status=\"closed\"><p style=\"margin:0\">" + esc(text) + "</p>"
                + closedBy + "</div>");
    }

    private String time(Language language, java.time.Instant at) {
        return Times.longTime(at, zone, language);
    }
}
