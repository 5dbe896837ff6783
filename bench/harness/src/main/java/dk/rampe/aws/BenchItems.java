package dk.rampe.aws;

import dk.rampe.dynamodb.Attrs;
import dk.rampe.dynamodb.OutboxItems;

import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.OutboxMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For the benchmark only: follow-up tasks and outbox messages made with the same item mapping the
 * functions use ({@link OutboxItems}, package-private, hence this package), with real rendered
 * content, so seeded items have the real shape and size.
 */
public final class BenchItems {
    private static final NudgeTemplates TEMPLATES = new NudgeTemplates(ZoneId.of("Europe/Copenhagen"));
    private static final String LINK = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com/f/T3B9FAVTPV0QH.tp3qc0.yRuR3GZN8-2PECxz";

    private BenchItems() {
    }

    /** A pending message (not a reminder), due at {@code due}; the id must match M + 20 Crockford base32 characters. */
    public static Map<String, AttributeValue> pendingMessage(String messageId, String taskId, MessageChannel channel,
                                                              Instant due) {
        return pendingMessage(messageId, taskId, channel, due, false);
    }

    /** The messages of a task as NudgeService names them: the first one sent, the reminder still pending. */
    public static java.util.List<Map<String, AttributeValue>> taskMessages(String taskId, Instant sentAt, Instant remindAt) {
        java.util.List<Map<String, AttributeValue>> out = new java.util.ArrayList<>();
        for (MessageChannel c : MessageChannel.values()) {
            out.add(sentMessage(dk.rampe.followup.Ids.messageId(OutboxMessage.dedupeKey(taskId, false, c)), taskId, c, sentAt));
            out.add(pendingMessage(dk.rampe.followup.Ids.messageId(OutboxMessage.dedupeKey(taskId, true, c)), taskId, c,
                    remindAt, true));
        }
        return out;
    }

    public static Map<String, AttributeValue> pendingMessage(String messageId, String taskId, MessageChannel channel,
                                                              Instant due, boolean reminder) {
        NudgeTemplates.Rendered r = TEMPLATES.render(FollowUpKind.FOLLOW_UP_DUE, Language.DA, false, "RBENCH0001", due, LINK);
        boolean email = channel == MessageChannel.EMAIL;
        OutboxMessage m = new OutboxMessage(messageId, OutboxMessage.dedupeKey(taskId, reminder, channel), taskId,
                "rampe-oestjylland", channel, email ? "anna@rampe.example" : "+4520000001", email ? r.subject() : null,
                email ? r.text() : r.sms(), email ? r.html() : null, reminder, OutboxMessage.State.PENDING, 0, due, due, null,
                null, null, null, due.minusSeconds(60), null);
        return OutboxItems.messageItem(m);
    }

    /** A message that was sent: no gsi1 entry, expires after 90 days. */
    public static Map<String, AttributeValue> sentMessage(String messageId, String taskId, MessageChannel channel,
                                                           Instant sentAt) {
        Map<String, AttributeValue> m = pendingMessage(messageId, taskId, channel, sentAt.minusSeconds(5));
        m.remove("gsi1pk");
        m.remove("gsi1sk");
        m.put("state", Attrs.s("sent"));
        m.put("attempts", Attrs.n(1));
        m.put("sentAt", Attrs.s(sentAt.toString()));
        m.put("providerMessageId", Attrs.s("0100018c-bench-" + messageId));
        m.put("claimId", Attrs.s("00000000-0000-0000-0000-000000000000"));
        m.put("expiresAt", Attrs.n(sentAt.plusSeconds(90L * 86400).getEpochSecond()));
        return m;
    }

    public static Map<String, AttributeValue> openTask(String taskId, String referralId, Instant due) {
        return OutboxItems.taskItem(FollowUpTask.open(taskId, FollowUpKind.FOLLOW_UP_DUE, referralId, "c-anna",
                "rampe-oestjylland", due, due.minusSeconds(3600)));
    }

    public static Map<String, AttributeValue> closedTask(String taskId, String referralId, Instant due) {
        FollowUpTask t = FollowUpTask.open(taskId, FollowUpKind.FOLLOW_UP_DUE, referralId, "c-anna", "rampe-oestjylland",
                due, due.minusSeconds(3600)).close(new FollowUpOutcome(true, FollowUpOutcome.Cause.values()[0],
                FollowUpOutcome.NextStep.values()[0], "Ringede, aftalt nyt møde."), "c-anna", due.plusSeconds(1800));
        Map<String, AttributeValue> m = OutboxItems.taskItem(t);
        m.put("reached", Attrs.bool(true));
        m.put("cause", Attrs.s(t.outcome().cause().wireName()));
        m.put("nextStep", Attrs.s(t.outcome().nextStep().wireName()));
        m.put("note", Attrs.s(t.outcome().note()));
        m.put("closedAt", Attrs.s(t.closedAt().toString()));
        m.put("closedBy", Attrs.s("c-anna"));
        return m;
    }
}
