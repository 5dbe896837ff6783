package dk.rampe.web;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.Language;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.report.AftercareFigures;
import dk.rampe.settings.Settings;
import dk.rampe.web.Views.MonthFigures;
import dk.rampe.web.Views.OwnerFigures;
import dk.rampe.web.Views.ProgrammeReferrals;
import dk.rampe.web.Views.ProgrammeReports;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project owner's pages: the overview of the programmes (intake against quota, phases, this month's
 * absence and aftercare, failed nudges) and the kept monthly reports, in the frame of {@link Views}.
 */
final class OwnerPage extends FramedPage {
    private final ZoneId zone;

    OwnerPage(Views views, ZoneId zone) {
        super(views);
        this.zone = zone;
    }

    String overview(WebAppHandler.Request req, String csrf, List<ProgrammeReferrals> lists,
                    Map<String, MonthFigures> month, Map<String, OwnerFigures> more, Instant now, boolean reports) {
        Language lang = req.lang();
        LocalDate today = LocalDate.ofInstant(now, zone);
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, "owner.title"))).append("</h1>");
        for (ProgrammeReferrals pr : lists) {
            Settings.Programme p = pr.programme();
            sb.append("<section class=\"card\" data-programme=\"").append(esc(p.id())).append("\"><h2>")
                    .append(esc(p.name())).append("</h2><p class=\"meta\">")
                    .append(esc(Texts.t(lang, "owner.window", date(lang, p.intakeOpens()), date(lang, p.intakeStops()))))
                    // a table wider than a phone scrolls sideways in a region the keyboard can reach and scroll
                    .append("</p><div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
                    .append(esc(Texts.t(lang, "owner.intake") + " · " + p.name()))
                    .append("\"><table id=\"intake\"><thead><tr><th>")
                    .append(esc(Texts.t(lang, "ref.jobcentre"))).append("</th><th>").append(esc(Texts.t(lang, "owner.intake")))
                    .append("</th><th>").append(esc(Texts.t(lang, "owner.quota"))).append("</th><th>")
                    .append(esc(Texts.t(lang, "owner.pace"))).append("</th></tr></thead><tbody>");
            long windowDays = Math.max(1, ChronoUnit.DAYS.between(p.intakeOpens(), p.intakeStops()) + 1);
            long elapsed = Math.max(0, Math.min(windowDays, ChronoUnit.DAYS.between(p.intakeOpens(), today) + 1));
            for (Settings.Partner partner : p.partners()) {
                long intake = pr.referrals().stream().filter(r -> r.jobcentreId().equals(partner.jobcentreId())).count();
                long expected = Math.round((double) partner.quota() * elapsed / windowDays);
                sb.append("<tr data-jobcentre=\"").append(esc(partner.jobcentreId())).append("\"><td>")
                        .append(esc(jobcentreName(partner.jobcentreId()))).append("</td><td class=\"intake\">").append(intake)
                        .append("</td><td>").append(partner.quota()).append("</td><td>")
                        .append(esc(Texts.t(lang, intake >= expected ? "owner.onPace" : "owner.behind", expected)))
                        .append("</td></tr>");
            }
            sb.append("</tbody></table></div><h2 style=\"margin-top:1rem\">").append(esc(Texts.t(lang, "owner.phases")))
                    .append("</h2><dl class=\"phases\">");
            Map<ReferralStatus, Integer> counts = new EnumMap<>(ReferralStatus.class);
            for (Referral r : pr.referrals()) counts.merge(r.status(), 1, Integer::sum);
            for (ReferralStatus s : ReferralStatus.values()) {
                sb.append("<div><dt>").append(esc(Texts.t(lang, "status." + s.wireName()))).append("</dt><dd data-status=\"")
                        .append(s.wireName()).append("\">").append(counts.getOrDefault(s, 0)).append("</dd></div>");
            }
            sb.append("</dl>");
            MonthFigures m = month.get(p.id());
            if (m != null) monthFigures(sb, lang, m);
            OwnerFigures o = more.get(p.id());
            if (o != null) ownerFigures(sb, lang, p, o, m == null ? today.withDayOfMonth(1) : m.from());
            sb.append("</section>");
        }
        if (reports) {
            sb.append("<p><a id=\"reports-link\" href=\"/app/reports\">").append(esc(Texts.t(lang, "rep.title")))
                    .append("</a></p>");
        } else {
            sb.append(Html.later(lang, "reports"));
        }
        return page(req, csrf, Texts.t(lang, "owner.title"), sb.toString());
    }

    /** The owner's monthly reports as the archive keeps them, newest first per programme, each opened as its HTML. */
    String reports(WebAppHandler.Request req, String csrf, List<ProgrammeReports> lists) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<h1>").append(esc(Texts.t(lang, "rep.title"))).append("</h1>");
        for (ProgrammeReports pr : lists) {
            sb.append("<section class=\"card\" data-programme=\"").append(esc(pr.programme().id())).append("\"><h2>")
                    .append(esc(pr.programme().name())).append("</h2>");
            if (pr.reports().isEmpty()) {
                sb.append("<p class=\"meta\">").append(esc(Texts.t(lang, "rep.none"))).append("</p>");
            } else {
                sb.append("<ul class=\"list\">");
                for (int i = pr.reports().size() - 1; i >= 0; i--) {
                    dk.rampe.report.ReportArchive.Stored r = pr.reports().get(i);
                    String href = "/app/reports/" + r.programmeId() + "/" + r.month() + "/" + r.madeAt();
                    String month = reportMonth(lang, r.month());
                    sb.append("<li><a data-report=\"").append(esc(r.month())).append("\" href=\"").append(esc(href))
                            .append("\">").append(esc(month)).append("</a> <span class=\"meta\">")
                            .append(esc(Texts.t(lang, "rep.madeAt", madeAt(lang, r.madeAt()))))
                            .append("</span> <a data-csv=\"").append(esc(r.month())).append("\" href=\"")
                            .append(esc(href + "/" + WebAppHandler.REPORT_CSV)).append("\" download aria-label=\"")
                            .append(esc(Texts.t(lang, "rep.csvLabel", month))).append("\">")
                            .append(esc(Texts.t(lang, "rep.csv"))).append("</a></li>");
                }
                sb.append("</ul>");
            }
            sb.append("</section>");
        }
        return page(req, csrf, Texts.t(lang, "rep.title"), sb.toString());
    }

    /** A report's month as people say it: "Oktober 2026", "October 2026"; the stored text if it is not a month. */
    private static String reportMonth(Language lang, String month) {
        try {
            Locale locale = lang == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("da-DK");
            String m = java.time.YearMonth.parse(month).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
            return m.substring(0, 1).toUpperCase(locale) + m.substring(1);
        } catch (java.time.format.DateTimeParseException e) {
            return month;
        }
    }

    private static final java.util.regex.Pattern MADE_AT =
            java.util.regex.Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})[-:](\\d{2})[-:](\\d{2})(\\.\\d{1,9})?Z$");

    /**
     * When a kept report was made, in the programme's zone ("1. nov. 2026 kl. 07:00"): the archive names it by the
     * instant, with {@code -} for {@code :} where it is a folder; the stored text if it is neither.
     */
    private String madeAt(Language lang, String madeAt) {
        java.util.regex.Matcher m = MADE_AT.matcher(madeAt);
        if (!m.matches()) return madeAt;
        try {
            return time(lang, Instant.parse(m.group(1) + "T" + m.group(2) + ":" + m.group(3) + ":" + m.group(4)
                    + (m.group(5) == null ? "" : m.group(5)) + "Z"));
        } catch (java.time.format.DateTimeParseException e) {
            return madeAt;
        }
    }

    private void monthFigures(StringBuilder sb, Language lang, MonthFigures m) {
        sb.append("<h2>").append(esc(Texts.t(lang, "owner.absence", date(lang, m.from())))).append("</h2>")
                .append("<dl class=\"phases\" id=\"absence-month\">");
        figure(sb, lang, "owner.absence.participants", m.participants(), "participants");
        figure(sb, lang, "owner.absence.expected", m.expected(), "expected");
        figure(sb, lang, "owner.absence.attended", m.attended(), "attended");
        figure(sb, lang, "owner.absence.excused", m.excused(), "excused");
        figure(sb, lang, "owner.absence.absent", m.absent(), "absent");
        figure(sb, lang, "owner.absence.detected", m.detected(), "detected");
        figure(sb, lang, "owner.absence.flagged", m.flagged(), "flagged");
        sb.append("</dl><p class=\"hint\">").append(esc(Texts.t(lang, "owner.absence.hint"))).append("</p>");
    }

    /** This month's aftercare so far and the nudges that could not be sent (newest first, the last ten). */
    private void ownerFigures(StringBuilder sb, Language lang, Settings.Programme p, OwnerFigures o, LocalDate from) {
        AftercareFigures.PerJobcentre a = o.aftercare();
        sb.append("<h2>").append(esc(Texts.t(lang, "owner.aftercare", date(lang, from)))).append("</h2>")
                .append("<dl class=\"phases\" id=\"aftercare-month\">");
        figure(sb, lang, "owner.aftercare.due", a.followUpsDue(), "due");
        figure(sb, lang, "owner.aftercare.onTime", a.doneOnTime(), "onTime");
        figure(sb, lang, "owner.aftercare.late", a.doneLate(), "late");
        figure(sb, lang, "owner.aftercare.open", a.overdue(), "open");
        figure(sb, lang, "owner.aftercare.noOutcome", a.jobsWithoutAftercareOutcome(), "noOutcome");
        sb.append("</dl><p class=\"hint\">").append(esc(Texts.t(lang, "owner.aftercare.hint"))).append("</p>");
        WarningsList.owner(sb, lang, o.warnings(), from);
        sb.append("<h2>").append(esc(Texts.t(lang, "owner.failed"))).append("</h2>");
        if (o.failedNudges().isEmpty()) {
            sb.append("<p class=\"meta\" id=\"failed-none\">").append(esc(Texts.t(lang, "owner.failed.none"))).append("</p>");
            return;
        }
        sb.append("<p id=\"failed-count\" data-failed=\"").append(o.failedNudges().size()).append("\">")
                .append(esc(Texts.t(lang, "owner.failed.count", o.failedNudges().size()))).append("</p><ul id=\"failed\">");
        for (OutboxMessage m : o.failedNudges().subList(0, Math.min(10, o.failedNudges().size()))) {
            // whom it was for, by the consultant's contact in the settings; never the text (it may carry a link)
            String to = p.consultants().stream().filter(c -> (c.email() != null && c.email().value().equals(m.recipient()))
                    || (c.phone() != null && c.phone().e164().equals(m.recipient()))).map(Settings.Consultant::name)
                    .findFirst().orElse(Texts.t(lang, "owner.failed.someone"));
            sb.append("<li data-message=\"").append(esc(m.messageId())).append("\">").append(esc(time(lang, m.createdAt())))
                    .append(" · ").append(esc(Texts.t(lang, "owner.failed.channel." + m.channel().wireName()))).append(" · ")
                    .append(esc(to)).append(m.lastError() == null ? "" : " · <span class=\"meta\">" + esc(m.lastError()) + "</span>")
                    .append("</li>");
        }
        sb.append("</ul><p class=\"hint\">").append(esc(Texts.t(lang, "owner.failed.hint"))).append("</p>");
    }

    private static void figure(StringBuilder sb, Language lang, String key, long value, String name) {
        sb.append("<div><dt>").append(esc(Texts.t(lang, key))).append("</dt><dd data-figure=\"").append(name).append("\">")
                .append(value).append("</dd></div>");
    }

    private static void figure(StringBuilder sb, Language lang, String key, int value, String name) {
        sb.append("<div><dt>").append(esc(Texts.t(lang, key))).append("</dt><dd data-figure=\"").append(name).append("\">")
                .append(value).append("</dd></div>");
    }
}
