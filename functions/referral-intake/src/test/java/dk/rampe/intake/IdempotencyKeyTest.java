package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.DORTHE;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.path.MilestoneType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key header on the POST routes (the IETF draft's semantics) against DynamoDB Local: the same key
 * and body answer the first answer again without running the route, another body is a 422, keys are the
 * caller's own, a request that did not succeed gives its key back.
 */
class IdempotencyKeyTest {
    static final String EXIT = "/v1/referrals/{referralId}/exit";
    static final String MILESTONES = "/v1/referrals/{referralId}/milestones";
    static DynamoLocal local;
    IntakeFixture f;
    String id;

    @BeforeAll
    static void startDynamo() {
        local = DynamoLocal.inMemory();
    }

    @AfterAll
    static void stopDynamo() {
        local.close();
    }

    @BeforeEach
    void enrolled() {
        f = new IntakeFixture(local);
        APIGatewayV2HTTPResponse r = f.handle(post(referral(), AARHUS));
        id = json(r).get("referralId").asText();
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"accepted\"}", ANNA, "idempotency-key", "visit-1")).getStatusCode());
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id, "{}", ANNA,
                "idempotency-key", "enrol-1")).getStatusCode());
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAgainWithoutRunningTheRouteAgain() {
        String body = "{\"outcome\":\"moved\"}";
        APIGatewayV2HTTPResponse first = f.handle(call("POST", EXIT, id, body, ANNA, "idempotency-key", "exit-1"));
        assertEquals(200, first.getStatusCode(), first.getBody());
        assertNull(first.getHeaders().get("idempotent-replayed"));
        APIGatewayV2HTTPResponse again = f.handle(call("POST", EXIT, id, body, ANNA, "idempotency-key", "exit-1"));
        assertEquals(200, again.getStatusCode(), "the first answer, not a second exit's 409: " + again.getBody());
        assertEquals(first.getBody(), again.getBody());
        assertEquals("true", again.getHeaders().get("idempotent-replayed"));
        assertEquals(first.getHeaders().get("content-type"), again.getHeaders().get("content-type"));

        APIGatewayV2HTTPResponse other = f.handle(call("POST", EXIT, id, "{\"outcome\":\"other\"}", ANNA,
                "idempotency-key", "exit-1"));
        assertEquals(422, other.getStatusCode(), other.getBody());
        assertEquals("Idempotency-Key", json(other).get("errors").get(0).get("field").asText());
        assertEquals("idempotency.keyReused", json(other).get("errors").get(0).get("code").asText());

        // keys are the caller's own: a colleague's request with the same key runs (and is a second exit)
        APIGatewayV2HTTPResponse colleague = f.handle(call("POST", EXIT, id, body, DORTHE, "idempotency-key", "exit-1"));
        assertEquals(409, colleague.getStatusCode(), colleague.getBody());
        assertEquals("status.alreadyExited", json(colleague).get("code").asText());
        // without the header: the route as it is
        assertEquals(409, f.handle(call("POST", EXIT, id, body, ANNA)).getStatusCode());
    }

    @Test
    void aRequestThatDidNotSucceedGivesItsKeyBackAndAMalformedKeyIsA400() {
        APIGatewayV2HTTPResponse refused = f.handle(call("POST", MILESTONES, id,
                "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\"}", ANNA, "idempotency-key", "step-1"));
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        APIGatewayV2HTTPResponse fixed = f.handle(call("POST", MILESTONES, id, "{\"type\":\"job_started\","
                + "\"effectiveOn\":\"2026-11-23\",\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":10}", ANNA,
                "idempotency-key", "step-1"));
        assertEquals(201, fixed.getStatusCode(), fixed.getBody());

        APIGatewayV2HTTPResponse bad = f.handle(call("POST", MILESTONES, id, "{}", ANNA, "idempotency-key", "a b"));
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        assertEquals("Idempotency-Key", json(bad).get("errors").get(0).get("field").asText());
    }

    @Test
    void thirtyRequestsWithOneKeyAtOnceRunTheRouteOnce() throws Exception {
        String body = "{\"type\":\"hours_changed\",\"effectiveOn\":\"2026-11-23\",\"hoursPerWeek\":12}";
        assertEquals(201, f.handle(call("POST", MILESTONES, id, "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-23\","
                + "\"employer\":\"A\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":10}", ANNA)).getStatusCode());
        int n = 30;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                var e = call("POST", MILESTONES, id, body, ANNA, "idempotency-key", "hours-1");
                futures.add(pool.submit(() -> {
                    go.await();
                    return f.handle(e);
                }));
            }
            go.countDown();
            for (Future<APIGatewayV2HTTPResponse> fu : futures) answers.add(fu.get());
        } finally {
            pool.shutdownNow();
        }
        int created = 0;
        for (APIGatewayV2HTTPResponse a : answers) {
            if (a.getStatusCode() == 201) created++;
            else assertEquals("idempotency.inProgress", json(a).get("errors").get(0).get("code").asText(), a.getBody());
            assertTrue(a.getStatusCode() == 201 || a.getStatusCode() == 409, a.getBody());
        }
        assertTrue(created >= 1, Map.of("created", created).toString());
        assertEquals(1, new DynamoPathStore(f.dynamo, f.config.table()).milestones(id).stream()
                .filter(m -> m.type() == MilestoneType.HOURS_CHANGED).count());
    }
}
