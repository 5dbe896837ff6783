package dk.rampe.web;

import static dk.rampe.core.Html.esc;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.core.Caller;
import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.history.ParticipantHistory;
import dk.rampe.path.ExitDescription;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.path.Reminder;
import dk.rampe.plan.Plan;
import dk.rampe.referral.Benefit;
import dk.rampe.report.AftercareFigures;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The frame every page shares (the page, its navigation, messages and the "done" banner), the caseworker's pages
 * and the referral form, and the helpers the pages share (dates, names, tags, fields), as plain Java string
 * building: every value escaped, every text from the bundle. The other pages are their own classes:
 * {@link ParticipantPage}, {@link ListsPage}, {@link OwnerPage}, {@link LoginPage}, {@link AdminPages}.
 */
final class Views {
    record ProgrammeReferrals(Settings.Programme programme, List<Referral> referrals) {
    }

    /** The participant page's attendance: what is recorded, the last four weeks, today and what the rules say of it. */
    record AttendanceView(Attendance attendance, AttendanceSummary weeks, LocalDate today,
                          AttendanceSummary.Today todayByRules) {
    }

    /**
     * Everything the staff's participant page shows: the referral and its plan, attendance, path,
     * follow-ups (open and closed) and the reminders the path calls for.
     */
    record Participant(Referral referral, Plan plan, AttendanceView attendance, Path path, List<FollowUpTask> tasks,
                       List<Reminder> reminders, List<Notice> notices, LocalDate today) {
    }

    /**
     * A form that was refused: which action, the errors by field, the values to show again, and where it was refused
     * because someone else changed the same thing meanwhile, what they changed (else null).
     */
    record Failed(String action, Map<String, String> errors, Map<String, String> values, String conflict) {
        static final Failed NONE = new Failed(null, Map.of(), Map.of());

        Failed(String action, Map<String, String> errors, Map<String, String> values) {
            this(action, errors, values, null);
        }

        Map<String, String> errorsOf(String a) {
            return a.equals(action) ? errors : Map.of();
        }

        Map<String, String> valuesOf(String a) {
            return a.equals(action) ? values : Map.of();
        }
    }

    /** What "my participants" shows beside each participant besides attendance: open follow-ups, next reminder. */
    record ParticipantLine(List<FollowUpTask> openFollowUps, Reminder nextReminder) {
    }

    /** A programme's absence figures for the month so far. */
    record MonthFigures(LocalDate from, int participants, int expected, int attended, int excused, int absent,
                        int detected, int flagged) {
    }

    private static final Set<String> DONE = Set.of("sent", "sentOverQuota", "visitation", "enrolment", "exit", "plan",
            "attendance-plan", "attendance-agreement", "attendance", "milestone", "follow-up", "follow-up-already",
            "follow-up-plan");

    private final ZoneId zone;
    private final SettingsStore settings;
    private final java.time.Clock clock;

    /** The zone the pages show dates in. */
    ZoneId zone() {
        return zone;
    }

    Views(ZoneId zone, SettingsStore settings, java.time.Clock clock) {
        this.zone = zone;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- frame

    String page(WebAppHandler.Request req, String csrf, String title, String main) {
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
            link(sb, "/app/today", Texts.t(lang, "nav.today"), "nav-today");
            link(sb, "/app/queue", Texts.t(lang, "nav.queue"), "nav-queue");
        } else if (s.caller().role() == Caller.Role.ADMIN) {
            link(sb, "/app/admin", Texts.t(lang, "nav.settings"), "nav-settings");
            link(sb, "/app/admin/history", Texts.t(lang, "nav.settingsHistory"), "nav-settings-history");
            link(sb, ImportPage.PATH, Texts.t(lang, "nav.import"), "nav-import");
        }
        // who is logged in, in which role (and for a caseworker, which jobcentre)
        Caller c = s.caller();
        String who = switch (c.role()) {
            case JOBCENTRE -> Texts.t(lang, "who.jobcentre", jobcentreName(c.id()));
            case STAFF -> Texts.t(lang, s.owner() ? "who.owner" : "who.staff", staffName(c.id()));
            case ADMIN -> Texts.t(lang, "who.admin", c.id());
        };
        sb.append("<span class=\"who\" id=\"who\">").append(esc(who)).append("</span>");
        return sb.toString();
    }

