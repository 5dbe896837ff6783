package dk.rampe.web;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page frame: one stylesheet (inline, allowed by its hash in the Content-Security-Policy),
 * a header with the role's links, the language switch and log-out, no JavaScript. Mobile
 * first: one column on a phone, wider cards and a two-column grid on a desk.
 */
final class Html {
    static final String STYLE = "*{box-sizing:border-box}"
            + "html{-webkit-text-size-adjust:100%}"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:17px;line-height:1.5;"
            + "color:#1b1b1b;background:#f4f4f1;margin:0}"
            + "a{color:#0b5cad}"
            + "header{background:#123d63;color:#fff;padding:10px 16px}"
            + "header .bar{max-width:72rem;margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:8px 18px}"
            + "header a,header button.link{color:#fff;font-weight:600;text-decoration:none}"
            + "header .brand{font-size:1.2rem;font-weight:800;margin-right:auto}"
            + "header nav{display:flex;flex-wrap:wrap;gap:6px 16px}"
            + "header form{margin:0;display:inline}"
            + "header .who{font-size:0.9rem;opacity:0.95;width:100%;order:9}"
            + ".skip{position:absolute;left:-999px;top:0;background:#fff;color:#123d63;padding:8px 12px;font-weight:700;z-index:9}"
            + ".skip:focus{left:8px}"
            + ":focus-visible{outline:3px solid #ffbf47;outline-offset:2px}"
            + "main:focus{outline:none}"
            + "button.link{background:none;border:0;padding:0;font:inherit;cursor:pointer;text-decoration:underline}"
            + "main{max-width:72rem;margin:0 auto;padding:16px}"
            + "h1{font-size:1.45rem;margin:0.3rem 0 1rem}h2{font-size:1.15rem;margin:0 0 0.6rem}h3{font-size:1.02rem;margin:1rem 0 0.4rem}"
            + ".card{background:#fff;border:1px solid #d8d8d2;border-radius:8px;padding:16px;margin-bottom:16px}"
            + ".grid{display:grid;grid-template-columns:1fr;gap:0 16px}"
            + "@media (min-width:900px){.grid{grid-template-columns:1fr 1fr}main{padding:24px}}"
            + "dl{margin:0}dt{font-size:0.88rem;color:#555}dd{margin:0 0 0.6rem;font-weight:600;overflow-wrap:anywhere}"
            + "ul.list{list-style:none;margin:0;padding:0}"
            + "ul.list li{background:#fff;border:1px solid #d8d8d2;border-radius:8px;padding:12px 14px;margin-bottom:10px}"
            + "ul.list li a.name{font-weight:700;font-size:1.05rem}"
            + ".meta{color:#444;font-size:0.92rem}"
            + ".tag{display:inline-block;border-radius:12px;padding:0 10px;font-size:0.85rem;font-weight:700;"
            + "background:#e6eef7;color:#123d63;margin-right:6px}"
            + ".tag.warn{background:#fff1d6;color:#6b4500}"
            + ".tag.done{background:#e3f4e8;color:#14532d}"
            + ".next{border:3px solid #0b5cad}ul.tasks{list-style:none;margin:0;padding:0}"
            + "ul.tasks li{display:flex;justify-content:space-between;gap:8px;padding:10px 0;border-bottom:1px solid #e4e4de}"
            + "a.button{display:inline-block;font-weight:700;padding:12px 20px;border-radius:8px;background:#0b5cad;"
            + "color:#fff;text-decoration:none;min-height:44px}"
            + ".optional{font-weight:400;color:#555}.caption{font-size:1rem;font-weight:600}.meanwhile{color:#6b4500}"
            + "label{display:block;font-weight:600;margin:0.6rem 0 0.25rem}"
            + "input[type=text],input[type=email],input[type=tel],input[type=date],input[type=time],input[type=number],select,textarea{width:100%;"
            + "font:inherit;padding:10px;border:2px solid #888;border-radius:8px;background:#fff}"
            + "textarea{min-height:5rem}"
            + "fieldset{border:0;padding:0;margin:0.6rem 0}legend{font-weight:600;padding:0}"
            + ".choices label{display:inline-block;font-weight:500;margin-right:18px}"
            + "input[type=radio],input[type=checkbox]{width:1.2em;height:1.2em;vertical-align:middle;margin-right:0.35em}"
            + "button.primary{font:inherit;font-weight:700;padding:12px 20px;border:0;border-radius:8px;"
            + "background:#0b5cad;color:#fff;margin-top:12px;min-height:44px;cursor:pointer}"
            + "button.user{width:100%;text-align:left;font:inherit;padding:12px;border:2px solid #0b5cad;"
            + "border-radius:8px;background:#fff;margin-bottom:10px;min-height:44px;cursor:pointer}"
            + ".hint{font-size:0.9rem;color:#555;margin:0.2rem 0}"
            + ".error{color:#b00020;font-weight:600;margin:0.25rem 0 0}"
            + "[aria-invalid=true]{border-color:#b00020!important}"
            + ".errors{border:2px solid #b00020;background:#fff0f0;border-radius:8px;padding:12px 16px;margin-bottom:16px}"
            + ".ok{border:2px solid #1f7a3a;background:#effaf2;border-radius:8px;padding:12px 16px;margin-bottom:16px}"
            + ".later{border:1px dashed #999;border-radius:8px;padding:10px 14px;color:#555;background:#fafafa;"
            + "margin-bottom:16px}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #ddd}"
            + ".scroll{overflow-x:auto}"
            + "dl.phases{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:0 16px}"
            + "#history{list-style:none;margin:0;padding:0}#history li{padding:6px 0;border-bottom:1px solid #e4e4de}"
            // the early warning's row of days: a letter and a colour a day, its words for a screen reader (.vh)
            + "ul.list ul.reasons{margin:6px 0 0;padding-left:1.2rem}"
            + "ul.list ul.reasons li{border:0;border-radius:0;padding:0;margin:0;background:none}"
            + "ol.days{display:flex;flex-wrap:wrap;gap:2px;list-style:none;margin:8px 0 0;padding:0}"
            + "ul.list ol.days li{width:1.6rem;height:1.6rem;line-height:1.6rem;padding:0;margin:0;text-align:center;"
            + "font-size:0.8rem;font-weight:700;border:1px solid #aaa;border-radius:4px;background:#fff;color:#333}"
            + "ul.list ol.days li.present{background:#e3f4e8;color:#14532d}ul.list ol.days li.late{background:#fff1d6;color:#6b4500}"
            + "ul.list ol.days li.excused{background:#e6eef7;color:#123d63}ul.list ol.days li.absent{background:#fde2e2;color:#8a1111}"
            + "ul.list ol.days li.none{color:#767676;border-color:#e4e4de}"
            + ".vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
            + ".print{max-width:44rem;margin:0 auto}"
            + "@page{size:A4;margin:18mm}"
            + "@media print{header,form,details,.noprint{display:none}body{background:#fff;font-size:12pt}"
            + "main{padding:0;max-width:none}.card{border:0;padding:0}}";

