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

    // --- absence sweep growth (sweepbench, budgets) ---------------------------------------------

    /**
     * An enrolled participant for the absence detection's growth row, with the functions' own item mapping and
     * a history as the routes would have written it: the referral (programme rampe-oestjylland, consultant
     * c-anna, kontanthjælp, enrolled just before its history begins); a plan step from the enrolment on {@code planDays} weekdays
     * at 09:00 for four hours; a registration for each planned weekday of the last {@code historyDays} days
     * (mostly present, some late, excused or absent); a one-day agreement: for a participant {@code due} today
     * at {@code start} (so the session is due whatever the weekday), for the others a shorter day next week;
     * and the session chain (NEXT) built from those as the attendance service builds it: a due participant's at
     * today's session, its cutoff ({@code start} + 30 minutes) passed, the others' at their next session.
     * No personal data beyond the bench's fakes.
     */
    public static java.util.List<Map<String, AttributeValue>> absenceParticipant(String referralId, java.time.LocalDate today,
                                                                               java.time.LocalTime start, boolean due,
                                                                               int planDays, int historyDays) {
        ZoneId cph = ZoneId.of("Europe/Copenhagen");
        java.time.LocalDate enrolledOn = today.minusDays(Math.max(historyDays, 2) + 1);
        Instant enrolled = enrolledOn.atTime(10, 0).atZone(cph).toInstant();
        dk.rampe.referral.Referral referral = enrolledReferral(referralId, enrolled);
        java.util.List<java.time.DayOfWeek> week = switch (planDays) {
            case 2 -> java.util.List.of(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.THURSDAY);
            case 3 -> java.util.List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.FRIDAY);
            case 4 -> java.util.List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY,
                    java.time.DayOfWeek.THURSDAY);
            default -> java.util.List.of(java.time.DayOfWeek.values()).subList(0, 5);
        };
        dk.rampe.attendance.AttendancePlan plan = new dk.rampe.attendance.AttendancePlan(enrolledOn,
                java.util.EnumSet.copyOf(week), java.time.LocalTime.of(9, 0), 240, "c-anna", enrolled);
        java.util.List<dk.rampe.attendance.Registration> regs = new java.util.ArrayList<>();
        int n = 0;
        for (java.time.LocalDate d = today.minusDays(historyDays); d.isBefore(today); d = d.plusDays(1)) {
            if (!plan.plannedOn(d)) continue;
            n++;
            Instant at = d.atTime(9, 5).atZone(cph).toInstant();
            dk.rampe.attendance.Registration.Status status = n % 13 == 0 ? dk.rampe.attendance.Registration.Status.ABSENT
                    : n % 11 == 0 ? dk.rampe.attendance.Registration.Status.EXCUSED
                    : n % 7 == 0 ? dk.rampe.attendance.Registration.Status.LATE : dk.rampe.attendance.Registration.Status.PRESENT;
            boolean detected = status == dk.rampe.attendance.Registration.Status.ABSENT;
            regs.add(new dk.rampe.attendance.Registration(detected ? dk.rampe.schedule.DecisionIds.of("G", "absence",
                    referralId, d.toString()) : "G" + referralId.substring(2) + d.toString().replace("-", ""), d, status,
                    status == dk.rampe.attendance.Registration.Status.LATE ? java.time.LocalTime.of(9, 20) : null,
                    status == dk.rampe.attendance.Registration.Status.EXCUSED ? dk.rampe.attendance.Registration.Reason.SICK
                            : null, detected ? "system:absence" : "c-anna",
                    detected ? d.atTime(9, 30).atZone(cph).toInstant() : at, detected, false));
        }
        dk.rampe.attendance.Agreement agreement = due
                ? new dk.rampe.attendance.Agreement(today, false, start, 240, "c-anna", enrolled.plusSeconds(3600))
                : new dk.rampe.attendance.Agreement(today.plusDays(7), false, java.time.LocalTime.of(10, 0), 120, "c-anna",
                        today.minusDays(1).atTime(14, 0).atZone(cph).toInstant());
        dk.rampe.attendance.Attendance recorded = new dk.rampe.attendance.Attendance(referralId, java.util.List.of(plan),
                java.util.List.of(agreement), regs, false);
        java.time.Duration grace = java.time.Duration.ofMinutes(30);
        dk.rampe.attendance.SessionChain chain = dk.rampe.attendance.SessionChain.of(referralId, recorded, false,
                today.minusDays(dk.rampe.attendance.SessionChain.LOOKBACK_DAYS));
        if (due) {
            chain = chain.at(today, today.atTime(start).atZone(cph).toInstant().plus(grace));
        } else {
            java.time.LocalDate next = today.plusDays(1);
            while (!plan.plannedOn(next) || next.getDayOfWeek().getValue() > 5) next = next.plusDays(1);
            boolean agreed = next.equals(agreement.date());
            chain = chain.at(next, next.atTime(agreed ? agreement.start() : plan.start()).atZone(cph).toInstant().plus(grace));
        }
        java.util.List<Map<String, AttributeValue>> out = new java.util.ArrayList<>();
        out.add(DynamoReferralStore.referralItem(referral, null, null));
        out.add(DynamoAttendanceStore.planItem(referralId, plan));
        out.add(DynamoAttendanceStore.agreementItem(referralId, agreement));
        for (dk.rampe.attendance.Registration r : regs) out.add(DynamoAttendanceStore.registrationItem(referralId, r));
        out.add(DynamoAttendanceStore.chainItem(chain.withRevision(1)));
        return out;
    }

    /**
     * A participant in a job for the aftercare sweep's growth row, with the functions' own item mapping: the
     * enrolled referral, its path (the enrolment and the job start on {@code jobStarted}) and the job's two
     * reminders on the due index (kind aftercare), named as the path's plan names them: the aftercare call at
     * {@code dueAt} and the retention check three months later.
     */
    public static java.util.List<Map<String, AttributeValue>> aftercareParticipant(String referralId,
                                                                                 java.time.LocalDate jobStarted,
                                                                                 java.time.LocalDate aftercareOn,
                                                                                 Instant dueAt) {
        ZoneId cph = ZoneId.of("Europe/Copenhagen");
        Instant enrolled = jobStarted.atStartOfDay(cph).toInstant().minus(Duration.ofDays(60));
        dk.rampe.referral.Referral referral = enrolledReferral(referralId, enrolled);
        Instant recorded = jobStarted.atTime(12, 0).atZone(cph).toInstant();
        String milestoneId = "MB" + referralId.substring(2);
        dk.rampe.path.Milestone enrolment = dk.rampe.path.Milestone.status(dk.rampe.schedule.DecisionIds.of("M", "status",
                referralId, dk.rampe.path.MilestoneType.ENROLLED.name()), referralId, dk.rampe.path.MilestoneType.ENROLLED,
                enrolled.atZone(cph).toLocalDate(), "c-anna", enrolled, null);
        dk.rampe.path.Milestone job = new dk.rampe.path.Milestone(milestoneId, referralId,
                dk.rampe.path.MilestoneType.JOB_STARTED, jobStarted, "c-anna", recorded, null, "Lager A/S",
                dk.rampe.path.JobKind.ORDINARY, new java.math.BigDecimal("20"), null, null, null);
        java.util.List<Map<String, AttributeValue>> out = new java.util.ArrayList<>();
        out.add(DynamoReferralStore.referralItem(referral, null, null));
        out.add(DynamoPathStore.milestoneItem(enrolment));
        out.add(DynamoPathStore.milestoneItem(job));
        DynamoDueWork items = new DynamoDueWork(null, null);
        java.time.LocalDate retentionOn = aftercareOn.plusMonths(3);
        for (dk.rampe.path.Reminder.Kind kind : java.util.List.of(dk.rampe.path.Reminder.Kind.AFTERCARE,
                dk.rampe.path.Reminder.Kind.RETENTION_CHECK)) {
            java.time.LocalDate on = kind == dk.rampe.path.Reminder.Kind.AFTERCARE ? aftercareOn : retentionOn;
            dk.rampe.path.Reminder reminder = new dk.rampe.path.Reminder(dk.rampe.schedule.DecisionIds.of("A", "reminder",
                    referralId, kind.name(), milestoneId), kind, referralId, milestoneId, on, on);
            Instant at = kind == dk.rampe.path.Reminder.Kind.AFTERCARE ? dueAt : dk.rampe.path.PathService.nudgeAt(on);
            out.add(items.put(dk.rampe.path.PathService.DUE_KIND, reminder.id(), at,
                    dk.rampe.path.PathService.work(referral, reminder)).item());
        }
        return out;
    }

    /**
     * A participant for the cutoff → SMS row: the referral (enrolled a week before {@code monday}) written as the
     * intake writes it, and a plan Monday to Friday at {@code start} from {@code monday} put through the attendance
     * service, which writes the plan and the session chain at Monday's session. Returns the referral id.
     */
    public static String plannedParticipant(DynamoDbClient client, String table, String referralId,
                                            java.time.LocalDate monday, java.time.LocalTime start, Clock clock) {
        ZoneId cph = ZoneId.of("Europe/Copenhagen");
        dk.rampe.referral.Referral referral = enrolledReferral(referralId,
                monday.minusDays(7).atTime(10, 0).atZone(cph).toInstant());
        client.putItem(b -> b.tableName(table).item(DynamoReferralStore.referralItem(referral, null, null)));
        new dk.rampe.attendance.AttendanceService(new DynamoAttendanceStore(client, table),
                (p, d) -> !dk.rampe.schedule.WorkingDays.isWeekend(d), p -> dk.rampe.attendance.AttendanceRules.DEFAULTS,
                clock, entry -> { }).putPlan(referral, new dk.rampe.attendance.AttendancePlan(monday,
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), start, 240, "c-anna",
                clock.instant()));
        return referralId;
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
