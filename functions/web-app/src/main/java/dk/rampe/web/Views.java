package dk.rampe.web;

import static dk.rampe.web.Html.esc;

import dk.rampe.core.Caller;
import dk.rampe.core.Language;
import dk.rampe.plan.Plan;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The pages, as plain Java string building: every value escaped, every text from the bundle. */
final class Views {
    record ProgrammeReferrals(Settings.Programme programme, List<Referral> referrals) {
    }

    private static final Set<String> DONE = Set.of("sent", "sentOverQuota", "visitation", "enrolment", "exit", "plan");

    private final ZoneId zone;
    private final SettingsStore settings;
    private final java.time.Clock clock;

    Views(ZoneId zone, SettingsStore settings, java.time.Clock clock) {
        this.zone = zone;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- frame

    private String page(WebAppHandler.Request req, String csrf, String title, String main) {
        return Html.page(req.lang(), title, nav(req.lang(), req.session()), csrf, main);
    }

    private String nav(Language lang, Session s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder();
        if (s.caller().role() == Caller.Role.JOBCENTRE) {
            link(sb, "/app/referrals", Texts.t(lang, "nav.referrals"), "nav-referrals");
            link(sb, "/app/referrals/new", Texts.t(lang, "nav.newReferral"), "nav-new");
        } else if (s.caller().role() == Caller.Role.STAFF) {
            if (s.owner()) link(sb, "/app/overview", Texts.t(lang, "nav.overview"), "nav-overview");
            link(sb, "/app/participants", Texts.t(lang, "nav.participants"), "nav-participants");
            link(sb, "/app/queue", Texts.t(lang, "nav.queue"), "nav-queue");
        }
        return sb.toString();
    }

    private static void link(StringBuilder sb, String href, String text, String id) {
        sb.append("<a id=\"").append(id).append("\" href=\"").append(href).append("\">").append(esc(text)).append("</a>");
    }

    String message(Language lang, Session s, WebConfig web, String titleKey, String textKey) {
        return messageText(lang, s, web, Texts.t(lang, titleKey), Texts.t(lang, textKey));
    }

    String messageText(Language lang, Session s, WebConfig web, String title, String text) {
        String csrf = s == null ? null : s.csrf(web.sessionKey());
        String back = s == null ? "<a href=\"/app/login\">" + esc(Texts.t(lang, "login.title")) + "</a>"
                : "<a href=\"/app\">" + esc(Texts.t(lang, "backHome")) + "</a>";
        return Html.page(lang, title, nav(lang, s), csrf, "<h1>" + esc(title) + "</h1><div class=\"card\"><p id=\"message\">"
                + esc(text) + "</p><p>" + back + "</p></div>");
    }

    private String done(WebAppHandler.Request req) {
        String d = req.query().get("done");
        if (d == null || !DONE.contains(d)) return "";
        return "<div class=\"ok\" id=\"done\" role=\"status\">" + esc(Texts.t(req.lang(), "done." + d)) + "</div>";
    }

    // ---------------------------------------------------------------- login

    String localLogin(WebAppHandler.Request req, List<LocalUsers.User> users, Settings current) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, "login.title"))).append("</h1>")
                .append("<div class=\"card\"><p>").append(esc(Texts.t(lang, "login.local"))).append("</p>")
                .append("<form method=\"post\" action=\"/app/login\">");
        for (LocalUsers.User u : users) {
            String label = label(lang, u.claims(), current);
            if (label == null) continue;
            sb.append("<button class=\"user\" type=\"submit\" name=\"user\" value=\"").append(esc(u.name()))
                    .append("\" id=\"login-").append(esc(u.name())).append("\">").append(esc(label))
                    .append("<br><span class=\"meta\">").append(esc(u.name())).append("</span></button>");
        }
        sb.append("</form></div>");
        return Html.page(lang, Texts.t(lang, "login.title"), "", null, sb.toString());
    }

    private static String label(Language lang, Map<String, String> claims, Settings s) {
        List<String> groups = WebAppHandler.groups(claims.get("cognito:groups"));
        String username = claims.getOrDefault("username", claims.get("sub"));
        if (groups.contains("rampe-admin")) return null;
        if (username != null && !groups.isEmpty()) {
            String name = s.programmes().stream().flatMap(p -> p.consultant(username).stream())
                    .map(Settings.Consultant::name).findFirst().orElse(username);
            String role = groups.contains("rampe-owner") ? "role.owner" : "role.consultant";
            return name + " · " + Texts.t(lang, role);
        }
        String client = claims.get("client_id");
        if (client != null) {
            return s.jobcentreByClientId(client).map(j -> j.name() + " · " + Texts.t(lang, "role.caseworker"))
                    .orElse(null);
        }
        return null;
    }

    // ---------------------------------------------------------------- jobcentre caseworker

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

    String referralForm(WebAppHandler.Request req, String csrf, List<Settings.Programme> programmes,
                        Map<String, String> values, Map<String, String> errors, String formId) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<h1>").append(esc(Texts.t(lang, "form.title"))).append("</h1>");
        if (!errors.isEmpty()) {
            sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\"><p>").append(esc(Texts.t(lang, "form.errors")))
                    .append("</p><ul>");
            errors.forEach((f, m) -> sb.append("<li><a href=\"#").append(fieldId(f)).append("\">")
                    .append(esc(Texts.has(lang, "field." + f) ? Texts.t(lang, "field." + f) : f)).append("</a>: ")
                    .append(esc(m)).append("</li>"));
            sb.append("</ul></div>");
        }
        if (programmes.isEmpty()) {
            sb.append("<div class=\"card\">").append(esc(Texts.t(lang, "form.noProgramme"))).append("</div>");
            return page(req, csrf, Texts.t(lang, "form.title"), sb.toString());
        }
        sb.append("<form method=\"post\" action=\"/app/referrals\" novalidate>").append(Html.hiddenCsrf(csrf))
                .append("<input type=\"hidden\" name=\"formId\" value=\"").append(esc(formId)).append("\">");
        sb.append("<div class=\"grid\"><section class=\"card\"><h2>").append(esc(Texts.t(lang, "form.referral")))
                .append("</h2>");
        if (programmes.size() == 1) {
            sb.append("<input type=\"hidden\" name=\"programmeId\" value=\"").append(esc(programmes.get(0).id()))
                    .append("\"><p class=\"hint\">").append(esc(Texts.t(lang, "field.programmeId"))).append(": ")
                    .append(esc(programmes.get(0).name())).append("</p>");
            error(sb, errors, "programmeId");
        } else {
            StringBuilder opts = new StringBuilder();
            for (Settings.Programme p : programmes) option(opts, p.id(), p.name(), values.get("programmeId"));
            select(sb, lang, "programmeId", opts.toString(), values, errors);
        }
        input(sb, lang, "jobcentreReference", "text", values, errors, "form.hint.reference");
        input(sb, lang, "desiredStart", "date", values, errors, null);
        StringBuilder benefits = new StringBuilder();
        option(benefits, "", Texts.t(lang, "form.choose"), values.get("benefit"));
        for (Benefit b : Benefit.values()) option(benefits, b.wireName(), Texts.t(lang, "benefit." + b.wireName()), values.get("benefit"));
        select(sb, lang, "benefit", benefits.toString(), values, errors);
        sb.append("</section><section class=\"card\"><h2>").append(esc(Texts.t(lang, "form.citizen"))).append("</h2>");
        input(sb, lang, "citizen.cpr", "text", values, errors, "form.hint.cpr");
        input(sb, lang, "citizen.name", "text", values, errors, null);
        input(sb, lang, "citizen.phone", "tel", values, errors, null);
        input(sb, lang, "citizen.email", "email", values, errors, null);
        sb.append("<fieldset id=\"").append(fieldId("relativesConsent")).append("\"><legend>")
                .append(esc(Texts.t(lang, "field.relativesConsent"))).append("</legend><div class=\"choices\">");
        for (String v : new String[] {"yes", "no"}) {
            sb.append("<label><input type=\"radio\" name=\"relativesConsent\" value=\"").append(v).append("\"")
                    .append(v.equals(values.get("relativesConsent")) ? " checked" : "").append(">")
                    .append(esc(Texts.t(lang, v))).append("</label>");
        }
        sb.append("</div>");
        error(sb, errors, "relativesConsent");
        sb.append("</fieldset></section><section class=\"card\"><h2>").append(esc(Texts.t(lang, "form.caseworker")))
                .append("</h2>");
        input(sb, lang, "caseworker.name", "text", values, errors, null);
        input(sb, lang, "caseworker.email", "email", values, errors, null);
        input(sb, lang, "caseworker.phone", "tel", values, errors, null);
        sb.append("</section><section class=\"card\"><h2>").append(esc(Texts.t(lang, "form.goals"))).append("</h2>");
        for (int i = 0; i < ReferralForm.JOB_WISHES; i++) input(sb, lang, "jobWishes[" + i + "]", "text", values, errors, null);
        for (int i = 0; i < ReferralForm.SUB_GOALS; i++) input(sb, lang, "subGoals[" + i + "]", "text", values, errors, null);
        sb.append("</section><section class=\"card\"><h2>").append(esc(Texts.t(lang, "form.more"))).append("</h2>");
        textarea(sb, lang, "motivation", values, errors);
        textarea(sb, lang, "transport", values, errors);
        textarea(sb, lang, "otherIssues", values, errors);
        sb.append("</section></div>");
        error(sb, errors, "form");
        sb.append("<button class=\"primary\" type=\"submit\" id=\"send\">").append(esc(Texts.t(lang, "form.send")))
                .append("</button></form>");
        return page(req, csrf, Texts.t(lang, "form.title"), sb.toString());
    }

    String jobcentreReferral(WebAppHandler.Request req, String csrf, Referral r, Plan plan) {
        Language lang = req.lang();
        ReferralDetails d = r.details();
        StringBuilder sb = new StringBuilder(4096);
        sb.append(done(req)).append("<h1>").append(esc(d.citizen().name())).append("</h1>")
                .append("<p>").append(statusTag(lang, r.status())).append(overQuotaTag(lang, r)).append("</p>");
        sb.append("<div class=\"grid\"><section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.status")))
                .append("</h2><dl>");
        dd(sb, lang, "ref.id", r.id(), "referral-id");
        dd(sb, lang, "field.jobcentreReference", d.jobcentreReference(), null);
        dd(sb, lang, "ref.programme", programmeName(r.programmeId()), null);
        dd(sb, lang, "ref.consultant", consultantName(r), null);
        dd(sb, lang, "received", time(lang, r.createdAt()), null);
        sb.append("<dt>").append(esc(Texts.t(lang, "ref.statusNow"))).append("</dt><dd id=\"status\" data-status=\"")
                .append(r.status().wireName()).append("\">").append(esc(Texts.t(lang, "status." + r.status().wireName())))
                .append("</dd></dl></section>");
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.exit"))).append("</h2>");
        StatusChange exit = r.history().stream().filter(h -> h.status() == ReferralStatus.EXITED).reduce((a, b) -> b)
                .orElse(null);
        if (exit == null) {
            sb.append("<p class=\"meta\">").append(esc(Texts.t(lang, "ref.exit.none"))).append("</p>");
        } else {
            sb.append("<dl id=\"exit\">");
            dd(sb, lang, "ref.exit.outcome", exit.outcome() == null ? "" : Texts.t(lang, "outcome." + exit.outcome()), null);
            dd(sb, lang, "ref.exit.description", exit.reason(), "exit-description");
            sb.append("</dl>");
        }
        sb.append("</section></div>");
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.history"))).append("</h2>");
        history(sb, lang, r);
        sb.append("</section>");
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.plan"))).append("</h2>");
        planView(sb, lang, r, plan);
        sb.append("</section>");
        sb.append("<h2>").append(esc(Texts.t(lang, "ref.notices"))).append("</h2>").append(Html.later(lang, "notices"));
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.details"))).append("</h2>");
        details(sb, lang, d);
        sb.append("</section>");
        return page(req, csrf, d.citizen().name(), sb.toString());
    }

    // ---------------------------------------------------------------- consultant

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

    String participants(WebAppHandler.Request req, String csrf, List<ProgrammeReferrals> lists, boolean all) {
        Language lang = req.lang();
        String me = req.session().caller().id();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, all ? "part.titleAll" : "part.title"))).append("</h1><p>")
                .append(all ? "<a href=\"/app/participants\" id=\"filter\">" + esc(Texts.t(lang, "part.onlyMine")) + "</a>"
                        : "<a href=\"/app/participants?all=1\" id=\"filter\">" + esc(Texts.t(lang, "part.showAll")) + "</a>")
                .append("</p>").append(Html.later(lang, "attendance"));
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
                sb.append(" · ").append(esc(Texts.t(lang, "part.nextReminder"))).append(": —")
                        .append("</span></li>");
            }
        }
        sb.append("</ul>");
        if (n == 0) sb.append("<div class=\"card\" id=\"empty\">").append(esc(Texts.t(lang, "part.empty"))).append("</div>");
        return page(req, csrf, Texts.t(lang, "part.title"), sb.toString());
    }

    String staffReferral(WebAppHandler.Request req, String csrf, Referral r, Plan plan, Map<String, String> errors,
                         String failed) {
        Language lang = req.lang();
        ReferralDetails d = r.details();
        StringBuilder sb = new StringBuilder(8192);
        sb.append(done(req));
        if (!errors.isEmpty()) {
            sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\">").append(esc(Texts.t(lang, "form.errors")))
                    .append("</div>");
        }
        sb.append("<h1>").append(esc(d.citizen().name())).append("</h1><p>").append(statusTag(lang, r.status()))
                .append(overQuotaTag(lang, r)).append("<span class=\"meta\">").append(esc(r.id())).append("</span></p>");
        sb.append("<div class=\"grid\"><div>");
        // what the consultant does next, first
        String id = esc(r.id());
        if (r.status() == ReferralStatus.RECEIVED) {
            sb.append("<form class=\"card\" method=\"post\" action=\"/app/referrals/").append(id).append("/visitation\" id=\"visitation\">")
                    .append(Html.hiddenCsrf(csrf)).append("<h2>").append(esc(Texts.t(lang, "act.visitation"))).append("</h2>")
                    .append("<fieldset id=\"f-decision\"><legend>").append(esc(Texts.t(lang, "act.decision")))
                    .append("</legend>");
            for (String v : new String[] {"accepted", "declined", "outside_target_group"}) {
                sb.append("<label><input type=\"radio\" name=\"decision\" value=\"").append(v).append("\"")
                        .append(v.equals(req.form().get("decision")) ? " checked" : "").append(">")
                        .append(esc(Texts.t(lang, "decision." + v))).append("</label>");
            }
            error(sb, "visitation".equals(failed) ? errors : Map.of(), "decision");
            sb.append("</fieldset><label for=\"f-reason\">").append(esc(Texts.t(lang, "act.reason"))).append("</label>")
                    .append("<textarea id=\"f-reason\" name=\"reason\" maxlength=\"1000\">")
                    .append(esc(req.form().getOrDefault("reason", ""))).append("</textarea>");
            error(sb, "visitation".equals(failed) ? errors : Map.of(), "reason");
            sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "act.reasonHint"))).append("</p>")
                    .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "act.save")))
                    .append("</button></form>");
        }
        if (r.status() == ReferralStatus.ACCEPTED) {
            sb.append("<form class=\"card\" method=\"post\" action=\"/app/referrals/").append(id).append("/enrolment\" id=\"enrolment\">")
                    .append(Html.hiddenCsrf(csrf)).append("<h2>").append(esc(Texts.t(lang, "act.enrol"))).append("</h2><p>")
                    .append(esc(Texts.t(lang, "act.enrolHint"))).append("</p><button class=\"primary\" type=\"submit\">")
                    .append(esc(Texts.t(lang, "act.enrolButton"))).append("</button></form>");
        }
        if (r.status() == ReferralStatus.ACCEPTED || r.status() == ReferralStatus.ENROLLED) {
            Map<String, String> e = "exit".equals(failed) ? errors : Map.of();
            sb.append("<form class=\"card\" method=\"post\" action=\"/app/referrals/").append(id).append("/exit\" id=\"exit\">")
                    .append(Html.hiddenCsrf(csrf)).append("<h2>").append(esc(Texts.t(lang, "act.exit"))).append("</h2>")
                    .append("<label for=\"f-outcome\">").append(esc(Texts.t(lang, "ref.exit.outcome"))).append("</label>")
                    .append("<select id=\"f-outcome\" name=\"outcome\"").append(e.containsKey("outcome") ? " aria-invalid=\"true\"" : "")
                    .append(">");
            option(sb, "", Texts.t(lang, "form.choose"), req.form().get("outcome"));
            for (ExitOutcome o : ExitOutcome.values()) {
                option(sb, o.wireName(), Texts.t(lang, "outcome." + o.wireName()), req.form().get("outcome"));
            }
            sb.append("</select>");
            error(sb, e, "outcome");
            sb.append("<label for=\"f-note\">").append(esc(Texts.t(lang, "ref.exit.description"))).append("</label>")
                    .append("<textarea id=\"f-note\" name=\"note\" maxlength=\"2000\">")
                    .append(esc(req.form().getOrDefault("note", ""))).append("</textarea>");
            error(sb, e, "note");
            sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "act.exitHint"))).append("</p>")
                    .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "act.exitButton")))
                    .append("</button></form>");
        }
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.history"))).append("</h2>");
        history(sb, lang, r);
        sb.append("</section></div><div>");
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.details"))).append("</h2>");
        details(sb, lang, d);
        sb.append("<dl>");
        dd(sb, lang, "ref.jobcentre", jobcentreName(r.jobcentreId()), null);
        dd(sb, lang, "ref.consultant", consultantName(r), null);
        dd(sb, lang, "field.benefit", d.benefit() == null ? "" : Texts.t(lang, "benefit." + d.benefit().wireName()), null);
        sb.append("</dl></section>");
        planForm(sb, lang, csrf, r, plan, "plan".equals(failed) ? errors : Map.of(), "plan".equals(failed) ? req.form() : null);
        sb.append("<h2>").append(esc(Texts.t(lang, "ref.attendance"))).append("</h2>").append(Html.later(lang, "attendance"));
        sb.append("<h2>").append(esc(Texts.t(lang, "ref.milestones"))).append("</h2>").append(Html.later(lang, "milestones"));
        sb.append("<h2>").append(esc(Texts.t(lang, "ref.followUps"))).append("</h2>").append(Html.later(lang, "followUps"));
        sb.append("</div></div>");
        return page(req, csrf, d.citizen().name(), sb.toString());
    }

    // ---------------------------------------------------------------- the participant's plan

    private void planView(StringBuilder sb, Language lang, Referral r, Plan plan) {
        sb.append("<div id=\"plan\" data-version=\"").append(plan.version()).append("\">");
        if (plan.steps().isEmpty()) sb.append("<p class=\"meta\">").append(esc(Texts.t(lang, "plan.noSteps"))).append("</p>");
        sb.append("<ol class=\"steps\">");
        for (Plan.Step st : plan.steps()) {
            sb.append("<li>").append(esc(st.text())).append(" <span class=\"tag\" data-step=\"").append(st.status().wireName())
                    .append("\">").append(esc(Texts.t(lang, "step." + st.status().wireName()))).append("</span></li>");
        }
        sb.append("</ol><dl>");
        dd(sb, lang, "plan.agreements", plan.agreements(), "plan-agreements");
        dd(sb, lang, "plan.tovholder", plan.tovholder(), "plan-tovholder");
        StringBuilder people = new StringBuilder();
        for (Plan.Supporter p : plan.supporters()) {
            if (people.length() > 0) people.append(" · ");
            people.append(p.name()).append(" (").append(Texts.t(lang, "supporter." + p.role().wireName())).append(")");
        }
        dd(sb, lang, "plan.supporters", people.toString(), "plan-supporters");
        if (!plan.changes().isEmpty()) {
            Plan.Change last = plan.changes().get(plan.changes().size() - 1);
            dd(sb, lang, "plan.changed", Texts.t(lang, "plan.changedBy", time(lang, last.at()), last.by(),
                    plan.changes().size()), null);
        }
        sb.append("</dl><p class=\"noprint\"><a id=\"plan-print\" href=\"/app/referrals/").append(esc(r.id()))
                .append("/plan/print\">").append(esc(Texts.t(lang, "plan.print"))).append("</a></p></div>");
    }

    private void planForm(StringBuilder sb, Language lang, String csrf, Referral r, Plan plan, Map<String, String> errors,
                          Map<String, String> posted) {
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.plan"))).append("</h2>");
        planView(sb, lang, r, plan);
        if (!r.status().active()) {
            sb.append("</section>");
            return;
        }
        Map<String, String> v = posted != null ? posted : new java.util.HashMap<>();
        if (posted == null) {
            for (int i = 0; i < plan.steps().size(); i++) {
                v.put("steps[" + i + "].text", plan.steps().get(i).text());
                v.put("steps[" + i + "].status", plan.steps().get(i).status().wireName());
            }
            for (int i = 0; i < plan.supporters().size(); i++) {
                v.put("supporters[" + i + "].name", plan.supporters().get(i).name());
                v.put("supporters[" + i + "].role", plan.supporters().get(i).role().wireName());
            }
            if (plan.agreements() != null) v.put("agreements", plan.agreements());
            if (plan.tovholder() != null) v.put("tovholder", plan.tovholder());
        }
        sb.append("<details").append(errors.isEmpty() ? "" : " open").append("><summary>").append(esc(Texts.t(lang, "plan.edit")))
                .append("</summary><form method=\"post\" action=\"/app/referrals/").append(esc(r.id()))
                .append("/plan\" id=\"plan-form\">").append(Html.hiddenCsrf(csrf))
                .append("<input type=\"hidden\" name=\"version\" value=\"").append(plan.version()).append("\">");
        int rows = Math.min(Plan.MAX_STEPS, plan.steps().size() + 3);
        for (int i = 0; i < rows; i++) {
            String name = "steps[" + i + "]";
            sb.append("<label for=\"").append(fieldId(name)).append("\">").append(esc(Texts.t(lang, "plan.step", i + 1)))
                    .append("</label><input type=\"text\" id=\"").append(fieldId(name)).append("\" name=\"").append(name)
                    .append(".text\" value=\"").append(esc(v.getOrDefault(name + ".text", ""))).append("\">")
                    .append("<select name=\"").append(name).append(".status\" aria-label=\"")
                    .append(esc(Texts.t(lang, "plan.stepStatus"))).append("\">");
            for (Plan.StepStatus st : Plan.StepStatus.values()) {
                option(sb, st.wireName(), Texts.t(lang, "step." + st.wireName()), v.getOrDefault(name + ".status", "open"));
            }
            sb.append("</select>");
            error(sb, errors, name);
        }
        sb.append("<label for=\"f-agreements\">").append(esc(Texts.t(lang, "plan.agreements"))).append("</label>")
                .append("<textarea id=\"f-agreements\" name=\"agreements\">").append(esc(v.getOrDefault("agreements", "")))
                .append("</textarea>");
        error(sb, errors, "agreements");
        sb.append("<label for=\"f-tovholder\">").append(esc(Texts.t(lang, "plan.tovholder"))).append("</label>")
                .append("<input type=\"text\" id=\"f-tovholder\" name=\"tovholder\" value=\"")
                .append(esc(v.getOrDefault("tovholder", ""))).append("\">");
        error(sb, errors, "tovholder");
        int people = Math.min(Plan.MAX_SUPPORTERS, plan.supporters().size() + 2);
        for (int i = 0; i < people; i++) {
            String name = "supporters[" + i + "]";
            sb.append("<label for=\"").append(fieldId(name)).append("\">").append(esc(Texts.t(lang, "plan.supporter", i + 1)))
                    .append("</label><input type=\"text\" id=\"").append(fieldId(name)).append("\" name=\"").append(name)
                    .append(".name\" value=\"").append(esc(v.getOrDefault(name + ".name", ""))).append("\">")
                    .append("<select name=\"").append(name).append(".role\" aria-label=\"")
                    .append(esc(Texts.t(lang, "plan.supporterRole"))).append("\">");
            for (Plan.SupporterRole role : Plan.SupporterRole.values()) {
                option(sb, role.wireName(), Texts.t(lang, "supporter." + role.wireName()), v.getOrDefault(name + ".role", "mentor"));
            }
            sb.append("</select>");
            error(sb, errors, name);
        }
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, r.details().relativesConsent()
                ? "plan.relativesYes" : "plan.relativesNo"))).append("</p>")
                .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "plan.save")))
                .append("</button></form></details></section>");
    }

    /** The plan on A4, in Danish, for the participant to take home after a meeting: no CPR, no benefit. */
    String planPrint(Referral r, Plan plan) {
        Language da = Language.DA;
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(da, "plan.printTitle"))).append("</h1><p><strong>")
                .append(esc(r.details().citizen().name())).append("</strong> · ").append(esc(programmeName(r.programmeId())))
                .append(" · ").append(esc(Texts.t(da, "plan.printDate", date(da, clock.instant())))).append("</p>");
        sb.append("<h2>").append(esc(Texts.t(da, "plan.steps"))).append("</h2>");
        planView(sb, da, r, plan);
        sb.append("<p class=\"meta\">").append(esc(Texts.t(da, "ref.consultant"))).append(": ")
                .append(esc(consultantName(r))).append("</p>");
        return Html.page(da, Texts.t(da, "plan.printTitle"), "", null, "<div class=\"print\">" + sb + "</div>");
    }

    // ---------------------------------------------------------------- project owner

    String overview(WebAppHandler.Request req, String csrf, List<ProgrammeReferrals> lists, Instant now) {
        Language lang = req.lang();
        LocalDate today = LocalDate.ofInstant(now, zone);
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, "owner.title"))).append("</h1>");
        for (ProgrammeReferrals pr : lists) {
            Settings.Programme p = pr.programme();
            sb.append("<section class=\"card\" data-programme=\"").append(esc(p.id())).append("\"><h2>")
                    .append(esc(p.name())).append("</h2><p class=\"meta\">")
                    .append(esc(Texts.t(lang, "owner.window", date(lang, p.intakeOpens()), date(lang, p.intakeStops()))))
                    .append("</p><div class=\"scroll\"><table id=\"intake\"><thead><tr><th>")
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
                sb.append("<dt>").append(esc(Texts.t(lang, "status." + s.wireName()))).append("</dt><dd data-status=\"")
                        .append(s.wireName()).append("\">").append(counts.getOrDefault(s, 0)).append("</dd>");
            }
            sb.append("</dl></section>");
        }
        sb.append(Html.later(lang, "absence")).append(Html.later(lang, "aftercare")).append(Html.later(lang, "nudgesFailed"))
                .append(Html.later(lang, "reports"));
        return page(req, csrf, Texts.t(lang, "owner.title"), sb.toString());
    }

    // ---------------------------------------------------------------- pieces

    private void details(StringBuilder sb, Language lang, ReferralDetails d) {
        // never the CPR number
        sb.append("<dl>");
        dd(sb, lang, "field.citizen.phone", d.citizen().phone() == null ? "" : d.citizen().phone().e164(), null);
        dd(sb, lang, "field.citizen.email", d.citizen().email() == null ? "" : d.citizen().email().value(), null);
        dd(sb, lang, "field.caseworker.name", d.caseworker().name(), null);
        dd(sb, lang, "field.caseworker.email", d.caseworker().email() == null ? "" : d.caseworker().email().value(), null);
        dd(sb, lang, "field.caseworker.phone", d.caseworker().phone() == null ? "" : d.caseworker().phone().e164(), null);
        dd(sb, lang, "ref.jobWishes", String.join(" · ", d.jobWishes()), null);
        dd(sb, lang, "ref.subGoals", String.join(" · ", d.subGoals()), null);
        dd(sb, lang, "field.motivation", d.motivation(), null);
        dd(sb, lang, "field.transport", d.transport(), null);
        dd(sb, lang, "field.otherIssues", d.otherIssues(), null);
        dd(sb, lang, "field.relativesConsent", Texts.t(lang, d.relativesConsent() ? "yes" : "no"), null);
        dd(sb, lang, "field.desiredStart", d.desiredStart() == null ? "" : date(lang, d.desiredStart()), null);
        sb.append("</dl>");
    }

    private void history(StringBuilder sb, Language lang, Referral r) {
        sb.append("<ol id=\"history\">");
        for (StatusChange h : r.history()) {
            sb.append("<li>").append(esc(time(lang, h.at()))).append(" · <strong>")
                    .append(esc(Texts.t(lang, "status." + h.status().wireName()))).append("</strong>");
            if (h.outcome() != null) sb.append(" · ").append(esc(Texts.t(lang, "outcome." + h.outcome())));
            if (h.reason() != null) sb.append("<br><span class=\"meta\">").append(esc(h.reason())).append("</span>");
            sb.append("</li>");
        }
        sb.append("</ol>");
    }

    private static void dd(StringBuilder sb, Language lang, String key, String value, String id) {
        if (value == null || value.isBlank()) return;
        sb.append("<dt>").append(esc(Texts.t(lang, key))).append("</dt><dd").append(id == null ? "" : " id=\"" + id + "\"")
                .append(">").append(esc(value)).append("</dd>");
    }

    private static String statusTag(Language lang, ReferralStatus s) {
        return "<span class=\"tag\" data-status=\"" + s.wireName() + "\">" + esc(Texts.t(lang, "status." + s.wireName()))
                + "</span>";
    }

    private static String overQuotaTag(Language lang, Referral r) {
        return r.overQuota() ? "<span class=\"tag warn\">" + esc(Texts.t(lang, "overQuota")) + "</span>" : "";
    }

    static String fieldId(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static void input(StringBuilder sb, Language lang, String name, String type, Map<String, String> values,
                              Map<String, String> errors, String hintKey) {
        String id = fieldId(name);
        sb.append("<label for=\"").append(id).append("\">").append(esc(Texts.t(lang, "field." + name.replaceAll("\\[\\d+]", ""))));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(name);
        if (m.find()) sb.append(' ').append(Integer.parseInt(m.group(1)) + 1);
        sb.append("</label><input type=\"").append(type).append("\" id=\"").append(id).append("\" name=\"").append(esc(name))
                .append("\" value=\"").append(esc(values.getOrDefault(name, ""))).append("\"")
                .append(errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + id + "-error\"" : "")
                .append(">");
        if (hintKey != null) sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, hintKey))).append("</p>");
        error(sb, errors, name);
    }

    private static void textarea(StringBuilder sb, Language lang, String name, Map<String, String> values,
                                 Map<String, String> errors) {
        String id = fieldId(name);
        sb.append("<label for=\"").append(id).append("\">").append(esc(Texts.t(lang, "field." + name)))
                .append("</label><textarea id=\"").append(id).append("\" name=\"").append(name).append("\"")
                .append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append(">")
                .append(esc(values.getOrDefault(name, ""))).append("</textarea>");
        error(sb, errors, name);
    }

    private static void select(StringBuilder sb, Language lang, String name, String options, Map<String, String> values,
                               Map<String, String> errors) {
        String id = fieldId(name);
        sb.append("<label for=\"").append(id).append("\">").append(esc(Texts.t(lang, "field." + name)))
                .append("</label><select id=\"").append(id).append("\" name=\"").append(name).append("\"")
                .append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append(">").append(options).append("</select>");
        error(sb, errors, name);
    }

    private static void option(StringBuilder sb, String value, String text, String selected) {
        sb.append("<option value=\"").append(esc(value)).append("\"").append(value.equals(selected) ? " selected" : "")
                .append(">").append(esc(text)).append("</option>");
    }

    private static void error(StringBuilder sb, Map<String, String> errors, String name) {
        String m = errors.get(name);
        if (m != null) {
            sb.append("<p class=\"error\" id=\"").append(fieldId(name)).append("-error\" data-field=\"").append(esc(name))
                    .append("\">").append(esc(m)).append("</p>");
        }
    }

    private String programmeName(String id) {
        return settings.current().programme(id).map(Settings.Programme::name).orElse(id);
    }

    private String jobcentreName(String id) {
        return settings.current().jobcentres().stream().filter(j -> j.id().equals(id)).map(Settings.Jobcentre::name)
                .findFirst().orElse(id);
    }

    private String consultantName(Referral r) {
        return settings.current().programme(r.programmeId()).flatMap(p -> p.consultant(r.consultantId()))
                .map(Settings.Consultant::name).orElse(r.consultantId());
    }

    private Instant lastChange(Referral r) {
        return r.history().isEmpty() ? r.createdAt() : r.history().get(r.history().size() - 1).at();
    }

    private long daysSince(Instant at) {
        return Math.max(0, java.time.Duration.between(at, clock.instant()).toDays());
    }

    private String date(Language lang, Instant at) {
        return date(lang, LocalDate.ofInstant(at, zone));
    }

    private static String date(Language lang, LocalDate d) {
        return d.format(lang == Language.EN ? DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("d. MMM yyyy", Locale.forLanguageTag("da-DK")));
    }

    private String time(Language lang, Instant at) {
        return at.atZone(zone).format(lang == Language.EN ? DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("da-DK")));
    }
}
