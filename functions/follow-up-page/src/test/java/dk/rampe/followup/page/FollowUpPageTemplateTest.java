package dk.rampe.followup.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.local.embedded.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The page's part of infra/sam-template.yaml agrees with the code. */
@SuppressWarnings("unchecked")
class FollowUpPageTemplateTest {
    private final SamTemplate template = SamTemplate.bundled();

    @Test
    void publicRoutesWithoutJwtServedByThePageHandler() throws Exception {
        Map<String, Object> f = template.resources().get("FollowUpPageFunction");
        Map<String, Object> p = SamTemplate.properties(f);
        String handler = (String) p.get("Handler");
        assertEquals(FollowUpPageHandler.class, Class.forName(handler.substring(0, handler.indexOf("::"))));
        assertEquals("handleRequest", handler.substring(handler.indexOf("::") + 2));
        assertNotNull(FollowUpPageHandler.class.getConstructor());
        assertEquals("../functions/follow-up-page/target/follow-up-page.jar", p.get("CodeUri"));
        TreeSet<String> routes = new TreeSet<>();
        for (Object e : ((Map<String, Object>) p.get("Events")).values()) {
            Map<String, Object> ev = (Map<String, Object>) e;
            assertEquals("HttpApi", ev.get("Type"));
            Map<String, Object> props = (Map<String, Object>) ev.get("Properties");
            routes.add(props.get("Method") + " " + props.get("Path"));
            assertEquals(Map.of("Authorizer", "NONE"), props.get("Auth"), "the signed link is the key, not a JWT");
        }
        assertEquals(new TreeSet<>(List.of("GET /f/{token}", "HEAD /f/{token}", "POST /f/{token}",
                "GET /t/{token}", "HEAD /t/{token}", "POST /t/{token}")), routes, "the follow-up page and today's list");
        Map<String, Object> env = template.environment(f);
        assertTrue(env.containsKey("RAMPE_PRODUCT_NAME"), "the page title carries the product name");
        assertTrue(String.valueOf(env.get("RAMPE_FOLLOW_UP_TOKEN_KEY")).contains("resolve:secretsmanager"));
        assertTrue(env.containsKey("RAMPE_FOLLOW_UP_TOKEN_TTL_HOURS"));
        String policies = String.valueOf(p.get("Policies"));
        assertFalse(policies.contains("ses:") || policies.contains("sns:") || policies.contains("dynamodb:*")
                || policies.contains("DeleteItem") || policies.contains("Scan") || policies.contains("gsi1"), policies);
        // today's list reads the programme's referrals (gsi2) and the day's attendance, and puts only
        // attendance registrations, for a corrected absence the caseworker was told of their one email, and
        // for a correction back to absent the day's follow-up again (its task and nudges)
        assertTrue(policies.contains("Action=[dynamodb:Query], Resource=[{Fn::GetAtt=[RampeTable, Arn]}, "
                + "{Fn::Sub=${RampeTable.Arn}/index/gsi2}]"), policies);
        assertTrue(policies.contains("Action=[dynamodb:PutItem], Resource={Fn::GetAtt=[RampeTable, Arn]}, "
                + "Condition={ForAllValues:StringLike={dynamodb:LeadingKeys=[ATTENDANCE#*, OUTBOX#*, TASK#*]}}"), policies);
    }

    @Test
    void theOtherApiRoutesKeepTheJwtAuthorizer() {
        Map<String, Object> api = SamTemplate.properties(template.resources().get("RampeApi"));
        assertEquals("OAuth2", ((Map<String, Object>) api.get("Auth")).get("DefaultAuthorizer"));
    }
}
