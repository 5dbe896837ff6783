package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsChange;
import dk.rampe.settings.SettingsPart;
import dk.rampe.settings.SettingsSave;
import dk.rampe.settings.SettingsVersion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The administrators' settings pages against DynamoDB Local: a save checked by the admin API's own rules and
 * recorded in the settings' history, each field's error named beside it and in the summary, a save after
 * someone else's refused with their change shown, and nobody but an administrator let in.
 */
class WebAdminSettingsTest {
    private static final Pattern INPUT = Pattern.compile(
            "<input type=\"(?:hidden|text|date|email|tel)\"(?: id=\"[^\"]*\")? name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern SELECTED = Pattern.compile(
            "<select id=\"[^\"]*\" name=\"([^\"]+)\"[^>]*>(?:<option value=\"[^\"]*\">[^<]*</option>)*<option value=\"([^\"]*)\" selected>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea id=\"[^\"]*\" name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>");
    private static final Pattern CHECKED = Pattern.compile("<input type=\"checkbox\" id=\"[^\"]*\" name=\"([^\"]+)\" value=\"1\" checked");

    private final WebFixture f = new WebFixture();
    private final DynamoSettingsStore store = new DynamoSettingsStore(f.dynamo, f.config.table(), f.clock, Duration.ZERO);

    private WebFixture.Browser admin() {
        WebFixture.Browser b = f.browser();
        assertEquals(AdminPages.ROOT, b.login("local-admin").location(), "an administrator lands on the settings");
        return b;
    }

    /** The form as a browser would post it unchanged: every field with its value, boxes that are ticked. */
    private static Map<String, String> formOf(WebFixture.Page page) {
        Map<String, String> out = new LinkedHashMap<>();
        String html = page.body().replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
        for (Matcher m = INPUT.matcher(html); m.find(); ) out.put(m.group(1), m.group(2));
        for (Matcher m = SELECTED.matcher(html); m.find(); ) out.put(m.group(1), m.group(2));
        for (Matcher m = TEXTAREA.matcher(html); m.find(); ) out.put(m.group(1), m.group(2));
        for (Matcher m = CHECKED.matcher(html); m.find(); ) out.put(m.group(1), "1");
        return out;
    }

    private static void assertFieldError(WebFixture.Page page, String field) {
        assertEquals(400, page.status(), page.body());
        String id = Views.fieldId(field);
        assertTrue(page.body().contains("id=\"" + id + "-error\" data-field=\"" + field + "\""),
                "the message stands at " + field + ":\n" + page.body());
        assertTrue(page.body().contains("<a href=\"#" + id + "\" data-error=\"" + field + "\""),
                "the summary links to " + field);
        assertTrue(page.body().matches("(?s).*id=\"" + id + "\"[^>]*aria-invalid=\"true\".*"), "marked invalid: " + field);
        assertTrue(page.body().indexOf("id=\"errors\"") < page.body().indexOf("<a href=\"/app/admin\" id=\"back\""),
                "the summary comes first");
    }

    private String programme() {
        return AdminPages.ROOT + "/programmes/rampe-oestjylland/";
    }

