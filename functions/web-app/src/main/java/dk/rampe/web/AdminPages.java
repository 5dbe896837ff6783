package dk.rampe.web;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.Language;
import dk.rampe.core.ValidationException;
import dk.rampe.json.SettingsCodec;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.ReferralStore;
import dk.rampe.referral.SettingsReplacement;
import dk.rampe.settings.ReportSettings;
import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsChange;
import dk.rampe.settings.SettingsPart;
import dk.rampe.settings.SettingsSave;
import dk.rampe.settings.SettingsStore;
import dk.rampe.settings.SettingsVersion;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings pages under /app/admin, for administrators only (the API's admin: the {@code rampe-admin} group,
 * who may also {@code PUT /v1/admin/settings}): an overview of every part with a "Ret" link each, one form per
 * part ({@link SettingsForm}), and the history of saves. A save goes through the admin API's parser and its rule
 * on removals ({@link SettingsCodec#parse}, {@link SettingsReplacement#refuseRemovalsInUse}), is made against the
 * revision the form was read at (a save after someone else's is refused, with their change shown and the typed
 * values kept), and is recorded in the settings' history in the same write ({@link SettingsStore#replace(
 * SettingsVersion, Settings, String)}).
 */
final class AdminPages {
    static final String ROOT = "/app/admin";
    private static final Pattern PROGRAMME_PART =
            Pattern.compile("^/app/admin/programmes/([A-Za-z0-9._-]{1,64})/([a-z-]{1,32})$");
    private static final int HISTORY_SHOWN = 100;

    private final SettingsStore settings;
    private final ReferralStore referrals;
    private final Views views;
    /** The import of a programme's history, under /app/admin/import. */
    private final ImportPage imports;

    AdminPages(SettingsStore settings, ReferralStore referrals, Views views, ImportPage imports) {
        this.settings = settings;
        this.referrals = referrals;
        this.views = views;
        this.imports = imports;
    }

    WebAppHandler.Answer handle(WebAppHandler.Request req, String csrf) {
        Caller caller = req.session().caller();
        // a caseworker, a consultant and a project owner alike: only an administrator changes the settings
        if (caller.role() != Caller.Role.ADMIN) throw DomainException.forbidden("role.adminOnly");
        if (ImportPage.handles(req.path())) return imports.handle(req, csrf);
        boolean get = "GET".equals(req.method());
        if (req.path().equals(ROOT) && get) return ok(overview(req, csrf, settings.version()));
        if (req.path().equals(ROOT + "/history") && get) return ok(history(req, csrf));
        if (req.path().equals(ROOT + "/" + SettingsForm.Part.JOBCENTRES.slug)) {
            return part(req, csrf, SettingsForm.Part.JOBCENTRES, null);
        }
        if (req.path().equals(ROOT + "/" + SettingsForm.Part.NEW_PROGRAMME.slug)) {
            return part(req, csrf, SettingsForm.Part.NEW_PROGRAMME, null);
        }
        Matcher m = PROGRAMME_PART.matcher(req.path());
        if (m.matches()) {
            SettingsForm.Part part = SettingsForm.Part.fromSlug(m.group(2)).filter(SettingsForm.Part::ofProgramme)
                    .orElseThrow(() -> DomainException.notFound("route.notFound"));
            return part(req, csrf, part, m.group(1));
        }
        throw DomainException.notFound("route.notFound");
    }

    private static WebAppHandler.Answer ok(String body) {
        return WebAppHandler.Answer.html(200, body);
    }

    // ---------------------------------------------------------------- a part's form

