package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.messaging.SesEmailSender;
import dk.rampe.messaging.Notifiers;
import dk.rampe.settings.Channel;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.followup.OutboxDispatcher.Result;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.Notifier;
import dk.rampe.testkit.FakeAwsEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The transactional outbox and the dispatcher against DynamoDB Local through the real SDK client. */
class OutboxDispatchTest {
    /** Monday 23 November 2026, 10:00 in Copenhagen. */
    static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");

    private static OutboxMessage only(List<OutboxMessage> ms, MessageChannel c, boolean reminder) {
        return ms.stream().filter(m -> m.channel() == c && m.reminder() == reminder).findFirst().orElseThrow();
    }

    @Test
    void aTaskAndItsMessagesAreWrittenTogetherAndTheSameDecisionWritesNothingNew() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        FollowUpStore.CreateResult first = f.service.create(f.absence("R7K2M9Q4X1ZA8", "2026-11-23"), "system:absence");
        assertInstanceOf(FollowUpStore.Created.class, first);
        String taskId = first.task().taskId();
        List<OutboxMessage> messages = f.store.messagesOf(taskId);
        assertEquals(4, messages.size(), "email + SMS now, and a reminder of each for later");
        assertEquals(OutboxMessage.State.PENDING, only(messages, MessageChannel.SMS, false).state());
        assertEquals("+4522345678", only(messages, MessageChannel.SMS, false).recipient());
        assertEquals("kim@example.dk", only(messages, MessageChannel.EMAIL, false).recipient());
        assertEquals(MORNING.plusSeconds(3600).plus(Duration.ofMinutes(240)), only(messages, MessageChannel.EMAIL, true).notBefore());

        f.clock.advance(Duration.ofMinutes(5));
        FollowUpStore.CreateResult again = f.service.create(f.absence("R7K2M9Q4X1ZA8", "2026-11-23"), "system:absence");
        assertInstanceOf(FollowUpStore.AlreadyExists.class, again);
        assertEquals(first.task(), again.task());
        assertEquals(messages, f.store.messagesOf(taskId), "nothing rewritten");

        OutboxDispatcher.Summary s = f.dispatcher(f.local).dispatchDue(100);
        assertEquals(2, s.count(Result.SENT));
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
        OutboxMessage sentSms = only(f.store.messagesOf(taskId), MessageChannel.SMS, false);
        assertEquals(OutboxMessage.State.SENT, sentSms.state());
        assertEquals("local-" + sentSms.messageId(), sentSms.providerMessageId());
        assertEquals(1, sentSms.attempts());

