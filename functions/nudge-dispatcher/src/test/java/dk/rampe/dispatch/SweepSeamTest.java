package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.dynamodb.DynamoDueWork;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.dynamodb.DynamoWatermarks;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.platform.AwsClients;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueIndex;
import dk.rampe.schedule.SweepRule;
import dk.rampe.schedule.Sweeper;
import dk.rampe.settings.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The sweep seam on DynamoDB Local with the real SDK client: an aftercare-like capability built
 * only from a rule (due work + NudgeService with a decision key), and the nudge sweep.
 */
class SweepSeamTest {
    static final String KIND = "aftercare";
    final NudgeFixture f = new NudgeFixture(Instant.parse("2026-11-24T08:00:00Z"), Channel.EMAIL);
    final Counting counting = new Counting();
    final DynamoDbClient counted = AwsClients.configure(DynamoDbClient.builder(), "eu-north-1",
            dk.rampe.testkit.RampeFixture.sharedDynamo().endpoint(), StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(counting)).build();
    final DynamoDueWork work = new DynamoDueWork(counted, f.config.table());
    final DynamoWatermarks watermarks = new DynamoWatermarks(counted, f.config.table());

    /** Counts what the client read: queries, items the queries examined, GetItems. */
    static final class Counting implements ExecutionInterceptor {
        final AtomicInteger queries = new AtomicInteger();
        final AtomicInteger scanned = new AtomicInteger();
        final AtomicInteger gets = new AtomicInteger();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse q) {
                queries.incrementAndGet();
                scanned.addAndGet(q.scannedCount());
            } else if (context.response() instanceof GetItemResponse) {
                gets.incrementAndGet();
            }
        }

        void reset() {
            queries.set(0);
            scanned.set(0);
            gets.set(0);
        }
    }

    /** The whole aftercare capability: a rule. The decision (referral, date) names the task; done takes it off. */
    final SweepRule<Map<String, String>, String> aftercare = (due, now) -> {
        FollowUpStore.CreateResult r = f.service.create(new NudgeService.NewFollowUp(FollowUpKind.AFTERCARE_CALL_DUE,
                "p1", due.item().get("referralId"), "c1", due.dueAt(), null, due.item().get("date")), "system:aftercare");
        work.done(KIND, due.id(), now);
        return r instanceof FollowUpStore.Created ? "created" : "existed";
    };

    void schedule(String referralId, String dueAt) {
        Instant at = Instant.parse(dueAt);
        String date = at.atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate().toString();
        assertTrue(work.schedule(KIND, DecisionIds.of("W", KIND, referralId, date), at,
                Map.of("referralId", referralId, "date", date)));
    }

    Sweeper.Run<String> sweep() {
        return new Sweeper(watermarks, f.clock).run(KIND, work.index(KIND), aftercare, 100);
    }

    long tasks() {
        return f.dynamo.scan(b -> b.tableName(f.config.table()).filterExpression("#t = :t")
                .expressionAttributeNames(Map.of("#t", "type"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("followUpTask")))).items().size();
    }

    @Test
    void aMissedRunCatchesUpOnEverythingSinceTheWatermark() {
        schedule("RAFTER00001", "2026-11-24T09:00:00Z");
        schedule("RAFTER00002", "2026-11-25T09:00:00Z");
        schedule("RAFTER00003", "2026-11-27T09:00:00.500Z");
        schedule("RAFTER00004", "2026-12-10T09:00:00Z");

        f.clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        assertEquals(1, sweep().count("created"));
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), watermarks.read(KIND).orElseThrow());

        // no runs for four days (a broken schedule): the next run does what was due meanwhile
        f.clock.set(Instant.parse("2026-11-28T12:00:00Z"));
        Sweeper.Run<String> late = sweep();
        assertEquals(2, late.count("created"));
        assertEquals(0, late.errors());
        assertEquals(Instant.parse("2026-11-28T12:00:00Z"), watermarks.read(KIND).orElseThrow());
        assertEquals(3, tasks(), "the December one is not due yet");
        assertEquals(0, sweep().read(), "done work left the index");

        f.clock.set(Instant.parse("2026-12-10T09:00:00Z"));
        assertEquals(1, sweep().count("created"), "due at exactly now is due");
        assertEquals(4, tasks());
    }

    @Test
    void twoOverlappingRunsCreateNothingTwice() throws Exception {
        for (int i = 0; i < 6; i++) schedule("ROVER0000" + i, "2026-11-24T0" + (i + 1) + ":30:00Z");
        f.clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        CountDownLatch bothRead = new CountDownLatch(2);
        DueIndex<Map<String, String>> index = work.index(KIND);
        DueIndex<Map<String, String>> readThenWait = (from, to, limit) -> {
            List<Due<Map<String, String>>> items = index.due(from, to, limit);
            bothRead.countDown();
            try {
                bothRead.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return items;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Sweeper.Run<String>> a = pool.submit(() -> new Sweeper(watermarks, f.clock).run(KIND, readThenWait, aftercare, 100));
            Future<Sweeper.Run<String>> b = pool.submit(() -> new Sweeper(watermarks, f.clock).run(KIND, readThenWait, aftercare, 100));
            Sweeper.Run<String> ra = a.get(60, TimeUnit.SECONDS);
            Sweeper.Run<String> rb = b.get(60, TimeUnit.SECONDS);
            assertEquals(6, ra.read());
            assertEquals(6, rb.read(), "both runs saw all six");
            assertEquals(6, ra.count("created") + rb.count("created"), "each created once");
            assertEquals(6, ra.count("existed") + rb.count("existed"), "the other run found it decided");
            assertEquals(0, ra.errors() + rb.errors());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, tasks());
        assertEquals(6, f.dynamo.scan(b -> b.tableName(f.config.table()).filterExpression("#t = :t")
                .expressionAttributeNames(Map.of("#t", "type"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("outboxMessage")))).items().stream()
                .filter(m -> !m.get("reminder").bool()).count(), "one first nudge per task");
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), watermarks.read(KIND).orElseThrow());
    }

    @Test
    void readsGrowWithDueItemsNotWithTheTable() {
        watermarks.advance(KIND, Instant.parse("2026-11-24T10:00:00Z"));
        for (int i = 0; i < 200; i++) { // not due: later days, another kind, other items
            work.schedule(KIND, "LATER" + i, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i), Map.of());
            work.schedule("absence", "OTHER" + i, Instant.parse("2026-11-24T10:30:00Z"), Map.of());
        }
        f.clock.set(Instant.parse("2026-11-24T11:00:00Z"));
        for (int i = 0; i < 4; i++) schedule("RREAD0000" + i, "2026-11-24T10:1" + i + ":00Z");
        counting.reset();
        Sweeper.Run<String> run = sweep();
        assertEquals(4, run.count("created"));
        assertEquals(1, counting.queries.get(), "one day, one query");
        assertEquals(4, counting.scanned.get(), "the index read only what was due");
        assertEquals(1, counting.gets.get(), "the watermark; no GetItem per due item");

        for (int i = 0; i < 200; i++) {
            work.schedule(KIND, "MORE" + i, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i), Map.of());
        }
        for (int i = 0; i < 4; i++) schedule("RMORE0000" + i, "2026-11-24T11:1" + i + ":00Z");
        f.clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        counting.reset();
        assertEquals(4, sweep().count("created"));
        assertEquals(4, counting.scanned.get(), "a bigger table, the same reads");
    }

    @Test
    void theNudgeSweepReadsTheIndexOnly() {
        for (int i = 0; i < 3; i++) f.service.create(f.absence("RNUDGE0000" + i, "2026-11-24"), "system:absence");
        OutboxDispatcher dispatcher = new OutboxDispatcher(new DynamoOutbox(counted, f.config.table()), f.local, f.clock,
                new OutboxDispatcher.Policy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(5)),
                watermarks);
        counting.reset();
        OutboxDispatcher.Summary s = dispatcher.dispatchDue(100);
        assertEquals(3, s.count(OutboxDispatcher.Result.SENT));
        assertEquals(1, counting.gets.get(), "only the watermark: each message came from the index");
        assertEquals(3, counting.scanned.get(), "the three due emails, not their reminders due later");
        assertEquals(3, f.emails().size());
        assertTrue(watermarks.read(OutboxDispatcher.SWEEP).isPresent());

        counting.reset();
        assertEquals(0, dispatcher.dispatchDue(100).counts().size(), "sent messages left the index");
        assertEquals(0, counting.scanned.get());
    }
}