    private WebAppHandler.Answer part(WebAppHandler.Request req, String csrf, SettingsForm.Part part, String programmeId) {
        SettingsVersion v = settings.version();
        Settings.Programme p = programmeId == null ? null : v.settings().programme(programmeId)
                .orElseThrow(() -> DomainException.notFound("route.notFound"));
        if ("GET".equals(req.method())) {
            return ok(form(req, csrf, part, v, p, SettingsForm.values(part, v.settings(), p), Map.of(), null));
        }
        if (!"POST".equals(req.method())) throw DomainException.notFound("route.notFound");
        Map<String, String> typed = req.form();
        long from;
        try {
            from = Long.parseLong(typed.getOrDefault("revision", ""));
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (from != v.revision()) return stale(req, csrf, part, v, p, typed, from);
        SettingsForm.Merged merged = SettingsForm.merge(part, v.settings(), programmeId, typed);
        if (part == SettingsForm.Part.NEW_PROGRAMME) programmeId = typed.getOrDefault("id", "").strip();
        Set<String> fields = fields(part, v.settings(), p, typed);
        Map<String, String> errors = new LinkedHashMap<>();
        merged.errors().forEach((field, code) -> errors.put(field, Texts.t(req.lang(), "adm.error." + code)));
        Settings next = null;
        try {
            next = SettingsCodec.parse(merged.root());
        } catch (ValidationException e) {
            for (FieldError fe : e.errors()) {
                String field = merged.field(part, fe.field(), fields);
                errors.putIfAbsent(field == null ? "form" : field, message(req.lang(), field, fe));
            }
        }
        if (errors.isEmpty()) {
            try {
                SettingsReplacement.refuseRemovalsInUse(v.settings(), next, referrals);
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.CONFLICT) throw e;
                errors.put(inUseField(part, typed, e), Texts.api(e.code(), req.lang(), e.args()));
            }
        }
        if (!errors.isEmpty()) {
            return WebAppHandler.Answer.html(400, form(req, csrf, part, v, p, typed, errors, null));
        }
        if (SettingsPart.changed(v.settings(), next).isEmpty()) return WebAppHandler.Answer.redirect(ROOT + "?done=unchanged");
        SettingsSave save = settings.replace(v, next, req.session().caller().id());
        if (save instanceof SettingsSave.Stale s) return stale(req, csrf, part, s.current(), p, typed, v.revision());
        // a new programme goes on to its quotas and dates (its jobcentres), the rest back to the overview
        return WebAppHandler.Answer.redirect(part == SettingsForm.Part.NEW_PROGRAMME
                ? ROOT + "/programmes/" + programmeId + "/" + SettingsForm.Part.QUOTAS_AND_DATES.slug + "?done=new-programme"
                : ROOT + "?done=" + part.slug);
    }

    /**
     * Someone saved the settings after this form was read: nothing saved; the form again with every typed value,
     * their change above it (who, when, which parts) and beside each field what is stored now where it differs,
     * made from the revision stored now, so a second save (after a look) goes through.
     */
    private WebAppHandler.Answer stale(WebAppHandler.Request req, String csrf, SettingsForm.Part part, SettingsVersion now,
                                       Settings.Programme was, Map<String, String> typed, long from) {
        Settings.Programme p = was == null ? null : now.settings().programme(was.id()).orElse(null);
        if (was != null && p == null) throw DomainException.notFound("route.notFound"); // the programme is gone
        List<SettingsChange> since = settings.history(HISTORY_SHOWN).stream().filter(c -> c.revision() > from).toList();
        return WebAppHandler.Answer.html(409, form(req, csrf, part, now, p, typed, Map.of(),
                new Conflict(since, SettingsForm.values(part, now.settings(), p))));
    }

    /** The saves made meanwhile (newest first) and the stored values now. */
    private record Conflict(List<SettingsChange> since, Map<String, String> stored) {
    }

    /** The row whose removal the rule on removals refused (its remove box), else the form as a whole. */
    private static String inUseField(SettingsForm.Part part, Map<String, String> typed, DomainException e) {
        if (part == SettingsForm.Part.JOBCENTRES && e.args().length > 0) {
            for (int i : SettingsForm.rows(typed, "jobcentres")) {
                if (String.valueOf(e.args()[0]).equals(typed.get("jobcentres[" + i + "].id"))) {
                    return "jobcentres[" + i + "].remove";
                }
            }
        }
        if (part == SettingsForm.Part.QUOTAS_AND_DATES && e.args().length > 0) {
            return "partner." + e.args()[0] + ".quota";
        }
        return "form";
    }

    /** What the error says, in the form's words where the web app has them, else the API's message. */
    private static String message(Language lang, String field, FieldError fe) {
        String general = field == null ? null : field.replaceAll("\\[\\d+]", "").replaceAll("^partner\\.[^ ]+\\.", "partner.")
                .replaceAll("^targets\\.[a-z0-9_]+\\.", "targets.");
        for (String key : new String[] {general == null ? null : "adm.error." + general + "." + fe.code(),
                "adm.error." + fe.code()}) {
            if (key != null && Texts.has(lang, key)) return Texts.t(lang, key, fe.args());
        }
        return Texts.api(fe.code(), lang, fe.args());
    }