        assertEquals(0, f.dispatcher(f.local).dispatchDue(100).counts().size(), "nothing due twice");
        assertEquals(1, f.smsLines().size());
        assertTrue(f.smsLines().get(0).contains("/f/" + taskId + "."), f.smsLines().get(0));
    }

    @Test
    void channelPreferenceIsHonoured() {
        NudgeFixture smsOnly = new NudgeFixture(MORNING, Channel.SMS);
        String t1 = smsOnly.service.create(smsOnly.absence("RSMS00001", "d"), "system").task().taskId();
        assertEquals(List.of(MessageChannel.SMS, MessageChannel.SMS),
                smsOnly.store.messagesOf(t1).stream().map(OutboxMessage::channel).toList());
        NudgeFixture emailOnly = new NudgeFixture(MORNING, Channel.EMAIL);
        String t2 = emailOnly.service.create(emailOnly.absence("REML00001", "d"), "system").task().taskId();
        assertEquals(List.of(MessageChannel.EMAIL, MessageChannel.EMAIL),
                emailOnly.store.messagesOf(t2).stream().map(OutboxMessage::channel).toList());
        // c2 wants English
        String t3 = emailOnly.service.create(new NudgeService.NewFollowUp(dk.rampe.followup.FollowUpKind.AFTERCARE_CALL_DUE,
                "p1", "RENG00001", "c2", MORNING.plus(Duration.ofDays(1)), null, "d"), "system").task().taskId();
        OutboxMessage english = only(emailOnly.store.messagesOf(t3), MessageChannel.EMAIL, false);
        assertEquals("eva@example.dk", english.recipient());
        assertEquals("Aftercare call due – case RENG00001", english.subject());
        assertTrue(english.text().contains("Tuesday 24 November 2026 at 10:00"), english.text());
    }

    @Test
    void sesThrottlingThenSuccessSendsOnceAfterBackoff() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.EMAIL);
        try (FakeAwsEndpoint ses = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesSent("ses-42"))) {
            ses.thenAnswer(FakeAwsEndpoint.sesThrottled());
            Notifier notifier = Notifiers.byChannel(new SesEmailSender(SesEmailSender.client("eu-north-1", ses.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))), "no-reply@rampe.dk", null), f.local);
            String taskId = f.service.create(f.absence("RTHROTTLE1", "d"), "system").task().taskId();
            String id = only(f.store.messagesOf(taskId), MessageChannel.EMAIL, false).messageId();
            OutboxDispatcher d = f.dispatcher(notifier);

            assertEquals(Result.RETRY_SCHEDULED, d.dispatch(id));
            OutboxMessage waiting = f.outbox.find(id).orElseThrow();
            assertEquals(OutboxMessage.State.PENDING, waiting.state());
            assertEquals(1, waiting.attempts());
            assertEquals("TooManyRequestsException", waiting.lastError());
            assertEquals(MORNING.plusSeconds(30), waiting.nextAttemptAt());

            assertEquals(Result.NOT_DUE, d.dispatch(id), "not before the backoff");
            assertEquals(List.of(), f.outbox.dueIds(f.clock.instant(), 10));
            f.clock.advance(Duration.ofSeconds(30));
            assertEquals(List.of(id), f.outbox.dueIds(f.clock.instant(), 10));
            assertEquals(Result.SENT, d.dispatch(id));
            OutboxMessage sent = f.outbox.find(id).orElseThrow();
            assertEquals("ses-42", sent.providerMessageId());
            assertEquals(2, sent.attempts());
            assertEquals(2, ses.requests().size());
            assertEquals(Result.DONE_ALREADY, d.dispatch(id));
            assertEquals(2, ses.requests().size());
        }
    }

    @Test
    void permanentFailureIsFailedAtOnceAndStaysVisible() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.EMAIL);
        try (FakeAwsEndpoint ses = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesRejected())) {
            Notifier notifier = new SesEmailSender(SesEmailSender.client("eu-north-1", ses.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))), "no-reply@rampe.dk", null);
            String taskId = f.service.create(f.absence("RREJECT01", "d"), "system").task().taskId();
            String id = only(f.store.messagesOf(taskId), MessageChannel.EMAIL, false).messageId();
            OutboxDispatcher d = f.dispatcher(notifier);
            assertEquals(Result.FAILED, d.dispatch(id));
            OutboxMessage failed = f.outbox.find(id).orElseThrow();
            assertEquals(OutboxMessage.State.FAILED, failed.state());
            assertEquals("MessageRejected", failed.lastError());
            assertEquals(List.of(id), f.outbox.failed(10).stream().map(OutboxMessage::messageId).toList());
            f.clock.advance(Duration.ofHours(1));
            assertEquals(Result.DONE_ALREADY, d.dispatch(id));
            assertEquals(1, ses.requests().size());
        }
    }

    @Test
    void afterTheLastTryTheMessageIsFailed() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.SMS);
        AtomicInteger calls = new AtomicInteger();
        Notifier alwaysThrottled = m -> {
            calls.incrementAndGet();
            throw new Notifier.SendFailure(Notifier.SendFailure.Kind.TRANSIENT, "Throttling", null);
        };
        String taskId = f.service.create(f.absence("RRETRY001", "d"), "system").task().taskId();
        String id = only(f.store.messagesOf(taskId), MessageChannel.SMS, false).messageId();
        OutboxDispatcher d = f.dispatcher(alwaysThrottled);
        List<Result> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(d.dispatch(id));
            f.clock.advance(Duration.ofMinutes(16));
        }
        assertEquals(List.of(Result.RETRY_SCHEDULED, Result.RETRY_SCHEDULED, Result.RETRY_SCHEDULED,
                Result.RETRY_SCHEDULED, Result.FAILED, Result.DONE_ALREADY, Result.DONE_ALREADY, Result.DONE_ALREADY), results);
        assertEquals(5, calls.get());
        assertEquals(5, f.outbox.find(id).orElseThrow().attempts());
        assertEquals(Duration.ofSeconds(30), d.backoff(1));
        assertEquals(Duration.ofSeconds(240), d.backoff(4));
        assertEquals(Duration.ofSeconds(900), d.backoff(10));
    }

    @Test
    void crashBetweenSendAndRecordNeverSendsAgain() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.SMS);
        String taskId = f.service.create(f.absence("RCRASH001", "d"), "system").task().taskId();
        String id = only(f.store.messagesOf(taskId), MessageChannel.SMS, false).messageId();
        // The provider takes the SMS, then the function dies before it can record SENT.
        Notifier sendThenDie = m -> {
            f.local.send(m);
            throw new Error("function killed after the send");
        };
        try {
            f.dispatcher(sendThenDie).dispatch(id);
        } catch (Error expected) {
            // the crash
        }
        assertEquals(1, f.smsLines().size());
        assertEquals(OutboxMessage.State.SENDING, f.outbox.find(id).orElseThrow().state());

        OutboxDispatcher healthy = f.dispatcher(f.local);
        assertEquals(Result.CLAIMED_ELSEWHERE, healthy.dispatch(id), "replay while the lease runs");
        f.clock.advance(Duration.ofMinutes(6));
        assertEquals(Result.FAILED, healthy.dispatchDue(100).counts().keySet().iterator().next());
        OutboxMessage m = f.outbox.find(id).orElseThrow();
        assertEquals(OutboxMessage.State.FAILED, m.state());
        assertEquals(OutboxDispatcher.UNKNOWN_OUTCOME, m.lastError());
        assertEquals(Result.DONE_ALREADY, healthy.dispatch(id));
        assertEquals(1, f.smsLines().size(), "never a second SMS");
    }

    @Test
    void twoDispatchersRacingSendOnce() throws Exception {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.SMS);
        String taskId = f.service.create(f.absence("RRACE0001", "d"), "system").task().taskId();
        String id = only(f.store.messagesOf(taskId), MessageChannel.SMS, false).messageId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Result>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return f.dispatcher(f.local).dispatch(id);
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<Result> r : futures) if (r.get() == Result.SENT) sent++;
        pool.shutdown();
        assertEquals(1, sent);
        assertEquals(1, f.smsLines().size());
    }

    @Test
    void theSameDecisionMadeConcurrentlyCreatesOneTaskAndOneSetOfMessages() throws Exception {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FollowUpStore.CreateResult>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return f.service.create(f.absence("RCONC0001", "2026-11-23"), "system");
            }));
        }
        go.countDown();
        int created = 0;
        String taskId = null;
        for (Future<FollowUpStore.CreateResult> r : futures) {
            FollowUpStore.CreateResult result = r.get();
            if (result instanceof FollowUpStore.Created) created++;
            taskId = result.task().taskId();
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(4, f.store.messagesOf(taskId).size());
        assertEquals(2, f.dispatcher(f.local).dispatchDue(100).count(Result.SENT));
        assertEquals(1, f.smsLines().size());
        assertEquals(1, f.emails().size());
    }

    @Test
    void aDoubleTapClosesOnceAndTheFirstOutcomeStands() throws Exception {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.EMAIL);
        String taskId = f.service.create(f.absence("RTAP00001", "d"), "system").task().taskId();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<NudgeService.Recorded>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean reached = i % 2 == 0;
            futures.add(pool.submit(() -> {
                go.await();
                return f.service.record(taskId, new FollowUpOutcome(reached, FollowUpOutcome.Cause.NONE,
                        FollowUpOutcome.NextStep.NONE, ""), "link:c1");
            }));
        }
        go.countDown();
        int closed = 0;
        for (Future<NudgeService.Recorded> r : futures) if (r.get() == NudgeService.Recorded.CLOSED) closed++;
        pool.shutdown();
        assertEquals(1, closed);
        assertEquals(FollowUpTask.Status.CLOSED, f.store.find(taskId).orElseThrow().status());
    }

    @Test
    void quietHoursHoldSmsUntilSevenButNotEmail() {
        Instant evening = Instant.parse("2026-11-23T20:30:00Z"); // 21:30 in Copenhagen
        NudgeFixture f = new NudgeFixture(evening, Channel.BOTH);
        String taskId = f.service.create(f.absence("RQUIET001", "d"), "system").task().taskId();
        OutboxMessage sms = only(f.store.messagesOf(taskId), MessageChannel.SMS, false);
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), sms.notBefore());
        OutboxDispatcher d = f.dispatcher(f.local);
        OutboxDispatcher.Summary evenings = d.dispatchDue(100);
        assertEquals(1, evenings.count(Result.SENT));
        assertEquals(1, f.emails().size());
        assertEquals(Result.NOT_DUE, d.dispatch(sms.messageId()));
        assertEquals(0, f.smsLines().size());

        f.clock.set(Instant.parse("2026-11-24T05:59:59Z"));
        d.dispatchDue(100); // the email reminder may go at night; no SMS may
        assertEquals(0, f.smsLines().size());
        f.clock.set(Instant.parse("2026-11-24T06:00:00Z"));
        assertEquals(1, d.dispatchDue(100).count(Result.SENT));
        assertEquals(1, f.smsLines().size());
        OutboxMessage smsReminder = only(f.store.messagesOf(taskId), MessageChannel.SMS, true);
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), smsReminder.notBefore(), "not on the heels of the first SMS");
    }

    @Test
    void closingTheTaskStopsItsReminders() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.BOTH);
        String taskId = f.service.create(f.absence("RCLOSE001", "d"), "system").task().taskId();
        OutboxDispatcher d = f.dispatcher(f.local);
        assertEquals(2, d.dispatchDue(100).count(Result.SENT));

        FollowUpOutcome outcome = new FollowUpOutcome(true, FollowUpOutcome.Cause.TRANSPORT,
                FollowUpOutcome.NextStep.FEWER_HOURS, "Kommer i morgen");
        assertEquals(NudgeService.Recorded.CLOSED, f.service.record(taskId, outcome, "link:c1"));
        assertEquals(NudgeService.Recorded.ALREADY_CLOSED, f.service.record(taskId,
                new FollowUpOutcome(false, FollowUpOutcome.Cause.OTHER, FollowUpOutcome.NextStep.NONE, "x"), "link:c1"));
        FollowUpTask closed = f.store.find(taskId).orElseThrow();
        assertEquals(FollowUpTask.Status.CLOSED, closed.status());
        assertEquals(outcome, closed.outcome(), "the first outcome stands");

        f.clock.advance(Duration.ofHours(6));
        assertEquals(0, d.dispatchDue(100).count(Result.SENT));
        assertTrue(f.store.messagesOf(taskId).stream().filter(OutboxMessage::reminder)
                .allMatch(m -> m.state() == OutboxMessage.State.CANCELLED));
        assertEquals(1, f.smsLines().size());
    }

    @Test
    void aReminderWhoseTaskClosedMeanwhileIsCancelledAtClaim() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.EMAIL);
        String taskId = f.service.create(f.absence("RLATE0001", "d"), "system").task().taskId();
        OutboxMessage reminder = only(f.store.messagesOf(taskId), MessageChannel.EMAIL, true);
        // closed directly in the store, as if the cancel after closing had not happened yet
        f.store.close(taskId, new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE, FollowUpOutcome.NextStep.NONE, ""),
                "link:c1", MORNING, new dk.rampe.audit.AuditEntry("followup:" + taskId, "link:c1", "followUp.closed", MORNING));
        f.clock.set(reminder.notBefore());
        assertEquals(Result.CANCELLED, f.dispatcher(f.local).dispatch(reminder.messageId()));
        assertEquals(OutboxMessage.State.CANCELLED, f.outbox.find(reminder.messageId()).orElseThrow().state());
        assertNotNull(f.outbox.find(reminder.messageId()));
    }

    @Test
    void theAuditLogHasTheCreation() {
        NudgeFixture f = new NudgeFixture(MORNING, Channel.EMAIL);
        String taskId = f.service.create(f.absence("RAUDIT001", "d"), "system:absence").task().taskId();
        var items = f.dynamo.query(b -> b.tableName(f.config.auditTable()).keyConditionExpression("pk = :p")
                .expressionAttributeValues(java.util.Map.of(":p",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SUBJECT#followup:" + taskId)))).items();
        assertEquals(1, items.size());
        assertEquals("followUp.created", items.get(0).get("action").s());
        assertEquals("system:absence", items.get(0).get("actor").s());
    }
}
