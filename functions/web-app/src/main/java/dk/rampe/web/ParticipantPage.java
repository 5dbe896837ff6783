package dk.rampe.web;

import static dk.rampe.core.Html.esc;
import static dk.rampe.web.Views.agreementText;
import static dk.rampe.web.Views.day;
import static dk.rampe.web.Views.dd;
import static dk.rampe.web.Views.error;
import static dk.rampe.web.Views.errorSummary;
import static dk.rampe.web.Views.fieldId;
import static dk.rampe.web.Views.option;
import static dk.rampe.web.Views.locale;
import static dk.rampe.web.Views.overQuotaTag;
import static dk.rampe.web.Views.planText;
import static dk.rampe.web.Views.registrationText;
import static dk.rampe.web.Views.statusTag;
import static dk.rampe.web.Views.textarea;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.Registration;
import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpPageService;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.history.ParticipantHistory;
import dk.rampe.path.JobKind;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.path.Reminder;
import dk.rampe.plan.Plan;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.web.Views.AttendanceView;
import dk.rampe.web.Views.Failed;
import dk.rampe.web.Views.Participant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consultant's participant page as tasks: a short overview that opens with the one next thing to do
 * for the participant's phase ("Næste skridt"), lists each task with its state, and summarises status,
 * path, attendance and plan; and each task's form on its own page ({@code /app/referrals/{id}/{task}}) with a
 * way back. A refused form comes back on its task's page with an error summary that links to each field.
 */
final class ParticipantPage {
    /** The participant's tasks, in the order of a course: each one's page, and the form actions it holds. */
    enum Task {
        VISITATION("visitation"), ENROLMENT("enrolment"), PLAN("plan"), ATTENDANCE("attendance"),
        MILESTONE("milestone"), FOLLOW_UPS("follow-ups"), EXIT("exit");

        final String page;

        Task(String page) {
            this.page = page;
        }

        static java.util.Optional<Task> ofPage(String page) {
            for (Task t : values()) if (t.page.equals(page)) return java.util.Optional.of(t);
            return java.util.Optional.empty();
        }

        /** The task whose page holds the form an action posts from. */
        static Task ofAction(String action) {
            if (action.startsWith("attendance")) return ATTENDANCE;
            if (action.startsWith("follow-up")) return FOLLOW_UPS;
            return ofPage(action).orElseThrow();
        }
    }

    /** The next thing to do: the task's page and the text that says what (null task: nothing to do now). */
    record Next(Task task, String key) {
    }

    private final Views views;
    private final java.time.Clock clock;

