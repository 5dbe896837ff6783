package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.AuditEntry;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoPlanStore;
import dk.rampe.plan.Plan;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The participant's plan is personal data and goes with the referral at retention: the exit (and a
 * declined visitation) gives REFERRAL#{id}/PLAN the referral's expiresAt in the same transaction; a
 * referral without a plan gets none written; a plan written after the referral ended carries it too.
 */
class WebRetentionTest {
    private static final Pattern REFERRAL_LOCATION = Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");

    private final WebFixture f = new WebFixture();
    private final WebFixture.Browser caseworker = f.browser();
    private final WebFixture.Browser anna = f.browser();

    private String sent(String reference, String cpr) {
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        Matcher m = REFERRAL_LOCATION.matcher(caseworker.post("/app/referrals",
                WebFixture.referralForm(form.csrf(), form.formId(), reference, cpr)).location());
        assertTrue(m.matches());
        anna.login("local-consultant-anna");
        return m.group(1);
    }

    private WebFixture.Page post(String id, String action, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", anna.get("/app/referrals/" + id).csrf());
        return anna.post("/app/referrals/" + id + "/" + action, form);
    }

    private Map<String, AttributeValue> item(String id, String sk) {
        return f.dynamo.getItem(b -> b.tableName(f.config.table()).key(Map.of("pk", AttributeValue.fromS("REFERRAL#" + id),
                "sk", AttributeValue.fromS(sk))).consistentRead(true)).item();
    }

    @Test
    void theExitGivesThePlanTheReferralsRetention() {
        String id = sent("AAR-RET-1", "010190-1234");
        assertEquals(303, post(id, "visitation", Map.of("decision", "accepted")).status());
        assertEquals(303, post(id, "enrolment", Map.of()).status());
        assertEquals(303, post(id, "plan", Map.of("version", "0", "steps[0].text", "Møde op", "steps[0].status", "open",
                "agreements", "Mandag kl. 9")).status());
        assertFalse(item(id, "PLAN").containsKey("expiresAt"), "no retention while the participant is active");
        assertEquals(303, post(id, "exit", Map.of("outcome", "ordinary_job", "note", "")).status());
        AttributeValue referralExpires = item(id, "REFERRAL").get("expiresAt");
        assertTrue(referralExpires != null);
        assertEquals(referralExpires, item(id, "PLAN").get("expiresAt"), "the plan goes when the referral goes");
        long days = (Long.parseLong(referralExpires.n()) - f.clock.instant().getEpochSecond()) / 86_400;
        assertEquals(f.config.retentionAfterExit().toDays(), days);

        // a plan written after the end (no route does; the store still keeps the rule)
        DynamoPlanStore store = new DynamoPlanStore(f.dynamo, f.config.table(),
                new DynamoAuditLog(f.dynamo, f.config.auditTable(), Duration.ofDays(1)));
        Plan current = store.find(id).orElseThrow();
        store.save(new Plan(id, current.steps(), "efter afslutningen", current.tovholder(), current.supporters(),
                current.version() + 1, current.changes()), new AuditEntry(id, "test", "plan.updated", f.clock.instant()));
        assertEquals(referralExpires, item(id, "PLAN").get("expiresAt"));
    }

    @Test
    void aDeclineWithoutAPlanWritesNoPlan() {
        String id = sent("AAR-RET-2", "020290-1234");
        WebFixture.Page bad = post(id, "visitation", Map.of("decision", "declined", "reasonCode", "lazy"));
        assertEquals(400, bad.status(), "an unknown reason code is refused beside its field");
        assertTrue(bad.body().contains("data-field=\"reasonCode\""), bad.body());
        assertTrue(anna.get("/app/referrals/" + id).body().contains("<option value=\"not_motivated\">"));
        assertEquals(303, post(id, "visitation", Map.of("decision", "declined", "reason", "Ønsker ikke",
                "reasonCode", "not_motivated")).status());
        assertTrue(item(id, "REFERRAL").toString().contains("not_motivated"), "the code is kept for the report");
        assertTrue(item(id, "REFERRAL").containsKey("expiresAt"));
        assertTrue(item(id, "PLAN") == null || item(id, "PLAN").isEmpty(), "no plan item is made for the retention");
    }
}
