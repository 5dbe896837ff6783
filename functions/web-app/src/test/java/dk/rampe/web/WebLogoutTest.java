package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Logout ends the session on the server: the same cookie, kept or copied, gets the login page; other devices stay. */
class WebLogoutTest {
    private static final Pattern REFERRAL_LOCATION = Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");
    private final WebFixture f = new WebFixture();

    @Test
    void afterLogoutTheOldCookieGetsTheLoginPageAndChangesNothingWhileTheOtherDeviceStaysLoggedIn() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        WebFixture.Page sent = caseworker.post("/app/referrals",
                WebFixture.referralForm(form.csrf(), form.formId(), "AAR-LOGOUT-1", "080890-1234"));
        Matcher m = REFERRAL_LOCATION.matcher(sent.location());
        assertTrue(m.matches(), sent.location());
        String id = m.group(1);

        WebFixture.Browser phone = f.browser();
        phone.login("local-consultant-anna");
        WebFixture.Browser desk = f.browser();
        desk.login("local-consultant-anna");
        String csrf = phone.get("/app/referrals/" + id).csrf();
        Map<String, String> kept = new LinkedHashMap<>(phone.cookies);

        assertEquals("/app/login", phone.post("/app/logout", Map.of("csrf", csrf)).location());

        // the cookie as it was before logout (a copy, a second tab, a stolen value) is a cookie of no session
        f.clock.advance(Duration.ofMinutes(1));
        WebFixture.Page read = f.call("GET", "/app/participants", null, kept, null, "da");
        assertEquals(303, read.status());
        assertEquals("/app/login", read.location());
        WebFixture.Page accept = f.call("POST", "/app/referrals/" + id + "/visitation",
                Map.of("csrf", csrf, "decision", "accepted"), kept, "http://127.0.0.1:8787", "da");
        assertEquals(403, accept.status(), accept.body());
        WebFixture.Page plan = f.call("POST", "/app/referrals/" + id + "/follow-up-plan",
                Map.of("csrf", csrf, "fu.date", "2026-12-01"), kept, "http://127.0.0.1:8787", "da");
        assertEquals(403, plan.status(), plan.body());

        // the other device is another login: it still reads, and the referral is unchanged
        WebFixture.Page still = desk.get("/app/referrals/" + id);
        assertEquals(200, still.status());
        assertTrue(still.body().contains("data-status=\"received\""), "nothing changed after logout");
        assertTrue(f.nudges().tasksOf(id).isEmpty(), "no follow-up was planned with the old cookie");
        // and logging in again works as before
        phone.login("local-consultant-anna");
        assertEquals(200, phone.get("/app/participants").status());
    }
}