    static final String STYLE_HASH;

    /**
     * The printed plan's one script: shows the print button and prints on a tap. Without JavaScript the button
     * stays hidden and the page says how to print; the page's CSP allows this script by its hash only.
     */
    static final String PRINT_SCRIPT = "var b=document.getElementById('print-now');b.hidden=false;"
            + "b.addEventListener('click',function(){window.print()});";
    static final String PRINT_SCRIPT_HASH;

    static {
        STYLE_HASH = sha256(STYLE);
        PRINT_SCRIPT_HASH = sha256(PRINT_SCRIPT);
    }

    private static String sha256(String s) {
        try {
            return "'sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Html() {
    }

    /** A whole page. {@code nav} is the header's links (already HTML), {@code csrf} null when logged out. */
    static String page(Language lang, String title, String nav, String csrf, String main) {
        StringBuilder sb = new StringBuilder(main.length() + STYLE.length() + 1200);
        sb.append("<!DOCTYPE html><html lang=\"").append(lang == Language.EN ? "en" : "da").append("\"><head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\"><meta name=\"referrer\" content=\"no-referrer\">")
                .append("<title>").append(esc(title)).append(" · Rampe</title><style>").append(STYLE)
                .append("</style></head><body><a class=\"skip\" href=\"#main\">").append(esc(Texts.t(lang, "skip")))
                .append("</a><header><div class=\"bar\"><a class=\"brand\" href=\"/app\">Rampe</a><nav>")
                .append(nav);
        String other = lang == Language.EN ? "da" : "en";
        sb.append("<a href=\"/app/lang?to=").append(other).append("\" lang=\"").append(other).append("\">")
                .append(lang == Language.EN ? "Dansk" : "English").append("</a>");
        if (csrf != null) {
            sb.append("<form method=\"post\" action=\"/app/logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(esc(csrf)).append("\"><button class=\"link\" type=\"submit\" id=\"logout\">")
                    .append(esc(Texts.t(lang, "nav.logout"))).append("</button></form>");
        }
        sb.append("</nav></div></header><main id=\"main\" tabindex=\"-1\">").append(main).append("</main></body></html>");
        return sb.toString();
    }

    static String hiddenCsrf(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
    }

    /** A part of the page that a later issue fills in, clearly marked as not there yet. */
    static String later(Language lang, String what) {
        return "<div class=\"later\" data-later=\"" + esc(what) + "\">" + esc(Texts.t(lang, "later." + what)) + "</div>";
    }
}