    @Test
    void aValidChangeIsSavedWithTheApisRulesAndShowsInTheHistory() {
        WebFixture.Browser admin = admin();
        WebFixture.Page overview = admin.get(AdminPages.ROOT);
        assertEquals(200, overview.status());
        assertTrue(overview.body().contains("Jobcenter Odder") && overview.body().contains("Anna Højgaard"));
        assertTrue(overview.body().contains("85 %") && overview.body().contains("30 personer"), "targets with their unit");
        assertTrue(overview.body().contains("id=\"nav-settings\""));
        long before = store.version().revision();

        WebFixture.Page form = admin.get(programme() + "quotas-and-dates");
        assertEquals(200, form.status());
        Map<String, String> values = formOf(form);
        assertEquals("45", values.get("partner.jc-odder.quota"));
        assertEquals(Long.toString(before), values.get("revision"));
        values.put("partner.jc-odder.quota", "50");
        values.put("intakeStops", "30.06.2028"); // typed the Danish way
        WebFixture.Page saved = admin.post(programme() + "quotas-and-dates", values);
        assertEquals(303, saved.status(), saved.body());
        assertEquals(AdminPages.ROOT + "?done=quotas-and-dates", saved.location());
        assertTrue(admin.get(saved.location()).body().contains("id=\"done\""));

        SettingsVersion now = store.version();
        assertEquals(before + 1, now.revision());
        assertEquals("admin", now.updatedBy());
        Settings.Programme p = now.settings().programme("rampe-oestjylland").orElseThrow();
        assertEquals(50, p.partner("jc-odder").orElseThrow().quota());
        assertEquals(java.time.LocalDate.of(2028, 6, 30), p.intakeStops());
        assertEquals(75, p.partner("jc-aarhus").orElseThrow().quota(), "the rest as it was");
        assertEquals(3, p.consultants().size());

        SettingsChange latest = store.history(1).get(0);
        assertEquals(List.of(new SettingsPart(SettingsPart.Kind.QUOTAS_AND_DATES, "rampe-oestjylland")), latest.parts());
        WebFixture.Page history = admin.get(AdminPages.ROOT + "/history");
        assertEquals(200, history.status());
        assertTrue(history.body().contains("<tr data-revision=\"" + now.revision() + "\"><td>23. nov. 2026 kl. 10:00</td>"
                + "<td>admin</td><td>forløb, kvoter og datoer (Rampe Østjylland)</td>"), history.body());
        assertTrue(history.body().contains("data-revision=\"" + before + "\""), "the fixture's own save is there too");

        // each part saves what it shows, unchanged: nothing to record
        for (String part : List.of("consultants", "targets", "closing-days", "absence")) {
            WebFixture.Page same = admin.post(programme() + part, formOf(admin.get(programme() + part)));
            assertEquals(AdminPages.ROOT + "?done=unchanged", same.location(), part + ": " + same.body());
        }
        WebFixture.Page jobcentres = admin.post(AdminPages.ROOT + "/jobcentres", formOf(admin.get(AdminPages.ROOT + "/jobcentres")));
        assertEquals(AdminPages.ROOT + "?done=unchanged", jobcentres.location(), jobcentres.body());
        assertEquals(now.revision(), store.version().revision());
    }