    /** Every field name of the part's form (the names an error can be led back to). */
    private static Set<String> fields(SettingsForm.Part part, Settings s, Settings.Programme p, Map<String, String> typed) {
        Set<String> out = new HashSet<>(SettingsForm.values(part, s, p).keySet());
        out.addAll(typed.keySet());
        for (String list : List.of("jobcentres", "consultants")) {
            for (int i : SettingsForm.rows(typed, list)) {
                for (String f : List.of("id", "name", "clientIds", "email", "phone", "channel", "language", "remove")) {
                    out.add(list + "[" + i + "]." + f);
                }
            }
        }
        out.addAll(List.of("name", "intakeOpens", "intakeStops", "staff", "projectManagerId", "report.recipients",
                "report.maxStartsPerConsultant4Weeks", "closingDays", "attendance.reportEveryAbsence",
                "attendance.graceMinutes", "attendance.inARow", "attendance.withinCount", "attendance.withinWorkingDays",
                "attendance.escalateAfterHours", "attendance.teamLeadEmail", "attendance.participantSms"));
        for (String c : SettingsForm.CALENDAR) out.add("calendar." + c);
        for (String name : SettingsForm.EARLY_WARNING) out.add("earlyWarning." + name);
        for (ReportSettings.TargetKind k : ReportSettings.TargetKind.values()) {
            out.add("targets." + k.wireName() + ".value");
            out.add("targets." + k.wireName() + ".kind");
        }
        for (Settings.Jobcentre j : s.jobcentres()) {
            out.add("partner." + j.id() + ".quota");
            out.add("partner." + j.id() + ".defaultConsultantId");
            out.add("partner." + j.id() + ".jobcentreId");
        }
        return out;
    }

    // ---------------------------------------------------------------- rendering a form

    /** Builds one form's fields: labels, hints, errors, the stored value beside a typed one after a conflict. */
    private static final class Fields {
        final StringBuilder sb = new StringBuilder(8192);
        final Language lang;
        final Map<String, String> values;
        final Map<String, String> errors;
        final Map<String, String> stored;
        /** Each field's label as the error summary names it. */
        final Map<String, String> labels = new LinkedHashMap<>();

        Fields(Language lang, Map<String, String> values, Map<String, String> errors, Map<String, String> stored) {
            this.lang = lang;
            this.values = values;
            this.errors = errors;
            this.stored = stored;
        }

        String t(String key, Object... args) {
            return Texts.t(lang, key, args);
        }

        private String describedBy(String name, boolean hint) {
            String id = Views.fieldId(name);
            StringBuilder d = new StringBuilder();
            if (hint) d.append(id).append("-hint");
            if (errors.containsKey(name)) d.append(d.length() > 0 ? " " : "").append(id).append("-error");
            if (stored != null && differs(name)) d.append(d.length() > 0 ? " " : "").append(id).append("-stored");
            return d.length() == 0 ? "" : " aria-describedby=\"" + d + "\"";
        }

        private boolean differs(String name) {
            return !stored.getOrDefault(name, "").strip().equals(values.getOrDefault(name, "").strip());
        }

        private void label(String name, String label, boolean optional) {
            labels.put(name, label);
            sb.append("<label for=\"").append(Views.fieldId(name)).append("\">").append(esc(label));
            if (optional) sb.append(" <span class=\"meta\">").append(esc(t("adm.optional"))).append("</span>");
            sb.append("</label>");
        }

        private void after(String name, String hint) {
            String id = Views.fieldId(name);
            if (hint != null) sb.append("<p class=\"hint\" id=\"").append(id).append("-hint\">").append(esc(hint)).append("</p>");
            String e = errors.get(name);
            if (e != null) {
                sb.append("<p class=\"error\" id=\"").append(id).append("-error\" data-field=\"").append(esc(name))
                        .append("\">").append(esc(e)).append("</p>");
            }
            if (stored != null && differs(name)) {
                String now = stored.getOrDefault(name, "");
                sb.append("<p class=\"hint\" id=\"").append(id).append("-stored\" data-stored=\"").append(esc(name))
                        .append("\">").append(esc(t("adm.storedNow", now.isBlank() ? t("adm.empty") : now.replace('\n', ' '))))
                        .append("</p>");
            }
        }

        void input(String name, String label, String hint, boolean optional, String type, String inputmode) {
            label(name, label, optional);
            sb.append("<input type=\"").append(type).append("\" id=\"").append(Views.fieldId(name)).append("\" name=\"")
                    .append(esc(name)).append("\" value=\"").append(esc(values.getOrDefault(name, ""))).append("\"")
                    .append(inputmode == null ? "" : " inputmode=\"" + inputmode + "\"")
                    .append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append(describedBy(name, hint != null))
                    .append(">");
            after(name, hint);
        }

        void text(String name, String label, String hint, boolean optional) {
            input(name, label, hint, optional, "text", null);
        }

        void number(String name, String label, String hint, boolean optional) {
            input(name, label, hint, optional, "text", "decimal");
        }

        void textarea(String name, String label, String hint, boolean optional) {
            label(name, label, optional);
            sb.append("<textarea id=\"").append(Views.fieldId(name)).append("\" name=\"").append(esc(name)).append("\"")
                    .append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append(describedBy(name, hint != null))
                    .append(">").append(esc(values.getOrDefault(name, ""))).append("</textarea>");
            after(name, hint);
        }

