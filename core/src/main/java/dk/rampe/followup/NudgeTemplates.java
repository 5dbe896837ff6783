package dk.rampe.followup;

import dk.rampe.core.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words of every nudge, Danish by default and English available: email as plain text and
 * HTML, SMS in one segment where possible. A message can only ever hold a neutral text, a case
 * reference (checked against a strict id pattern), the time it concerns and the follow-up link:
 * the templates have no other placeholders, so no name, CPR number, benefit or programme name
 * can reach them.
 */
public final class NudgeTemplates {
    /** A case reference: starts with a letter, then letters and digits; never a bare number. */
    public static final Pattern CASE_REFERENCE = Pattern.compile("^[A-Z][A-Z0-9]{3,19}$");
    private static final Pattern LINK = Pattern.compile("^https?://[A-Za-z0-9.:\\-\\[\\]]+(/[A-Za-z0-9._~/\\-]*)?$");

    /** Rendered texts: subject, plain text and HTML for email; the SMS body. */
    public record Rendered(String subject, String text, String html, String sms) {
    }

    /** One kind's words in one language. {r} case reference, {t} time, {s} short time, {l} link. */
    record Words(String subject, String heading, String body, String sms, String smsShort) {
    }

    private static final Map<FollowUpKind, Words> DA = new EnumMap<>(FollowUpKind.class);
    private static final Map<FollowUpKind, Words> EN = new EnumMap<>(FollowUpKind.class);