    @Test
    void everyPartSavesItsOwnFields() {
        WebFixture.Browser admin = admin();
        Map<String, String> c = formOf(admin.get(programme() + "consultants"));
        c.put("consultants[3].id", "c-dina");
        c.put("consultants[3].name", "Dina Østergaard");
        c.put("consultants[3].email", "dina@rampe.example");
        c.put("consultants[3].phone", "20 00 00 04");
        c.put("consultants[3].channel", "sms");
        c.put("consultants[1].remove", "1");
        c.put("partner.jc-odder.defaultConsultantId", "c-anna");
        assertEquals(400, admin.post(programme() + "consultants", c).status(),
                "Bo is Odder's default consultant: the API's rule refuses removing him");
        c.remove("consultants[1].remove");
        c.put("projectManagerId", "c-dina");
        assertEquals(303, admin.post(programme() + "consultants", c).status());

        Map<String, String> t = formOf(admin.get(programme() + "targets"));
        t.put("targets.kept_job_6_months_share.value", "60 %");
        t.put("targets.exits_to_work_or_education.value", "");
        assertEquals(303, admin.post(programme() + "targets", t).status());

        Map<String, String> d = formOf(admin.get(programme() + "closing-days"));
        d.put("closingDays", "27.12.2026\n2026-12-28");
        d.remove("calendar.closedOnConstitutionDay");
        assertEquals(303, admin.post(programme() + "closing-days", d).status());

        Map<String, String> a = formOf(admin.get(programme() + "absence"));
        a.put("attendance.escalateAfterHours", "1,5");
        a.put("attendance.inARow", "3");
        a.put("attendance.reportEveryAbsence.dagpenge", "1");
        a.put("attendance.teamLeadEmail", "leder@rampe.example");
        assertEquals(303, admin.post(programme() + "absence", a).status());

        Map<String, String> j = formOf(admin.get(AdminPages.ROOT + "/jobcentres"));
        j.put("jobcentres[3].id", "jc-horsens");
        j.put("jobcentres[3].name", "Jobcenter Horsens");
        j.put("jobcentres[3].clientIds", "jobcenter-horsens-client");
        assertEquals(303, admin.post(AdminPages.ROOT + "/jobcentres", j).status());

        Settings s = store.version().settings();
        Settings.Programme p = s.programme("rampe-oestjylland").orElseThrow();
        assertEquals("Dina Østergaard", p.consultant("c-dina").orElseThrow().name());
        assertEquals("+4520000004", p.consultant("c-dina").orElseThrow().phone().e164());
        assertEquals("c-dina", p.projectManagerId());
        assertEquals(60.0, p.report().targets().stream().filter(x -> x.kind().wireName().equals("kept_job_6_months_share"))
                .findFirst().orElseThrow().value());
        assertTrue(p.report().targets().stream().noneMatch(x -> x.kind().wireName().equals("exits_to_work_or_education")));
        assertEquals(List.of(java.time.LocalDate.of(2026, 12, 27), java.time.LocalDate.of(2026, 12, 28)), p.closingDays());
        assertFalse(p.calendar().closedOnConstitutionDay());
        assertEquals(Duration.ofMinutes(90), p.attendance().escalateAfter());
        assertEquals(3, p.attendance().inARow());
        assertTrue(p.attendance().reportEveryAbsence().contains("dagpenge"));
        assertEquals("Jobcenter Horsens", s.jobcentreByClientId("jobcenter-horsens-client").orElseThrow().name());

        List<String> parts = store.history(5).stream().map(ch -> ch.parts().get(0).kind().wire()).toList();
        assertEquals(List.of("jobcentres", "absence", "closingDays", "targets", "consultants"), parts);
    }

    @Test
    void theEarlyWarningsThresholdsShowTheirDefaultsAndAreSavedWithTheApisRules() {
        WebFixture.Browser admin = admin();
        WebFixture.Page page = admin.get(programme() + "absence");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Tidlig advarsel"), page.body());
        assertTrue(page.body().contains("Standard: 10."), "the recent sessions' default beside its field");
        Map<String, String> a = formOf(page);
        for (String name : SettingsForm.EARLY_WARNING) assertEquals("", a.get("earlyWarning." + name), name + ": none set");

        // a minimum above its window does not fit: refused on that field, nothing saved
        a.put("earlyWarning.recentSessions", "12");
        a.put("earlyWarning.minRecentSessions", "13");
        long revision = store.version().revision();
        assertFieldError(admin.post(programme() + "absence", a), "earlyWarning.minRecentSessions");
        assertEquals(revision, store.version().revision());

        a.put("earlyWarning.minRecentSessions", "6");
        assertEquals(303, admin.post(programme() + "absence", a).status());
        assertEquals(Map.of("recentSessions", 12, "minRecentSessions", 6),
                store.version().settings().programme("rampe-oestjylland").orElseThrow().earlyWarning());
        Map<String, String> again = formOf(admin.get(programme() + "absence"));
        assertEquals("12", again.get("earlyWarning.recentSessions"));
        assertEquals("", again.get("earlyWarning.lateWindow"), "the others stay at their defaults");
    }