        void select(String name, String label, boolean optional, Map<String, String> options) {
            label(name, label, optional);
            sb.append("<select id=\"").append(Views.fieldId(name)).append("\" name=\"").append(esc(name)).append("\"")
                    .append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append(describedBy(name, false))
                    .append(">");
            String selected = values.getOrDefault(name, "");
            options.forEach((value, text) -> sb.append("<option value=\"").append(esc(value)).append("\"")
                    .append(value.equals(selected) ? " selected" : "").append(">").append(esc(text)).append("</option>"));
            sb.append("</select>");
            after(name, null);
        }

        void checkbox(String name, String label) {
            labels.put(name, label);
            sb.append("<div class=\"choices\"><label><input type=\"checkbox\" id=\"").append(Views.fieldId(name))
                    .append("\" name=\"").append(esc(name)).append("\" value=\"1\"")
                    .append(values.containsKey(name) ? " checked" : "")
                    .append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append(describedBy(name, false))
                    .append(">").append(esc(label)).append("</label></div>");
            after(name, null);
        }

        void hidden(String name) {
            sb.append("<input type=\"hidden\" name=\"").append(esc(name)).append("\" value=\"")
                    .append(esc(values.getOrDefault(name, ""))).append("\">");
        }
    }

    private String form(WebAppHandler.Request req, String csrf, SettingsForm.Part part, SettingsVersion v,
                        Settings.Programme p, Map<String, String> values, Map<String, String> errors, Conflict conflict) {
        Language lang = req.lang();
        // beside each field what is stored now (a new programme has nothing stored to compare with)
        Fields f = new Fields(lang, values, errors,
                conflict == null || part == SettingsForm.Part.NEW_PROGRAMME ? null : conflict.stored());
        String title = Texts.t(lang, "adm.part." + part.slug) + (p == null ? "" : " · " + p.name());
        switch (part) {
            case JOBCENTRES -> jobcentres(f);
            case NEW_PROGRAMME -> newProgramme(f);
            case QUOTAS_AND_DATES -> quotasAndDates(f, v.settings(), p);
            case CONSULTANTS -> consultants(f, p);
            case TARGETS -> targets(f);
            case CLOSING_DAYS -> closingDays(f);
            case ABSENCE -> absence(f);
        }
        StringBuilder sb = new StringBuilder(f.sb.length() + 2048);
        // first in the page's main part (the skip link's target): what went wrong, then the way back
        if (!errors.isEmpty()) errorSummary(sb, lang, errors, f.labels);
        if (conflict != null) conflict(sb, lang, conflict);
        sb.append("<p><a href=\"").append(ROOT).append("\" id=\"back\">").append(esc(Texts.t(lang, "adm.back")))
                .append("</a></p>");
        sb.append("<h1>").append(esc(title)).append("</h1>");
        sb.append("<p class=\"hint\">").append(esc(Texts.t(lang, "adm.allNeeded"))).append("</p>");
        String action = p == null ? ROOT + "/" + part.slug : ROOT + "/programmes/" + p.id() + "/" + part.slug;
        if ("new-programme".equals(req.query().get("done")) && errors.isEmpty() && conflict == null) {
            sb.append("<div class=\"ok\" id=\"done\" role=\"status\">")
                    .append(esc(Texts.t(lang, "adm.done.newProgramme"))).append("</div>");
        }
        sb.append("<form method=\"post\" action=\"").append(esc(action)).append("\" novalidate id=\"settings-form\">")
                .append(Html.hiddenCsrf(csrf)).append("<input type=\"hidden\" name=\"revision\" value=\"")
                .append(v.revision()).append("\"><div class=\"card\">").append(f.sb).append("</div>")
                .append("<button class=\"primary\" type=\"submit\" id=\"save\">").append(esc(Texts.t(lang, "adm.save")))
                .append("</button></form>");
        return views.page(req, csrf, title, sb.toString());
    }

    /** "Der er et problem": one link per error to its field; rendered first, focusable, so it is read first. */
    private static void errorSummary(StringBuilder sb, Language lang, Map<String, String> errors, Map<String, String> labels) {
        sb.append("<div class=\"errors\" id=\"errors\" role=\"alert\" tabindex=\"-1\"><h2>")
                .append(esc(Texts.t(lang, "adm.errors.title"))).append("</h2><ul>");
        errors.forEach((field, m) -> {
            if ("form".equals(field)) {
                sb.append("<li data-error=\"form\">").append(esc(m)).append("</li>");
            } else {
                sb.append("<li><a href=\"#").append(Views.fieldId(field)).append("\" data-error=\"").append(esc(field))
                        .append("\">").append(esc(labels.getOrDefault(field, field))).append("</a>: ").append(esc(m))
                        .append("</li>");
            }
        });
        sb.append("</ul></div>");
    }

