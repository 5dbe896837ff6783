package dk.rampe.todays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.TodaysListRun;
import dk.rampe.attendance.TodaysListTokens;
import dk.rampe.audit.AuditEntry;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.followup.Ids;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.local.embedded.Events;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.testkit.RampeFixture;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 07:30 run on DynamoDB Local with the real SDK client and the sample settings: the consultant's
 * nudge is written once through the outbox and sent by the dispatcher with the link; nothing on Easter
 * Monday (the real holiday calendar); a run after the first reads one watermark and stops.
 */
class TodaysListHandlerTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final String PROGRAMME = "rampe-oestjylland";
    private static final String BASE = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com";

    private final RampeFixture f = new RampeFixture(at(MONDAY, 7, 0), Map.of("RAMPE_PUBLIC_BASE_URL", BASE));
    private final DynamoAttendanceStore attendance = new DynamoAttendanceStore(f.dynamo, f.config.table());

    TodaysListHandlerTest() {
        f.loadSettings(Events.text("settings-sample.json"));
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(CPH).toInstant();
    }

    private void enrolled(String id, String name, String consultant) {
        ReferralDetails details = new ReferralDetails(PROGRAMME, "JC-1", new Citizen(Cpr.stored("0101901234"), name,
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "",
                "", List.of(), false, null);
        Instant t = Instant.parse("2026-11-16T07:00:00Z");
        Referral r = Referral.received(id, "jc-aarhus", details, consultant, false, t);
        assertTrue(f.referrals.create(r, "citizen-" + id, List.of(), "fp-" + id, 100,
                new AuditEntry(id, "test", "referral.received", t)) instanceof ReferralStore.Created);
        Referral accepted = r.moveTo(ReferralStatus.ACCEPTED, t, consultant, null, null);
        f.referrals.update(accepted, "citizen-" + id, false, null, new AuditEntry(id, "test", "a", t));
        f.referrals.update(accepted.moveTo(ReferralStatus.ENROLLED, t, consultant, null, null), "citizen-" + id, false,
                null, new AuditEntry(id, "test", "e", t));
        attendance.putPlan(id, new AttendancePlan(LocalDate.of(2026, 11, 16), EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), LocalTime.of(9, 0), 240, consultant, t));
    }

    private TodaysListHandler handler() {
        return new TodaysListHandler(f.config, f.nudges, f.dynamo, f.clock);
    }

    private Optional<OutboxMessage> message(String consultant, LocalDate date, MessageChannel channel) {
        return f.outbox.find(Ids.messageId(TodaysListRun.dedupeKey(consultant, date, channel)));
    }

    @Test
    void at0730TheConsultantGetsOneSmsAndOneEmailWithTheLinkAndASecondRunSendsNothing() {
        enrolled("RANNA0001", "Søren Sørensen", "c-anna");
        enrolled("RANNA0002", "Mette Hansen", "c-anna");
        enrolled("RBOBO0001", "Kaj Lund", "c-bo");
        assertEquals("not_yet", handler().handleRequest(Map.of(), null).get("outcome"));

        f.clock.set(at(MONDAY, 7, 30));
        Map<String, Object> first = handler().handleRequest(Map.of(), null);
        assertEquals(Map.of("outcome", "sent", "date", "2026-11-23", "lists", 2, "participants", 3, "messages", 3,
                "errors", 0), first);
        OutboxDispatcher.Summary sent = f.dispatcher(f.local).dispatchDue(100);
        assertEquals(3, sent.count(OutboxDispatcher.Result.SENT), "Anna: email and SMS; Bo: SMS");
        String link = BASE + "/t/" + new TodaysListTokens(f.nudges.tokenKey()).issue("c-anna", MONDAY);
        List<String> sms = f.smsLines();
        assertEquals(2, sms.size());
        assertTrue(sms.stream().anyMatch(l -> l.contains("+4520000001")
                && l.contains("Rampe: Dagens fremmøde, 2 deltagere i dag. Registrér her: " + link)), sms.toString());
        assertEquals(1, f.emails().size());
        for (String line : sms) assertFalse(line.contains("Søren") || line.contains("Mette") || line.contains("RANNA"));

        f.clock.set(at(MONDAY, 7, 45));
        assertEquals("already_sent", handler().handleRequest(Map.of(), null).get("outcome"));
        f.dispatcher(f.local).dispatchDue(100);
        assertEquals(2, f.smsLines().size(), "sent once");
        assertTrue(message("c-anna", MONDAY, MessageChannel.SMS).isPresent());
    }

    @Test
    void noListOnEasterMondayOrAWeekendAndNoneAfterTheMorning() {
        enrolled("RANNA0001", "Søren Sørensen", "c-anna");
        f.clock.set(at(LocalDate.of(2027, 3, 29), 7, 30)); // Easter Monday, from the holiday library
        Map<String, Object> easter = handler().handleRequest(Map.of(), null);
        assertEquals(0, easter.get("lists"));
        f.clock.set(at(LocalDate.of(2027, 3, 27), 7, 30));
        assertEquals("weekend", handler().handleRequest(Map.of(), null).get("outcome"));
        f.clock.set(at(LocalDate.of(2027, 3, 30), 12, 0));
        assertEquals("too_late", handler().handleRequest(Map.of(), null).get("outcome"));
        assertTrue(message("c-anna", LocalDate.of(2027, 3, 29), MessageChannel.SMS).isEmpty());
        assertTrue(message("c-anna", LocalDate.of(2027, 3, 30), MessageChannel.SMS).isEmpty());
        f.clock.set(at(LocalDate.of(2027, 3, 31), 9, 15)); // a late morning run still sends that day's list
        assertEquals(1, handler().handleRequest(Map.of(), null).get("participants"));
        assertTrue(message("c-anna", LocalDate.of(2027, 3, 31), MessageChannel.SMS).isPresent());
    }

    @Test
    void theWindowComesFromTheEnvironmentAndABadOneStopsTheStart() {
        assertEquals("07:30", TodaysListHandler.window(null)[0].toString());
        assertEquals("12:00", TodaysListHandler.window(" ")[1].toString());
        assertEquals("23:59", TodaysListHandler.window("00:00-23:59")[1].toString());
        assertThrows(RuntimeException.class, () -> TodaysListHandler.window("07:30"));
        assertThrows(RuntimeException.class, () -> new TodaysListHandler(f.config, f.nudges, f.dynamo, f.clock,
                TodaysListHandler.window("12:00-07:30")));
    }
}