    static {
        DA.put(FollowUpKind.FOLLOW_UP_DUE, new Words(
                "Opfølgning forfalder – sag {r}",
                "En opfølgning forfalder",
                "En opfølgning i sag {r} forfalder {t}.",
                "Rampe: Opfølgning {s}, sag {r}: {l}",
                "Rampe: Opfølgning, sag {r}: {l}"));
        DA.put(FollowUpKind.ABSENCE_TODAY, new Words(
                "Fravær i dag – sag {r}",
                "Fravær i dag",
                "Der er fravær i dag i sag {r} ({t}). Tag gerne kontakt i dag og hør, hvad der skal til.",
                "Rampe: Fravær i dag {s}, sag {r}: {l}",
                "Rampe: Fravær, sag {r}: {l}"));
        DA.put(FollowUpKind.AFTERCARE_CALL_DUE, new Words(
                "Efterværnsopkald forfalder – sag {r}",
                "Et efterværnsopkald forfalder",
                "Efterværnsopkaldet i sag {r} forfalder {t}. Tal med både medarbejder og arbejdsgiver.",
                "Rampe: Efterværnsopkald {s}, sag {r}: {l}",
                "Rampe: Efterværn, sag {r}: {l}"));
        DA.put(FollowUpKind.GENERIC, new Words(
                "Ny opgave – sag {r}",
                "En opgave venter",
                "Der er en opgave i sag {r}, som forfalder {t}.",
                "Rampe: Opgave {s}, sag {r}: {l}",
                "Rampe: Opgave, sag {r}: {l}"));

        // --- aftercare (issue 10) ---
        DA.put(FollowUpKind.WORKPLACE_CHECK_DUE, new Words(
                "Opfølgning på arbejdspladsen – sag {r}",
                "En opfølgning på arbejdspladsen forfalder",
                "Opfølgningen med arbejdspladsen i sag {r} forfalder {t}.",
                "Rampe: Arbejdsplads {s}, sag {r}: {l}",
                "Rampe: Arbejdsplads, sag {r}: {l}"));
        DA.put(FollowUpKind.RETENTION_CHECK_DUE, new Words(
                "Opfølgning efter seks måneder – sag {r}",
                "En opfølgning forfalder",
                "Opfølgningen seks måneder efter start i sag {r} forfalder {t}. Notér timer og om ansættelsen fortsætter.",
                "Rampe: 6 mdr. {s}, sag {r}: {l}",
                "Rampe: 6 mdr., sag {r}: {l}"));
        DA.put(FollowUpKind.OUTCOME_CHECK_DUE, new Words(
                "Opfølgning efter forløbet – sag {r}",
                "En opfølgning forfalder",
                "Opfølgningen seks måneder efter forløbet i sag {r} forfalder {t}.",
                "Rampe: Efter forløb {s}, sag {r}: {l}",
                "Rampe: Efter forløb, sag {r}: {l}"));
        DA.put(FollowUpKind.JOB_ENDED_CALL_DUE, new Words(
                "Opkald efter ændring – sag {r}",
                "Et opkald forfalder",
                "Der er sket en ændring i sag {r}. Ring senest {t}.",
                "Rampe: Opkald {s}, sag {r}: {l}",
                "Rampe: Opkald, sag {r}: {l}"));
        DA.put(FollowUpKind.FOLLOW_UP_OVERDUE, new Words(
                "Opfølgning ikke lukket – sag {r}",
                "En opfølgning er ikke lukket",
                "En opfølgning i sag {r} er ikke lukket efter fem arbejdsdage. Se på den senest {t}.",
                "Rampe: Ikke lukket {s}, sag {r}: {l}",
                "Rampe: Ikke lukket, sag {r}: {l}"));
        EN.put(FollowUpKind.FOLLOW_UP_OVERDUE, new Words(
                "Follow-up not closed – case {r}",
                "A follow-up is not closed",
                "A follow-up in case {r} has not been closed after five working days. Please look at it by {t}.",
                "Rampe: Not closed {s}, case {r}: {l}",
                "Rampe: Not closed, case {r}: {l}"));
        EN.put(FollowUpKind.WORKPLACE_CHECK_DUE, new Words(
                "Workplace check due – case {r}",
                "A workplace check is due",
                "The check with the workplace in case {r} is due {t}.",
                "Rampe: Workplace {s}, case {r}: {l}",
                "Rampe: Workplace, case {r}: {l}"));
        EN.put(FollowUpKind.RETENTION_CHECK_DUE, new Words(
                "Six-month check due – case {r}",
                "A follow-up is due",
                "The check six months after the start in case {r} is due {t}. Record the hours and whether the employment continues.",
                "Rampe: 6 months {s}, case {r}: {l}",
                "Rampe: 6 months, case {r}: {l}"));
        EN.put(FollowUpKind.OUTCOME_CHECK_DUE, new Words(
                "Follow-up after the programme – case {r}",
                "A follow-up is due",
                "The follow-up six months after the programme in case {r} is due {t}.",
                "Rampe: Follow-up {s}, case {r}: {l}",
                "Rampe: After programme, case {r}: {l}"));
        EN.put(FollowUpKind.JOB_ENDED_CALL_DUE, new Words(
                "Call after a change – case {r}",
                "A call is due",
                "There has been a change in case {r}. Please call by {t}.",
                "Rampe: Call {s}, case {r}: {l}",
                "Rampe: Call, case {r}: {l}"));

        EN.put(FollowUpKind.FOLLOW_UP_DUE, new Words(
                "Follow-up due – case {r}",
                "A follow-up is due",
                "A follow-up in case {r} is due {t}.",
                "Rampe: Follow-up {s}, case {r}: {l}",
                "Rampe: Follow-up, case {r}: {l}"));
        EN.put(FollowUpKind.ABSENCE_TODAY, new Words(
                "Absence today – case {r}",
                "Absence today",
                "There is an absence today in case {r} ({t}). Please get in touch today and hear what it would take.",
                "Rampe: Absence today {s}, case {r}: {l}",
                "Rampe: Absence, case {r}: {l}"));
        EN.put(FollowUpKind.AFTERCARE_CALL_DUE, new Words(
                "Aftercare call due – case {r}",
                "An aftercare call is due",
                "The aftercare call in case {r} is due {t}. Talk with both the employee and the employer.",
                "Rampe: Aftercare call {s}, case {r}: {l}",
                "Rampe: Aftercare, case {r}: {l}"));
        EN.put(FollowUpKind.GENERIC, new Words(
                "New task – case {r}",
                "A task is waiting",
                "There is a task in case {r}, due {t}.",
                "Rampe: Task {s}, case {r}: {l}",
                "Rampe: Task, case {r}: {l}"));
    }