    private void conflict(StringBuilder sb, Language lang, Conflict c) {
        sb.append("<div class=\"errors\" id=\"conflict\" role=\"alert\" tabindex=\"-1\"><h2>")
                .append(esc(Texts.t(lang, "adm.conflict.title"))).append("</h2><p>")
                .append(esc(Texts.t(lang, "adm.conflict.text"))).append("</p><ul>");
        for (SettingsChange ch : c.since()) {
            sb.append("<li data-revision=\"").append(ch.revision()).append("\">").append(esc(changeText(lang, ch)))
                    .append("</li>");
        }
        sb.append("</ul></div>");
    }

    private String changeText(Language lang, SettingsChange ch) {
        return Texts.t(lang, "adm.change", who(ch.actor()), views.time(lang, ch.at()), parts(lang, ch.parts()));
    }

    /** Who saved: their name where the settings have one (a consultant or project manager), else the user name. */
    private String who(String actor) {
        return settings.current().programmes().stream().flatMap(p -> p.consultant(actor).stream())
                .map(Settings.Consultant::name).findFirst().orElse(actor);
    }

    private String parts(Language lang, List<SettingsPart> parts) {
        if (parts.isEmpty()) return Texts.t(lang, "adm.noDifference");
        StringBuilder out = new StringBuilder();
        for (SettingsPart part : parts) {
            if (out.length() > 0) out.append("; ");
            out.append(Texts.t(lang, "adm.kind." + part.kind().wire()));
            if (part.programmeId() != null) {
                out.append(" (").append(settings.current().programme(part.programmeId()).map(Settings.Programme::name)
                        .orElse(part.programmeId())).append(')');
            }
        }
        return out.toString();
    }

    /** The rows of a list to show: those in the values, then an empty one for a new entry unless the last is new. */
    private static List<Integer> rowsWithNew(Map<String, String> values, String list) {
        List<Integer> rows = new java.util.ArrayList<>(SettingsForm.rows(values, list));
        int last = rows.isEmpty() ? -1 : rows.get(rows.size() - 1);
        if (last < 0 || values.containsKey(list + "[" + last + "].existing")) rows.add(last + 1);
        return rows;
    }

    /**
     * Opens a list row's fieldset, its legend the entry's name: a stored entry's id kept as it is (hidden, and shown),
     * a new entry's id typed. Returns the legend, which each field's label starts with.
     */
    private static String openRow(Fields f, String r, String newLegendKey, String idShownKey, String idLabelKey,
                                  String idHintKey) {
        boolean existing = f.values.containsKey(r + "existing");
        String name = f.values.getOrDefault(r + "name", "");
        String legend = existing ? (name.isBlank() ? f.values.get(r + "id") : name) : f.t(newLegendKey);
        f.sb.append("<fieldset data-row=\"").append(esc(r)).append("\"><legend>").append(esc(legend)).append("</legend>");
        if (existing) {
            f.hidden(r + "existing");
            f.hidden(r + "id");
            f.sb.append("<p class=\"meta\">").append(esc(f.t(idShownKey, f.values.get(r + "id")))).append("</p>");
        } else {
            f.text(r + "id", prefixed(legend, f.t(idLabelKey)), f.t(idHintKey), true);
        }
        return legend;
    }

    private static void jobcentres(Fields f) {
        for (int i : rowsWithNew(f.values, "jobcentres")) {
            String r = "jobcentres[" + i + "].";
            boolean existing = f.values.containsKey(r + "existing");
            String legend = openRow(f, r, "adm.jc.new", "adm.id", "adm.f.id", "adm.hint.id");
            f.text(r + "name", prefixed(legend, f.t("adm.f.jobcentreName")), null, !existing);
            f.text(r + "clientIds", prefixed(legend, f.t("adm.f.clientIds")), f.t("adm.hint.clientIds"), !existing);
            if (existing) f.checkbox(r + "remove", prefixed(legend, f.t("adm.f.removeJobcentre")));
            f.sb.append("</fieldset>");
        }
    }

    /** A row's field label names its row ("Jobcenter Aarhus: Navn"), so the error summary says which. */
    private static String prefixed(String legend, String label) {
        return legend + ": " + label;
    }

    private static void newProgramme(Fields f) {
        f.text("name", f.t("adm.f.programmeName"), f.t("adm.hint.programmeName"), false);
        f.text("id", f.t("adm.f.id"), f.t("adm.hint.programmeId"), false);
        intake(f);
    }

    /** The intake dates as text: "05.01.2026" as people write it (a date picker would drop a date it cannot read). */
    private static void intake(Fields f) {
        f.text("intakeOpens", f.t("adm.f.intakeOpens"), f.t("adm.hint.date"), false);
        f.text("intakeStops", f.t("adm.f.intakeStops"), f.t("adm.hint.intakeStops"), false);
    }

