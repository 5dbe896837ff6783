package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.settings.Channel;
import dk.rampe.settings.InMemorySettingsStore;
import dk.rampe.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of nudging and sending at most once, on the in-memory ports (no database): the fakes
 * pass the same contracts as the DynamoDB adapters, so what holds here holds there.
 */
class FollowUpRulesTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    /** Monday 23 November 2026, 10:00 in Copenhagen: no quiet hours. */
    private static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final OutboxDispatcher.Policy POLICY =
            new OutboxDispatcher.Policy(3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(2));

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryFollowUpStore store = new InMemoryFollowUpStore(audit);
    private final InMemoryOutbox outbox = new InMemoryOutbox(store);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final InMemorySettingsStore settings = new InMemorySettingsStore(new Settings(List.of(
            new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                    List.of(), List.of(new Settings.Consultant("c1", "Kim Konsulent",
                            EmailAddress.parse("kim@example.dk").orElseThrow(),
                            PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA)),
                    List.of())), List.of()));

    private NudgeService serviceAt(Instant now) {
        return new NudgeService(store, outbox, settings::current,
                new FollowUpTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                        Duration.ofHours(72)),
                new NudgeTemplates(CPH), new QuietHours(CPH), Clock.fixed(now, ZoneOffset.UTC),
                "https://rampe.example", Duration.ofHours(4));
    }

    private OutboxDispatcher dispatcherAt(Instant now) {
        return new OutboxDispatcher(outbox, notifier, Clock.fixed(now, ZoneOffset.UTC), POLICY,
                new dk.rampe.schedule.InMemoryWatermarks());
    }

    private String absence(String date) {
        return serviceAt(MORNING).create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1",
                "R7K2M9Q4X1ZA8", "c1", MORNING.plus(Duration.ofHours(1)), null, date), "system:absence")
                .task().taskId();
    }

    private OutboxMessage message(String taskId, boolean reminder, MessageChannel channel) {
        return store.messagesOf(taskId).stream().filter(m -> m.reminder() == reminder && m.channel() == channel)
                .findFirst().orElseThrow();
    }

    @Test
    void oneDecisionIsOneTaskWithANudgeAndAReminderPerChannel() {
        String taskId = absence("2026-11-23");
        assertEquals(taskId, absence("2026-11-23"));
        assertEquals(1, store.tasks().size());
        assertEquals(4, store.messagesOf(taskId).size());
        assertInstanceOf(FollowUpStore.AlreadyExists.class, serviceAt(MORNING).create(new NudgeService.NewFollowUp(
                FollowUpKind.ABSENCE_TODAY, "p1", "R7K2M9Q4X1ZA8", "c1", MORNING, null, "2026-11-23"), "x"));
        assertEquals(List.of("followUp.created"), audit.actions(NudgeService.SUBJECT + taskId));
        // the SMS says nothing but a neutral text, the case reference and a link
        String sms = message(taskId, false, MessageChannel.SMS).text();
        assertTrue(sms.contains("R7K2M9Q4X1ZA8") && sms.contains("https://rampe.example/f/"), sms);
    }

    @Test
    void eachNudgeIsSentOnceAndRemindersWaitTheirTurn() {
        String taskId = absence("2026-11-23");
        OutboxDispatcher.Summary first = dispatcherAt(MORNING).dispatchDue(50);
        assertEquals(2, first.count(OutboxDispatcher.Result.SENT));
        assertEquals(2, notifier.sent().size());
        assertTrue(notifier.sent().stream().noneMatch(OutboxMessage::reminder));
        assertEquals(0, dispatcherAt(MORNING.plusSeconds(60)).dispatchDue(50).counts().size());
        OutboxMessage sms = message(taskId, false, MessageChannel.SMS);
        assertEquals(OutboxDispatcher.Result.DONE_ALREADY, dispatcherAt(MORNING).dispatch(sms.messageId()));
        OutboxMessage reminder = message(taskId, true, MessageChannel.SMS);
        assertEquals(OutboxDispatcher.Result.NOT_DUE, dispatcherAt(MORNING).dispatch(reminder.messageId()));
        assertEquals(2, dispatcherAt(reminder.notBefore()).dispatchDue(50).count(OutboxDispatcher.Result.SENT));
        assertEquals(4, notifier.sent().size());
    }

    @Test
    void recordingTheOutcomeStopsTheReminders() {
        String taskId = absence("2026-11-23");
        dispatcherAt(MORNING).dispatchDue(50);
        Instant later = MORNING.plus(Duration.ofHours(1));
        assertEquals(NudgeService.Recorded.CLOSED, serviceAt(later).record(taskId, ContractData.reached(), "c1"));
        assertEquals(NudgeService.Recorded.ALREADY_CLOSED, serviceAt(later).record(taskId, ContractData.reached(), "c1"));
        assertEquals(List.of("followUp.created", "followUp.closed"), audit.actions(NudgeService.SUBJECT + taskId));
        assertEquals(OutboxMessage.State.CANCELLED, message(taskId, true, MessageChannel.SMS).state());
        assertEquals(0, dispatcherAt(MORNING.plus(Duration.ofDays(2))).dispatchDue(50).counts().size());
        assertEquals(2, notifier.sent().size());
    }

    @Test
    void aReminderWhoseTaskClosedMeanwhileIsCancelledNotSent() {
        String taskId = absence("2026-11-23");
        OutboxMessage reminder = message(taskId, true, MessageChannel.EMAIL);
        // closed behind the service's back (another instance) after the reminder was listed as due
        store.close(taskId, ContractData.reached(), "c1", MORNING, new dk.rampe.audit.AuditEntry("x", "c1", "x", MORNING));
        assertEquals(OutboxDispatcher.Result.CANCELLED, dispatcherAt(reminder.notBefore()).dispatch(reminder.messageId()));
        assertTrue(notifier.sent().isEmpty());
    }

    @Test
    void transientFailuresBackOffThenFailAfterMaxAttempts() {
        String taskId = absence("2026-11-23");
        String sms = message(taskId, false, MessageChannel.SMS).messageId();
        notifier.failNext(Notifier.SendFailure.Kind.TRANSIENT, "Throttling")
                .failNext(Notifier.SendFailure.Kind.TRANSIENT, "Throttling")
                .failNext(Notifier.SendFailure.Kind.TRANSIENT, "Throttling");
        assertEquals(OutboxDispatcher.Result.RETRY_SCHEDULED, dispatcherAt(MORNING).dispatch(sms));
        assertEquals(MORNING.plusSeconds(30), outbox.find(sms).orElseThrow().nextAttemptAt());
        assertEquals(OutboxDispatcher.Result.NOT_DUE, dispatcherAt(MORNING.plusSeconds(29)).dispatch(sms));
        assertEquals(OutboxDispatcher.Result.RETRY_SCHEDULED, dispatcherAt(MORNING.plusSeconds(30)).dispatch(sms));
        assertEquals(MORNING.plusSeconds(90), outbox.find(sms).orElseThrow().nextAttemptAt());
        assertEquals(OutboxDispatcher.Result.FAILED, dispatcherAt(MORNING.plusSeconds(90)).dispatch(sms));
        assertEquals("Throttling", outbox.find(sms).orElseThrow().lastError());
        assertEquals(List.of(sms), outbox.failed(10).stream().map(OutboxMessage::messageId).toList());
        assertTrue(notifier.sent().stream().noneMatch(m -> m.messageId().equals(sms)));
    }

    @Test
    void permanentAndUnknownFailuresAreNeverRetried() {
        String taskId = absence("2026-11-23");
        String email = message(taskId, false, MessageChannel.EMAIL).messageId();
        String sms = message(taskId, false, MessageChannel.SMS).messageId();
        notifier.failNext(Notifier.SendFailure.Kind.PERMANENT, "MessageRejected");
        assertEquals(OutboxDispatcher.Result.FAILED, dispatcherAt(MORNING).dispatch(email));
        assertEquals("MessageRejected", outbox.find(email).orElseThrow().lastError());
        // an unknown outcome may have been delivered: failing is safer than sending twice
        notifier.failNext(Notifier.SendFailure.Kind.UNKNOWN, "Timeout");
        assertEquals(OutboxDispatcher.Result.FAILED, dispatcherAt(MORNING).dispatch(sms));
        assertEquals(OutboxDispatcher.UNKNOWN_OUTCOME + ":Timeout", outbox.find(sms).orElseThrow().lastError());
        assertEquals(0, dispatcherAt(MORNING.plus(Duration.ofMinutes(30))).dispatchDue(50)
                .count(OutboxDispatcher.Result.SENT));
    }

    @Test
    void aSendAbandonedMidwayFailsAfterItsLeaseAndIsNotSentAgain() {
        String taskId = absence("2026-11-23");
        OutboxMessage sms = message(taskId, false, MessageChannel.SMS);
        // a dispatcher claimed it and died before recording the outcome
        assertEquals(Outbox.ClaimResult.CLAIMED, outbox.claim(sms, "crashed", MORNING, MORNING.plus(POLICY.lease())));
        assertEquals(OutboxDispatcher.Result.CLAIMED_ELSEWHERE, dispatcherAt(MORNING.plusSeconds(60)).dispatch(sms.messageId()));
        assertEquals(OutboxDispatcher.Result.FAILED,
                dispatcherAt(MORNING.plus(POLICY.lease())).dispatch(sms.messageId()));
        assertEquals(OutboxDispatcher.UNKNOWN_OUTCOME, outbox.find(sms.messageId()).orElseThrow().lastError());
        assertFalse(notifier.sent().stream().anyMatch(m -> m.messageId().equals(sms.messageId())));
    }
}