    /** A staff member's name from the settings (any programme), else their user name. */
    private String staffName(String userId) {
        return settings.current().programmes().stream().flatMap(p -> p.consultants().stream())
                .filter(x -> x.id().equals(userId)).map(Settings.Consultant::name).findFirst().orElse(userId);
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

    String done(WebAppHandler.Request req) {
        String d = req.query().get("done");
        if (d == null || !DONE.contains(d)) return "";
        return "<div class=\"ok\" id=\"done\" role=\"status\">" + esc(Texts.t(req.lang(), "done." + d)) + "</div>";
    }

    // ---------------------------------------------------------------- jobcentre caseworker

    String referralForm(WebAppHandler.Request req, String csrf, List<Settings.Programme> programmes,
                        Map<String, String> values, Map<String, String> errors, String formId) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<h1>").append(esc(Texts.t(lang, "form.title"))).append("</h1>");
        errorSummary(sb, lang, errors);
        if (programmes.isEmpty()) {
            sb.append("<div class=\"card\">").append(esc(Texts.t(lang, "form.noProgramme"))).append("</div>");
            return page(req, csrf, Texts.t(lang, "form.title"), sb.toString());
        }
        sb.append("<p class=\"hint\" id=\"required-note\">").append(esc(Texts.t(lang, "form.requiredNote"))).append("</p>");
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
        // the day the jobcentre received it: today, or an earlier day for a referral sent late (the API's receivedAt)
        input(sb, lang, "receivedAt", "date", values.containsKey("receivedAt") ? values
                : Map.of("receivedAt", dk.rampe.schedule.WorkingDays.today(clock).toString()), errors, "form.hint.receivedAt");
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

    String jobcentreReferral(WebAppHandler.Request req, String csrf, Referral r, Plan plan, List<Notice> notices,
                             ExitDescription exitDescription) {
        return jobcentreReferral(req, csrf, r, plan, notices, exitDescription, null, null);
    }

    /**
     * The referring caseworker's page: status, exit, the path (steps by date, without the consultant's notes
     * and reasons), attendance over the last four weeks with the stability figure, the plan, the notices.
     */
    String jobcentreReferral(WebAppHandler.Request req, String csrf, Referral r, Plan plan, List<Notice> notices,
                             ExitDescription exitDescription, Path path, AttendanceView attendance) {
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
        if (exitDescription != null) exitDescriptionCard(sb, lang, exitDescription);
        if (path != null) jobcentrePath(sb, lang, path);
        if (attendance != null) {
            sb.append("<section class=\"card\" id=\"jobcentre-attendance\"><h2>").append(esc(Texts.t(lang, "ref.attendance")))
                    .append("</h2><p>");
            stability(sb, lang, attendance.weeks());
            sb.append("</p>");
            weeks(sb, lang, attendance);
            sb.append("</section>");
        }
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.history"))).append("</h2>");
        history(sb, lang, r);
        sb.append("</section>");
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.plan"))).append("</h2>");
        planView(sb, lang, r, plan);
        sb.append("</section>");
        notices(sb, lang, r, notices);
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.details"))).append("</h2>");
        details(sb, lang, d);
        sb.append("</section>");
        return page(req, csrf, d.citizen().name(), sb.toString());
    }

    // ---------------------------------------------------------------- consultant

    // ---------------------------------------------------------------- the participant's plan

    void planView(StringBuilder sb, Language lang, Referral r, Plan plan) {
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
            dd(sb, lang, "plan.changed", Texts.t(lang, "plan.changedBy", time(lang, last.at()), staffName(last.by()),
                    plan.changes().size()), null);
        }
        sb.append("</dl><p class=\"noprint\"><a id=\"plan-print\" href=\"/app/referrals/").append(esc(r.id()))
                .append("/plan/print\">").append(esc(Texts.t(lang, "plan.print"))).append("</a></p></div>");
    }

