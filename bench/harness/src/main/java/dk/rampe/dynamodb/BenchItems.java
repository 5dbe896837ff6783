package dk.rampe.dynamodb;

import dk.rampe.platform.NudgeConfig;
import dk.rampe.core.Language;
import dk.rampe.settings.Settings;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.json.Json;
import dk.rampe.json.SettingsCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The benchmark's one bridge into {@code shared}: everything the harness needs from Rampe's own code
 * goes through here, with only JDK and SDK types in its signatures, so that when classes of
 * {@code shared} move (to other modules or packages) only this file and the harness's dependency in
 * bench/harness/pom.xml change. It lives in dk.rampe.aws because {@code OutboxItems} (the functions' item
 * mapping) is package-private there.
 *
 * <p>What it gives: follow-up tasks and outbox messages with the functions' own item mapping and real
 * rendered content (seeded items have the real shape and size), the settings item from the settings
 * sample, and a follow-up page token signed as the page function would check it.
 */
public final class BenchItems {
    private static final NudgeTemplates TEMPLATES = new NudgeTemplates(ZoneId.of("Europe/Copenhagen"));
    private static final String LINK = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com/f/T3B9FAVTPV0QH.tp3qc0.yRuR3GZN8-2PECxz";

    private BenchItems() {
    }

    /** A pending message (not a reminder), due at {@code due}; the id must match M + 20 Crockford base32 characters. */
    public static Map<String, AttributeValue> pendingMessage(String messageId, String taskId, boolean email, Instant due) {
        return pendingMessage(messageId, taskId, email ? MessageChannel.EMAIL : MessageChannel.SMS, due, false);
    }

    /** Writes the settings item from the settings JSON (events/settings-sample.json) as the admin API would. */
    public static void putSettings(DynamoDbClient client, String table, String settingsJson) {
        Settings settings;
        try {
            settings = SettingsCodec.parse(Json.parse(settingsJson));
        } catch (Exception e) {
            throw new IllegalStateException("the settings sample does not parse", e);
        }
        new DynamoSettingsStore(client, table, Clock.systemUTC(), Duration.ZERO).replace(settings, "bench");
    }

