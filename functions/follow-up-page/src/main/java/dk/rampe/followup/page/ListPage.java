package dk.rampe.followup.page;

import static dk.rampe.core.Html.esc;

import dk.rampe.attendance.Registration;
import dk.rampe.attendance.TodaysList;
import dk.rampe.attendance.TodaysListPage;
import dk.rampe.core.Language;
import dk.rampe.followup.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * HTML of today's list: one card per participant (first name and start time, what is registered
 * so far) with one-tap buttons, each a plain POST form (no JavaScript); a banner with the undo
 * after a tap. Readable on a 390 px phone and at a desk; every value escaped.
 */
final class ListPage {
    private static final String STYLE = "*{box-sizing:border-box}"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.4;"
            + "color:#1b1b1b;background:#f6f6f4;margin:0 auto;padding:10px 12px;max-width:40rem}"
            + "header{display:flex;justify-content:space-between;align-items:baseline;gap:8px}"
            + "h1{font-size:1.25rem;margin:0 0 2px}.sub{margin:0 0 10px;color:#444}"
            + "header a{color:#0b5cad;white-space:nowrap}"
            + "ul{list-style:none;margin:0;padding:0}"
            + ".card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 12px;margin-bottom:10px}"
            + ".card[aria-invalid=true]{border:2px solid #b00020}"
            + ".who{display:flex;justify-content:space-between;gap:8px;font-weight:700;font-size:1.1rem}"
            + ".who span:last-child{font-weight:400;color:#444;white-space:nowrap}"
            + ".state{margin:2px 0 8px;color:#444}.state b{color:#1b1b1b}"
            + "form{margin:0}.taps{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin-bottom:8px}"
            + ".late{display:grid;grid-template-columns:auto 1fr 1fr;gap:8px;align-items:center}"
            + ".late label{color:#444;font-size:0.95rem}"
            + "input{width:100%;font:inherit;min-height:44px;padding:6px 8px;border:2px solid #888;border-radius:8px;"
            + "background:#fff}"
            + "button{width:100%;font:inherit;font-weight:700;min-height:48px;padding:8px 4px;border:2px solid #0b5cad;"
            + "border-radius:8px;background:#fff;color:#0b5cad}"
            + "button[aria-pressed=true]{background:#0b5cad;color:#fff}"
            + ".ok{border:2px solid #1f7a3a;background:#effaf2;border-radius:8px;padding:8px 12px;margin-bottom:10px;"
            + "display:flex;justify-content:space-between;align-items:center;gap:10px}.ok p{margin:0}"
            + ".ok button{width:auto;min-width:6.5rem;border-color:#1f7a3a;color:#1f7a3a}"
            + ".errors{border:2px solid #b00020;background:#fff0f0;border-radius:8px;padding:8px 12px;margin-bottom:10px}"
            + ".errors ul{list-style:disc;margin:4px 0 0;padding-left:1.2em}"
            + ".hint{font-size:0.875rem;color:#555;margin:4px 0 0}";

    private final ZoneId zone;
    private final String productName;

    ListPage(ZoneId zone, String productName) {
        this.zone = zone;
        this.productName = productName;
    }

