package dk.rampe.absence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.attendance.AbsenceMessages;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.audit.AuditEntry;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.Ids;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.Outbox;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.testkit.RampeFixture;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The programme's attendance settings at work on DynamoDB Local: the consultant's reminder and the
 * team lead's email after two WORKING hours (cancelled when the follow-up is closed first), and the
 * participant's SMS at the cutoff only with the programme's switch on and the participant's consent.
 */
class AbsenceEscalationTest {
    private static final Instant MONDAY_0700 = Instant.parse("2026-11-23T06:00:00Z");
    private static final String PROGRAMME = "rampe-oestjylland";

    private final RampeFixture f = new RampeFixture(MONDAY_0700, Map.of());
    private final DynamoAttendanceStore attendance = new DynamoAttendanceStore(f.dynamo, f.config.table());
    private final AttendanceService service = new AttendanceService(attendance,
            (p, d) -> !WorkingDays.isWeekend(d), p -> AttendanceRules.DEFAULTS, f.clock, entry -> { });

    private void settings(String attendanceJson) throws Exception {
        ObjectNode root = (ObjectNode) Json.parse(Events.text("settings-sample.json"));
        if (attendanceJson != null) {
            ((ObjectNode) root.withArray("programmes").get(0)).set("attendance", Json.parse(attendanceJson));
        }
        f.loadSettings(Json.write(root));
    }