    /** The plan on A4, in Danish, for the participant to take home after a meeting: no CPR, no benefit. */
    String planPrint(Referral r, Plan plan) {
        return planPrint(r, plan, null, null);
    }

    /**
     * The participant's copy of the plan, printed after each meeting (A4): the steps and agreements, the
     * attendance times, the next follow-up planned with the consultant, and who to call (the consultant's name,
     * phone and email). A print button (a hashed script; without JavaScript the page says how to print) and a
     * way back, both left off the paper.
     */
    String planPrint(Referral r, Plan plan, AttendanceView attendance, Instant nextMeeting) {
        Language da = Language.DA;
        StringBuilder sb = new StringBuilder();
        sb.append("<p class=\"noprint\"><a id=\"plan-back\" href=\"/app/referrals/").append(esc(r.id())).append("\">")
                .append(esc(Texts.t(da, "plan.back"))).append("</a> <button class=\"primary\" type=\"button\" id=\"print-now\" hidden>")
                .append(esc(Texts.t(da, "plan.printNow"))).append("</button></p><noscript><p class=\"noprint meta\">")
                .append(esc(Texts.t(da, "plan.printHint"))).append("</p></noscript>");
        sb.append("<h1>").append(esc(Texts.t(da, "plan.printTitle"))).append("</h1><p><strong>")
                .append(esc(r.details().citizen().name())).append("</strong> · ").append(esc(programmeName(r.programmeId())))
                .append(" · ").append(esc(Texts.t(da, "plan.printDate", date(da, clock.instant())))).append("</p>");
        sb.append("<h2>").append(esc(Texts.t(da, "plan.steps"))).append("</h2>");
        planView(sb, da, r, plan);
        sb.append("<dl>");
        if (attendance != null) {
            AttendancePlan current = attendance.attendance().currentPlan(attendance.today()).orElse(null);
            StringBuilder times = new StringBuilder();
            for (AttendancePlan p : attendance.attendance().plans()) {
                if (current == null || (p != current && p.validFrom().isBefore(current.validFrom()))) continue;
                if (times.length() > 0) times.append(" · ");
                times.append(p == current ? planText(da, p)
                        : Texts.t(da, "att.planLater", date(da, p.validFrom())) + ": " + planText(da, p));
            }
            dd(sb, da, "plan.attendanceTimes", times.length() == 0 ? Texts.t(da, "att.noPlan") : times.toString(),
                    "print-attendance");
        }
        if (nextMeeting != null) dd(sb, da, "plan.nextMeeting", time(da, nextMeeting), "print-next-meeting");
        Settings.Consultant c = settings.current().programme(r.programmeId()).flatMap(p -> p.consultant(r.consultantId()))
                .orElse(null);
        StringBuilder contact = new StringBuilder(consultantName(r));
        if (c != null && c.phone() != null) contact.append(" · ").append(phone(c.phone().e164()));
        if (c != null && c.email() != null) contact.append(" · ").append(c.email().value());
        dd(sb, da, "plan.contact", contact.toString(), "print-contact");
        sb.append("</dl>");
        sb.append("<script>").append(Html.PRINT_SCRIPT).append("</script>");
        return Html.page(da, Texts.t(da, "plan.printTitle"), "", null, "<div class=\"print\">" + sb + "</div>");
    }

    /** A Danish phone number grouped as people write it: +45 20 12 34 56 (others as given). */
    static String phone(String e164) {
        if (e164 == null) return "";
        String digits = e164.replace(" ", "");
        if (digits.matches("\\+45[0-9]{8}")) {
            return "+45 " + digits.substring(3, 5) + " " + digits.substring(5, 7) + " " + digits.substring(7, 9) + " "
                    + digits.substring(9, 11);
        }
        return e164;
    }

    // ---------------------------------------------------------------- project owner (the pages: OwnerPage)

    /** A programme's aftercare so far this month (the monthly report's figures, as of now) and its failed nudges. */
    /**
     * A programme's aftercare so far this month (the monthly report's figures, as of now), its failed nudges and
     * the early warning's figures so far (null: not recorded).
     */
    record OwnerFigures(AftercareFigures.PerJobcentre aftercare, List<OutboxMessage> failedNudges,
                        dk.rampe.report.WarningFigures.PerJobcentre warnings) {
    }

