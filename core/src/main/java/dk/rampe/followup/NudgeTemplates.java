package dk.rampe.followup;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.Language;
import dk.rampe.text.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words of every nudge, Danish by default and English available: email as plain text and
 * HTML, SMS in one segment where possible. A message can only ever hold a neutral text, a case
 * reference (checked against a strict id pattern), the time it concerns and the follow-up link:
 * the templates have no other placeholders (besides the deployment's own product name, checked
 * at start-up), so no name, CPR number, benefit or programme name can reach them. The words are
 * in the text catalogue ({@code dk/rampe/text/nudges_*.properties}).
 */
public final class NudgeTemplates {
    /** A case reference: starts with a letter, then letters and digits; never a bare number. */
    public static final Pattern CASE_REFERENCE = Pattern.compile("^[A-Z][A-Z0-9]{3,19}$");
    private static final Pattern LINK = Pattern.compile("^https?://[A-Za-z0-9.:\\-\\[\\]]+(/[A-Za-z0-9._~/\\-]*)?$");

    /** Rendered texts: subject, plain text and HTML for email; the SMS body. */
    public record Rendered(String subject, String text, String html, String sms) {
    }

    /** The product name a deployment gives itself when none is configured. */
    public static final String DEFAULT_PRODUCT_NAME = "Rampe";
    /** A product name: short, plain letters, digits, spaces and a few marks (it goes into SMS and email). */
    public static final Pattern PRODUCT_NAME = Pattern.compile("^[\\p{L}0-9][\\p{L}0-9 .&-]{0,19}$");

    private final ZoneId zone;
    private final String productName;

    public NudgeTemplates(ZoneId zone) {
        this(zone, DEFAULT_PRODUCT_NAME);
    }

    /** {@code productName} is what the deployment calls itself in the SMS prefix and the email footer. */
    public NudgeTemplates(ZoneId zone, String productName) {
        if (productName == null || !PRODUCT_NAME.matcher(productName).matches() || !Sms.isGsm7(productName)) {
            throw new IllegalArgumentException("product name must be 1-20 GSM-7 letters, digits, spaces, '.', '&' or '-'"
                    + " (it opens every SMS, which must stay one GSM-7 segment)");
        }
        this.zone = zone;
        this.productName = productName;
    }

    public String productName() {
        return productName;
    }