    @Test
    void aNewProgrammeIsAddedAndGoesOnToItsQuotas() {
        WebFixture.Browser admin = admin();
        assertTrue(admin.get(AdminPages.ROOT).body().contains("id=\"new-programme\""));
        Map<String, String> n = formOf(admin.get(AdminPages.ROOT + "/new-programme"));
        n.put("name", "Rampe Horsens");
        n.put("id", "rampe-oestjylland");
        n.put("intakeOpens", "01.02.2027");
        n.put("intakeStops", "31.12.2029");
        assertFieldError(admin.post(AdminPages.ROOT + "/new-programme", n), "id");
        n.put("id", "rampe-horsens");
        WebFixture.Page added = admin.post(AdminPages.ROOT + "/new-programme", n);
        assertEquals(303, added.status(), added.body());
        assertEquals(AdminPages.ROOT + "/programmes/rampe-horsens/quotas-and-dates?done=new-programme", added.location());
        WebFixture.Page quotas = admin.get(added.location());
        assertTrue(quotas.body().contains("id=\"done\"") && quotas.body().contains("value=\"01.02.2027\""), quotas.body());
        Settings.Programme p = store.current().programme("rampe-horsens").orElseThrow();
        assertEquals(java.time.LocalDate.of(2029, 12, 31), p.intakeStops());
        assertEquals(List.of(new SettingsPart(SettingsPart.Kind.PROGRAMME_ADDED, "rampe-horsens")),
                store.history(1).get(0).parts());
    }

    @Test
    void eachKindOfInvalidInputNamesItsFieldAndKeepsWhatWasTyped() {
        WebFixture.Browser admin = admin();
        long revision = store.version().revision();

        Map<String, String> q = formOf(admin.get(programme() + "quotas-and-dates"));
        q.put("partner.jc-odder.quota", "mange");
        WebFixture.Page page = admin.post(programme() + "quotas-and-dates", q);
        assertFieldError(page, "partner.jc-odder.quota");
        assertTrue(page.body().contains("Skriv et helt tal fra 0 til 100.000."), page.body());
        assertTrue(page.body().contains("value=\"mange\""), "the typed value stays");
        assertTrue(page.body().contains("Der er et problem"));

        q = formOf(admin.get(programme() + "quotas-and-dates"));
        q.put("intakeOpens", "01.06.2027");
        q.put("intakeStops", "31.12.2026");
        assertFieldError(admin.post(programme() + "quotas-and-dates", q), "intakeStops");
        q.put("intakeOpens", "32.13.2026");
        page = admin.post(programme() + "quotas-and-dates", q);
        assertFieldError(page, "intakeOpens");
        assertTrue(page.body().contains("Skriv datoen som dd.mm.åååå"));
        q.put("intakeOpens", "");
        q.put("name", "");
        page = admin.post(programme() + "quotas-and-dates", q);
        assertFieldError(page, "intakeOpens");
        assertFieldError(page, "name");

        Map<String, String> c = formOf(admin.get(programme() + "consultants"));
        c.put("consultants[1].email", "bo-at-rampe");
        c.put("consultants[2].phone", "12");
        c.put("consultants[3].id", "c-anna");
        c.put("consultants[3].name", "Anna igen");
        c.put("consultants[3].email", "anna2@rampe.example");
        c.put("consultants[3].phone", "20000005");
        page = admin.post(programme() + "consultants", c);
        assertFieldError(page, "consultants[1].email");
        assertFieldError(page, "consultants[2].phone");
        assertFieldError(page, "consultants[3].id");
        assertTrue(page.body().contains("Bo Ærenlund: E-mail"), "the summary names the row");
        assertTrue(page.body().contains("value=\"Anna igen\""), "the new row stays as typed");

        Map<String, String> t = formOf(admin.get(programme() + "targets"));
        t.put("targets.employer_based_share.value", "120");
        t.put("report.recipients", "styregruppe@rampe.example\nikke-en-adresse");
        page = admin.post(programme() + "targets", t);
        assertFieldError(page, "targets.employer_based_share.value");
        assertFieldError(page, "report.recipients");

        Map<String, String> d = formOf(admin.get(programme() + "closing-days"));
        d.put("closingDays", "27.12.2026\njuleferie");
        assertFieldError(admin.post(programme() + "closing-days", d), "closingDays");
        d.put("closingDays", "27.12.2026\n2026-12-27");
        assertFieldError(admin.post(programme() + "closing-days", d), "closingDays");

        Map<String, String> a = formOf(admin.get(programme() + "absence"));
        a.put("attendance.escalateAfterHours", "to timer");
        a.put("attendance.inARow", "99");
        a.put("attendance.teamLeadEmail", "leder@");
        page = admin.post(programme() + "absence", a);
        assertFieldError(page, "attendance.escalateAfterHours");
        assertTrue(page.body().contains("Skriv antal timer som et tal, fx 2 eller 1,5."));
        assertFieldError(page, "attendance.inARow");
        assertFieldError(page, "attendance.teamLeadEmail");
        a.put("attendance.escalateAfterHours", "41");
        a.put("attendance.inARow", "2");
        a.put("attendance.teamLeadEmail", "");
        page = admin.post(programme() + "absence", a);
        assertFieldError(page, "attendance.escalateAfterHours");
        assertTrue(page.body().contains("Skriv et antal timer fra 0 til 40."));

        Map<String, String> j = formOf(admin.get(AdminPages.ROOT + "/jobcentres"));
        j.put("jobcentres[3].id", "JC Horsens!");
        j.put("jobcentres[3].name", "Jobcenter Horsens");
        j.put("jobcentres[3].clientIds", "jobcenter-aarhus-client");
        page = admin.post(AdminPages.ROOT + "/jobcentres", j);
        assertFieldError(page, "jobcentres[3].id");
        assertFieldError(page, "jobcentres[3].clientIds");
        j = formOf(admin.get(AdminPages.ROOT + "/jobcentres"));
        j.put("jobcentres[0].remove", "1");
        page = admin.post(AdminPages.ROOT + "/jobcentres", j);
        assertEquals(400, page.status());
        assertTrue(page.body().contains("<li data-error=\"form\">Det, du fjerner, bruges stadig et andet sted"),
                "a partner of a programme: refused, saying why");

        assertEquals(revision, store.version().revision(), "nothing refused was saved");
    }