    record ProgrammeReports(Settings.Programme programme, List<dk.rampe.report.ReportArchive.Stored> reports) {
    }

    // ---------------------------------------------------------------- attendance

    private static final DateTimeFormatter DAY_DA = DateTimeFormatter.ofPattern("EEE d. MMM", Locale.forLanguageTag("da-DK"));
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** Stability over four weeks and the repeated-absence flag, as one line. */
    static void stability(StringBuilder sb, Language lang, AttendanceSummary a) {
        Integer pct = a.stabilityPercent();
        sb.append("<span class=\"meta\" data-stability=\"").append(pct == null ? "" : pct).append("\">")
                .append(esc(pct == null ? Texts.t(lang, "att.stabilityNone")
                        : Texts.t(lang, "att.stability", pct, a.attended(), a.attended() + a.absent())))
                .append("</span>");
        if (a.flagged()) {
            sb.append(" <span class=\"tag warn\" data-flag=\"repeated-absence\">").append(esc(Texts.t(lang, "att.flag")))
                    .append("</span>");
        }
    }

    void weeks(StringBuilder sb, Language lang, AttendanceView v) {
        sb.append("<h3>").append(esc(Texts.t(lang, "att.weeks"))).append("</h3>");
        if (v.weeks().days().isEmpty()) {
            sb.append("<p class=\"meta\" id=\"attendance-weeks-empty\">").append(esc(Texts.t(lang, "att.weeksEmpty")))
                    .append("</p>");
            return;
        }
        sb.append("<div class=\"scroll\"><table id=\"attendance-weeks\"><thead><tr><th>")
                .append(esc(Texts.t(lang, "att.date"))).append("</th><th>").append(esc(Texts.t(lang, "att.planned")))
                .append("</th><th>").append(esc(Texts.t(lang, "att.registered"))).append("</th></tr></thead><tbody>");
        List<AttendanceSummary.Day> days = v.weeks().days();
        for (int i = days.size() - 1; i >= 0; i--) { // newest first
            AttendanceSummary.Day d = days.get(i);
            Registration g = d.registration();
            sb.append("<tr data-date=\"").append(d.date()).append("\" data-registered=\"")
                    .append(g == null ? "" : g.status().wireName()).append("\"><td>").append(esc(day(lang, d.date())))
                    .append("</td><td>");
            if (d.session() != null) sb.append(esc(sessionText(lang, d.session().start(), d.session().minutes())));
            else sb.append("—");
            if (d.agreed()) {
                Agreement ag = v.attendance().agreementOn(d.date()).orElseThrow();
                sb.append(" <span class=\"tag\">").append(esc(ag.dayOff() ? Texts.t(lang, "att.kind.dayOff")
                        : Texts.t(lang, "att.agreed"))).append("</span>");
            }
            sb.append("</td><td>");
            if (g == null) {
                sb.append(d.session() == null ? "" : esc(Texts.t(lang, "att.nothingYet")));
            } else {
                sb.append("<strong>").append(esc(registrationText(lang, g))).append("</strong>");
                if (g.detected()) sb.append(" <span class=\"tag warn\">").append(esc(Texts.t(lang, "att.detected"))).append("</span>");
                if (g.review()) sb.append(" <span class=\"tag warn\">").append(esc(Texts.t(lang, "att.review"))).append("</span>");
                long corrections = v.attendance().registrations().stream().filter(x -> x.date().equals(d.date())).count() - 1;
                if (corrections > 0) {
                    sb.append("<br><span class=\"meta\">").append(esc(Texts.t(lang, "att.corrected", corrections)))
                            .append("</span>");
                }
            }
            sb.append("</td></tr>");
        }
        sb.append("</tbody></table></div>");
    }

