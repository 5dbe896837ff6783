package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.web.Routes.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route table as a list, and every route answering only the role it names. */
class RoutesTest {
    static final String ID = "RAAAAAAAAAAAA";
    static final String REPORT = "/app/reports/rampe-oestjylland/2026-10/2026-11-01T06:00:00Z";

    /** Each route with a path it answers, and who may call it. */
    static final Map<String, Access> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("GET /app/login", Access.ANYONE);
        TABLE.put("POST /app/login", Access.ANYONE);
        TABLE.put("GET /app/auth/callback", Access.ANYONE);
        TABLE.put("GET /app/logged-out", Access.ANYONE);
        TABLE.put("GET /app/lang", Access.ANYONE);
        TABLE.put("GET /app", Access.SIGNED_IN);
        TABLE.put("POST /app/logout", Access.SIGNED_IN);
        TABLE.put("GET /app/referrals", Access.JOBCENTRE);
        TABLE.put("GET /app/referrals/new", Access.JOBCENTRE);
        TABLE.put("POST /app/referrals", Access.JOBCENTRE);
        TABLE.put("GET /app/queue", Access.STAFF);
        TABLE.put("GET /app/today", Access.STAFF);
        TABLE.put("GET /app/participants", Access.STAFF);
        TABLE.put("GET /app/overview", Access.OWNER);
        TABLE.put("GET /app/reports", Access.OWNER);
        TABLE.put("GET " + REPORT + "/figures.csv", Access.OWNER);
        TABLE.put("GET " + REPORT, Access.OWNER);
        TABLE.put("GET /app/referrals/" + ID, Access.SIGNED_IN);
        TABLE.put("GET /app/referrals/" + ID + "/plan/print", Access.SIGNED_IN);
        TABLE.put("GET /app/referrals/" + ID + "/visitation", Access.STAFF);
        TABLE.put("POST /app/referrals/" + ID + "/visitation", Access.STAFF);
        TABLE.put("GET /app/admin", Access.ADMIN);
    }

    static WebFixture f;

    @BeforeAll
    static void fixture() {
        f = new WebFixture();
    }

    @AfterAll
    static void done() {
        f = null;
    }

    @Test
    void theTableListsEveryRouteWithWhoMayCallIt() {
        assertEquals(TABLE.size(), Routes.TABLE.size(), "one sample per route");
        for (Map.Entry<String, Access> e : TABLE.entrySet()) {
            String[] mp = e.getKey().split(" ", 2);
            Routes.Found found = Routes.find(mp[0], mp[1]).orElseThrow(() -> new AssertionError("no route: " + e.getKey()));
            assertEquals(e.getValue(), found.route().access(), e.getKey());
        }
        // each sample finds a route of its own: the table has no route that no sample reaches
        assertEquals(Routes.TABLE.size(), TABLE.keySet().stream()
                .map(k -> Routes.find(k.split(" ", 2)[0], k.split(" ", 2)[1]).orElseThrow().route()).distinct().count());
    }

    @Test
    void everyTaskOfAParticipantAndEverySettingsPageIsForItsRoleOnly() {
        for (String task : List.of("visitation", "enrolment", "exit", "plan", "attendance-plan", "attendance-agreement",
                "attendance", "milestone", "follow-up", "follow-up-plan", "follow-ups")) {
            for (String method : List.of("GET", "POST")) {
                assertEquals(Access.STAFF, Routes.find(method, "/app/referrals/" + ID + "/" + task).orElseThrow().route()
                        .access(), method + " " + task);
            }
        }
        for (String path : List.of("/app/admin", "/app/admin/history", "/app/admin/jobcentres", ImportPage.PATH,
                ImportPage.TEMPLATE, "/app/admin/programmes/rampe-oestjylland/quotas-and-dates")) {
            assertEquals(Access.ADMIN, Routes.find("POST", path).orElseThrow().route().access(), path);
        }
        // only the login, its callback, the logged-out page and the choice of language answer without a session
        assertEquals(5, Routes.TABLE.stream().filter(r -> r.access() == Access.ANYONE).count());
        assertTrue(Routes.find("GET", "/app/admins").isEmpty(), "a path that only starts like the settings is none");
        assertTrue(Routes.find("DELETE", "/app/queue").isEmpty());
    }

    /**
     * Every route called by every role that the table does not name: a caseworker, a consultant, a project owner
     * and an administrator each get 404 (the page does not exist for them), a consultant 403 on the owner's
     * pages, anyone but an administrator 403 on the settings; without a session a GET is sent to the login.
     */
    @Test
    void everyRouteRefusesTheRolesItDoesNotName() {
        Map<String, WebFixture.Browser> users = new LinkedHashMap<>();
        for (String user : List.of("local-jobcenter-aarhus", "local-consultant-anna", "local-owner-dorthe", "local-admin")) {
            WebFixture.Browser b = f.browser();
            b.login(user);
            users.put(user, b);
        }
        for (Map.Entry<String, Access> e : TABLE.entrySet()) {
            String[] mp = e.getKey().split(" ", 2);
            Access access = e.getValue();
            if (access == Access.ANYONE || access == Access.SIGNED_IN) continue;
            for (Map.Entry<String, WebFixture.Browser> u : users.entrySet()) {
                Access role = switch (u.getKey()) {
                    case "local-jobcenter-aarhus" -> Access.JOBCENTRE;
                    case "local-consultant-anna" -> Access.STAFF;
                    case "local-owner-dorthe" -> Access.OWNER;
                    default -> Access.ADMIN;
                };
                boolean allowed = access == role || (access == Access.STAFF && role == Access.OWNER);
                if (allowed) continue;
                WebFixture.Browser b = u.getValue();
                WebFixture.Page p = "GET".equals(mp[0]) ? b.get(mp[1])
                        : b.post(mp[1], Map.of("csrf", csrfOf(b)));
                int expected = access == Access.ADMIN || (access == Access.OWNER && role == Access.STAFF) ? 403 : 404;
                assertEquals(expected, p.status(), u.getKey() + " " + e.getKey());
            }
            WebFixture.Page anonymous = "GET".equals(mp[0]) ? f.browser().get(mp[1])
                    : f.browser().post(mp[1], Map.of("csrf", "x"));
            if ("GET".equals(mp[0])) assertEquals("/app/login", anonymous.location(), e.getKey());
            else assertEquals(403, anonymous.status(), e.getKey());
        }
    }

    /** The CSRF token of the signed-in user's own home page (a page with a form: the logout). */
    private static String csrfOf(WebFixture.Browser b) {
        String home = b.get("/app").location();
        return b.get(home).csrf();
    }
}