    /** The list; {@code query} is what the page's own links and forms carry ({@code ?lang=…} or empty). */
    String list(Language language, TodaysListPage.Context c, String token, String query, TodaysListPage.Banner banner,
                TodaysListPage.Invalid invalid, Instant now) {
        TodaysList.ConsultantList list = c.list();
        int n = list.entries().size();
        String count = t(n == 1 ? "list.count.one" : "list.count.many", language).replace("{n}", Integer.toString(n));
        String action = "/t/" + esc(token) + esc(query);
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<header><h1>").append(esc(t("list.title", language))).append("</h1>")
                .append("<a id=\"language\" href=\"/t/").append(esc(token)).append("?lang=")
                .append(language == Language.EN ? "da\" hreflang=\"da\" lang=\"da\">" : "en\" hreflang=\"en\" lang=\"en\">")
                .append(esc(t("list.otherLanguage", language))).append("</a></header>")
                .append("<p class=\"sub\" id=\"date\">").append(esc(Times.longDate(list.date(), language)))
                .append(" · ").append(esc(count)).append("</p>");
        if (banner != null) banner(sb, language, c, banner, action);
        if (invalid != null) {
            TodaysList.Entry e = invalid.referralId() == null ? null : list.entry(invalid.referralId()).orElse(null);
            sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\"><p style=\"margin:0\">")
                    .append(esc(t("list.errors", language))).append("</p><ul>");
            for (String key : invalid.errors()) {
                String text = PageTexts.t(key, language);
                if (e != null) {
                    LocalTime end = e.session().start().plusMinutes(e.session().minutes());
                    text = text.replace("{start}", e.session().start().toString()).replace("{end}", end.toString());
                }
                sb.append("<li>").append(esc(text)).append("</li>");
            }
            sb.append("</ul></div>");
        }
        if (list.entries().isEmpty()) {
            sb.append("<div class=\"card\"><p id=\"empty\" style=\"margin:0\">").append(esc(t("list.empty", language)))
                    .append("</p></div>");
        }
        sb.append("<ul id=\"participants\">");
        for (TodaysList.Entry e : list.entries()) {
            boolean wrong = invalid != null && e.referralId().equals(invalid.referralId());
            entry(sb, language, c, e, action, now, wrong ? invalid.arrival() : null, wrong);
        }
        sb.append("</ul><p class=\"hint\">").append(esc(t("list.hint", language))).append("</p>");
        return document(language, t("list.title", language), sb.toString());
    }

    private void banner(StringBuilder sb, Language language, TodaysListPage.Context c, TodaysListPage.Banner b,
                        String action) {
        String state = state(language, b.entry().current().orElse(null));
        String text = t(b.kind() == TodaysListPage.BannerKind.TAPPED ? "list.done" : "list.undone", language)
                .replace("{name}", b.entry().displayName()).replace("{state}", state);
        sb.append("<div class=\"ok\" id=\"banner\" role=\"status\" data-kind=\"")
                .append(b.kind() == TodaysListPage.BannerKind.TAPPED ? "tapped" : "undone").append("\"><p>")
                .append(esc(text)).append("</p>");
        if (b.undoable()) {
            sb.append("<form method=\"post\" action=\"").append(action).append("\">");
            hidden(sb, "list", c.listId());
            hidden(sb, "referral", b.entry().referralId());
            hidden(sb, "undo", b.registration().id());
            sb.append("<button type=\"submit\" id=\"undo\">").append(esc(t("list.undo", language)))
                    .append("</button></form>");
        }
        sb.append("</div>");
    }

    private void entry(StringBuilder sb, Language language, TodaysListPage.Context c, TodaysList.Entry e, String action,
                       Instant now, String arrivalEcho, boolean wrong) {
        Registration current = e.current().orElse(null);
        String status = current == null ? "none" : current.status().wireName();
        sb.append("<li class=\"card\" id=\"p-").append(esc(e.referralId())).append("\" data-status=\"").append(status)
                .append("\"").append(current != null && current.reason() != null
                        ? " data-reason=\"" + current.reason().wireName() + "\"" : "")
                .append(wrong ? " aria-invalid=\"true\"" : "").append(">")
                .append("<div class=\"who\"><span class=\"name\">").append(esc(e.displayName())).append("</span><span>")
                .append(esc(t("list.start", language).replace("{time}", e.session().start().toString())))
                .append("</span></div><p class=\"state\"><b>").append(esc(state(language, current))).append("</b>");
        if (current != null) {
            sb.append(" · ").append(esc(t("list.recorded", language).replace("{time}", clock(current.recordedAt()))));
        }
        sb.append("</p>");
        // three taps in one form; "late" has its own form, so Enter in the time field means late, never present
        sb.append("<form method=\"post\" action=\"").append(action).append("\"><div class=\"taps\">");
        hidden(sb, "list", c.listId());
        hidden(sb, "referral", e.referralId());
        tap(sb, language, "present", current != null && current.status() == Registration.Status.PRESENT);
        tap(sb, language, "sick", current != null && current.status() == Registration.Status.EXCUSED
                && current.reason() == Registration.Reason.SICK);
        tap(sb, language, "absent", current != null && current.status() == Registration.Status.ABSENT);
        sb.append("</div></form>");
        LocalTime start = e.session().start();
        LocalTime end = start.plusMinutes(e.session().minutes());
        LocalTime nowLocal = now.atZone(zone).toLocalTime().withSecond(0).withNano(0);
        String arrival = arrivalEcho != null ? arrivalEcho
                : current != null && current.status() == Registration.Status.LATE ? current.arrival().toString()
                : nowLocal.isAfter(start) && !nowLocal.isAfter(end) ? nowLocal.toString() : "";
        String id = "a-" + e.referralId();
        sb.append("<form method=\"post\" action=\"").append(action).append("\" class=\"late\">");
        hidden(sb, "list", c.listId());
        hidden(sb, "referral", e.referralId());
        sb.append("<label for=\"").append(id).append("\">").append(esc(t("list.arrival", language))).append("</label>")
                .append("<input type=\"time\" id=\"").append(id).append("\" name=\"arrival\" value=\"")
                .append(esc(arrival)).append("\" min=\"").append(start.plusMinutes(1)).append("\"");
        if (end.isAfter(start)) sb.append(" max=\"").append(end).append("\"");
        sb.append(" required>");
        tap(sb, language, "late", current != null && current.status() == Registration.Status.LATE);
        sb.append("</form></li>");
    }

    private static void tap(StringBuilder sb, Language language, String status, boolean pressed) {
        sb.append("<button type=\"submit\" name=\"status\" value=\"").append(status).append("\" aria-pressed=\"")
                .append(pressed).append("\">").append(esc(t("list.tap." + status, language))).append("</button>");
    }

    private static void hidden(StringBuilder sb, String name, String value) {
        sb.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value)).append("\">");
    }

    /** What counts now, in words. */
    private String state(Language language, Registration r) {
        if (r == null) return t("list.state.none", language);
        return switch (r.status()) {
            case PRESENT -> t("list.state.present", language);
            case LATE -> t("list.state.late", language).replace("{time}", r.arrival().toString());
            case EXCUSED -> t("list.state." + r.reason().wireName(), language);
            case ABSENT -> t(r.detected() ? "list.state.detected" : "list.state.absent", language);
            case NONE -> t("list.state.none", language);
        };
    }

    String expired(Language language, LocalDate date) {
        return document(language, t("list.expiredTitle", language), "<h1>" + esc(t("list.expiredTitle", language))
                + "</h1><div class=\"card\"><p id=\"message\">"
                + esc(t("list.expired", language).replace("{date}", Times.longDate(date, language))) + "</p></div>");
    }

    String message(Language language, String title, String text) {
        return document(language, title, "<h1>" + esc(title) + "</h1><div class=\"card\"><p id=\"message\">"
                + esc(text) + "</p></div>");
    }

    private String clock(Instant at) {
        return at.atZone(zone).toLocalTime().withSecond(0).withNano(0).toString();
    }

    private String document(Language language, String title, String main) {
        return "<!DOCTYPE html><html lang=\"" + (language == Language.EN ? "en" : "da") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + esc(title) + " · " + esc(productName) + "</title><style>" + STYLE + "</style></head><body>"
                + "<main>" + main + "</main></body></html>";
    }

    private static String t(String key, Language language) {
        return PageTexts.t(key, language);
    }
}