    ParticipantPage(Views views, java.time.Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /**
     * The next step of the participant's phase: visitation, enrolment, the plan, the attendance plan, the
     * internship, the job (or education), aftercare (until the aftercare call three months after the job
     * is closed), the exit; after the exit, an open follow-up.
     */
    static Next next(Participant p) {
        Referral r = p.referral();
        boolean openFollowUp = p.tasks().stream().anyMatch(FollowUpTask::isOpen);
        return switch (r.status()) {
            case RECEIVED -> new Next(Task.VISITATION, "next.visitation");
            case ACCEPTED -> new Next(Task.ENROLMENT, "next.enrolment");
            case ENROLLED -> {
                // the plan is made at the first meeting (until then it holds the referral's sub-goals)
                if (p.plan().version() == 0) yield new Next(Task.PLAN, "next.plan");
                if (p.attendance().attendance().plans().isEmpty()) yield new Next(Task.ATTENDANCE, "next.attendance");
                boolean started = has(p.path(), MilestoneType.INTERNSHIP_STARTED) || has(p.path(), MilestoneType.JOB_STARTED)
                        || has(p.path(), MilestoneType.EDUCATION_STARTED);
                if (!started) yield new Next(Task.MILESTONE, "next.internship");
                if (!has(p.path(), MilestoneType.JOB_STARTED) && !has(p.path(), MilestoneType.EDUCATION_STARTED)) {
                    yield new Next(Task.MILESTONE, "next.job");
                }
                boolean aftercareDone = p.tasks().stream().anyMatch(t -> !t.isOpen()
                        && t.kind() == FollowUpKind.AFTERCARE_CALL_DUE);
                if (has(p.path(), MilestoneType.JOB_STARTED) && (!aftercareDone || openFollowUp)) {
                    yield new Next(Task.FOLLOW_UPS, "next.aftercare");
                }
                yield new Next(Task.EXIT, "next.exit");
            }
            case EXITED -> openFollowUp ? new Next(Task.FOLLOW_UPS, "next.followUp") : new Next(null, "next.none.exited");
            default -> new Next(null, "next.none");
        };
    }

    private static boolean has(Path path, MilestoneType type) {
        return path.steps().stream().anyMatch(s -> s.type() == type);
    }

    /** The tasks that have a page in this status (the others are not shown). */
    static List<Task> tasks(ReferralStatus s) {
        return switch (s) {
            case RECEIVED -> List.of(Task.VISITATION);
            case ACCEPTED -> List.of(Task.VISITATION, Task.ENROLMENT, Task.PLAN, Task.ATTENDANCE, Task.FOLLOW_UPS, Task.EXIT);
            case ENROLLED, EXITED -> List.of(Task.VISITATION, Task.ENROLMENT, Task.PLAN, Task.ATTENDANCE, Task.MILESTONE,
                    Task.FOLLOW_UPS, Task.EXIT);
            default -> List.of(Task.VISITATION);
        };
    }

    /** A task's state for its tag: "todo" (not started), "underway" or "done". */
    static String state(Task t, Participant p) {
        ReferralStatus s = p.referral().status();
        return switch (t) {
            case VISITATION -> s == ReferralStatus.RECEIVED ? "todo" : "done";
            case ENROLMENT -> s == ReferralStatus.ENROLLED || s == ReferralStatus.EXITED ? "done" : "todo";
            case PLAN -> p.plan().version() == 0 ? "todo"
                    : p.plan().steps().stream().allMatch(x -> x.status() == Plan.StepStatus.DONE) ? "done" : "underway";
            case ATTENDANCE -> p.attendance().attendance().plans().isEmpty() ? "todo" : s.active() ? "underway" : "done";
            case MILESTONE -> p.path().steps().stream().allMatch(x -> x.type() == MilestoneType.ENROLLED) ? "todo"
                    : s.active() ? "underway" : "done";
            case FOLLOW_UPS -> p.tasks().stream().anyMatch(FollowUpTask::isOpen) ? "underway"
                    : p.tasks().isEmpty() ? "todo" : "done";
            case EXIT -> s == ReferralStatus.EXITED ? "done" : "todo";
        };
    }

    // ---------------------------------------------------------------- the overview

    /** The overview: status, the next step, the tasks, then attendance, plan, path, follow-ups, details and history. */
    String overview(WebAppHandler.Request req, String csrf, Participant p) {
        Referral r = p.referral();
        Language lang = req.lang();
        ReferralDetails d = r.details();
        String id = esc(r.id());
        StringBuilder sb = new StringBuilder(8192);
        sb.append(views.done(req));
        sb.append("<h1>").append(esc(d.citizen().name())).append("</h1><p>").append(statusTag(lang, r.status()))
                .append(overQuotaTag(lang, r)).append("<span class=\"meta\">").append(id).append(" · ")
                .append(esc(Texts.t(lang, "ref.consultant"))).append(": ").append(esc(views.consultantName(r)))
                .append("</span></p>");
        Next next = next(p);
        sb.append("<section class=\"card next\" id=\"next-step\" aria-labelledby=\"next-step-title\"><h2 id=\"next-step-title\">")
                .append(esc(Texts.t(lang, "next.title"))).append("</h2><p id=\"next-step-text\">")
                .append(esc(Texts.t(lang, next.key()))).append("</p>");
        if (next.task() != null) {
            sb.append("<a class=\"button\" id=\"next-step-link\" data-task=\"").append(next.task().page)
                    .append("\" href=\"/app/referrals/").append(id).append('/').append(next.task().page).append("\">")
                    .append(esc(Texts.t(lang, "task." + next.task().page))).append("</a>");
        }
        sb.append("</section>");
        sb.append("<section class=\"card\" id=\"tasks\"><h2>").append(esc(Texts.t(lang, "task.title")))
                .append("</h2><ul class=\"tasks\">");
        for (Task t : tasks(r.status())) {
            String state = state(t, p);
            sb.append("<li data-task=\"").append(t.page).append("\"><a href=\"/app/referrals/").append(id).append('/')
                    .append(t.page).append("\" id=\"task-").append(t.page).append("\">")
                    .append(esc(Texts.t(lang, "task." + t.page))).append("</a> <span class=\"tag")
                    .append("done".equals(state) ? " done" : "").append("\" data-state=\"").append(state).append("\">")
                    .append(esc(Texts.t(lang, "task.state." + state))).append("</span></li>");
        }
        sb.append("</ul></section><div class=\"grid\"><div>");
        if (r.status() != ReferralStatus.RECEIVED) {
            AttendanceView v = p.attendance();
            sb.append("<section class=\"card\" id=\"attendance-summary\"><h2>").append(esc(Texts.t(lang, "ref.attendance")))
                    .append("</h2><p>");
            Views.stability(sb, lang, v.weeks());
            sb.append("</p>");
            attendancePlans(sb, lang, v, workplace(p.path(), v.today()));
            sb.append("<p><a href=\"/app/referrals/").append(id).append("/attendance\">")
                    .append(esc(Texts.t(lang, "task.open.attendance"))).append("</a></p></section>");
        }
        sb.append("<section class=\"card\" id=\"plan-summary\"><h2>").append(esc(Texts.t(lang, "ref.plan"))).append("</h2>");
        views.planView(sb, lang, r, p.plan());
        if (r.status().active()) {
            sb.append("<p><a href=\"/app/referrals/").append(id).append("/plan\">")
                    .append(esc(Texts.t(lang, "plan.edit"))).append("</a></p>");
        }
        sb.append("</section></div><div>");
        if (r.status() == ReferralStatus.ENROLLED || r.status() == ReferralStatus.EXITED) {
            views.pathSummary(sb, lang, p.path(), "path-summary");
        }
        if (r.status() != ReferralStatus.RECEIVED) {
            long open = p.tasks().stream().filter(FollowUpTask::isOpen).count();
            sb.append("<section class=\"card\" id=\"follow-ups-summary\"><h2>").append(esc(Texts.t(lang, "ref.followUps")))
                    .append("</h2><p data-open-follow-ups=\"").append(open).append("\">")
                    .append(esc(open == 0 ? Texts.t(lang, "fu.noneOpen") : Texts.t(lang, "fu.openCount", open)))
                    .append("</p>");
            p.reminders().stream().filter(x -> !x.notifyOn().isBefore(p.today()))
                    .min(java.util.Comparator.comparing(Reminder::notifyOn))
                    .ifPresent(x -> sb.append("<p class=\"meta\" id=\"next-reminder\">")
                            .append(esc(Texts.t(lang, "part.nextReminder"))).append(": ")
                            .append(esc(views.date(lang, x.notifyOn()) + " · " + Texts.t(lang, "rem.kind." + x.kind().wireName())))
                            .append("</p>"));
            sb.append("</section>");
        }
        sb.append("<section class=\"card\"><h2>").append(esc(Texts.t(lang, "ref.details"))).append("</h2>");
        views.details(sb, lang, d);
        sb.append("<dl>");
        dd(sb, lang, "ref.jobcentre", views.jobcentreName(r.jobcentreId()), null);
        dd(sb, lang, "ref.consultant", views.consultantName(r), null);
        dd(sb, lang, "field.benefit", d.benefit() == null ? "" : Texts.t(lang, "benefit." + d.benefit().wireName()), null);
        sb.append("</dl></section></div></div>");
        // who changed what, when: everything recorded for the participant, newest first
        sb.append("<section class=\"card\" id=\"history-card\"><h2>").append(esc(Texts.t(lang, "ref.history")))
                .append("</h2>");
        timeline(sb, lang, p);
        sb.append("</section>");
        return views.page(req, csrf, d.citizen().name(), sb.toString());
    }

    /** The workplace of the internship started last on or before {@code day} (null: none, or no employer given). */
    static String workplace(dk.rampe.path.Path path, java.time.LocalDate day) {
        String employer = null;
        if (path == null) return null;
        for (dk.rampe.path.Path.Step s : path.steps()) {
            if (s.type() == dk.rampe.path.MilestoneType.INTERNSHIP_STARTED && !s.current().effectiveOn().isAfter(day)) {
                employer = s.current().employer();
            }
        }
        return employer;
    }

    /** The attendance plan in force, the steps still to come and what the rules say about today. */
    private void attendancePlans(StringBuilder sb, Language lang, AttendanceView v, String workplace) {
        Attendance a = v.attendance();
        AttendancePlan current = a.currentPlan(v.today()).orElse(null);
        sb.append("<dl id=\"attendance-plan\">");
        if (current == null) {
            sb.append("<dt>").append(esc(Texts.t(lang, "att.planHeading"))).append("</dt><dd>")
                    .append(esc(Texts.t(lang, "att.noPlan"))).append("</dd>");
        } else {
            for (AttendancePlan p : a.plans()) {
                if (p != current && p.validFrom().isBefore(current.validFrom())) continue;
                sb.append("<dt>").append(esc(Texts.t(lang, p == current ? "att.plan" : "att.planLater",
                        views.date(lang, p.validFrom())))).append("</dt><dd data-from=\"").append(p.validFrom()).append("\">")
                        .append(esc(Views.planText(lang, p))).append("</dd>");
            }
        }
        // today as the rules see it, the same rule as the four weeks' table
        AttendanceSummary.Today t = v.todayByRules();
        if (t.kind() != AttendanceSummary.Today.Kind.NONE) {
            String text = switch (t.kind()) {
                case SESSION -> Views.sessionText(lang, t.session().start(), t.session().minutes())
                        + (t.agreed() ? " · " + Texts.t(lang, "att.today.agreed") : "");
                case INTERNSHIP -> workplace == null ? Texts.t(lang, "att.today.internship")
                        : Texts.t(lang, "att.today.internshipAt", workplace);
                default -> Texts.t(lang, "att.today." + t.kind().name().toLowerCase(java.util.Locale.ROOT));
            };
            sb.append("<dt>").append(esc(Texts.t(lang, "att.today"))).append("</dt><dd id=\"attendance-today\" data-today=\"")
                    .append(t.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">").append(esc(text)).append("</dd>");
        }
        sb.append("</dl>");
    }

    // ---------------------------------------------------------------- a task's page

    /**
     * One task's page: a way back to the overview, the error summary of a refused form (focused, each error a
     * link to its field), and the task's forms with what was typed kept.
     */
    String task(WebAppHandler.Request req, String csrf, Participant p, Task task, Failed f) {
        f = retargeted(f, p.path(), req.lang());
        Referral r = p.referral();
        Language lang = req.lang();
        String id = esc(r.id());
        String title = Texts.t(lang, "task." + task.page);
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<p class=\"noprint\"><a class=\"back\" id=\"back\" href=\"/app/referrals/").append(id).append("\">")
                .append(esc(Texts.t(lang, "task.back", r.details().citizen().name()))).append("</a></p>");
        errorSummary(sb, lang, f.errors(), anchor(f));
        sb.append("<h1><span class=\"meta caption\">").append(esc(r.details().citizen().name())).append("</span><br>")
                .append(esc(title)).append("</h1>");
        if (f.conflict() != null) {
            sb.append("<div class=\"errors\" id=\"conflict\" role=\"alert\"><p>").append(esc(f.conflict())).append("</p></div>");
        }
        int before = sb.length();
        switch (task) {
            case VISITATION -> visitation(sb, req, csrf, r, f);
            case ENROLMENT -> enrolment(sb, lang, csrf, r, f);
            case PLAN -> planForm(sb, lang, csrf, r, p.plan(), f.errorsOf("plan"), "plan".equals(f.action()) ? f.values() : null,
                    "plan".equals(f.action()) && f.conflict() != null);
            case ATTENDANCE -> {
                if (r.status() != ReferralStatus.RECEIVED) {
                    attendanceCard(sb, req, csrf, r, p.attendance(), workplace(p.path(), p.attendance().today()), f);
                }
            }
            case MILESTONE -> milestonesCard(sb, lang, csrf, r, p.path(), f.errorsOf("milestone"), f.valuesOf("milestone"));
            case FOLLOW_UPS -> {
                if (r.status() != ReferralStatus.RECEIVED) followUpsCard(sb, lang, csrf, p, f);
            }
            case EXIT -> exitForm(sb, lang, csrf, r, f);
        }
        if (sb.length() == before) {
            sb.append("<div class=\"card\" id=\"task-closed\"><p>").append(esc(Texts.t(lang, "task.closed"))).append("</p></div>");
        }
        return views.page(req, csrf, title + " · " + r.details().citizen().name(), sb.toString());
    }

    /**
     * A correction of a step that someone else corrected meanwhile (its record is no longer the step's latest): what
     * was typed goes onto the form of the step as it stands now, shown above it, with a word that it changed, so
     * that saving again corrects the latest record. Any other refusal as it was.
     */
    private static Failed retargeted(Failed f, Path path, Language lang) {
        String corrects = "milestone".equals(f.action()) ? f.values().get("ms.corrects") : null;
        if (corrects == null || corrects.isBlank()) return f;
        if (path.steps().stream().anyMatch(s -> s.current().id().equals(corrects))) return f;
        Milestone old = path.find(corrects).orElse(null);
        if (old == null) return f;
        String root = path.rootOf(old);
        return path.steps().stream().filter(s -> s.stepId().equals(root)).findFirst().map(s -> {
            Map<String, String> values = new java.util.LinkedHashMap<>(f.values());
            values.put("ms.corrects", s.current().id());
            Map<String, String> errors = new java.util.LinkedHashMap<>(f.errors());
            errors.remove("ms.corrects");
            return new Failed(f.action(), errors, values, Texts.t(lang, "ms.conflict"));
        }).orElse(f);
    }