    /** Every template string of both languages (from the nudges catalogue), for the content checks. */
    public static Map<String, String> allTemplateTexts() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Language l : Language.values()) {
            Texts.NUDGES.texts(l).forEach((k, v) -> out.put(l.name().toLowerCase(java.util.Locale.ROOT) + "." + k, v));
        }
        return out;
    }

    public Rendered render(FollowUpKind kind, Language language, boolean reminder, String caseReference, Instant at,
                           String link) {
        return render(kind, language, reminder, caseReference, at, link, null);
    }

    /**
     * As {@link #render(FollowUpKind, Language, boolean, String, Instant, String)}, for an SMS that goes out at
     * {@code smsAt} (null: at once): held over quiet hours to a later date than {@code at}'s, it names its date
     * instead of "today" (the kind's {@code smsHeld} text, where it has one).
     */
    public Rendered render(FollowUpKind kind, Language language, boolean reminder, String caseReference, Instant at,
                           String link, Instant smsAt) {
        if (caseReference == null || !CASE_REFERENCE.matcher(caseReference).matches()) {
            throw new IllegalArgumentException("case reference must be an id such as R…");
        }
        if (link == null || !LINK.matcher(link).matches()) throw new IllegalArgumentException("link is not a plain URL");
        String k = kind.wireName() + ".";
        String longTime = Times.longTime(at, zone, language);
        String shortTime = Times.shortTime(at, zone, language);
        String prefix = reminder ? t("reminder", language) : "";
        String subject = prefix + fill(t(k + (reminder ? "reminderSubject" : "subject"), language), caseReference,
                longTime, shortTime, link);
        String heading = t(k + (reminder ? "reminderHeading" : "heading"), language);
        String body = fill(t(k + (reminder ? "reminderBody" : "body"), language), caseReference, longTime, shortTime,
                link);
        String footer = fill(t("footer", language), caseReference, longTime, shortTime, link);
        String text = body + "\n\n" + t("action", language) + "\n" + link + "\n\n" + footer + "\n";
        String html = emailHtml(language, subject, heading, body, t("action", language), t("button", language), link,
                footer);
        boolean held = smsAt != null && smsAt.atZone(zone).toLocalDate().isAfter(at.atZone(zone).toLocalDate())
                && Texts.NUDGES.find(k + "smsHeld", language) != null;
        String sms = prefix + fill(t(k + (held ? "smsHeld" : "sms"), language), caseReference, longTime, shortTime, link);
        if (Sms.segments(sms) > 1) sms = prefix + fill(t(k + "smsShort", language), caseReference, longTime, shortTime, link);
        if (Sms.segments(sms) > 1) sms = fill(t(k + "smsShort", language), caseReference, longTime, shortTime, link);
        return new Rendered(subject, text, html, sms);
    }

    /**
     * The one summary email a day to a consultant whose follow-ups were overdue already when Rampe learnt of them
     * (steps dated before Rampe was used): no case, no count, a link to the app, where they are listed.
     */
    public Rendered overdueSummary(Language language, String link) {
        if (link == null || !LINK.matcher(link).matches()) throw new IllegalArgumentException("link is not a plain URL");
        String subject = fill(t("overdue_from_before.subject", language), "", "", "", link);
        String heading = fill(t("overdue_from_before.heading", language), "", "", "", link);
        String body = fill(t("overdue_from_before.body", language), "", "", "", link);
        String footer = fill(t("footer", language), "", "", "", link);
        String action = fill(t("overdue_from_before.action", language), "", "", "", link);
        String text = body + "\n\n" + action + "\n" + link + "\n\n" + footer + "\n";
        String html = emailHtml(language, subject, heading, body, action,
                fill(t("overdue_from_before.button", language), "", "", "", link), link, footer);
        return new Rendered(subject, text, html, null);
    }

    private static String t(String key, Language language) {
        return Texts.NUDGES.get(key, language);
    }

    private String fill(String template, String ref, String longTime, String shortTime, String link) {
        return template.replace("{p}", productName).replace("{r}", ref).replace("{t}", longTime).replace("{s}", shortTime).replace("{l}", link);
    }

    /**
     * The HTML of a nudge email: heading, text, the action, a button that is the link, the visible URL (it may
     * break anywhere, so a narrow screen never scrolls sideways) and the footer; every text escaped.
     */
    public static String emailHtml(Language language, String subject, String heading, String body, String action,
                                   String button, String link, String footer) {
        return "<!DOCTYPE html><html lang=\"" + (language == Language.EN ? "en" : "da") + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(subject) + "</title></head>"
                + "<body style=\"font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;"
                + "line-height:1.5;color:#1b1b1b;margin:0;padding:16px;overflow-wrap:anywhere;word-break:break-word;\">"
                + "<h1 style=\"font-size:20px;margin:0 0 12px;\">" + esc(heading) + "</h1>"
                + "<p>" + esc(body) + "</p>"
                + "<p>" + esc(action) + "</p>"
                + "<p><a href=\"" + esc(link) + "\" style=\"display:inline-block;max-width:100%;padding:12px 20px;"
                + "background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:6px;\">"
                + esc(button) + "</a></p>"
                + "<p style=\"font-size:14px;color:#555;overflow-wrap:anywhere;word-break:break-all;\">"
                + "<a href=\"" + esc(link) + "\" style=\"color:#555;overflow-wrap:anywhere;word-break:break-all;\">"
                + esc(link) + "</a></p>"
                + "<p style=\"font-size:13px;color:#555;\">" + esc(footer) + "</p>"
                + "</body></html>";
    }
}