    private static void quotasAndDates(Fields f, Settings s, Settings.Programme p) {
        f.text("name", f.t("adm.f.programmeName"), f.t("adm.hint.programmeName"), false);
        intake(f);
        f.sb.append("<h2>").append(esc(f.t("adm.partners"))).append("</h2><p class=\"hint\">")
                .append(esc(f.t("adm.hint.partners"))).append("</p>");
        Map<String, String> consultants = new LinkedHashMap<>();
        consultants.put("", f.t("adm.choose"));
        for (Settings.Consultant c : p.consultants()) consultants.put(c.id(), c.name());
        for (Settings.Jobcentre j : s.jobcentres()) {
            String r = "partner." + j.id();
            f.sb.append("<fieldset data-partner=\"").append(esc(j.id())).append("\"><legend>").append(esc(j.name()))
                    .append("</legend>");
            f.number(r + ".quota", prefixed(j.name(), f.t("adm.f.quota")), f.t("adm.hint.quota"), true);
            f.select(r + ".defaultConsultantId", prefixed(j.name(), f.t("adm.f.defaultConsultant")), true, consultants);
            f.sb.append("</fieldset>");
        }
    }

    private static void consultants(Fields f, Settings.Programme p) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (String c : List.of("both", "sms", "email")) channels.put(c, f.t("adm.channel." + c));
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("da", "Dansk");
        languages.put("en", "English");
        for (int i : rowsWithNew(f.values, "consultants")) {
            String r = "consultants[" + i + "].";
            boolean existing = f.values.containsKey(r + "existing");
            String legend = openRow(f, r, "adm.c.new", "adm.username", "adm.f.username", "adm.hint.username");
            f.text(r + "name", prefixed(legend, f.t("adm.f.consultantName")), null, !existing);
            f.input(r + "email", prefixed(legend, f.t("adm.f.email")), null, !existing, "email", null);
            f.input(r + "phone", prefixed(legend, f.t("adm.f.phone")), f.t("adm.hint.phone"), !existing, "tel", null);
            f.select(r + "channel", prefixed(legend, f.t("adm.f.channel")), false, channels);
            f.select(r + "language", prefixed(legend, f.t("adm.f.language")), false, languages);
            if (existing) f.checkbox(r + "remove", prefixed(legend, f.t("adm.f.removeConsultant")));
            f.sb.append("</fieldset>");
        }
        f.sb.append("<h2>").append(esc(f.t("adm.staffAndManager"))).append("</h2>");
        f.textarea("staff", f.t("adm.f.staff"), f.t("adm.hint.staff"), true);
        Map<String, String> managers = new LinkedHashMap<>();
        managers.put("", f.t("adm.none"));
        for (Settings.Consultant c : p.consultants()) managers.put(c.id(), c.name());
        f.select("projectManagerId", f.t("adm.f.projectManager"), true, managers);
    }

    private static void targets(Fields f) {
        f.textarea("report.recipients", f.t("adm.f.recipients"), f.t("adm.hint.recipients"), true);
        f.number("report.maxStartsPerConsultant4Weeks", f.t("adm.f.maxStarts"), f.t("adm.hint.maxStarts"), true);
        f.sb.append("<h2>").append(esc(f.t("adm.targets"))).append("</h2><p class=\"hint\">")
                .append(esc(f.t("adm.hint.targets"))).append("</p>");
        for (ReportSettings.TargetKind k : ReportSettings.TargetKind.values()) {
            String unit = f.t("adm.unit." + k.unit().wireName());
            f.number("targets." + k.wireName() + ".value", f.t("adm.target." + k.wireName()) + " (" + unit + ")",
                    f.t("adm.hint.unit." + k.unit().wireName()), true);
        }
    }

    private static void closingDays(Fields f) {
        f.textarea("closingDays", f.t("adm.f.closingDays"), f.t("adm.hint.closingDays"), true);
        f.sb.append("<fieldset><legend>").append(esc(f.t("adm.calendar"))).append("</legend>");
        for (String c : SettingsForm.CALENDAR) f.checkbox("calendar." + c, f.t("adm.f.calendar." + c));
        f.sb.append("</fieldset>");
    }

    private static void absence(Fields f) {
        f.number("attendance.graceMinutes", f.t("adm.f.graceMinutes"), f.t("adm.hint.graceMinutes"), false);
        String group = "attendance.reportEveryAbsence";
        f.labels.put(group, f.t("adm.f.reportEveryAbsence"));
        f.sb.append("<fieldset id=\"").append(Views.fieldId(group)).append("\" tabindex=\"-1\"><legend>")
                .append(esc(f.t("adm.f.reportEveryAbsence"))).append("</legend>");
        for (Benefit b : Benefit.values()) {
            f.checkbox(group + "." + b.wireName(), f.t("benefit." + b.wireName()));
        }
        f.after(group, f.t("adm.hint.reportEveryAbsence"));
        f.sb.append("</fieldset>");
        f.number("attendance.inARow", f.t("adm.f.inARow"), f.t("adm.hint.inARow"), false);
        f.number("attendance.withinCount", f.t("adm.f.withinCount"), f.t("adm.hint.withinCount"), false);
        f.number("attendance.withinWorkingDays", f.t("adm.f.withinWorkingDays"), null, false);
        f.number("attendance.escalateAfterHours", f.t("adm.f.escalateAfterHours"), f.t("adm.hint.escalateAfterHours"),
                false);
        f.input("attendance.teamLeadEmail", f.t("adm.f.teamLeadEmail"), f.t("adm.hint.teamLeadEmail"), true, "email", null);
        f.checkbox("attendance.participantSms", f.t("adm.f.participantSms"));
        // the early warning: each threshold empty is its default, named beside it
        Map<String, Integer> defaults = dk.rampe.attendance.EarlyWarning.Thresholds.DEFAULTS.toMap();
        f.sb.append("<fieldset id=\"").append(Views.fieldId("earlyWarning")).append("\" tabindex=\"-1\"><legend>")
                .append(esc(f.t("adm.f.earlyWarning"))).append("</legend><p class=\"hint\">")
                .append(esc(f.t("adm.hint.earlyWarning"))).append("</p>");
        for (String name : SettingsForm.EARLY_WARNING) {
            f.number("earlyWarning." + name, f.t("adm.f.earlyWarning." + name),
                    f.t("adm.hint.earlyWarning.default", defaults.get(name)), true);
        }
        f.sb.append("</fieldset>");
    }

    // ---------------------------------------------------------------- overview and history

    private String overview(WebAppHandler.Request req, String csrf, SettingsVersion v) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder(8192);
        String done = req.query().get("done");
        if (done != null && (done.equals("unchanged") || SettingsForm.Part.fromSlug(done).isPresent())) {
            sb.append("<div class=\"ok\" id=\"done\" role=\"status\">").append(esc(Texts.t(lang, "adm.done."
                    + (done.equals("unchanged") ? "unchanged" : "saved")))).append("</div>");
        }
        sb.append("<h1>").append(esc(Texts.t(lang, "adm.title"))).append("</h1><p id=\"revision\" data-revision=\"")
                .append(v.revision()).append("\">");
        if (v.updatedAt() != null) {
            sb.append(esc(Texts.t(lang, "adm.lastSaved", who(v.updatedBy()), views.time(lang, v.updatedAt())))).append(' ');
        }
        sb.append("<a href=\"").append(ROOT).append("/history\">").append(esc(Texts.t(lang, "adm.seeHistory")))
                .append("</a></p>");
        Settings s = v.settings();
        sb.append("<section class=\"card\" id=\"jobcentres\"><h2>").append(esc(Texts.t(lang, "adm.part.jobcentres")))
                .append("</h2><dl>");
        for (Settings.Jobcentre j : s.jobcentres()) row(sb, j.name(), String.join(", ", j.clientIds()));
        sb.append("</dl>");
        edit(sb, lang, ROOT + "/jobcentres", Texts.t(lang, "adm.part.jobcentres"));
        sb.append("</section>");
        for (Settings.Programme p : s.programmes()) {
            String base = ROOT + "/programmes/" + p.id() + "/";
            sb.append("<section class=\"card\" data-programme=\"").append(esc(p.id())).append("\"><h2>")
                    .append(esc(p.name())).append("</h2>");
            sb.append("<h3>").append(esc(Texts.t(lang, "adm.part.quotas-and-dates"))).append("</h3><dl>");
            row(sb, Texts.t(lang, "adm.intake"), Views.date(lang, p.intakeOpens()) + " – " + Views.date(lang, p.intakeStops()));
            for (Settings.Partner x : p.partners()) {
                String jc = s.jobcentres().stream().filter(j -> j.id().equals(x.jobcentreId())).map(Settings.Jobcentre::name)
                        .findFirst().orElse(x.jobcentreId());
                row(sb, jc, Texts.t(lang, "adm.quotaOf", x.quota(), p.consultant(x.defaultConsultantId())
                        .map(Settings.Consultant::name).orElse(Texts.t(lang, "adm.none"))));
            }
            sb.append("</dl>");
            edit(sb, lang, base + "quotas-and-dates", Texts.t(lang, "adm.part.quotas-and-dates") + " · " + p.name());
            sb.append("<h3>").append(esc(Texts.t(lang, "adm.part.consultants"))).append("</h3><dl>");
            for (Settings.Consultant c : p.consultants()) {
                row(sb, c.name(), (c.email() == null ? "" : c.email().value()) + " · " + Texts.t(lang, "adm.channel."
                        + c.channel().name().toLowerCase(java.util.Locale.ROOT)));
            }
            sb.append("</dl>");
            edit(sb, lang, base + "consultants", Texts.t(lang, "adm.part.consultants") + " · " + p.name());
            sb.append("<h3>").append(esc(Texts.t(lang, "adm.part.targets"))).append("</h3><dl>");
            for (ReportSettings.Target t : p.report().targets()) {
                row(sb, Texts.t(lang, "adm.target." + t.kind().wireName()),
                        Texts.t(lang, "adm.value." + t.kind().unit().wireName(), (long) t.value()));
            }
            if (p.report().targets().isEmpty()) row(sb, Texts.t(lang, "adm.targets"), Texts.t(lang, "adm.none"));
            sb.append("</dl>");
            edit(sb, lang, base + "targets", Texts.t(lang, "adm.part.targets") + " · " + p.name());
            sb.append("<h3>").append(esc(Texts.t(lang, "adm.part.closing-days"))).append("</h3><dl>");
            row(sb, Texts.t(lang, "adm.f.closingDays"), p.closingDays().isEmpty() ? Texts.t(lang, "adm.none")
                    : String.join(", ", p.closingDays().stream().map(d -> Views.date(lang, d)).toList()));
            sb.append("</dl>");
            edit(sb, lang, base + "closing-days", Texts.t(lang, "adm.part.closing-days") + " · " + p.name());
            Settings.Attendance a = p.attendance();
            sb.append("<h3>").append(esc(Texts.t(lang, "adm.part.absence"))).append("</h3><dl>");
            row(sb, Texts.t(lang, "adm.f.graceMinutes"), Texts.t(lang, "adm.minutes", a.grace().toMinutes()));
            row(sb, Texts.t(lang, "adm.caseworkerTold"), Texts.t(lang, "adm.rules", a.inARow(), a.withinCount(),
                    a.withinWorkingDays()));
            row(sb, Texts.t(lang, "adm.f.escalateAfterHours"), Texts.t(lang, "adm.hours",
                    SettingsForm.hours(a.escalateAfter().toMinutes())));
            sb.append("</dl>");
            edit(sb, lang, base + "absence", Texts.t(lang, "adm.part.absence") + " · " + p.name());
            sb.append("</section>");
        }
        sb.append("<p><a href=\"").append(ROOT).append('/').append(SettingsForm.Part.NEW_PROGRAMME.slug)
                .append("\" id=\"new-programme\">").append(esc(Texts.t(lang, "adm.newProgramme"))).append("</a></p>");
        return views.page(req, csrf, Texts.t(lang, "adm.title"), sb.toString());
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    /** "Ret", with the part's name for a screen reader. */
    private static void edit(StringBuilder sb, Language lang, String href, String part) {
        sb.append("<p><a href=\"").append(esc(href)).append("\" data-edit=\"").append(esc(href)).append("\" aria-label=\"")
                .append(esc(Texts.t(lang, "adm.edit") + " " + part)).append("\">").append(esc(Texts.t(lang, "adm.edit")))
                .append("</a></p>");
    }

    private String history(WebAppHandler.Request req, String csrf) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<p><a href=\"").append(ROOT).append("\" id=\"back\">").append(esc(Texts.t(lang, "adm.back")))
                .append("</a></p><h1>").append(esc(Texts.t(lang, "adm.history"))).append("</h1>");
        List<SettingsChange> changes = settings.history(HISTORY_SHOWN);
        if (changes.isEmpty()) {
            sb.append("<p class=\"meta\" id=\"history-empty\">").append(esc(Texts.t(lang, "adm.history.none"))).append("</p>");
        } else {
            sb.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
                    .append(esc(Texts.t(lang, "adm.history"))).append("\"><table id=\"settings-history\"><thead><tr><th scope=\"col\">")
                    .append(esc(Texts.t(lang, "adm.history.when"))).append("</th><th scope=\"col\">")
                    .append(esc(Texts.t(lang, "adm.history.who"))).append("</th><th scope=\"col\">")
                    .append(esc(Texts.t(lang, "adm.history.what"))).append("</th></tr></thead><tbody>");
            for (SettingsChange c : changes) {
                sb.append("<tr data-revision=\"").append(c.revision()).append("\"><td>").append(esc(views.time(lang, c.at())))
                        .append("</td><td>").append(esc(who(c.actor()))).append("</td><td>").append(esc(parts(lang, c.parts())))
                        .append("</td></tr>");
            }
            sb.append("</tbody></table></div>");
        }
        return views.page(req, csrf, Texts.t(lang, "adm.history"), sb.toString());
    }
}