    private final ZoneId zone;

    public NudgeTemplates(ZoneId zone) {
        this.zone = zone;
    }

    /** Every template string, for the content checks. */
    public static Map<String, String> allTemplateTexts() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (var lang : Map.of("da", DA, "en", EN).entrySet()) {
            lang.getValue().forEach((k, w) -> {
                String p = lang.getKey() + "." + k.wireName() + ".";
                out.put(p + "subject", w.subject());
                out.put(p + "heading", w.heading());
                out.put(p + "body", w.body());
                out.put(p + "sms", w.sms());
                out.put(p + "smsShort", w.smsShort());
            });
        }
        out.put("da.reminder", reminderPrefix(Language.DA));
        out.put("en.reminder", reminderPrefix(Language.EN));
        out.put("da.footer", footer(Language.DA));
        out.put("en.footer", footer(Language.EN));
        out.put("da.action", action(Language.DA));
        out.put("en.action", action(Language.EN));
        return out;
    }

    public Rendered render(FollowUpKind kind, Language language, boolean reminder, String caseReference, Instant at,
                           String link) {
        if (caseReference == null || !CASE_REFERENCE.matcher(caseReference).matches()) {
            throw new IllegalArgumentException("case reference must be an id such as R…");
        }
        if (link == null || !LINK.matcher(link).matches()) throw new IllegalArgumentException("link is not a plain URL");
        Words w = (language == Language.EN ? EN : DA).get(kind);
        String longTime = Times.longTime(at, zone, language);
        String shortTime = Times.shortTime(at, zone, language);
        String prefix = reminder ? reminderPrefix(language) : "";

        String subject = prefix + fill(w.subject(), caseReference, longTime, shortTime, link);
        String body = fill(w.body(), caseReference, longTime, shortTime, link);
        String text = body + "\n\n" + action(language) + "\n" + link + "\n\n" + footer(language) + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + (language == Language.EN ? "en" : "da") + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(subject) + "</title></head>"
                + "<body style=\"font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;"
                + "line-height:1.5;color:#1b1b1b;margin:0;padding:16px;\">"
                + "<h1 style=\"font-size:20px;margin:0 0 12px;\">" + escape(prefix + w.heading()) + "</h1>"
                + "<p>" + escape(body) + "</p>"
                + "<p><a href=\"" + escape(link) + "\" style=\"display:inline-block;padding:12px 20px;background:#0b5cad;"
                + "color:#ffffff;text-decoration:none;border-radius:6px;\">" + escape(buttonLabel(language)) + "</a></p>"
                + "<p style=\"font-size:14px;color:#555;\">" + escape(link) + "</p>"
                + "<p style=\"font-size:13px;color:#555;\">" + escape(footer(language)) + "</p>"
                + "</body></html>";
        String sms = prefix + fill(w.sms(), caseReference, longTime, shortTime, link);
        if (Sms.segments(sms) > 1) sms = prefix + fill(w.smsShort(), caseReference, longTime, shortTime, link);
        if (Sms.segments(sms) > 1) sms = fill(w.smsShort(), caseReference, longTime, shortTime, link);
        return new Rendered(subject, text, html, sms);
    }

    private static String reminderPrefix(Language language) {
        return language == Language.EN ? "Reminder: " : "Påmindelse: ";
    }

    private static String action(Language language) {
        return language == Language.EN ? "Record what was done with one tap:" : "Registrér hvad der er gjort med ét tryk:";
    }

    private static String buttonLabel(Language language) {
        return language == Language.EN ? "Open the follow-up" : "Åbn opfølgningen";
    }

    private static String footer(Language language) {
        return language == Language.EN
                ? "Rampe. This message deliberately holds no personal data; look the case up in your own records."
                : "Rampe. Beskeden indeholder med vilje ingen personoplysninger; slå sagen op i jeres eget system.";
    }

    private static String fill(String template, String ref, String longTime, String shortTime, String link) {
        return template.replace("{r}", ref).replace("{t}", longTime).replace("{s}", shortTime).replace("{l}", link);
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