    /**
     * Who did something, by name where the settings know them: a consultant or staff member of the
     * programme, a jobcentre, a follow-up link ("link:c-anna": the consultant, by the link), or Rampe itself.
     */
    String personName(Referral r, String actor) {
        if (actor == null || actor.isBlank()) return "Rampe";
        String a = actor.startsWith("link:") ? actor.substring(5) : actor;
        if (a.startsWith("system")) return "Rampe";
        Settings current = settings.current();
        java.util.Optional<String> consultant = current.programme(r.programmeId()).flatMap(p -> p.consultant(a))
                .map(Settings.Consultant::name);
        if (consultant.isPresent()) return consultant.get();
        java.util.Optional<String> jobcentre = current.jobcentres().stream().filter(j -> j.id().equals(a))
                .map(Settings.Jobcentre::name).findFirst();
        return jobcentre.orElse(a);
    }

    // ---------------------------------------------------------------- the path (milestones) and the exit description

    /**
     * The path for the referring jobcentre: each step as last corrected, by date, with employer, kind of job,
     * hours and the exit's outcome; never the consultant's note or reason (they stay with the programme).
     */
    private static void jobcentrePath(StringBuilder sb, Language lang, Path path) {
        pathSummary(sb, lang, path, "jobcentre-path");
    }

    /** The path's steps by date, as last corrected, without the consultant's notes and reasons. */
    static void pathSummary(StringBuilder sb, Language lang, Path path, String id) {
        sb.append("<section class=\"card\" id=\"").append(id).append("\"><h2>").append(esc(Texts.t(lang, "ref.milestones")))
                .append("</h2>");
        if (path.steps().isEmpty()) {
            sb.append("<p class=\"meta\">").append(esc(Texts.t(lang, "ms.none"))).append("</p></section>");
            return;
        }
        sb.append("<ol>");
        for (Path.Step st : path.steps()) {
            Milestone m = st.current();
            sb.append("<li data-step=\"").append(m.type().wireName()).append("\"><strong>")
                    .append(esc(date(lang, m.effectiveOn()))).append("</strong> · ")
                    .append(esc(Texts.t(lang, "ms.type." + m.type().wireName())));
            if (m.employer() != null) sb.append(" · ").append(esc(m.employer()));
            if (m.jobKind() != null) sb.append(" · ").append(esc(Texts.t(lang, "ms.jobKind." + m.jobKind().wireName())));
            if (m.hoursPerWeek() != null) sb.append(" · ").append(esc(Texts.t(lang, "ms.hours", number(lang, m.hoursPerWeek()))));
            if (m.type() == MilestoneType.EXITED && m.reason() != null) {
                sb.append(" · ").append(esc(Texts.t(lang, "outcome." + m.reason())));
            }
            sb.append("</li>");
        }
        sb.append("</ol></section>");
    }

    /** The exit description as GET …/exit-description gives it, for the referring jobcentre. */
    private void exitDescriptionCard(StringBuilder sb, Language lang, ExitDescription d) {
        sb.append("<section class=\"card\" id=\"exit-description-card\"><h2>")
                .append(esc(Texts.t(lang, "xd.title"))).append("</h2><dl>");
        if (d.enrolledOn() != null) dd(sb, lang, "xd.enrolledOn", date(lang, d.enrolledOn()), "xd-enrolled");
        if (d.exitedOn() != null) dd(sb, lang, "xd.exitedOn", date(lang, d.exitedOn()), "xd-exited");
        dd(sb, lang, "ref.exit.outcome", d.outcome() == null ? null : Texts.t(lang, "outcome." + d.outcome()), "xd-outcome");
        dd(sb, lang, "xd.stability", d.stability(), "xd-stability");
        dd(sb, lang, "xd.clarified", d.clarified(), "xd-clarified");
        dd(sb, lang, "xd.direction", d.direction(), "xd-direction");
        sb.append("</dl>");
        xdList(sb, lang, "xd.progress", "xd-progress", d.progress());
        xdList(sb, lang, "xd.employers", "xd-employers", d.employersContacted());
        xdList(sb, lang, "xd.tasks", "xd-tasks", d.tasksTried());
        sb.append("</section>");
    }

    private static void xdList(StringBuilder sb, Language lang, String key, String id, List<String> items) {
        if (items.isEmpty()) return;
        sb.append("<h3>").append(esc(Texts.t(lang, key))).append("</h3><ul class=\"list\" id=\"").append(id).append("\">");
        for (String i : items) sb.append("<li>").append(esc(i)).append("</li>");
        sb.append("</ul>");
    }

