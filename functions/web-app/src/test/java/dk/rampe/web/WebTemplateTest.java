package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.local.embedded.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template's login and the web app's resources agree with the code: the user pool's groups
 * are the ones the app and the API read, MFA is required, the caseworker's attribute is the one
 * the login reads and users cannot write it, the client's callback and sign-out URLs are the app's
 * routes (authorization code only, no secret: PKCE), and the web app may only read and list the
 * report bucket. (cfn-lint checks the template itself: CfnLintTest.)
 */
class WebTemplateTest {
    private final SamTemplate template = SamTemplate.bundled();

    private Map<String, Object> props(String id) {
        Map<String, Object> r = template.resources().get(id);
        assertTrue(r != null, id + " is in the template");
        assertEquals("CreatesUserPool", r.getOrDefault("Condition", "CreatesUserPool"), id);
        return SamTemplate.properties(r);
    }

    @Test
    void thePoolRequiresMfaHasTheAppsGroupsAndTheCaseworkersAttribute() {
        Map<String, Object> pool = props("UserPool");
        assertEquals("ON", pool.get("MfaConfiguration"));
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), pool.get("EnabledMfas"));
        assertEquals(Map.of("AllowAdminCreateUserOnly", true), pool.get("AdminCreateUserConfig"), "no self sign-up");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> schema = (List<Map<String, Object>>) pool.get("Schema");
        assertTrue(schema.stream().anyMatch(a -> ("custom:" + a.get("Name")).equals("custom:rampe_client_id")));
        for (String[] g : new String[][] {{"StaffGroup", "rampe-staff"}, {"OwnerGroup", "rampe-owner"},
                {"AdminGroup", "rampe-admin"}}) {
            assertEquals(g[1], props(g[0]).get("GroupName"));
        }
        WebConfig web = WebConfig.local(null);
        assertEquals("rampe-owner", web.ownerGroup(), "the group the app reads by default");
    }

    @Test
    void theWebClientUsesTheCodeFlowWithTheAppsCallbackAndSignOutUrls() {
        Map<String, Object> client = props("WebAppUserPoolClient");
        assertEquals(false, client.get("GenerateSecret"), "a public client: PKCE instead of a secret");
        assertEquals(List.of("code"), client.get("AllowedOAuthFlows"));
        assertEquals(List.of(Map.of("Fn::Sub", "${PublicBaseUrl}/app/auth/callback")), client.get("CallbackURLs"));
        assertEquals(List.of(Map.of("Fn::Sub", "${PublicBaseUrl}" + CognitoLogin.LOGGED_OUT)), client.get("LogoutURLs"));
        assertTrue(((List<?>) client.get("ReadAttributes")).contains("custom:rampe_client_id"));
        assertFalse(((List<?>) client.get("WriteAttributes")).contains("custom:rampe_client_id"),
                "a caseworker cannot move themselves to another jobcentre");
        assertEquals(2, props("LoginDomain").get("ManagedLoginVersion"));
        assertEquals(Map.of("Ref", "WebAppUserPoolClient"), props("WebAppLoginBranding").get("ClientId"));
    }

    @Test
    void theWebAppReadsTheReportBucketAndNothingMore() {
        Map<String, Object> fn = SamTemplate.properties(template.resources().get("WebAppFunction"));
        Map<String, Object> env = template.environment(template.resources().get("WebAppFunction"));
        assertEquals(Map.of("Ref", "ReportBucket"), env.get("RAMPE_REPORT_BUCKET"));
        for (String name : List.of("RAMPE_WEB_COGNITO_DOMAIN", "RAMPE_WEB_COGNITO_CLIENT_ID", "RAMPE_WEB_COGNITO_ISSUER",
                "RAMPE_FOLLOW_UP_TOKEN_KEY", "RAMPE_PRODUCT_NAME")) {
            assertTrue(env.containsKey(name), name);
        }
        String policies = String.valueOf(fn.get("Policies"));
        assertTrue(policies.contains("s3:GetObject") && policies.contains("s3:ListBucket"), policies);
        assertFalse(policies.contains("s3:PutObject") || policies.contains("s3:Delete") || policies.contains("s3:*"),
                "read only: " + policies);
    }
}