    @Test
    void aSaveAfterSomeoneElsesIsRefusedShowingTheirChangeAndKeepingWhatWasTyped() {
        WebFixture.Browser admin = admin();
        Map<String, String> mine = formOf(admin.get(programme() + "quotas-and-dates"));
        mine.put("partner.jc-aarhus.quota", "80");

        // meanwhile the same part is changed through the API (PUT /v1/admin/settings replaces through the same store)
        f.clock.advance(Duration.ofMinutes(3));
        Settings s = store.current();
        Settings.Programme p = s.programme("rampe-oestjylland").orElseThrow();
        Settings.Programme renamed = new Settings.Programme(p.id(), "Rampe Midt", p.intakeOpens(), p.intakeStops(),
                p.partners(), p.consultants(), p.staff(), p.closingDays(), p.report(), p.projectManagerId(),
                p.attendance(), p.calendar());
        store.replace(new Settings(List.of(renamed), s.jobcentres()), "api-admin");
        long theirs = store.version().revision();

        WebFixture.Page refused = admin.post(programme() + "quotas-and-dates", mine);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"conflict\""));
        assertTrue(refused.body().contains("<li data-revision=\"" + theirs + "\">api-admin, 23. nov. 2026 kl. 10:03: "
                + "forløb, kvoter og datoer (Rampe Midt)</li>"), refused.body());
        Map<String, String> shown = formOf(refused);
        assertEquals("80", shown.get("partner.jc-aarhus.quota"), "what was typed stays");
        assertEquals("Rampe Østjylland", shown.get("name"), "the typed (old) name, with the stored one beside it");
        assertTrue(refused.body().contains("data-stored=\"name\">Gemt nu: Rampe Midt</p>"), refused.body());
        assertEquals(Long.toString(theirs), shown.get("revision"), "made from what is stored now");
        assertEquals(75, store.current().programme("rampe-oestjylland").orElseThrow().partner("jc-aarhus")
                .orElseThrow().quota(), "nothing saved");

        // after a look the admin keeps the new name and saves again
        shown.put("name", "Rampe Midt");
        WebFixture.Page saved = admin.post(programme() + "quotas-and-dates", shown);
        assertEquals(303, saved.status(), saved.body());
        Settings.Programme now = store.current().programme("rampe-oestjylland").orElseThrow();
        assertEquals("Rampe Midt", now.name());
        assertEquals(80, now.partner("jc-aarhus").orElseThrow().quota());
    }

    @Test
    void theStoreRefusesASaveFromAnOlderRevisionAndListsTheSavesSince() {
        SettingsVersion base = store.version();
        Settings s = base.settings();
        assertInstanceOf(SettingsSave.Saved.class, store.replace(base, s, "first"));
        SettingsSave second = store.replace(base, s, "second");
        SettingsSave.Stale stale = assertInstanceOf(SettingsSave.Stale.class, second);
        assertEquals(base.revision() + 1, stale.current().revision());
        assertEquals(List.of("first"), stale.since().stream().map(SettingsChange::actor).toList());
        assertEquals("first", store.history(1).get(0).actor(), "the refused save left no trace");
    }

    @Test
    void aConsultantACaseworkerAndAProjectOwnerAreRefused() {
        WebFixture.Browser admin = admin();
        Map<String, String> valid = formOf(admin.get(programme() + "quotas-and-dates"));
        for (String user : List.of("local-consultant-anna", "local-jobcenter-aarhus", "local-owner-dorthe")) {
            WebFixture.Browser b = f.browser();
            b.login(user);
            assertFalse(b.get(b.get("/app").location()).body().contains("nav-settings"), user + ": no link");
            for (String path : List.of(AdminPages.ROOT, AdminPages.ROOT + "/history", AdminPages.ROOT + "/jobcentres",
                    programme() + "absence")) {
                assertEquals(403, b.get(path).status(), user + " " + path);
            }
            String csrf = b.get(b.get("/app").location()).csrf();
            Map<String, String> post = new LinkedHashMap<>(valid);
            post.put("csrf", csrf);
            post.put("partner.jc-odder.quota", "1");
            assertEquals(403, b.post(programme() + "quotas-and-dates", post).status(), user);
        }
        Map<String, String> noToken = new LinkedHashMap<>(valid);
        noToken.remove("csrf");
        noToken.put("partner.jc-odder.quota", "1");
        assertEquals(403, admin.post(programme() + "quotas-and-dates", noToken).status(), "no CSRF token, no save");
        assertEquals(45, store.current().programme("rampe-oestjylland").orElseThrow().partner("jc-odder").orElseThrow()
                .quota());
        assertEquals(404, admin.get("/app/participants").status(), "an administrator has the settings pages only");
        assertEquals(404, admin.get(AdminPages.ROOT + "/programmes/no-such-programme/absence").status());
    }

    @Test
    void thePagesSpeakEnglishWhenAskedTo() {
        WebFixture.Browser admin = admin();
        admin.get("/app/lang?to=en");
        assertTrue(admin.get(AdminPages.ROOT).body().contains("Programme, quotas and dates"));
        Map<String, String> a = formOf(admin.get(programme() + "absence"));
        a.put("attendance.escalateAfterHours", "two");
        WebFixture.Page page = admin.post(programme() + "absence", a);
        assertFieldError(page, "attendance.escalateAfterHours");
        assertTrue(page.body().contains("There is a problem") && page.body().contains("e.g. 2 or 1.5"));
    }
}