    private void notices(StringBuilder sb, Language lang, Referral r, List<Notice> notices) {
        sb.append("<section class=\"card\" id=\"notices\"><h2>").append(esc(Texts.t(lang, "ref.notices"))).append("</h2>");
        if (notices.isEmpty()) {
            sb.append("<p class=\"meta\" id=\"notices-empty\">").append(esc(Texts.t(lang, "att.noNotices"))).append("</p>");
        } else {
            sb.append("<ul class=\"list\">");
            for (int i = notices.size() - 1; i >= 0; i--) { // newest first
                Notice n = notices.get(i);
                sb.append("<li data-notice=\"").append(esc(n.id())).append("\"><strong>").append(esc(date(lang, n.date())))
                        .append("</strong><br>");
                for (Notice.Reason x : n.reasons()) {
                    sb.append("<span class=\"tag warn\" data-reason=\"").append(x.wireName()).append("\">")
                            .append(esc(Texts.t(lang, "notice." + x.wireName()))).append("</span>");
                }
                sb.append("<br><span class=\"meta\">").append(esc(Texts.t(lang, "att.noticeSent", time(lang, n.createdAt()))))
                        .append("</span>");
                if (n.corrected()) { // the day's latest registration says the participant was there or excused
                    Notice.Correction c = n.correction();
                    sb.append("<br><span class=\"tag\" data-corrected=\"").append(c.status().wireName()).append("\">")
                            .append(esc(Texts.t(lang, "att.noticeCorrected", Texts.t(lang, "att.status." + c.status().wireName()))))
                            .append("</span> <span class=\"meta\" id=\"correction-").append(esc(n.id())).append("\">")
                            .append(esc(Texts.t(lang, "att.noticeCorrectedBy", personName(r, c.correctedBy()),
                                    time(lang, c.correctedAt())))).append("</span>");
                }
                sb.append("</li>");
            }
            sb.append("</ul>");
        }
        sb.append("</section>");
    }

    static String planText(Language lang, AttendancePlan p) {
        StringBuilder days = new StringBuilder();
        for (java.time.DayOfWeek d : p.weekdays()) {
            if (days.length() > 0) days.append(", ");
            days.append(d.getDisplayName(java.time.format.TextStyle.SHORT, locale(lang)));
        }
        return days + " · " + sessionText(lang, p.start(), p.minutes());
    }

    static String sessionText(Language lang, java.time.LocalTime start, int minutes) {
        return Texts.t(lang, "att.session", start.toString(), start.plusMinutes(minutes).toString(), hours(lang, minutes));
    }