    private Referral enrolled(String id, LocalTime start) {
        ReferralDetails details = new ReferralDetails(PROGRAMME, "JC-1", new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "",
                "", List.of(), false, null);
        Instant t = f.clock.instant();
        Referral r = Referral.received(id, "jc-aarhus", details, "c-anna", false, t);
        assertTrue(f.referrals.create(r, "citizen-" + id, List.of(), "fp-" + id, 100,
                new AuditEntry(id, "test", "referral.received", t)) instanceof ReferralStore.Created);
        Referral accepted = r.moveTo(ReferralStatus.ACCEPTED, t, "c-anna", null, null);
        f.referrals.update(accepted, "citizen-" + id, false, null, new AuditEntry(id, "test", "a", t));
        Referral enrolled = accepted.moveTo(ReferralStatus.ENROLLED, t, "c-anna", null, null);
        f.referrals.update(enrolled, "citizen-" + id, false, null, new AuditEntry(id, "test", "e", t));
        service.putPlan(enrolled, new AttendancePlan(LocalDate.of(2026, 11, 23), EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), start, 240, "c-anna", t));
        return enrolled;
    }

    private static String taskId(String referralId, String date) {
        return Ids.taskId("absence_today|" + PROGRAMME + "|" + referralId + "|absence|" + date);
    }

    private Map<String, OutboxMessage> messages(String taskId) {
        Map<String, OutboxMessage> out = f.store.messagesOf(taskId).stream()
                .collect(Collectors.toMap(OutboxMessage::dedupeKey, m -> m));
        for (String name : List.of(AbsenceMessages.TEAM_LEAD, AbsenceMessages.PARTICIPANT)) {
            for (MessageChannel c : MessageChannel.values()) {
                String key = NudgeService.extraDedupeKey(taskId, name, c);
                f.outbox.find(Ids.messageId(key)).ifPresent(m -> out.put(key, m));
            }
        }
        return out;
    }

    private void run() {
        assertEquals(0, new AbsenceDetectionHandler(f.config, f.nudges, f.dynamo, f.clock).handleRequest(Map.of(), null)
                .get("errors"));
    }

    @Test
    void theTeamLeadAndTheParticipantOnlyWhenTheProgrammeSaysSoAndThenAfterTwoWorkingHours() throws Exception {
        settings("{\"teamLeadEmail\":\"leder@rampe.example\",\"participantSms\":true}");
        enrolled("R7K2M9Q4X1ZA8", LocalTime.of(9, 0));
        enrolled("R7K2M9Q4X1ZA9", LocalTime.of(9, 0));
        attendance.recordSmsConsent("R7K2M9Q4X1ZA8", true, "c-anna", f.clock.instant());
        attendance.recordSmsConsent("R7K2M9Q4X1ZA9", false, "c-anna", f.clock.instant());
        f.clock.set(Instant.parse("2026-11-23T08:31:00Z")); // 09:31, a minute after the cutoff
        run();

        String consented = taskId("R7K2M9Q4X1ZA8", "2026-11-23");
        Map<String, OutboxMessage> m = messages(consented);
        assertEquals(6, m.size(), m.keySet().toString());
        OutboxMessage sms = m.get(NudgeService.extraDedupeKey(consented, AbsenceMessages.PARTICIPANT, MessageChannel.SMS));
        assertEquals("+4522345678", sms.recipient());
        assertEquals("Vi har ikke set dig i dag — ring til Anna på 20 00 00 01", sms.text());
        assertEquals(f.clock.instant(), sms.notBefore(), "the participant's SMS goes at once");
        OutboxMessage lead = m.get(NudgeService.extraDedupeKey(consented, AbsenceMessages.TEAM_LEAD, MessageChannel.EMAIL));
        assertEquals("leder@rampe.example", lead.recipient());
        assertEquals(Instant.parse("2026-11-23T10:30:00Z"), lead.notBefore(), "11:30: two working hours after 09:30");
        assertTrue(lead.reminder(), "sent only while the follow-up is open");
        assertTrue(!lead.text().contains("0101901234") && lead.text().contains("R7K2M9Q4X1ZA8"));
        for (MessageChannel c : List.of(MessageChannel.EMAIL, MessageChannel.SMS)) {
            assertEquals(Instant.parse("2026-11-23T10:30:00Z"),
                    m.get(OutboxMessage.dedupeKey(consented, true, c)).notBefore(), "the consultant's reminder");
        }
        Map<String, OutboxMessage> other = messages(taskId("R7K2M9Q4X1ZA9", "2026-11-23"));
        assertEquals(5, other.size(), "no consent, no SMS to the participant: " + other.keySet());

        // closing the follow-up first: the team lead's email can no longer be claimed for sending
        f.nudgeService(f.settingsStore.current()).record(consented, new FollowUpOutcome(true,
                FollowUpOutcome.Cause.values()[0], FollowUpOutcome.NextStep.values()[0], ""), "c-anna");
        Instant later = Instant.parse("2026-11-23T10:31:00Z");
        assertEquals(Outbox.ClaimResult.TASK_CLOSED, f.outbox.claim(f.outbox.find(lead.messageId()).orElseThrow(),
                "test-claim", later, later.plusSeconds(60)));
        assertEquals(OutboxMessage.State.PENDING, f.outbox.find(sms.messageId()).orElseThrow().state(),
                "the participant's SMS is not a reminder");
        // the other participant's follow-up is still open at 11:30: the team lead's email is claimed
        String open = taskId("R7K2M9Q4X1ZA9", "2026-11-23");
        OutboxMessage openLead = other.get(NudgeService.extraDedupeKey(open, AbsenceMessages.TEAM_LEAD, MessageChannel.EMAIL));
        assertEquals(Outbox.ClaimResult.CLAIMED, f.outbox.claim(openLead, "test-claim", later, later.plusSeconds(60)));
    }

    @Test
    void aLateAfternoonAbsenceEscalatesTheNextWorkingMorningAndTheDefaultsSendNothingExtra() throws Exception {
        settings(null);
        enrolled("R7K2M9Q4X1ZA8", LocalTime.of(15, 0));
        attendance.recordSmsConsent("R7K2M9Q4X1ZA8", true, "c-anna", f.clock.instant());
        f.clock.set(Instant.parse("2026-11-23T14:31:00Z")); // 15:31, cutoff 15:30
        run();
        String task = taskId("R7K2M9Q4X1ZA8", "2026-11-23");
        Map<String, OutboxMessage> m = messages(task);
        assertEquals(4, m.size(), "no team lead set, no participant SMS by default: " + m.keySet());
        // 30 minutes on Monday (15:30-16:00), 90 on Tuesday from 08:00: 09:30
        assertEquals(Instant.parse("2026-11-24T08:30:00Z"),
                m.get(OutboxMessage.dedupeKey(task, true, MessageChannel.EMAIL)).notBefore());
    }

    @Test
    void theGracePeriodComesFromTheProgramme() throws Exception {
        settings("{\"graceMinutes\":10}");
        enrolled("R7K2M9Q4X1ZA8", LocalTime.of(9, 0));
        f.clock.set(Instant.parse("2026-11-23T08:11:00Z")); // 09:11, after a ten-minute grace
        // the session was put on the index with the intake's default grace; the detection decides it again
        // with the programme's own and moves the check to 09:10, which has passed
        f.clock.set(Instant.parse("2026-11-23T08:31:00Z"));
        run();
        assertTrue(f.store.find(taskId("R7K2M9Q4X1ZA8", "2026-11-23")).orElseThrow().dueAt()
                .equals(Instant.parse("2026-11-23T08:10:00Z")), "due at the programme's cutoff, 09:10");
    }
}
