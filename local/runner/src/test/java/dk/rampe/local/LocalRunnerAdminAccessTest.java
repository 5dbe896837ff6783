package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The /v1/admin routes require the rampe/admin scope, as the HTTP API's JWT authorizer enforces the
 * template's AuthorizationScopes: an administrator (group and scope) and an administrator's tool (a
 * client-credentials token with the scope) get in; a jobcentre's system (rampe/referrals) and a
 * consultant are stopped before any function runs.
 */
class LocalRunnerAdminAccessTest {
    static LocalRunner runner;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalCalls.start(null, Path.of("target/outbox-admin-access"));
        base = runner.baseUrl();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void anAdministratorAndTheirToolReadTheSettings() throws Exception {
        for (String token : new String[] {"local-admin", "local-admin-tool"}) {
            var r = send("GET", base + "/v1/admin/settings", token, null, null);
            assertEquals(200, r.statusCode(), token + ": " + r.body());
            assertTrue(r.body().contains("\"programmes\""), r.body());
        }
    }

    @Test
    void tokensWithoutTheAdminScopeAreForbiddenBeforeAnyFunctionRuns() throws Exception {
        for (String token : new String[] {"local-jobcenter-aarhus", "local-consultant-anna", "local-owner-dorthe"}) {
            var r = send("GET", base + "/v1/admin/settings", token, null, null);
            assertEquals(403, r.statusCode(), token + ": " + r.body());
            assertEquals("{\"message\":\"Forbidden\"}", r.body());
            assertEquals(403, send("GET", base + "/v1/admin/reports?programmeId=p-aarhus", token, null, null).statusCode());
        }
        assertEquals(401, send("GET", base + "/v1/admin/settings", null, null, null).statusCode());
    }

    @Test
    void aJobcentresSystemStillPostsAndReadsItsReferrals() throws Exception {
        var r = send("GET", base + "/v1/referrals/R-none", "local-jobcenter-aarhus", null, null);
        assertEquals(404, r.statusCode(), r.body());
    }
}
