package dk.rampe.web;

import static dk.rampe.core.Html.esc;
import static dk.rampe.web.Views.overQuotaTag;
import static dk.rampe.web.Views.stability;
import static dk.rampe.web.Views.statusTag;

import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.web.Views.ParticipantLine;
import dk.rampe.web.Views.ProgrammeReferrals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The lists: a caseworker's referrals, the staff's visitation queue and "my participants" (or the whole
 * programme's), each in the frame and with the helpers of {@link Views}.
 */
final class ListsPage extends FramedPage {
    private final Clock clock;

    ListsPage(Views views, Clock clock) {
        super(views);
        this.clock = clock;
    }

    String jobcentreList(WebAppHandler.Request req, String csrf, List<Referral> referrals) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, "jc.list.title"))).append("</h1>")
                .append("<p><a href=\"/app/referrals/new\" id=\"new-referral\">")
                .append(esc(Texts.t(lang, "nav.newReferral"))).append("</a></p>");
        if (referrals.isEmpty()) {
            sb.append("<div class=\"card\" id=\"empty\">").append(esc(Texts.t(lang, "jc.list.empty"))).append("</div>");
        }
        sb.append("<ul class=\"list\" id=\"referrals\">");
        for (int i = referrals.size() - 1; i >= 0; i--) { // newest first
            Referral r = referrals.get(i);
            sb.append("<li data-referral=\"").append(esc(r.id())).append("\"><a class=\"name\" href=\"/app/referrals/")
                    .append(esc(r.id())).append("\">").append(esc(r.details().citizen().name())).append("</a><br>")
                    .append(statusTag(lang, r.status())).append("<span class=\"meta\">")
                    .append(esc(Texts.t(lang, "received"))).append(' ').append(esc(date(lang, r.createdAt())))
                    .append(" · ").append(esc(r.details().jobcentreReference())).append(" · ").append(esc(r.id()))
                    .append("</span></li>");
        }
        sb.append("</ul>");
        return page(req, csrf, Texts.t(lang, "jc.list.title"), sb.toString());
    }

    String queue(WebAppHandler.Request req, String csrf, List<ProgrammeReferrals> lists) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, "queue.title"))).append("</h1><p class=\"meta\">")
                .append(esc(Texts.t(lang, "queue.hint"))).append("</p>");
        int n = 0;
        sb.append("<ul class=\"list\" id=\"queue\">");
        for (ProgrammeReferrals pr : lists) {
            for (Referral r : pr.referrals()) { // oldest first
                n++;
                sb.append("<li data-referral=\"").append(esc(r.id())).append("\"><a class=\"name\" href=\"/app/referrals/")
                        .append(esc(r.id())).append("\">").append(esc(r.details().citizen().name())).append("</a> ")
                        .append(overQuotaTag(lang, r)).append("<br><span class=\"meta\">")
                        .append(esc(jobcentreName(r.jobcentreId()))).append(" · ").append(esc(Texts.t(lang, "received")))
                        .append(' ').append(esc(date(lang, r.createdAt()))).append(" · ")
                        .append(esc(Texts.t(lang, "queue.waiting", daysSince(r.createdAt())))).append(" · ")
                        .append(esc(pr.programme().name())).append("</span></li>");
            }
        }
        sb.append("</ul>");
        if (n == 0) sb.append("<div class=\"card\" id=\"empty\">").append(esc(Texts.t(lang, "queue.empty"))).append("</div>");
        return page(req, csrf, Texts.t(lang, "queue.title"), sb.toString());
    }

    String participants(WebAppHandler.Request req, String csrf, List<ProgrammeReferrals> lists, boolean all,
                        Map<String, AttendanceSummary> attendance, Map<String, ParticipantLine> lines,
                        List<WarningsList.Warned> warned) {
        Language lang = req.lang();
        String me = req.session().caller().id();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, all ? "part.titleAll" : "part.title"))).append("</h1><p>")
                .append(all ? "<a href=\"/app/participants\" id=\"filter\">" + esc(Texts.t(lang, "part.onlyMine")) + "</a>"
                        : "<a href=\"/app/participants?all=1\" id=\"filter\">" + esc(Texts.t(lang, "part.showAll")) + "</a>")
                .append("</p>");
        WarningsList.render(sb, lang, warned, LocalDate.ofInstant(clock.instant(), views.zone()));
        int n = 0;
        sb.append("<ul class=\"list\" id=\"participants\">");
        for (ProgrammeReferrals pr : lists) {
            for (Referral r : pr.referrals()) {
                if (r.status() != ReferralStatus.ACCEPTED && r.status() != ReferralStatus.ENROLLED) continue;
                if (!all && !me.equals(r.consultantId())) continue;
                n++;
                sb.append("<li data-referral=\"").append(esc(r.id())).append("\"><a class=\"name\" href=\"/app/referrals/")
                        .append(esc(r.id())).append("\">").append(esc(r.details().citizen().name())).append("</a><br>")
                        .append(statusTag(lang, r.status())).append("<span class=\"meta\">")
                        .append(esc(Texts.t(lang, "part.since"))).append(' ').append(esc(date(lang, lastChange(r))))
                        .append(" · ").append(esc(jobcentreName(r.jobcentreId())));
                if (all) sb.append(" · ").append(esc(consultantName(r)));
                sb.append("</span>");
                ParticipantLine line = lines.get(r.id());
                if (line != null) {
                    sb.append("<br><span class=\"meta\" data-next-reminder=\"")
                            .append(line.nextReminder() == null ? "" : line.nextReminder().notifyOn()).append("\">")
                            .append(esc(Texts.t(lang, "part.nextReminder"))).append(": ")
                            .append(esc(line.nextReminder() == null ? "—" : date(lang, line.nextReminder().notifyOn()) + " · "
                                    + Texts.t(lang, "rem.kind." + line.nextReminder().kind().wireName())))
                            .append("</span>");
                    List<FollowUpTask> fu = line.openFollowUps();
                    if (!fu.isEmpty()) {
                        boolean overdue = fu.get(0).dueAt().isBefore(clock.instant());
                        sb.append("<br><a class=\"tag").append(overdue ? " warn" : "").append("\" data-open-follow-ups=\"")
                                .append(fu.size()).append("\" href=\"/app/referrals/").append(esc(r.id())).append("#follow-ups\">")
                                .append(esc(Texts.t(lang, overdue ? "part.openFollowUpsOverdue" : "part.openFollowUps", fu.size(),
                                        time(lang, fu.get(0).dueAt())))).append("</a>");
                    }
                }
                AttendanceSummary a = attendance.get(r.id());
                if (a != null) {
                    sb.append("<br>");
                    stability(sb, lang, a);
                }
                sb.append("</li>");
            }
        }
        sb.append("</ul>");
        if (n == 0) sb.append("<div class=\"card\" id=\"empty\">").append(esc(Texts.t(lang, "part.empty"))).append("</div>");
        return page(req, csrf, Texts.t(lang, "part.title"), sb.toString());
    }

    private Instant lastChange(Referral r) {
        return r.history().isEmpty() ? r.createdAt() : r.history().get(r.history().size() - 1).at();
    }

    private long daysSince(Instant at) {
        return Math.max(0, java.time.Duration.between(at, clock.instant()).toDays());
    }

    private String consultantName(Referral r) {
        return views.consultantName(r);
    }
}