    /** A follow-up page token for {@code taskId}, signed with the key a function with environment {@code env} uses. */
    public static String followUpToken(Map<String, String> env, String taskId) {
        return FollowUps.tokens(NudgeConfig.from(env)).issue(taskId, Instant.now());
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

    static Map<String, AttributeValue> pendingMessage(String messageId, String taskId, MessageChannel channel,
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
    public static Map<String, AttributeValue> sentMessage(String messageId, String taskId, boolean email, Instant sentAt) {
        return sentMessage(messageId, taskId, email ? MessageChannel.EMAIL : MessageChannel.SMS, sentAt);
    }

    private static Map<String, AttributeValue> sentMessage(String messageId, String taskId, MessageChannel channel,
                                                           Instant sentAt) {
        Map<String, AttributeValue> m = pendingMessage(messageId, taskId, channel, sentAt.minusSeconds(5), false);
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

    // --- absence sweep growth (sweepbench) ------------------------------------------------------

    /**
     * An enrolled participant for the absence detection's growth row, with the functions' own item
     * mapping: the referral (programme rampe-oestjylland, consultant c-anna, enrolled 30 days ago),
     * an attendance plan of every day at {@code start} (Europe/Copenhagen, 4 hours), and the session of
     * {@code sessionDate} on the due index (kind absence) at {@code dueAt}, as AttendanceService puts it.
     * Index 0, 1, 2 of the list: referral, plan, due item. No personal data beyond the bench's fakes.
     */
    public static java.util.List<Map<String, AttributeValue>> absenceParticipant(String referralId, java.time.LocalTime start,
                                                                               java.time.LocalDate sessionDate, Instant dueAt) {
        Instant enrolled = Instant.now().minus(Duration.ofDays(30));
        dk.rampe.referral.Referral referral = enrolledReferral(referralId, enrolled);
        dk.rampe.attendance.AttendancePlan plan = new dk.rampe.attendance.AttendancePlan(
                enrolled.atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate(), java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                start, 240, "c-anna", enrolled);
        return java.util.List.of(DynamoReferralStore.referralItem(referral, null, null),
                DynamoAttendanceStore.planItem(referralId, plan),
                new DynamoDueWork(null, null).put(dk.rampe.attendance.AttendanceService.KIND,
                        dk.rampe.attendance.AttendanceService.sessionId(referralId, sessionDate), dueAt,
                        dk.rampe.attendance.AttendanceService.work(referralId, sessionDate)).item());
    }

    /**
     * A participant in a job for the aftercare sweep's growth row, with the functions' own item mapping:
     * the enrolled referral, its job start on {@code jobStarted} (a milestone of its path), and the aftercare
     * reminder of that job on the due index (kind aftercare) at {@code dueAt}, named as the path's plan
     * names it. Index 0, 1, 2 of the list: referral, milestone, due item.
     */
    public static java.util.List<Map<String, AttributeValue>> aftercareParticipant(String referralId,
                                                                                 java.time.LocalDate jobStarted,
                                                                                 java.time.LocalDate aftercareOn,
                                                                                 Instant dueAt) {
        Instant enrolled = jobStarted.atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant().minus(Duration.ofDays(60));
        dk.rampe.referral.Referral referral = enrolledReferral(referralId, enrolled);
        Instant recorded = jobStarted.atTime(12, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
        String milestoneId = "MB" + referralId.substring(2);
        dk.rampe.path.Milestone job = new dk.rampe.path.Milestone(milestoneId, referralId,
                dk.rampe.path.MilestoneType.JOB_STARTED, jobStarted, "c-anna", recorded, null, "Lager A/S",
                dk.rampe.path.JobKind.ORDINARY, new java.math.BigDecimal("20"), null, null, null);
        dk.rampe.path.Reminder reminder = new dk.rampe.path.Reminder(dk.rampe.schedule.DecisionIds.of("A", "reminder",
                referralId, dk.rampe.path.Reminder.Kind.AFTERCARE.name(), milestoneId), dk.rampe.path.Reminder.Kind.AFTERCARE,
                referralId, milestoneId, aftercareOn, aftercareOn);
        return java.util.List.of(DynamoReferralStore.referralItem(referral, null, null),
                DynamoPathStore.milestoneItem(job),
                new DynamoDueWork(null, null).put(dk.rampe.path.PathService.DUE_KIND, reminder.id(), dueAt,
                        dk.rampe.path.PathService.work(referral, reminder)).item());
    }

    private static dk.rampe.referral.Referral enrolledReferral(String referralId, Instant enrolled) {
        dk.rampe.referral.ReferralDetails details = new dk.rampe.referral.ReferralDetails("rampe-oestjylland",
                "BENCH-" + referralId, new dk.rampe.referral.Citizen(dk.rampe.referral.Cpr.stored("0101901234"), "Bench",
                dk.rampe.core.PhoneNumber.parse("20 12 34 56").orElseThrow(), null),
                dk.rampe.referral.Benefit.KONTANTHJAELP, new dk.rampe.referral.Caseworker("Birthe",
                dk.rampe.core.EmailAddress.parse("b@jobcenter.example").orElseThrow(), null),
                java.util.List.of("Lager"), "", "", "", java.util.List.of(), false, null);
        dk.rampe.referral.Referral referral = new dk.rampe.referral.Referral(referralId, "jc-aarhus", details, "c-anna",
                dk.rampe.referral.ReferralStatus.ENROLLED, false, java.util.List.of(
                new dk.rampe.referral.StatusChange(dk.rampe.referral.ReferralStatus.RECEIVED, enrolled.minus(Duration.ofDays(7)),
                        "jc-aarhus", null, null),
                new dk.rampe.referral.StatusChange(dk.rampe.referral.ReferralStatus.ENROLLED, enrolled, "c-anna", null, null)),
                enrolled.minus(Duration.ofDays(7)), 3);
        return referral;
    }
}