    /** Minutes as hours with the language's decimal mark: 270 is "4,5" in Danish, "4.5" in English. */
    static String hours(Language lang, int minutes) {
        return number(lang, java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP));
    }

    /** A number as people write it: a decimal comma and a dot for thousands in Danish ("1.250,5"), at most two decimals. */
    static String number(Language lang, java.math.BigDecimal n) {
        return new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(locale(lang))).format(n);
    }

    static String agreementText(Language lang, Agreement a) {
        return a.dayOff() ? Texts.t(lang, "att.kind.dayOff") : Texts.t(lang, "att.agreed") + " · "
                + sessionText(lang, a.start(), a.minutes());
    }

    static String registrationText(Language lang, Registration g) {
        String s = Texts.t(lang, "att.status." + g.status().wireName());
        if (g.arrival() != null) s += " " + g.arrival();
        if (g.reason() != null) s += " · " + Texts.t(lang, "att.reason." + g.reason().wireName());
        return s;
    }

    static String day(Language lang, LocalDate d) {
        return d.format(lang == Language.EN ? DAY_EN : DAY_DA);
    }

    static Locale locale(Language lang) {
        return lang == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("da-DK");
    }

    // ---------------------------------------------------------------- pieces

    void details(StringBuilder sb, Language lang, ReferralDetails d) {
        // never the CPR number
        sb.append("<dl>");
        dd(sb, lang, "field.citizen.phone", d.citizen().phone() == null ? "" : phone(d.citizen().phone().e164()), null);
        dd(sb, lang, "field.citizen.email", d.citizen().email() == null ? "" : d.citizen().email().value(), null);
        dd(sb, lang, "field.caseworker.name", d.caseworker().name(), null);
        dd(sb, lang, "field.caseworker.email", d.caseworker().email() == null ? "" : d.caseworker().email().value(), null);
        dd(sb, lang, "field.caseworker.phone", d.caseworker().phone() == null ? "" : phone(d.caseworker().phone().e164()), null);
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
        for (ParticipantHistory.StatusChanged e : ParticipantHistory.forCaseworker(r)) {
            StatusChange h = e.change();
            sb.append("<li>").append(esc(time(lang, h.at()))).append(" · <strong>")
                    .append(esc(Texts.t(lang, "status." + h.status().wireName()))).append("</strong>");
            if (h.outcome() != null) sb.append(" · ").append(esc(Texts.t(lang, "outcome." + h.outcome())));
            if (h.reason() != null) sb.append("<br><span class=\"meta\">").append(esc(h.reason())).append("</span>");
            sb.append("</li>");
        }
        sb.append("</ol>");
    }

    static void dd(StringBuilder sb, Language lang, String key, String value, String id) {
        if (value == null || value.isBlank()) return;
        sb.append("<dt>").append(esc(Texts.t(lang, key))).append("</dt><dd").append(id == null ? "" : " id=\"" + id + "\"")
                .append(">").append(esc(value)).append("</dd>");
    }

    static String statusTag(Language lang, ReferralStatus s) {
        return "<span class=\"tag\" data-status=\"" + s.wireName() + "\">" + esc(Texts.t(lang, "status." + s.wireName()))
                + "</span>";
    }

    static String overQuotaTag(Language lang, Referral r) {
        return r.overQuota() ? "<span class=\"tag warn\">" + esc(Texts.t(lang, "overQuota")) + "</span>" : "";
    }

    /**
     * The error summary of a refused form, first on the page and focused when it loads (autofocus on the summary,
     * tabindex -1): "Der er et problem", then one link per error to its field, in the field's own words.
     */
    static void errorSummary(StringBuilder sb, Language lang, Map<String, String> errors) {
        errorSummary(sb, lang, errors, Views::fieldId);
    }

    /** As above, {@code anchor} giving each field's id (a form repeated on the page prefixes its fields' ids). */
    static void errorSummary(StringBuilder sb, Language lang, Map<String, String> errors,
                             java.util.function.UnaryOperator<String> anchor) {
        if (errors.isEmpty()) return;
        sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"errors-title\">")
                .append("<h2 id=\"errors-title\">").append(esc(Texts.t(lang, "form.errorsTitle"))).append("</h2><p>")
                .append(esc(Texts.t(lang, "form.errors"))).append("</p><ul>");
        errors.forEach((field, m) -> sb.append("<li><a href=\"#").append(anchor.apply(field)).append("\">")
                .append(esc(fieldLabel(lang, field))).append("</a>: ").append(esc(m)).append("</li>"));
        sb.append("</ul></div>");
    }

    /** A field's label in an error summary, whichever form it belongs to; the field's name where none is known. */
    private static String fieldLabel(Language lang, String field) {
        for (String key : new String[] {"field." + field, "field." + field.replaceAll("\\[\\d+]", ""), "att.field." + field,
                field.startsWith("ms.") ? "ms.field." + field.substring(3) : null,
                field.startsWith("fu.") ? "fu.field." + field.substring(3) : null}) {
            if (key != null && Texts.has(lang, key)) return Texts.t(lang, key);
        }
        // the close form's fields read as the follow-up page names them; the plan's rows by their number
        if (field.startsWith("fu.") && dk.rampe.text.Texts.PAGE.find(field.substring(3), lang) != null) {
            return dk.rampe.text.Texts.PAGE.find(field.substring(3), lang);
        }
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("^(steps|supporters)\\[([0-9]+)]").matcher(field);
        if (row.find()) {
            return Texts.t(lang, row.group(1).equals("steps") ? "plan.step" : "plan.supporter", Integer.parseInt(row.group(2)) + 1);
        }
        if (Texts.has(lang, "plan." + field)) return Texts.t(lang, "plan." + field);
        return field;
    }

    /** The referral form's fields that may be left empty (the API's optional ones), marked so by their label. */
    private static final Set<String> REFERRAL_OPTIONAL = Set.of("desiredStart", "citizen.email", "caseworker.phone",
            "jobWishes", "subGoals", "motivation", "transport", "otherIssues");

    static String fieldId(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static void input(StringBuilder sb, Language lang, String name, String type, Map<String, String> values,
                              Map<String, String> errors, String hintKey) {
        String id = fieldId(name);
        sb.append("<label for=\"").append(id).append("\">").append(esc(Texts.t(lang, "field." + name.replaceAll("\\[\\d+]", ""))));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(name);
        if (m.find()) sb.append(' ').append(Integer.parseInt(m.group(1)) + 1);
        if (REFERRAL_OPTIONAL.contains(name.replaceAll("\\[\\d+]", ""))) sb.append(ParticipantPage.optional(lang));
        sb.append("</label><input type=\"").append(type).append("\" id=\"").append(id).append("\" name=\"").append(esc(name))
                .append("\" value=\"").append(esc(values.getOrDefault(name, ""))).append("\"")
                .append(errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + id + "-error\"" : "")
                .append(">");
        if (hintKey != null) sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, hintKey))).append("</p>");
        error(sb, errors, name);
    }

    static void textarea(StringBuilder sb, Language lang, String name, Map<String, String> values,
                                 Map<String, String> errors) {
        String id = fieldId(name);
        sb.append("<label for=\"").append(id).append("\">").append(esc(Texts.t(lang, "field." + name)))
                .append(REFERRAL_OPTIONAL.contains(name) ? ParticipantPage.optional(lang) : "")
                .append("</label><textarea id=\"").append(id).append("\" name=\"").append(name).append("\"")
                .append(ParticipantPage.invalid(errors, name)).append(">")
                .append(esc(values.getOrDefault(name, ""))).append("</textarea>");
        error(sb, errors, name);
    }

    private static void select(StringBuilder sb, Language lang, String name, String options, Map<String, String> values,
                               Map<String, String> errors) {
        String id = fieldId(name);
        sb.append("<label for=\"").append(id).append("\">").append(esc(Texts.t(lang, "field." + name)))
                .append("</label><select id=\"").append(id).append("\" name=\"").append(name).append("\"")
                .append(ParticipantPage.invalid(errors, name)).append(">").append(options).append("</select>");
        error(sb, errors, name);
    }

    static void option(StringBuilder sb, String value, String text, String selected) {
        sb.append("<option value=\"").append(esc(value)).append("\"").append(value.equals(selected) ? " selected" : "")
                .append(">").append(esc(text)).append("</option>");
    }

    static void error(StringBuilder sb, Map<String, String> errors, String name) {
        String m = errors.get(name);
        if (m != null) {
            sb.append("<p class=\"error\" id=\"").append(fieldId(name)).append("-error\" data-field=\"").append(esc(name))
                    .append("\">").append(esc(m)).append("</p>");
        }
    }

    private String programmeName(String id) {
        return settings.current().programme(id).map(Settings.Programme::name).orElse(id);
    }

    String jobcentreName(String id) {
        return settings.current().jobcentres().stream().filter(j -> j.id().equals(id)).map(Settings.Jobcentre::name)
                .findFirst().orElse(id);
    }

    String consultantName(Referral r) {
        return settings.current().programme(r.programmeId()).flatMap(p -> p.consultant(r.consultantId()))
                .map(Settings.Consultant::name).orElse(r.consultantId());
    }

    String date(Language lang, Instant at) {
        return date(lang, LocalDate.ofInstant(at, zone));
    }

    static String date(Language lang, LocalDate d) {
        return d.format(lang == Language.EN ? DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("d. MMM yyyy", Locale.forLanguageTag("da-DK")));
    }

    String time(Language lang, Instant at) {
        return at.atZone(zone).format(lang == Language.EN ? DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("da-DK")));
    }
}
