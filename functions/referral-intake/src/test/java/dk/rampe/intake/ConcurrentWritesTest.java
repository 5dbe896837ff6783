package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.DORTHE;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The same intent sent 30 times at once, on real threads against DynamoDB Local through the intake handler: each
 * ends in exactly one effect and no 5xx. Rules that read and then write are decided on what they read and
 * written only if it is still so (the path's revision, the referral's version, the attendance chain's
 * revision); identical repeats within the window answer the first effect.
 */
class ConcurrentWritesTest {
    static final int N = 30;
    static final String JOB = "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\",\"employer\":\"Lager A/S\","
            + "\"jobKind\":\"flexjob\",\"hoursPerWeek\":15}";
    static final String PLAN = "{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\",\"tuesday\","
            + "\"thursday\"],\"start\":\"09:00\",\"minutesPerDay\":240}]}";
    static DynamoLocal local;
    IntakeFixture f;

    @BeforeAll
    static void startDynamo() {
        local = DynamoLocal.inMemory();
    }

    @AfterAll
    static void stopDynamo() {
        local.close();
    }

    @BeforeEach
    void fresh() {
        f = new IntakeFixture(local);
    }

    private String enrolled(String reference, String cpr) {
        ObjectNode body = referral();
        body.put("jobcentreReference", reference);
        ((ObjectNode) body.get("citizen")).put("cpr", cpr);
        APIGatewayV2HTTPResponse r = f.handle(post(body, AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        String id = json(r).get("referralId").asText();
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"accepted\"}", ANNA)).getStatusCode());
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id, "{}", ANNA)).getStatusCode());
        return id;
    }

    /** Sends the n events at once (all threads released together) and returns the answers in order. */
    private List<APIGatewayV2HTTPResponse> atOnce(IntFunction<APIGatewayV2HTTPEvent> event) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(N);
        try {
            CountDownLatch ready = new CountDownLatch(N);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                APIGatewayV2HTTPEvent e = event.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return f.handle(e);
                }));
            }
            ready.await();
            go.countDown();
            List<APIGatewayV2HTTPResponse> out = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> fu : futures) out.add(fu.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many answers had each status (and never a 5xx). */
    private static Map<Integer, Integer> statuses(List<APIGatewayV2HTTPResponse> answers) {
        Map<Integer, Integer> count = new TreeMap<>();
        for (APIGatewayV2HTTPResponse a : answers) {
            assertTrue(a.getStatusCode() < 500, a.getStatusCode() + " " + a.getBody());
            count.merge(a.getStatusCode(), 1, Integer::sum);
        }
        return count;
    }

    private List<Milestone> records(String id, MilestoneType type) {
        return new DynamoPathStore(f.dynamo, f.config.table()).milestones(id).stream().filter(m -> m.type() == type)
                .toList();
    }

    /** The ids of the reminders of the referral still waiting on the due index. */
    private Set<String> pendingReminders(String id) {
        Set<String> out = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = f.dynamo.scan(b -> b.tableName(f.config.table()).consistentRead(true)
                    .filterExpression("#k = :k AND dueWork.referralId = :r AND attribute_exists(gsi1pk)")
                    .expressionAttributeNames(Map.of("#k", "kind"))
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("aftercare"), ":r", AttributeValue.fromS(id)))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> out.add(i.get("pk").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private JsonNode attendance(String id) {
        return json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA))).get("attendance");
    }

    @Test
    void thirtyJobStartsAtOnceRecordOneJobWithOneSetOfReminders() throws Exception {
        String id = enrolled("AAR-RACE-1", "0101901234");
        List<APIGatewayV2HTTPResponse> answers = atOnce(i -> call("POST", "/v1/referrals/{referralId}/milestones", id,
                JOB, i % 2 == 0 ? ANNA : DORTHE));
        assertEquals(Map.of(201, N), statuses(answers), "the repeats answer the one record");
        Set<String> ids = new HashSet<>();
        answers.forEach(a -> ids.add(json(a).get("milestoneId").asText()));
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(1, records(id, MilestoneType.JOB_STARTED).size());

        // the reminders are those of one job start, as for a participant whose job was recorded once
        String single = enrolled("AAR-RACE-2", "0202851234");
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/milestones", single, JOB, ANNA)).getStatusCode());
        int expected = pendingReminders(single).size();
        assertTrue(expected > 0);
        assertEquals(expected, pendingReminders(id).size(), pendingReminders(id).toString());

        // the path is not stuck: the job can end
        APIGatewayV2HTTPResponse end = f.handle(call("POST", "/v1/referrals/{referralId}/milestones", id,
                "{\"type\":\"job_ended\",\"effectiveOn\":\"2026-11-23\",\"reason\":\"Stoppede\"}", ANNA));
        assertEquals(201, end.getStatusCode(), end.getBody());
    }

    @Test
    void thirtyDifferentJobStartsAtOnceLetOneThroughAndRefuseTheRestNamingTheRule() throws Exception {
        String id = enrolled("AAR-RACE-3", "0101901234");
        List<APIGatewayV2HTTPResponse> answers = atOnce(i -> call("POST", "/v1/referrals/{referralId}/milestones", id,
                JOB.replace("Lager A/S", "Arbejdsgiver " + i), ANNA));
        assertEquals(Map.of(201, 1, 409, N - 1), statuses(answers));
        for (APIGatewayV2HTTPResponse a : answers) {
            if (a.getStatusCode() == 409) assertEquals("path.jobOpen", json(a).get("code").asText(), a.getBody());
        }
        assertEquals(1, records(id, MilestoneType.JOB_STARTED).size());
    }

    @Test
    void anExitRacingJobStartsLeavesNothingAfterTheExitAndASecondExitIsRefused() throws Exception {
        String id = enrolled("AAR-RACE-4", "0101901234");
        List<APIGatewayV2HTTPResponse> answers = atOnce(i -> i % 2 == 0
                ? call("POST", "/v1/referrals/{referralId}/exit", id,
                        i % 4 == 0 ? "{\"outcome\":\"further_assessment\"}" : "{\"outcome\":\"moved\"}", ANNA)
                : call("POST", "/v1/referrals/{referralId}/milestones", id, JOB, DORTHE));
        statuses(answers);
        int exits = 0;
        for (int i = 0; i < N; i += 2) {
            APIGatewayV2HTTPResponse a = answers.get(i);
            if (a.getStatusCode() == 200) exits++;
            else assertEquals("status.alreadyExited", json(a).get("code").asText(), a.getBody());
        }
        assertEquals(1, exits, "one exit; every other is a 409");
        for (int i = 1; i < N; i += 2) {
            APIGatewayV2HTTPResponse a = answers.get(i);
            assertTrue(a.getStatusCode() == 201 || "path.afterExit".equals(json(a).get("code").asText()), a.getBody());
        }
        assertEquals(1, records(id, MilestoneType.EXITED).size());
        assertTrue(records(id, MilestoneType.JOB_STARTED).size() <= 1);
        List<Path.Step> steps = new Path(new DynamoPathStore(f.dynamo, f.config.table()).milestones(id)).steps();
        assertEquals(MilestoneType.EXITED, steps.get(steps.size() - 1).type(), steps.toString());

        APIGatewayV2HTTPResponse again = f.handle(call("POST", "/v1/referrals/{referralId}/exit", id,
                "{\"outcome\":\"ordinary_job\"}", ANNA));
        assertEquals(409, again.getStatusCode(), again.getBody());
        assertEquals("status.alreadyExited", json(again).get("code").asText());
    }

    @Test
    void thirtyEnrolmentsAndConsultantChangesAtOnceAreOneEachAndNever409() throws Exception {
        ObjectNode body = referral();
        body.put("jobcentreReference", "AAR-RACE-9");
        String id = json(f.handle(post(body, AARHUS))).get("referralId").asText();
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"accepted\"}", ANNA)).getStatusCode());
        List<APIGatewayV2HTTPResponse> enrolments = atOnce(i -> call("POST", "/v1/referrals/{referralId}/enrolment", id,
                "{\"absenceSmsConsent\":true}", i % 2 == 0 ? ANNA : DORTHE));
        assertEquals(Map.of(200, N), statuses(enrolments), "a lost race is decided again: enrolled already");
        JsonNode read = json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA)));
        long enrolled = 0;
        for (JsonNode h : read.get("history")) if ("enrolled".equals(h.get("status").asText())) enrolled++;
        assertEquals(1, enrolled, read.get("history").toString());
        assertEquals(1, records(id, MilestoneType.ENROLLED).size());

        List<APIGatewayV2HTTPResponse> handovers = atOnce(i -> call("PUT", "/v1/referrals/{referralId}/consultant", id,
                "{\"consultantId\":\"c-carla\"}", ANNA));
        assertEquals(Map.of(200, N), statuses(handovers));
        assertEquals("c-carla", json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA)))
                .get("consultantId").asText());
    }

    @Test
    void thirtyIdenticalPlansAtOnceAreOnePlanStep() throws Exception {
        String id = enrolled("AAR-RACE-5", "0101901234");
        List<APIGatewayV2HTTPResponse> answers = atOnce(i -> call("PUT", "/v1/referrals/{referralId}/attendance-plan", id,
                PLAN, ANNA));
        assertEquals(Map.of(200, N), statuses(answers));
        assertEquals(1, attendance(id).get("planSteps").size());
        assertEquals(1, f.rampe.auditActions(id).stream().filter("attendance.planned"::equals).count());
    }

    @Test
    void thirtyDifferentPlansAtOnceEachEndInTheirWriteOrA409() throws Exception {
        String id = enrolled("AAR-RACE-6", "0101901234");
        List<APIGatewayV2HTTPResponse> answers = atOnce(i -> call("PUT", "/v1/referrals/{referralId}/attendance-plan", id,
                PLAN.replace("240", Integer.toString(60 + i)), ANNA));
        Map<Integer, Integer> s = statuses(answers);
        for (APIGatewayV2HTTPResponse a : answers) {
            if (a.getStatusCode() != 200) {
                assertEquals("attendance.changedMeanwhile", json(a).get("code").asText(), a.getBody());
            }
        }
        long planned = f.rampe.auditActions(id).stream().filter("attendance.planned"::equals).count();
        assertEquals((long) s.getOrDefault(200, 0), planned, "every 200 is one write: " + s);
        assertEquals(1, attendance(id).get("planSteps").size(), "one step for the from-date");
    }

    @Test
    void thirtyIdenticalAgreementsAtOnceAreOneAgreement() throws Exception {
        String id = enrolled("AAR-RACE-7", "0101901234");
        assertEquals(200, f.handle(call("PUT", "/v1/referrals/{referralId}/attendance-plan", id, PLAN, ANNA))
                .getStatusCode());
        List<APIGatewayV2HTTPResponse> answers = atOnce(i -> call("POST", "/v1/referrals/{referralId}/attendance-agreements",
                id, "{\"date\":\"2026-11-26\",\"start\":\"10:00\",\"minutes\":120}", ANNA));
        assertEquals(Map.of(201, N), statuses(answers));
        assertEquals(1, attendance(id).get("agreements").size());
        assertEquals(1, f.rampe.auditActions(id).stream().filter("attendance.agreed"::equals).count());
    }

    @Test
    void thirtyIdenticalRegistrationsAtOnceAreOneRegistration() throws Exception {
        String id = enrolled("AAR-RACE-8", "0101901234");
        assertEquals(200, f.handle(call("PUT", "/v1/referrals/{referralId}/attendance-plan", id, PLAN, ANNA))
                .getStatusCode());
        List<APIGatewayV2HTTPResponse> answers = atOnce(i -> call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"absent\"}", i % 2 == 0 ? ANNA : DORTHE));
        assertEquals(Map.of(201, N), statuses(answers));
        Set<String> ids = new HashSet<>();
        answers.forEach(a -> ids.add(json(a).get("registrationId").asText()));
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(1, attendance(id).get("registrations").size());
        assertEquals(1, f.rampe.auditActions(id).stream().filter("attendance.registered"::equals).count());
        // another status is a correction, not a repeat
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"present\"}", ANNA)).getStatusCode());
        assertEquals(2, attendance(id).get("registrations").size());
    }
}
