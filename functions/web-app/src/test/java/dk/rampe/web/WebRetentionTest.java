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
        assertTrue(anna.get("/app/referrals/" + id + "/visitation").body().contains("<option value=\"not_motivated\">"));
        assertEquals(303, post(id, "visitation", Map.of("decision", "declined", "reason", "Ønsker ikke",
                "reasonCode", "not_motivated")).status());
        assertTrue(item(id, "REFERRAL").toString().contains("not_motivated"), "the code is kept for the report");
        assertTrue(item(id, "REFERRAL").containsKey("expiresAt"));
        assertTrue(item(id, "PLAN") == null || item(id, "PLAN").isEmpty(), "no plan item is made for the retention");
    }

    /** Every item of the table (a local scan), for what the retention left behind. */
    private java.util.List<Map<String, AttributeValue>> everything() {
        java.util.List<Map<String, AttributeValue>> out = new java.util.ArrayList<>();
        f.dynamo.scanPaginator(b -> b.tableName(f.config.table())).items().forEach(out::add);
        return out;
    }

    private java.util.List<String> naming(String... needles) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Map<String, AttributeValue> item : everything()) {
            String text = item.toString();
            for (String needle : needles) if (text.contains(needle)) out.add(item.get("pk").s() + " / " + item.get("sk").s());
        }
        return out;
    }

    @Test
    void agedPastRetentionNothingNamesTheParticipantAnyMore() {
        String id = sent("AAR-RET-9", "090990-1234");
        String matchKey = item(id, "REFERRAL").get("citizenKey").s();
        assertPosted(post(id, "visitation", Map.of("decision", "accepted")));
        assertPosted(post(id, "enrolment", Map.of("smsConsent", "yes")));
        assertPosted(post(id, "plan", Map.of("version", "0", "steps[0].text", "Møde op", "steps[0].status", "open",
                "agreements", "Mandag kl. 9")));
        Map<String, String> plan = new HashMap<>(Map.of("ap.validFrom", "2026-11-23", "ap.start", "09:00",
                "ap.hoursPerDay", "4"));
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) plan.put("ap.weekday." + day, "1");
        assertPosted(post(id, "attendance-plan", plan));
        assertPosted(post(id, "attendance-agreement", Map.of("ag.date", "2026-11-25", "ag.kind", "dayOff")));
        assertPosted(post(id, "attendance", Map.of("reg.date", "2026-11-23", "reg.status", "excused",
                "reg.reason", "sick")));
        assertPosted(post(id, "milestone", Map.of("ms.type", "internship_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Bageriet Aps", "ms.expectedEnd", "2027-01-15", "ms.hoursPerWeek", "12,5")));
        assertPosted(post(id, "follow-up-plan", Map.of("fu.date", "2026-11-24", "fu.time", "10:00")));
        java.util.regex.Matcher task = Pattern.compile("data-task=\"(T[0-9A-Z]{12})\" data-open=\"true\"")
                .matcher(anna.get("/app/referrals/" + id + "/follow-ups").body());
        assertTrue(task.find(), "an open follow-up");
        assertEquals(303, post(id, "follow-up", Map.of("task", task.group(1), "fu.reached", "yes", "fu.cause", "illness",
                "fu.next", "fewer_hours", "fu.note", "Har det svært")).status());
        assertPosted(post(id, "milestone", Map.of("ms.type", "job_started", "ms.effectiveOn", "2026-11-23",
                "ms.employer", "Bageriet Aps", "ms.jobKind", "ordinary", "ms.hoursPerWeek", "15")));
        java.util.List<String> before = naming(id, matchKey);
        assertTrue(before.size() >= 12, "the participant's items: " + before);
        assertTrue(before.stream().anyMatch(k -> k.startsWith("IDEMPOTENCY#")), before.toString());
        assertTrue(before.stream().anyMatch(k -> k.startsWith("DUEWORK#")), before.toString());

        assertPosted(post(id, "exit", Map.of("outcome", "ordinary_job", "note", "")));
        AttributeValue expiresAt = item(id, "REFERRAL").get("expiresAt");
        for (Map<String, AttributeValue> it : everything()) {
            if (it.toString().contains(id) || it.toString().contains(matchKey)) {
                String what = it.get("pk").s() + " / " + it.get("sk").s();
                assertTrue(it.get("expiresAt") != null, "a retention on " + what);
                if (it.get("pk").s().startsWith("OUTBOX#")) { // a nudge sent or cancelled goes earlier, on its own time
                    assertTrue(Long.parseLong(it.get("expiresAt").n()) <= Long.parseLong(expiresAt.n()), what);
                } else {
                    assertEquals(expiresAt, it.get("expiresAt"), "the referral's retention on " + what);
                }
            }
        }

        // a day before the retention ends nothing has gone; the day after, nothing names the participant
        java.time.Instant end = java.time.Instant.ofEpochSecond(Long.parseLong(expiresAt.n()));
        dk.rampe.local.embedded.TimeToLive.expire(f.dynamo, f.config.table(), end.minus(Duration.ofDays(1)));
        assertFalse(naming(id).isEmpty());
        f.clock.set(end.plus(Duration.ofDays(1)));
        dk.rampe.local.embedded.TimeToLive.expire(f.dynamo, f.config.table(), f.clock.instant());
        assertEquals(java.util.List.of(), naming(id, matchKey), "items naming the referral or the CPR match key");
    }

    private static void assertPosted(WebFixture.Page p) {
        assertEquals(303, p.status(), p.body());
    }

    @Test
    void moreItemsThanOneTransactionHoldsAllGetTheRetention() {
        String id = sent("AAR-RET-10", "101090-1234");
        assertPosted(post(id, "visitation", Map.of("decision", "accepted")));
        assertPosted(post(id, "enrolment", Map.of()));
        dk.rampe.dynamodb.DynamoAttendanceStore attendance = new dk.rampe.dynamodb.DynamoAttendanceStore(f.dynamo,
                f.config.table());
        java.time.LocalDate day = java.time.LocalDate.parse("2026-06-01");
        for (int i = 0; i < 130; i++) { // a registration and its correction a day, half a year back
            attendance.addRegistration(id, new dk.rampe.attendance.Registration("G" + i, day.plusDays(i / 2),
                    dk.rampe.attendance.Registration.Status.EXCUSED, null, dk.rampe.attendance.Registration.Reason.SICK,
                    "c-anna", f.clock.instant().plusSeconds(i), false, false));
        }
        assertPosted(post(id, "exit", Map.of("outcome", "moved", "note", "")));
        AttributeValue expiresAt = item(id, "REFERRAL").get("expiresAt");
        int registrations = 0;
        for (Map<String, AttributeValue> it : everything()) {
            if (!it.get("pk").s().equals("ATTENDANCE#" + id)) continue;
            assertEquals(expiresAt, it.get("expiresAt"), it.get("sk").s());
            if (it.get("sk").s().startsWith("REGISTRATION#")) registrations++;
        }
        assertEquals(130, registrations);
    }
}
