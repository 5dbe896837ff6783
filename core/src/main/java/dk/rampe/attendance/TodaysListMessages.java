package dk.rampe.attendance;


import dk.rampe.core.Language;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.Sms;
import dk.rampe.followup.Times;
import dk.rampe.text.Texts;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The words of the 07:30 nudge (keys {@code todays_list.*} of the nudges catalogue): how many
 * participants are expected today, the date and the link to today's list. Nothing else can reach
 * it: no name, no programme name, no case reference (the list behind the link shows who).
 * Email as subject, plain text and HTML; SMS in one GSM-7 segment (a shorter form if needed).
 */
public final class TodaysListMessages {
    private static final Pattern LINK = Pattern.compile("^https?://[A-Za-z0-9.:\\-\\[\\]]+(/[A-Za-z0-9._~/\\-]*)?$");

    /** Subject, plain text and HTML of the email; the SMS body. */
    public record Rendered(String subject, String text, String html, String sms) {
    }

    private final String productName;

    /** {@code productName}: the deployment's neutral name ({@code RAMPE_PRODUCT_NAME}), checked as for every nudge. */
    public TodaysListMessages(String productName) {
        this.productName = new NudgeTemplates(java.time.ZoneOffset.UTC, productName).productName();
    }

    public Rendered render(Language language, int expected, LocalDate date, String link) {
        if (expected < 1) throw new IllegalArgumentException("a list has at least one participant");
        if (link == null || !LINK.matcher(link).matches()) throw new IllegalArgumentException("link is not a plain URL");
        String count = t(expected == 1 ? "todays_list.count.one" : "todays_list.count.many", language)
                .replace("{n}", Integer.toString(expected));
        String day = Times.longDate(date, language);
        String subject = fill(t("todays_list.subject", language), count, day, link);
        String heading = t("todays_list.heading", language);
        String body = fill(t("todays_list.body", language), count, day, link);
        String action = t("todays_list.action", language);
        String footer = fill(t("todays_list.footer", language), count, day, link);
        String text = body + "\n\n" + action + "\n" + link + "\n\n" + footer + "\n";
        String html = NudgeTemplates.emailHtml(language, subject, heading, body, action,
                t("todays_list.button", language), link, footer);
        String sms = fill(t("todays_list.sms", language), count, day, link);
        if (Sms.segments(sms) > 1) sms = fill(t("todays_list.smsShort", language), count, day, link);
        return new Rendered(subject, text, html, sms);
    }

    private static String t(String key, Language language) {
        return Texts.NUDGES.get(key, language);
    }

    private String fill(String template, String count, String day, String link) {
        return template.replace("{p}", productName).replace("{c}", count).replace("{d}", day).replace("{l}", link);
    }
}