    /**
     * Where the error summary's links lead: the field's id, or for a form shown once per item (an open
     * follow-up's close form, a step's correction form) the id of the field in that item's form.
     */
    private static java.util.function.UnaryOperator<String> anchor(Failed f) {
        String taskId = "follow-up".equals(f.action()) ? f.values().get("task") : null;
        String corrects = "milestone".equals(f.action()) ? f.values().get("ms.corrects") : null;
        String item = taskId != null ? taskId : corrects != null && !corrects.isBlank() ? corrects : null;
        if (item == null) return Views::fieldId;
        String form = (taskId != null ? "close-" : "correct-") + esc(item);
        return field -> field.equals("fu.form") || field.equals("ms.corrects") || field.equals("ms.type") ? form
                : "f-" + esc(item) + "-" + field.substring(field.indexOf('.') + 1);
    }

    private void visitation(StringBuilder sb, WebAppHandler.Request req, String csrf, Referral r, Failed f) {
        if (r.status() != ReferralStatus.RECEIVED) return;
        Language lang = req.lang();
        String id = esc(r.id());
        Map<String, String> errors = f.errorsOf("visitation");
        Map<String, String> v = f.valuesOf("visitation");
        sb.append("<form class=\"card\" method=\"post\" action=\"/app/referrals/").append(id)
                .append("/visitation\" id=\"visitation\" novalidate>").append(Html.hiddenCsrf(csrf));
        requiredNote(sb, lang);
        radios(sb, lang, "decision", Texts.t(lang, "act.decision"), false, new String[] {"accepted", "declined", "outside_target_group"},
                x -> Texts.t(lang, "decision." + x), v, errors);
        stepDate(sb, lang, "decidedOn", v, errors);
        sb.append("<label for=\"f-reasonCode\">").append(esc(Texts.t(lang, "act.reasonCode"))).append(optional(lang))
                .append("</label><select id=\"f-reasonCode\" name=\"reasonCode\"").append(invalid(errors, "reasonCode"))
                .append("><option value=\"\">").append(esc(Texts.t(lang, "act.reasonCode.none"))).append("</option>");
        for (dk.rampe.referral.DeclineReason c : dk.rampe.referral.DeclineReason.values()) {
            option(sb, c.wireName(), Texts.t(lang, "declineReason." + c.wireName()), v.get("reasonCode"));
        }
        sb.append("</select>");
        error(sb, errors, "reasonCode");
        sb.append("<label for=\"f-reason\">").append(esc(Texts.t(lang, "act.reason"))).append("</label>")
                .append("<p class=\"hint\" id=\"f-reason-hint\">").append(esc(Texts.t(lang, "act.reasonHint"))).append("</p>")
                .append("<textarea id=\"f-reason\" name=\"reason\" maxlength=\"")
                .append(dk.rampe.core.InputFields.VISITATION_REASON.maxLength()).append("\"")
                .append(invalid(errors, "reason", "f-reason-hint")).append(">")
                .append(esc(v.getOrDefault("reason", ""))).append("</textarea>");
        error(sb, errors, "reason");
        sb.append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "act.save")))
                .append("</button></form>");
    }

    private void enrolment(StringBuilder sb, Language lang, String csrf, Referral r, Failed f) {
        if (r.status() != ReferralStatus.ACCEPTED) return;
        Map<String, String> errors = f.errorsOf("enrolment");
        sb.append("<form class=\"card\" method=\"post\" action=\"/app/referrals/").append(esc(r.id()))
                .append("/enrolment\" id=\"enrolment\" novalidate>").append(Html.hiddenCsrf(csrf)).append("<p>")
                .append(esc(Texts.t(lang, "act.enrolHint"))).append("</p>");
        stepDate(sb, lang, "startedOn", f.valuesOf("enrolment"), errors);
        radios(sb, lang, "smsConsent", Texts.t(lang, "act.smsConsent"), true, new String[] {"yes", "no"},
                x -> Texts.t(lang, x), f.valuesOf("enrolment"), errors);
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "act.smsConsentHint")))
                .append("</p><button class=\"primary\" type=\"submit\">")
                .append(esc(Texts.t(lang, "act.enrolButton"))).append("</button></form>");
    }

    private void exitForm(StringBuilder sb, Language lang, String csrf, Referral r, Failed f) {
        if (r.status() != ReferralStatus.ACCEPTED && r.status() != ReferralStatus.ENROLLED) return;
        Map<String, String> e = f.errorsOf("exit");
        Map<String, String> v = f.valuesOf("exit");
        sb.append("<form class=\"card\" method=\"post\" action=\"/app/referrals/").append(esc(r.id()))
                .append("/exit\" id=\"exit\" novalidate>").append(Html.hiddenCsrf(csrf));
        requiredNote(sb, lang);
        sb.append("<label for=\"f-outcome\">").append(esc(Texts.t(lang, "ref.exit.outcome"))).append("</label>")
                .append("<select id=\"f-outcome\" name=\"outcome\"").append(invalid(e, "outcome")).append(">");
        option(sb, "", Texts.t(lang, "form.choose"), v.get("outcome"));
        for (ExitOutcome o : ExitOutcome.values()) {
            option(sb, o.wireName(), Texts.t(lang, "outcome." + o.wireName()), v.get("outcome"));
        }
        sb.append("</select>");
        error(sb, e, "outcome");
        stepDate(sb, lang, "exitedOn", v, e);
        sb.append("<label for=\"f-note\">").append(esc(Texts.t(lang, "ref.exit.description"))).append(optional(lang))
                .append("</label><textarea id=\"f-note\" name=\"note\" maxlength=\"")
                .append(dk.rampe.core.InputFields.EXIT_NOTE.maxLength()).append("\"").append(invalid(e, "note")).append(">")
                .append(esc(v.getOrDefault("note", ""))).append("</textarea>");
        error(sb, e, "note");
        // the consultant's part of the exit description (ExitForm), as the API's exit takes it
        sb.append("<fieldset id=\"exit-description-fields\"><legend>").append(esc(Texts.t(lang, "act.exitDescription")))
                .append(optional(lang)).append("</legend>");
        for (String name : List.of("xd.progress", "xd.stability", "xd.clarified", "xd.employersContacted",
                "xd.tasksTried", "xd.direction")) {
            textarea(sb, lang, name, v, e);
        }
        sb.append("</fieldset>");
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "act.exitHint"))).append("</p>")
                .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "act.exitButton")))
                .append("</button></form>");
    }

    /**
     * The day a step happened (the API's {@code decidedOn}, {@code startedOn}, {@code exitedOn}): a date field, today
     * unless changed, with a hint that an earlier day may be given; what was typed is kept on a refusal.
     */
    private void stepDate(StringBuilder sb, Language lang, String name, Map<String, String> values,
                          Map<String, String> errors) {
        input(sb, lang, "field." + name, name, "date",
                values.getOrDefault(name, dk.rampe.schedule.WorkingDays.today(clock).toString()), errors, "act.dateHint");
    }

    /** "All fields are needed unless marked optional", at the top of a form. */
    private static void requiredNote(StringBuilder sb, Language lang) {
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "form.requiredNote"))).append("</p>");
    }

    /** The mark of a field that may be left empty, after its label (already escaped). */
    static String optional(Language lang) {
        return " <span class=\"optional\">" + esc(Texts.t(lang, "form.optional")) + "</span>";
    }

    /** A field's invalid marks: aria-invalid and aria-describedby naming its hint (if any) and its error. */
    static String invalid(Map<String, String> errors, String name, String... hints) {
        String describedBy = String.join(" ", hints);
        if (!errors.containsKey(name)) return hints.length == 0 ? "" : " aria-describedby=\"" + describedBy + "\"";
        return " aria-invalid=\"true\" aria-describedby=\"" + (describedBy.isEmpty() ? "" : describedBy + " ")
                + fieldId(name) + "-error\"";
    }

    /** As {@link #invalid} for a field of a form repeated on the page, its id {@code fid} (its error {@code fid-error}). */
    static String invalidAt(Map<String, String> errors, String name, String fid) {
        return errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + fid + "-error\"" : "";
    }

    /** A group's tie to its error message (a fieldset: aria-describedby, its inputs carry no aria-invalid). */
    private static String describedBy(Map<String, String> errors, String name, String fid) {
        return errors.containsKey(name) ? " aria-describedby=\"" + fid + "-error\"" : "";
    }

    /** A group of radio buttons in a fieldset whose id is the field's (the error summary links to it). */
    private static void radios(StringBuilder sb, Language lang, String name, String legend, boolean optional, String[] values,
                               java.util.function.Function<String, String> label, Map<String, String> v,
                               Map<String, String> errors) {
        String fid = fieldId(name);
        sb.append("<fieldset id=\"").append(fid).append("\"").append(describedBy(errors, name, fid)).append("><legend>")
                .append(esc(legend)).append(optional ? optional(lang) : "").append("</legend><div class=\"choices\">");
        for (String x : values) {
            sb.append("<label><input type=\"radio\" name=\"").append(name).append("\" value=\"").append(x).append("\"")
                    .append(x.equals(v.get(name)) ? " checked" : "").append(">").append(esc(label.apply(x))).append("</label>");
        }
        sb.append("</div>");
        error(sb, errors, name);
        sb.append("</fieldset>");
    }

    /**
     * The plan's form, filled in with the plan as saved, or with what was typed when it was refused. After a
     * conflict ({@code conflict}: the plan was saved by someone else meanwhile) the form keeps what was typed and
     * carries the new version, and beside each field that the other change set differently stands what it saved.
     */
    private void planForm(StringBuilder sb, Language lang, String csrf, Referral r, Plan plan, Map<String, String> errors,
                          Map<String, String> posted, boolean conflict) {
        if (!r.status().active()) {
            sb.append("<section class=\"card\">");
            views.planView(sb, lang, r, plan);
            sb.append("</section>");
            return;
        }
        Map<String, String> saved = new java.util.HashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            saved.put("steps[" + i + "].text", plan.steps().get(i).text());
            saved.put("steps[" + i + "].status", plan.steps().get(i).status().wireName());
        }
        for (int i = 0; i < plan.supporters().size(); i++) {
            saved.put("supporters[" + i + "].name", plan.supporters().get(i).name());
            saved.put("supporters[" + i + "].role", plan.supporters().get(i).role().wireName());
        }
        if (plan.agreements() != null) saved.put("agreements", plan.agreements());
        if (plan.tovholder() != null) saved.put("tovholder", plan.tovholder());
        Map<String, String> v = posted != null ? posted : saved;
        Map<String, String> other = conflict ? saved : Map.of();
        sb.append("<form class=\"card\" method=\"post\" action=\"/app/referrals/").append(esc(r.id()))
                .append("/plan\" id=\"plan-form\" novalidate>").append(Html.hiddenCsrf(csrf))
                .append("<input type=\"hidden\" name=\"version\" value=\"").append(plan.version()).append("\">")
                .append("<p class=\"hint\">").append(esc(Texts.t(lang, "plan.allOptional"))).append("</p>");
        int rows = Math.min(Plan.MAX_STEPS, Math.max(plan.steps().size() + 3, rowsTyped(v, "steps")));
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Plan.StepStatus st : Plan.StepStatus.values()) statuses.put(st.wireName(), Texts.t(lang, "step." + st.wireName()));
        for (int i = 0; i < rows; i++) {
            textWithChoice(sb, lang, "steps[" + i + "]", "text", "status", Texts.t(lang, "plan.step", i + 1),
                    Texts.t(lang, "plan.stepStatus", i + 1), statuses, "open", v, other, errors);
        }
        sb.append("<label for=\"f-agreements\">").append(esc(Texts.t(lang, "plan.agreements"))).append("</label>")
                .append("<textarea id=\"f-agreements\" name=\"agreements\"").append(invalid(errors, "agreements")).append(">")
                .append(esc(v.getOrDefault("agreements", ""))).append("</textarea>");
        savedMeanwhile(sb, lang, other, v, "agreements");
        error(sb, errors, "agreements");
        sb.append("<label for=\"f-tovholder\">").append(esc(Texts.t(lang, "plan.tovholder"))).append("</label>")
                .append("<input type=\"text\" id=\"f-tovholder\" name=\"tovholder\" value=\"")
                .append(esc(v.getOrDefault("tovholder", ""))).append("\"").append(invalid(errors, "tovholder")).append(">");
        savedMeanwhile(sb, lang, other, v, "tovholder");
        error(sb, errors, "tovholder");
        int people = Math.min(Plan.MAX_SUPPORTERS, Math.max(plan.supporters().size() + 2, rowsTyped(v, "supporters")));
        Map<String, String> roles = new LinkedHashMap<>();
        for (Plan.SupporterRole role : Plan.SupporterRole.values()) {
            roles.put(role.wireName(), Texts.t(lang, "supporter." + role.wireName()));
        }
        for (int i = 0; i < people; i++) {
            textWithChoice(sb, lang, "supporters[" + i + "]", "name", "role", Texts.t(lang, "plan.supporter", i + 1),
                    Texts.t(lang, "plan.supporterRole", i + 1), roles, "mentor", v, other, errors);
        }
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, r.details().relativesConsent()
                ? "plan.relativesYes" : "plan.relativesNo"))).append("</p>")
                .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, conflict ? "plan.saveMine"
                        : "plan.save"))).append("</button></form>");
        if (plan.version() > 0) {
            sb.append("<section class=\"card\" id=\"plan-saved\"><h2>").append(esc(Texts.t(lang, conflict
                    ? "plan.savedMeanwhile" : "plan.savedNow"))).append("</h2>");
            views.planView(sb, lang, r, plan);
            sb.append("</section>");
        }
    }

    /** How many rows of a list ("steps", "supporters") were typed: one past the highest index sent. */
    private static int rowsTyped(Map<String, String> v, String list) {
        int n = 0;
        for (String k : v.keySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + list + "\\[([0-9]{1,2})]\\.").matcher(k);
            if (m.find()) n = Math.max(n, Integer.parseInt(m.group(1)) + 1);
        }
        return n;
    }

    /** Beside a field after a conflict: what the other change saved there, where it differs from what was typed. */
    /**
     * One row of a list in the plan form: {@code name.text} typed beside {@code name.choice} chosen from {@code choices}
     * (wire name to text), with what was saved meanwhile and the row's error.
     */
    private static void textWithChoice(StringBuilder sb, Language lang, String name, String text, String choice, String label,
                                       String choiceLabel, Map<String, String> choices, String defaultChoice,
                                       Map<String, String> v, Map<String, String> other, Map<String, String> errors) {
        sb.append("<label for=\"").append(fieldId(name)).append("\">").append(esc(label))
                .append("</label><input type=\"text\" id=\"").append(fieldId(name)).append("\" name=\"").append(name)
                .append('.').append(text).append("\" value=\"").append(esc(v.getOrDefault(name + "." + text, ""))).append("\"")
                .append(invalid(errors, name)).append("><select name=\"").append(name).append('.').append(choice)
                .append("\" aria-label=\"").append(esc(choiceLabel)).append("\">");
        String chosen = v.getOrDefault(name + "." + choice, defaultChoice);
        for (Map.Entry<String, String> c : choices.entrySet()) option(sb, c.getKey(), c.getValue(), chosen);
        sb.append("</select>");
        savedMeanwhile(sb, lang, other, v, name + "." + text);
        error(sb, errors, name);
    }

    private static void savedMeanwhile(StringBuilder sb, Language lang, Map<String, String> other, Map<String, String> typed,
                                       String name) {
        if (other.isEmpty()) return;
        String theirs = other.getOrDefault(name, "");
        if (theirs.strip().equals(typed.getOrDefault(name, "").strip())) return;
        sb.append("<p class=\"hint meanwhile\" data-meanwhile=\"").append(esc(name)).append("\">")
                .append(esc(Texts.t(lang, "plan.otherValue", theirs.isBlank() ? Texts.t(lang, "plan.empty") : theirs)))
                .append("</p>");
    }

    /**
     * The attendance task: stability, the plan in force, today's registration and a day's agreement, the last four
     * weeks, the agreements to come and the plan's next step (first, while there is no plan yet).
     */
    private void attendanceCard(StringBuilder sb, WebAppHandler.Request req, String csrf, Referral r, AttendanceView v,
                                String workplace, Failed f) {
        Language lang = req.lang();
        Attendance a = v.attendance();
        String id = esc(r.id());
        boolean active = r.status().active();
        sb.append("<section class=\"card\" id=\"attendance\" aria-labelledby=\"attendance-title\"><h2 id=\"attendance-title\">")
                .append(esc(Texts.t(lang, "att.taskHeading"))).append("</h2><p>");
        Views.stability(sb, lang, v.weeks());
        sb.append("</p>");
        attendancePlans(sb, lang, v, workplace);
        AttendancePlan current = a.currentPlan(v.today()).orElse(null);
        if (active && a.plans().isEmpty()) {
            planStepForm(sb, lang, csrf, id, current, v.today(), f.errorsOf("attendance-plan"), f.valuesOf("attendance-plan"));
        }
        if (active) {
            sb.append("<div class=\"grid\">");
            registrationForm(sb, lang, csrf, id, v, f.errorsOf("attendance"), f.valuesOf("attendance"));
            agreementForm(sb, lang, csrf, id, v, f.errorsOf("attendance-agreement"), f.valuesOf("attendance-agreement"));
            sb.append("</div>");
        }
        views.weeks(sb, lang, v);
        List<Agreement> coming = a.agreements().stream().filter(x -> x.date().isAfter(v.today()))
                .filter(x -> a.agreementOn(x.date()).orElse(null) == x).toList();
        if (!coming.isEmpty()) {
            sb.append("<h3>").append(esc(Texts.t(lang, "att.coming"))).append("</h3><ul id=\"attendance-coming\">");
            for (Agreement x : coming) {
                sb.append("<li data-date=\"").append(x.date()).append("\">").append(esc(Views.day(lang, x.date()))).append(": ")
                        .append(esc(Views.agreementText(lang, x))).append("</li>");
            }
            sb.append("</ul>");
        }
        if (active && !a.plans().isEmpty()) {
            planStepForm(sb, lang, csrf, id, current, v.today(), f.errorsOf("attendance-plan"), f.valuesOf("attendance-plan"));
        }
        sb.append("</section>");
    }

    // ---------------------------------------------------------------- follow-ups

    /**
     * The participant's follow-ups: the reminders the path calls for still to come, the open
     * follow-ups each with its close form (the follow-up page's fields and rules), the closed ones
     * with their outcome, and a form to plan one.
     */
    private void followUpsCard(StringBuilder sb, Language lang, String csrf, Participant p, Failed f) {
        Referral r = p.referral();
        String id = esc(r.id());
        sb.append("<section class=\"card\" id=\"follow-ups\"><h2>").append(esc(Texts.t(lang, "ref.followUps")))
                .append("</h2>");
        List<FollowUpTask> open = p.tasks().stream().filter(FollowUpTask::isOpen).toList();
        List<FollowUpTask> closed = new java.util.ArrayList<>(p.tasks().stream().filter(t -> !t.isOpen()).toList());
        closed.sort(java.util.Comparator.comparing(FollowUpTask::closedAt).reversed());
        if (open.isEmpty()) {
            sb.append("<p class=\"meta\" id=\"follow-ups-none\">").append(esc(Texts.t(lang, "fu.noneOpen"))).append("</p>");
        } else {
            sb.append("<ul class=\"list\" id=\"follow-ups-open\">");
            String failedTask = "follow-up".equals(f.action()) ? f.values().get("task") : null;
            for (FollowUpTask t : open) {
                boolean failedHere = t.taskId().equals(failedTask);
                sb.append("<li data-task=\"").append(esc(t.taskId())).append("\" data-open=\"true\" data-kind=\"")
                        .append(t.kind().wireName()).append("\"><strong>").append(esc(kindText(lang, t))).append("</strong> ");
                if (t.dueAt().isBefore(clock.instant())) {
                    sb.append("<span class=\"tag warn\" data-overdue=\"true\">").append(esc(Texts.t(lang, "fu.overdue")))
                            .append("</span>");
                }
                sb.append("<br><span class=\"meta\">").append(esc(Texts.t(lang, "fu.due", time(lang, t.dueAt()))))
                        .append(" · ").append(esc(personName(r, t.consultantId()))).append("</span>");
                closeForm(sb, lang, csrf, id, t, failedHere ? f.errors() : Map.of(), failedHere ? f.values() : Map.of());
                sb.append("</li>");
            }
            sb.append("</ul>");
        }
        List<Reminder> coming = p.reminders().stream().filter(x -> !x.notifyOn().isBefore(p.today()))
                .sorted(java.util.Comparator.comparing(Reminder::notifyOn)).toList();
        if (!coming.isEmpty()) {
            sb.append("<h3>").append(esc(Texts.t(lang, "fu.coming"))).append("</h3><ul id=\"reminders\">");
            for (Reminder x : coming) {
                sb.append("<li data-reminder=\"").append(x.kind().wireName()).append("\" data-date=\"").append(x.notifyOn())
                        .append("\">").append(esc(date(lang, x.notifyOn()))).append(" · ")
                        .append(esc(Texts.t(lang, "rem.kind." + x.kind().wireName()))).append("</li>");
            }
            sb.append("</ul>");
        }
        if (!closed.isEmpty()) {
            sb.append("<details id=\"follow-ups-closed-details\"><summary>")
                    .append(esc(Texts.t(lang, "fu.closedTitle", closed.size()))).append("</summary><ul class=\"list\" id=\"follow-ups-closed\">");
            for (FollowUpTask t : closed) {
                sb.append("<li data-task=\"").append(esc(t.taskId())).append("\" data-open=\"false\" data-kind=\"")
                        .append(t.kind().wireName()).append("\"><strong>").append(esc(kindText(lang, t))).append("</strong><br>")
                        .append("<span class=\"meta\">").append(esc(Texts.t(lang, "fu.closedBy", time(lang, t.closedAt()),
                                personName(r, t.closedBy())))).append("</span><br>").append(esc(outcomeText(lang, t.outcome())));
                if (!t.outcome().note().isEmpty()) {
                    sb.append("<br><span class=\"meta\" data-note>").append(esc(t.outcome().note())).append("</span>");
                }
                sb.append("</li>");
            }
            sb.append("</ul></details>");
        }
        if (r.status().active()) {
            Map<String, String> errors = f.errorsOf("follow-up-plan");
            Map<String, String> posted = f.valuesOf("follow-up-plan");
            sb.append("<h3>").append(esc(Texts.t(lang, "fu.plan"))).append("</h3><form method=\"post\" action=\"/app/referrals/")
                    .append(id).append("/follow-up-plan\" id=\"follow-up-plan-form\" novalidate>").append(Html.hiddenCsrf(csrf));
            fuField(sb, lang, "fu.date", "date", posted.getOrDefault("fu.date", ""), errors, null);
            fuField(sb, lang, "fu.time", "time", posted.getOrDefault("fu.time", FollowUpForm.DEFAULT_TIME.toString()), errors,
                    "fu.hint.time");
            sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "fu.hint.plan"))).append("</p>")
                    .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "fu.planSave")))
                    .append("</button></form>");
        }
        sb.append("</section>");
    }

    /** The close form of one open follow-up: the follow-up page's fields under the prefix fu. */
    private static void closeForm(StringBuilder sb, Language lang, String csrf, String referralId, FollowUpTask t,
                                  Map<String, String> errors, Map<String, String> v) {
        String tid = esc(t.taskId());
        String pre = "f-" + tid + "-";
        sb.append("<details").append(errors.isEmpty() ? "" : " open").append("><summary>")
                .append(esc(Texts.t(lang, "fu.close"))).append("</summary><form method=\"post\" action=\"/app/referrals/")
                .append(referralId).append("/follow-up\" id=\"close-").append(tid).append("\" novalidate>")
                .append(Html.hiddenCsrf(csrf)).append("<input type=\"hidden\" name=\"task\" value=\"").append(tid)
                .append("\">");
        if (errors.containsKey("fu.form")) fuError(sb, pre, errors, "fu.form");
        choices(sb, lang, pre, "fu.reached", page(lang, "reached"), new String[] {"yes", "no"},
                x -> page(lang, x), v, errors);
        StringBuilder causes = new StringBuilder();
        option(causes, "", Texts.t(lang, "form.choose"), v.get("fu.cause"));
        for (FollowUpOutcome.Cause c : FollowUpOutcome.Cause.values()) {
            option(causes, c.wireName(), page(lang, "cause." + c.wireName()), v.get("fu.cause"));
        }
        fuSelect(sb, pre, "fu.cause", page(lang, "cause"), causes.toString(), errors);
        StringBuilder next = new StringBuilder();
        option(next, "", Texts.t(lang, "form.choose"), v.get("fu.next"));
        for (FollowUpOutcome.NextStep n : FollowUpOutcome.NextStep.values()) {
            option(next, n.wireName(), page(lang, "next." + n.wireName()), v.get("fu.next"));
        }
        fuSelect(sb, pre, "fu.next", page(lang, "next"), next.toString(), errors);
        if (FollowUpPageService.isPathFollowUp(t)) {
            choices(sb, lang, pre, "fu.method", page(lang, "method"), new String[] {"phone", "visit"},
                    x -> page(lang, "method." + x), v, errors);
            choices(sb, lang, pre, "fu.withWhom", page(lang, "withWhom"), new String[] {"employee", "employer", "both"},
                    x -> page(lang, "withWhom." + x), v, errors);
            choices(sb, lang, pre, "fu.stillEmployed", page(lang, "stillEmployed"), new String[] {"yes", "no"},
                    x -> page(lang, x), v, errors);
            sb.append("<label for=\"").append(pre).append("hours\">").append(esc(page(lang, "hours")))
                    .append("</label><input type=\"text\" inputmode=\"decimal\" id=\"").append(pre)
                    .append("hours\" name=\"fu.hours\" value=\"").append(esc(v.getOrDefault("fu.hours", ""))).append("\"")
                    .append(invalidAt(errors, "fu.hours", pre + "hours")).append(">");
            fuError(sb, pre, errors, "fu.hours");
        }
        sb.append("<label for=\"").append(pre).append("note\">").append(esc(page(lang, "note")))
                .append("</label><textarea id=\"").append(pre).append("note\" name=\"fu.note\" maxlength=\"")
                .append(FollowUpOutcome.MAX_NOTE).append("\"").append(invalidAt(errors, "fu.note", pre + "note"))
                .append(">").append(esc(v.getOrDefault("fu.note", ""))).append("</textarea><p class=\"hint\">")
                .append(esc(page(lang, "noteHint"))).append("</p>");
        fuError(sb, pre, errors, "fu.note");
        sb.append("<button class=\"primary\" type=\"submit\">").append(esc(page(lang, "submit")))
                .append("</button></form></details>");
    }

    private static void choices(StringBuilder sb, Language lang, String pre, String name, String legend, String[] values,
                                java.util.function.Function<String, String> label, Map<String, String> v,
                                Map<String, String> errors) {
        String local = name.substring(3);
        sb.append("<fieldset id=\"").append(pre).append(local).append("\"").append(describedBy(errors, name, pre + local))
                .append("><legend>").append(esc(legend))
                .append("</legend><div class=\"choices\">");
        for (String x : values) {
            sb.append("<label><input type=\"radio\" name=\"").append(name).append("\" value=\"").append(x).append("\"")
                    .append(x.equals(v.get(name)) ? " checked" : "").append(">").append(esc(label.apply(x))).append("</label>");
        }
        sb.append("</div>");
        fuError(sb, pre, errors, name);
        sb.append("</fieldset>");
    }

    private static void fuSelect(StringBuilder sb, String pre, String name, String label, String options,
                                 Map<String, String> errors) {
        String fid = pre + name.substring(3);
        sb.append("<label for=\"").append(fid).append("\">").append(esc(label)).append("</label><select id=\"").append(fid)
                .append("\" name=\"").append(name).append("\"").append(invalidAt(errors, name, fid))
                .append(">").append(options).append("</select>");
        fuError(sb, pre, errors, name);
    }

    /** A field's error under it, for fields named {@code xx.name} whose ids are {@code pre + name} (follow-ups, corrections). */
    private static void fuError(StringBuilder sb, String pre, Map<String, String> errors, String name) {
        String m = errors.get(name);
        if (m != null) {
            sb.append("<p class=\"error\" id=\"").append(pre).append(name.substring(3)).append("-error\" data-field=\"")
                    .append(esc(name)).append("\">").append(esc(m)).append("</p>");
        }
    }

    private static void fuField(StringBuilder sb, Language lang, String name, String type, String value,
                                Map<String, String> errors, String hintKey) {
        input(sb, lang, "fu.field." + name.substring(3), name, type, value, errors, hintKey);
    }

    /** A text of the follow-up page's catalogue: the app's close form reads as the page does. */
    private static String page(Language lang, String key) {
        return dk.rampe.text.Texts.PAGE.get(key, lang);
    }

    private static String kindText(Language lang, FollowUpTask t) {
        String s = dk.rampe.text.Texts.PAGE.find("kind." + t.kind().wireName(), lang);
        return s == null ? t.kind().wireName() : s;
    }

    /** An outcome in one line: reached or not, the cause, the next step, and the aftercare part if any. */
    private static String outcomeText(Language lang, FollowUpOutcome o) {
        StringBuilder s = new StringBuilder();
        s.append(page(lang, "reached")).append(' ').append(page(lang, o.reached() ? "yes" : "no")).append(" · ")
                .append(page(lang, "cause")).append(": ").append(page(lang, "cause." + o.cause().wireName())).append(" · ")
                .append(page(lang, "next")).append(": ").append(page(lang, "next." + o.nextStep().wireName()));
        FollowUpOutcome.Aftercare a = o.aftercare();
        if (a != null) {
            if (a.method() != null) s.append(" · ").append(page(lang, "method." + a.method().wireName()));
            if (a.withWhom() != null) s.append(" · ").append(page(lang, "withWhom." + a.withWhom().wireName()));
            if (a.stillEmployed() != null) {
                s.append(" · ").append(page(lang, "stillEmployed")).append(' ').append(page(lang, a.stillEmployed() ? "yes" : "no"));
            }
            if (a.hoursPerWeek() != null) s.append(" · ").append(Texts.t(lang, "ms.hours", Views.number(lang, a.hoursPerWeek())));
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- the history

    /**
     * The timeline as {@link ParticipantHistory} assembles it (which events, in which order, by whom), put
     * into words: newest first, each with its time, what happened and who did it.
     */
    private void timeline(StringBuilder sb, Language lang, Participant p) {
        Referral r = p.referral();
        List<ParticipantHistory.Event> events = ParticipantHistory.of(r, p.path(), p.plan(), p.attendance().attendance(),
                p.notices(), p.tasks());
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "hist.hint"))).append("</p><ol id=\"history\">");
        for (ParticipantHistory.Event e : events) {
            String by = e.by() == null ? null : personName(r, e.by());
            sb.append("<li data-what=\"").append(e.what()).append("\">").append(esc(time(lang, e.at()))).append(" · <strong>")
                    .append(esc(eventText(lang, e))).append("</strong>");
            if (by != null) sb.append(" · <span class=\"meta\">").append(esc(by)).append("</span>");
            sb.append("</li>");
        }
        sb.append("</ol>");
    }

    /** What happened, in the page's language. */
    private String eventText(Language lang, ParticipantHistory.Event e) {
        if (e instanceof ParticipantHistory.StatusChanged s) {
            StatusChange h = s.change();
            String text = Texts.t(lang, "hist.status", Texts.t(lang, "status." + h.status().wireName()));
            if (h.outcome() != null) text += " · " + Texts.t(lang, "outcome." + h.outcome());
            if (h.reason() != null) text += " · " + h.reason();
            return text;
        }
        if (e instanceof ParticipantHistory.StepRecorded s) {
            Milestone m = s.milestone();
            return Texts.t(lang, s.correction() ? "hist.correction" : "hist.milestone",
                    Texts.t(lang, "ms.type." + m.type().wireName()), date(lang, m.effectiveOn()));
        }
        if (e instanceof ParticipantHistory.PlanSaved s) return Texts.t(lang, "hist.plan", s.change().version());
        if (e instanceof ParticipantHistory.AttendancePlanned s) {
            return Texts.t(lang, "hist.attendancePlan", date(lang, s.plan().validFrom()), planText(lang, s.plan()));
        }
        if (e instanceof ParticipantHistory.AgreementMade s) {
            return Texts.t(lang, "hist.agreement", day(lang, s.agreement().date()), agreementText(lang, s.agreement()));
        }
        if (e instanceof ParticipantHistory.Registered s) {
            return Texts.t(lang, s.correction() ? "hist.registrationCorrected" : "hist.registration",
                    day(lang, s.registration().date()), registrationText(lang, s.registration()));
        }
        if (e instanceof ParticipantHistory.NoticeSent s) return Texts.t(lang, "hist.notice", day(lang, s.notice().date()));
        if (e instanceof ParticipantHistory.NoticeCorrected s) {
            return Texts.t(lang, "hist.noticeCorrected", day(lang, s.notice().date()));
        }
        if (e instanceof ParticipantHistory.FollowUpPlanned s) {
            return Texts.t(lang, "hist.followUp", kindText(lang, s.task()), time(lang, s.task().dueAt()));
        }
        ParticipantHistory.FollowUpClosed s = (ParticipantHistory.FollowUpClosed) e;
        return Texts.t(lang, "hist.followUpClosed", kindText(lang, s.task()));
    }

    /** The path as PathService gives it (each step as last corrected, by date) and the quick milestone form. */
    private void milestonesCard(StringBuilder sb, Language lang, String csrf, Referral r, Path path,
                                Map<String, String> errors, Map<String, String> posted) {
        sb.append("<section class=\"card\" id=\"milestones\"><h2>").append(esc(Texts.t(lang, "ref.milestones")))
                .append("</h2>");
        List<Path.Step> steps = path.steps();
        // a step can be corrected while enrolled and after the exit (the API's corrects)
        boolean correctable = r.status() == ReferralStatus.ENROLLED || r.status() == ReferralStatus.EXITED;
        if (steps.isEmpty()) {
            sb.append("<p class=\"meta\" id=\"milestones-empty\">").append(esc(Texts.t(lang, "ms.none"))).append("</p>");
        } else {
            sb.append("<ol id=\"path\">");
            for (Path.Step st : steps) {
                Milestone m = st.current();
                sb.append("<li data-milestone=\"").append(m.type().wireName()).append("\"><strong>")
                        .append(esc(date(lang, m.effectiveOn()))).append("</strong> · ")
                        .append(esc(Texts.t(lang, "ms.type." + m.type().wireName())));
                if (m.employer() != null) sb.append(" · ").append(esc(m.employer()));
                if (m.jobKind() != null) sb.append(" · ").append(esc(Texts.t(lang, "ms.jobKind." + m.jobKind().wireName())));
                if (m.hoursPerWeek() != null) {
                    sb.append(" · ").append(esc(Texts.t(lang, "ms.hours", Views.number(lang, m.hoursPerWeek()))));
                }
                if (m.expectedEnd() != null) {
                    sb.append(" · ").append(esc(Texts.t(lang, "ms.expectedEndShort", date(lang, m.expectedEnd()))));
                }
                if (m.reason() != null && m.type() != MilestoneType.EXITED) {
                    sb.append("<br><span class=\"meta\">").append(esc(m.reason())).append("</span>");
                }
                if (m.type() == MilestoneType.EXITED && m.reason() != null) {
                    sb.append(" · ").append(esc(Texts.t(lang, "outcome." + m.reason())));
                }
                if (m.note() != null) sb.append("<br><span class=\"meta\">").append(esc(m.note())).append("</span>");
                if (!m.id().equals(st.stepId())) { // the step as corrected (its first record is kept in the history)
                    sb.append("<br><span class=\"meta\" data-corrected>").append(esc(Texts.t(lang, "ms.corrected")))
                            .append("</span>");
                }
                if (correctable && MilestoneForm.TYPES.contains(m.type())) {
                    boolean failedHere = m.id().equals(posted.get("ms.corrects"));
                    correctionForm(sb, lang, csrf, r, m, failedHere ? errors : Map.of(), failedHere ? posted : Map.of());
                }
                sb.append("</li>");
            }
            sb.append("</ol>");
        }
        // a failed correction keeps its errors on its own form, not on the new-milestone form; one whose
        // record has been corrected meanwhile (no form any more) shows them here
        String correcting = posted.get("ms.corrects");
        if (correcting != null && !correcting.isBlank()) {
            if (correctable && steps.stream().noneMatch(st -> st.current().id().equals(correcting))) {
                for (Map.Entry<String, String> e : errors.entrySet()) {
                    sb.append("<p class=\"error\" data-field=\"").append(esc(e.getKey())).append("\">")
                            .append(esc(e.getValue())).append("</p>");
                }
            }
            errors = Map.of();
            posted = Map.of();
        }
        if (r.status() == ReferralStatus.ENROLLED) {
            sb.append("<h3>").append(esc(Texts.t(lang, "ms.new")))
                    .append("</h3><form method=\"post\" action=\"/app/referrals/").append(esc(r.id()))
                    .append("/milestone\" id=\"milestone-form\" novalidate>").append(Html.hiddenCsrf(csrf));
            if (errors.containsKey("ms.corrects")) error(sb, errors, "ms.corrects");
            sb.append("<label for=\"f-ms-type\">").append(esc(Texts.t(lang, "ms.field.type")))
                    .append("</label><select id=\"f-ms-type\" name=\"ms.type\"")
                    .append(invalid(errors, "ms.type")).append(">");
            option(sb, "", Texts.t(lang, "form.choose"), posted.get("ms.type"));
            for (MilestoneType t : MilestoneForm.TYPES) {
                option(sb, t.wireName(), Texts.t(lang, "ms.type." + t.wireName()), posted.get("ms.type"));
            }
            sb.append("</select>");
            error(sb, errors, "ms.type");
            msField(sb, lang, "ms.effectiveOn", "date", posted.getOrDefault("ms.effectiveOn", ""), errors, null);
            msField(sb, lang, "ms.employer", "text", posted.getOrDefault("ms.employer", ""), errors, "ms.hint.employer");
            sb.append("<label for=\"f-ms-jobKind\">").append(esc(Texts.t(lang, "ms.field.jobKind")))
                    .append("</label><select id=\"f-ms-jobKind\" name=\"ms.jobKind\"")
                    .append(invalid(errors, "ms.jobKind")).append(">");
            option(sb, "", Texts.t(lang, "form.choose"), posted.get("ms.jobKind"));
            for (JobKind k : JobKind.values()) {
                option(sb, k.wireName(), Texts.t(lang, "ms.jobKind." + k.wireName()), posted.get("ms.jobKind"));
            }
            sb.append("</select><p class=\"hint\">").append(esc(Texts.t(lang, "ms.hint.jobKind"))).append("</p>");
            error(sb, errors, "ms.jobKind");
            msField(sb, lang, "ms.hoursPerWeek", "text", posted.getOrDefault("ms.hoursPerWeek", ""), errors,
                    "ms.hint.hoursPerWeek");
            msField(sb, lang, "ms.expectedEnd", "date", posted.getOrDefault("ms.expectedEnd", ""), errors,
                    "ms.hint.expectedEnd");
            sb.append("<label for=\"f-ms-reason\">").append(esc(Texts.t(lang, "ms.field.reason")))
                    .append("</label><textarea id=\"f-ms-reason\" name=\"ms.reason\" maxlength=\"2000\"")
                    .append(invalid(errors, "ms.reason")).append(">")
                    .append(esc(posted.getOrDefault("ms.reason", ""))).append("</textarea><p class=\"hint\">")
                    .append(esc(Texts.t(lang, "ms.hint.reason"))).append("</p>");
            error(sb, errors, "ms.reason");
            sb.append("<label for=\"f-ms-note\">").append(esc(Texts.t(lang, "ms.field.note")))
                    .append("</label><textarea id=\"f-ms-note\" name=\"ms.note\" maxlength=\"2000\">")
                    .append(esc(posted.getOrDefault("ms.note", ""))).append("</textarea>");
            error(sb, errors, "ms.note");
            sb.append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "ms.save")))
                    .append("</button></form>");
        }
        sb.append("</section>");
    }

    private static void msField(StringBuilder sb, Language lang, String name, String type, String value,
                                Map<String, String> errors, String hintKey) {
        input(sb, lang, "ms.field." + name.substring(3), name, type, value, errors, hintKey);
    }

    /**
     * The form that corrects one step: the same fields as a new milestone, filled in with the step as
     * it stands, its type fixed (a correction keeps the type) and {@code ms.corrects} naming the record.
     */
    private void correctionForm(StringBuilder sb, Language lang, String csrf, Referral r, Milestone m,
                                Map<String, String> errors, Map<String, String> posted) {
        String mid = esc(m.id());
        String pre = "f-" + mid + "-";
        Map<String, String> v = new java.util.HashMap<>();
        v.put("ms.effectiveOn", m.effectiveOn().toString());
        if (m.employer() != null) v.put("ms.employer", m.employer());
        if (m.jobKind() != null) v.put("ms.jobKind", m.jobKind().wireName());
        if (m.hoursPerWeek() != null) v.put("ms.hoursPerWeek", Views.number(lang, m.hoursPerWeek()));
        if (m.expectedEnd() != null) v.put("ms.expectedEnd", m.expectedEnd().toString());
        if (m.reason() != null) v.put("ms.reason", m.reason());
        if (m.note() != null) v.put("ms.note", m.note());
        if (!posted.isEmpty()) v = posted;
        sb.append("<details").append(errors.isEmpty() ? "" : " open").append(" class=\"noprint\"><summary>")
                .append(esc(Texts.t(lang, "ms.correct"))).append("</summary><form method=\"post\" action=\"/app/referrals/")
                .append(esc(r.id())).append("/milestone\" id=\"correct-").append(mid).append("\" novalidate>")
                .append(Html.hiddenCsrf(csrf)).append("<input type=\"hidden\" name=\"ms.corrects\" value=\"").append(mid)
                .append("\"><input type=\"hidden\" name=\"ms.type\" value=\"").append(m.type().wireName()).append("\">");
        for (String k : new String[] {"ms.corrects", "ms.type"}) {
            if (errors.containsKey(k)) {
                sb.append("<p class=\"error\" data-field=\"").append(k).append("\">").append(esc(errors.get(k))).append("</p>");
            }
        }
        corrField(sb, lang, pre, "ms.effectiveOn", "date", v, errors);
        switch (m.type()) {
            case INTERNSHIP_STARTED -> {
                corrField(sb, lang, pre, "ms.employer", "text", v, errors);
                corrField(sb, lang, pre, "ms.hoursPerWeek", "text", v, errors);
                corrField(sb, lang, pre, "ms.expectedEnd", "date", v, errors);
            }
            case JOB_STARTED -> {
                corrField(sb, lang, pre, "ms.employer", "text", v, errors);
                sb.append("<label for=\"").append(pre).append("jobKind\">").append(esc(Texts.t(lang, "ms.field.jobKind")))
                        .append("</label><select id=\"").append(pre).append("jobKind\" name=\"ms.jobKind\">");
                for (JobKind k : JobKind.values()) {
                    option(sb, k.wireName(), Texts.t(lang, "ms.jobKind." + k.wireName()), v.get("ms.jobKind"));
                }
                sb.append("</select>");
                fuError(sb, pre, errors, "ms.jobKind");
                corrField(sb, lang, pre, "ms.hoursPerWeek", "text", v, errors);
            }
            case HOURS_CHANGED -> corrField(sb, lang, pre, "ms.hoursPerWeek", "text", v, errors);
            case INTERNSHIP_ENDED, JOB_ENDED -> {
                sb.append("<label for=\"").append(pre).append("reason\">").append(esc(Texts.t(lang, "ms.field.reason")))
                        .append("</label><textarea id=\"").append(pre).append("reason\" name=\"ms.reason\" maxlength=\"2000\">")
                        .append(esc(v.getOrDefault("ms.reason", ""))).append("</textarea>");
                fuError(sb, pre, errors, "ms.reason");
            }
            default -> {
            }
        }
        sb.append("<label for=\"").append(pre).append("note\">").append(esc(Texts.t(lang, "ms.field.note")))
                .append("</label><textarea id=\"").append(pre).append("note\" name=\"ms.note\" maxlength=\"2000\">")
                .append(esc(v.getOrDefault("ms.note", ""))).append("</textarea>");
        fuError(sb, pre, errors, "ms.note");
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "ms.correctHint"))).append("</p>")
                .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "ms.correctSave")))
                .append("</button></form></details>");
    }

    private static void corrField(StringBuilder sb, Language lang, String pre, String name, String type,
                                  Map<String, String> v, Map<String, String> errors) {
        String fid = pre + name.substring(3);
        sb.append("<label for=\"").append(fid).append("\">").append(esc(Texts.t(lang, "ms.field." + name.substring(3))))
                .append("</label><input type=\"").append(type).append("\" id=\"").append(fid).append("\" name=\"")
                .append(name).append("\" value=\"").append(esc(v.getOrDefault(name, ""))).append("\"")
                .append(invalidAt(errors, name, fid)).append(">");
        fuError(sb, pre, errors, name);
    }

    private static void agreementForm(StringBuilder sb, Language lang, String csrf, String id, AttendanceView v,
                                      Map<String, String> errors, Map<String, String> posted) {
        sb.append("<form method=\"post\" action=\"/app/referrals/").append(id)
                .append("/attendance-agreement\" id=\"attendance-agreement\" novalidate>").append(Html.hiddenCsrf(csrf))
                .append("<h3>").append(esc(Texts.t(lang, "att.agreementTitle"))).append("</h3>");
        field(sb, lang, "ag.date", "date", posted.getOrDefault("ag.date", v.today().toString()), errors, null);
        sb.append("<fieldset id=\"f-ag-kind\"").append(describedBy(errors, "ag.kind", "f-ag-kind")).append("><legend>").append(esc(Texts.t(lang, "att.field.ag.kind")))
                .append("</legend><div class=\"choices\">");
        for (String k : new String[] {"shorter", "later", "dayOff"}) {
            sb.append("<label><input type=\"radio\" name=\"ag.kind\" value=\"").append(k).append("\"")
                    .append(k.equals(posted.get("ag.kind")) ? " checked" : "").append(">")
                    .append(esc(Texts.t(lang, "att.kind." + k))).append("</label>");
        }
        sb.append("</div>");
        error(sb, errors, "ag.kind");
        sb.append("</fieldset>");
        field(sb, lang, "ag.start", "time", posted.getOrDefault("ag.start", ""), errors, "att.hint.start");
        field(sb, lang, "ag.hours", "decimal", posted.getOrDefault("ag.hours", ""), errors, "att.hint.hours");
        sb.append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "att.agreementSave")))
                .append("</button></form>");
    }

    private static void registrationForm(StringBuilder sb, Language lang, String csrf, String id, AttendanceView v,
                                         Map<String, String> errors, Map<String, String> posted) {
        sb.append("<form method=\"post\" action=\"/app/referrals/").append(id)
                .append("/attendance\" id=\"attendance-register\" novalidate>").append(Html.hiddenCsrf(csrf))
                .append("<h3>").append(esc(Texts.t(lang, "att.registerTitle"))).append("</h3>");
        field(sb, lang, "reg.date", "date", posted.getOrDefault("reg.date", v.today().toString()), errors, null);
        sb.append("<fieldset id=\"f-reg-status\"").append(describedBy(errors, "reg.status", "f-reg-status")).append("><legend>").append(esc(Texts.t(lang, "att.field.reg.status")))
                .append("</legend><div class=\"choices\">");
        for (Registration.Status st : Registration.Status.values()) {
            sb.append("<label><input type=\"radio\" name=\"reg.status\" value=\"").append(st.wireName()).append("\"")
                    .append(st.wireName().equals(posted.get("reg.status")) ? " checked" : "").append(">")
                    .append(esc(Texts.t(lang, "att.status." + st.wireName()))).append("</label>");
        }
        sb.append("</div>");
        error(sb, errors, "reg.status");
        sb.append("</fieldset>");
        field(sb, lang, "reg.arrival", "time", posted.getOrDefault("reg.arrival", ""), errors, "att.hint.arrival");
        sb.append("<label for=\"f-reg-reason\">").append(esc(Texts.t(lang, "att.field.reg.reason")))
                .append("</label><select id=\"f-reg-reason\" name=\"reg.reason\"")
                .append(invalid(errors, "reg.reason")).append(">");
        option(sb, "", Texts.t(lang, "form.choose"), posted.get("reg.reason"));
        for (Registration.Reason x : Registration.Reason.values()) {
            option(sb, x.wireName(), Texts.t(lang, "att.reason." + x.wireName()), posted.get("reg.reason"));
        }
        sb.append("</select>");
        error(sb, errors, "reg.reason");
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "att.hint.correction"))).append("</p>")
                .append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "att.registerSave")))
                .append("</button></form>");
    }

    private static void planStepForm(StringBuilder sb, Language lang, String csrf, String id, AttendancePlan current,
                                     LocalDate today, Map<String, String> errors, Map<String, String> posted) {
        boolean fresh = posted.isEmpty();
        sb.append("<details").append(errors.isEmpty() && current != null ? "" : " open").append("><summary>")
                .append(esc(Texts.t(lang, current == null ? "att.planNew" : "att.planEdit")))
                .append("</summary><form method=\"post\" action=\"/app/referrals/").append(id)
                .append("/attendance-plan\" id=\"attendance-plan-form\" novalidate>").append(Html.hiddenCsrf(csrf));
        field(sb, lang, "ap.validFrom", "date", fresh ? today.toString() : posted.getOrDefault("ap.validFrom", ""),
                errors, "att.hint.validFrom");
        sb.append("<fieldset id=\"f-ap-weekdays\"").append(describedBy(errors, "ap.weekdays", "f-ap-weekdays")).append("><legend>").append(esc(Texts.t(lang, "att.field.ap.weekdays")))
                .append("</legend><div class=\"choices\">");
        for (java.time.DayOfWeek d : AttendanceForm.WEEKDAYS) {
            String name = AttendanceForm.weekdayField(d);
            boolean on = fresh ? current != null && current.weekdays().contains(d) : posted.containsKey(name);
            sb.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" value=\"1\"")
                    .append(on ? " checked" : "").append(">")
                    .append(esc(d.getDisplayName(java.time.format.TextStyle.SHORT, locale(lang)))).append("</label>");
        }
        sb.append("</div>");
        error(sb, errors, "ap.weekdays");
        sb.append("</fieldset>");
        field(sb, lang, "ap.start", "time", fresh ? (current == null ? "09:00" : current.start().toString())
                : posted.getOrDefault("ap.start", ""), errors, null);
        field(sb, lang, "ap.hoursPerDay", "decimal", fresh ? (current == null ? "" : Views.hours(lang, current.minutes()))
                : posted.getOrDefault("ap.hoursPerDay", ""), errors, "att.hint.hoursPerDay");
        boolean during = fresh ? current != null && current.duringInternship() : posted.containsKey("ap.duringInternship");
        sb.append("<div class=\"choices\" id=\"f-ap-duringInternship\"><label><input type=\"checkbox\" name=\"ap.duringInternship\" value=\"1\"")
                .append(during ? " checked" : "").append(">").append(esc(Texts.t(lang, "att.field.ap.duringInternship")))
                .append("</label></div>");
        error(sb, errors, "ap.duringInternship");
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "att.hint.duringInternship"))).append("</p>");
        sb.append("<button class=\"primary\" type=\"submit\">").append(esc(Texts.t(lang, "att.planSave")))
                .append("</button></form></details>");
    }

    private static void field(StringBuilder sb, Language lang, String name, String type, String value,
                              Map<String, String> errors, String hintKey) {
        input(sb, lang, "att.field." + name, name, type, value, errors, hintKey);
    }

    /** The fields of the attendance and milestone forms that may be left empty (marked so by their label). */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of("ag.start", "ag.hours", "ms.expectedEnd");

    /**
     * A labelled input with its hint under the label and its field error (the attendance, milestone and follow-up
     * forms), tied to both by aria-describedby; type "decimal": a text field for a number with a decimal comma.
     */
    private static void input(StringBuilder sb, Language lang, String labelKey, String name, String type, String value,
                              Map<String, String> errors, String hintKey) {
        String fid = fieldId(name);
        sb.append("<label for=\"").append(fid).append("\">").append(esc(Texts.t(lang, labelKey)))
                .append(OPTIONAL.contains(name) ? optional(lang) : "").append("</label>");
        if (hintKey != null) {
            sb.append("<p class=\"hint\" id=\"").append(fid).append("-hint\">").append(esc(Texts.t(lang, hintKey)))
                    .append("</p>");
        }
        sb.append("<input type=\"").append("decimal".equals(type) ? "text" : type).append("\" id=\"").append(fid)
                .append("\" name=\"").append(name).append("\" value=\"").append(esc(value)).append("\"")
                .append("number".equals(type) ? " inputmode=\"numeric\"" : "decimal".equals(type) ? " inputmode=\"decimal\"" : "")
                .append(hintKey == null ? invalid(errors, name) : invalid(errors, name, fid + "-hint")).append(">");
        error(sb, errors, name);
    }

    // ---------------------------------------------------------------- what the overview shares with the pieces

    private String date(Language lang, Instant at) {
        return views.date(lang, at);
    }

    private String date(Language lang, LocalDate d) {
        return Views.date(lang, d);
    }

    private String time(Language lang, Instant at) {
        return views.time(lang, at);
    }

    private String personName(Referral r, String actor) {
        return views.personName(r, actor);
    }
}
