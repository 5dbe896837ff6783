package dk.rampe.dynamodb;

import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Follow-up tasks and outbox messages in the single Rampe table (keys in {@link Keys}):
 * <pre>
 * TASK#{taskId}     / TASK     a follow-up task   (gsi1, while open: OPENTASKS#{programme}#{consultant} / {dueAt}#{taskId})
 * OUTBOX#{msgId}    / OUTBOX   an outbox message  (gsi1: DUE#outbox#{day} / {due}#{msgId} while pending or sending,
 *                                                   OUTBOX#FAILED / {failedAt}#{msgId} when failed; none when sent)
 * </pre>
 * Times in sort keys use {@link Keys#time}, so they sort as times.
 */
final class OutboxItems {
    static final String TYPE = "outboxMessage";

    private OutboxItems() {
    }

    static Map<String, AttributeValue> taskItem(FollowUpTask t) {
        Map<String, AttributeValue> m = Keys.taskKey(t.taskId());
        m.put("type", Attrs.s("followUpTask"));
        m.put("taskId", Attrs.s(t.taskId()));
        m.put("kind", Attrs.s(t.kind().wireName()));
        m.put("referralId", Attrs.s(t.referralId()));
        m.put("consultantId", Attrs.s(t.consultantId()));
        m.put("programmeId", Attrs.s(t.programmeId()));
        m.put("dueAt", Attrs.s(t.dueAt().toString()));
        m.put("status", Attrs.s(t.status().name().toLowerCase(java.util.Locale.ROOT)));
        m.put("createdAt", Attrs.s(t.createdAt().toString()));
        if (t.isOpen()) {
            m.put("gsi1pk", Attrs.s(Keys.openTasksGsi1pk(t.programmeId(), t.consultantId())));
            m.put("gsi1sk", Attrs.s(Keys.timeSk(t.dueAt(), t.taskId())));
        }
        // every task of a referral, open and closed, in one query (gsi2)
        m.put("gsi2pk", Attrs.s(Keys.referralTasksGsi2pk(t.referralId())));
        m.put("gsi2sk", Attrs.s(Keys.timeSk(t.dueAt(), t.taskId())));
        return m;
    }

    static FollowUpTask task(Map<String, AttributeValue> m) {
        FollowUpTask.Status status = FollowUpTask.Status.valueOf(Attrs.str(m, "status").toUpperCase(java.util.Locale.ROOT));
        FollowUpOutcome outcome = null;
        if (status == FollowUpTask.Status.CLOSED) {
            outcome = new FollowUpOutcome(Attrs.flag(m, "reached"),
                    FollowUpOutcome.Cause.fromWire(Attrs.str(m, "cause")).orElseThrow(),
                    FollowUpOutcome.NextStep.fromWire(Attrs.str(m, "nextStep")).orElseThrow(),
                    Attrs.str(m, "note"), aftercare(m));
        }
        return new FollowUpTask(Attrs.str(m, "taskId"), FollowUpKind.fromWire(Attrs.str(m, "kind")).orElseThrow(),
                Attrs.str(m, "referralId"), Attrs.str(m, "consultantId"), Attrs.str(m, "programmeId"),
                Instant.parse(Attrs.str(m, "dueAt")), status, outcome, Instant.parse(Attrs.str(m, "createdAt")),
                instant(m, "closedAt"), Attrs.str(m, "closedBy"));
    }

    /** (aftercare) the optional part of an outcome of a path follow-up. */
    private static FollowUpOutcome.Aftercare aftercare(Map<String, AttributeValue> m) {
        String method = Attrs.str(m, "aftercareMethod");
        String with = Attrs.str(m, "aftercareWith");
        AttributeValue employed = m.get("stillEmployed");
        String hours = Attrs.str(m, "hoursPerWeek");
        FollowUpOutcome.Aftercare a = new FollowUpOutcome.Aftercare(
                method == null ? null : FollowUpOutcome.Method.fromWire(method).orElse(null),
                with == null ? null : FollowUpOutcome.WithWhom.fromWire(with).orElse(null),
                employed == null || employed.bool() == null ? null : employed.bool(),
                hours == null ? null : new java.math.BigDecimal(hours));
        return a.isEmpty() ? null : a;
    }

    static Map<String, AttributeValue> messageItem(OutboxMessage o) {
        Map<String, AttributeValue> m = Keys.messageKey(o.messageId());
        m.put("type", Attrs.s(TYPE));
        m.put("messageId", Attrs.s(o.messageId()));
        m.put("dedupeKey", Attrs.s(o.dedupeKey()));
        m.put("taskId", Attrs.s(o.taskId()));
        m.put("programmeId", Attrs.s(o.programmeId()));
        m.put("channel", Attrs.s(o.channel().wireName()));
        m.put("recipient", Attrs.s(o.recipient()));
        if (o.subject() != null) m.put("subject", Attrs.s(o.subject()));
        m.put("text", Attrs.s(o.text()));
        if (o.html() != null) m.put("html", Attrs.s(o.html()));
        m.put("reminder", Attrs.bool(o.reminder()));
        m.put("state", Attrs.s(o.state().wireName()));
        m.put("attempts", Attrs.n(o.attempts()));
        m.put("notBefore", Attrs.s(o.notBefore().toString()));
        m.put("nextAttemptAt", Attrs.s(o.dueAt().toString()));
        m.put("createdAt", Attrs.s(o.createdAt().toString()));
        m.putAll(Keys.due(Keys.KIND_OUTBOX, o.dueAt(), o.messageId()));
        return m;
    }

    static OutboxMessage message(Map<String, AttributeValue> m) {
        return new OutboxMessage(Attrs.str(m, "messageId"), Attrs.str(m, "dedupeKey"), Attrs.str(m, "taskId"),
                Attrs.str(m, "programmeId"), MessageChannel.fromWire(Attrs.str(m, "channel")), Attrs.str(m, "recipient"),
                Attrs.str(m, "subject"), Attrs.str(m, "text"), Attrs.str(m, "html"), Attrs.flag(m, "reminder"),
                OutboxMessage.State.fromWire(Attrs.str(m, "state")), (int) Attrs.num(m, "attempts"),
                Instant.parse(Attrs.str(m, "notBefore")), instant(m, "nextAttemptAt"), instant(m, "leaseUntil"),
                Attrs.str(m, "claimId"), Attrs.str(m, "providerMessageId"), Attrs.str(m, "lastError"),
                Instant.parse(Attrs.str(m, "createdAt")), instant(m, "sentAt"));
    }

    private static Instant instant(Map<String, AttributeValue> m, String name) {
        String s = Attrs.str(m, name);
        return s == null ? null : Instant.parse(s);
    }
}
