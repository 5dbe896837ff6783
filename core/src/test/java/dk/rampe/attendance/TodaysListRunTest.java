package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.followup.Ids;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.Outbox;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.schedule.InMemoryWatermarks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 07:30 run: one nudge per consultant and channel, once, on working mornings only, caught up the same morning. */
class TodaysListRunTest {
    private static final String BASE = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com";
    private final TodaysListWorld w = new TodaysListWorld();

    @BeforeEach
    void participants() {
        w.enrolled("RANNA0001", "Søren Sørensen", "p1", "c1", LocalTime.of(9, 0));
        w.enrolled("RANNA0002", "Mette Hansen", "p1", "c1", LocalTime.of(10, 0));
        w.enrolled("RANNA0003", "Ib Holm", "p2", "c1", LocalTime.of(9, 30));
        w.enrolled("RBOBO0001", "Kaj Lund", "p1", "c2", LocalTime.of(8, 30));
    }

    private Optional<OutboxMessage> message(String consultant, LocalDate date, MessageChannel channel) {
        return w.outbox.find(Ids.messageId(TodaysListRun.dedupeKey(consultant, date, channel)));
    }

    @Test
    void at0730EachConsultantGetsOneNeutralNudgePerChannelWithTheLinkToTheirList() {
        w.clock.at(TodaysListWorld.MONDAY, 7, 29);
        assertEquals(TodaysListRun.Outcome.NOT_YET, w.run().run().outcome());
        assertTrue(message("c1", TodaysListWorld.MONDAY, MessageChannel.SMS).isEmpty());

        w.clock.at(TodaysListWorld.MONDAY, 7, 30);
        TodaysListRun.Result r = w.run().run();
        assertEquals(new TodaysListRun.Result(TodaysListRun.Outcome.SENT, TodaysListWorld.MONDAY, 2, 4, 3, 0), r);
        OutboxMessage sms = message("c1", TodaysListWorld.MONDAY, MessageChannel.SMS).orElseThrow();
        String link = BASE + "/t/" + w.tokens.issue("c1", TodaysListWorld.MONDAY);
        assertEquals("Rampe: Dagens fremmøde, 3 deltagere i dag. Registrér her: " + link, sms.text());
        assertEquals("+4520000001", sms.recipient());
        assertEquals(w.clock.instant(), sms.notBefore(), "07:30 is outside the quiet hours");
        assertFalse(sms.reminder());
        OutboxMessage email = message("c1", TodaysListWorld.MONDAY, MessageChannel.EMAIL).orElseThrow();
        assertEquals("Dagens fremmøde: 3 deltagere forventes i dag", email.subject());
        assertTrue(email.text().contains("mandag den 23. november 2026") && email.text().contains(link), email.text());
        assertTrue(email.html().contains("href=\"" + link + "\""));
        OutboxMessage english = message("c2", TodaysListWorld.MONDAY, MessageChannel.SMS).orElseThrow();
        assertEquals("Rampe: Today's attendance, 1 participant today: " + BASE + "/t/"
                + w.tokens.issue("c2", TodaysListWorld.MONDAY), english.text());
        assertTrue(message("c2", TodaysListWorld.MONDAY, MessageChannel.EMAIL).isEmpty(), "c2 wants SMS only");
        for (OutboxMessage m : List.of(sms, email, english)) {
            for (String personal : List.of("Søren", "Mette", "Ib", "Kaj", "RANNA", "Forløb")) {
                assertFalse(m.text().contains(personal) || (m.html() != null && m.html().contains(personal)), personal);
            }
        }
    }

    @Test
    void runningTwiceOrOverlappingSendsOnce() {
        w.clock.at(TodaysListWorld.MONDAY, 7, 30);
        assertEquals(3, w.run().run().messages());
        w.clock.at(TodaysListWorld.MONDAY, 7, 45);
        assertEquals(TodaysListRun.Outcome.ALREADY_SENT, w.run().run().outcome(), "the next run stops at the watermark");
        // a run that did not see the watermark (two overlapping runs) finds every message written
        TodaysListRun overlapping = new TodaysListRun(w.lists, w.tokens, new TodaysListMessages("Rampe"), w.outbox,
                new InMemoryWatermarks(), () -> w.settings, w.clock, BASE);
        TodaysListRun.Result again = overlapping.run();
        assertEquals(TodaysListRun.Outcome.SENT, again.outcome());
        assertEquals(0, again.messages(), "the ids come from (consultant, date, channel): nothing new");
    }

    @Test
    void aMissedRunIsCaughtUpTheSameMorningOnlyAndNeverOnAWeekend() {
        w.clock.at(TodaysListWorld.MONDAY, 9, 45); // the 07:30 run was missed (an outage)
        assertEquals(3, w.run().run().messages());
        // Tuesday: a run after noon sends nothing, not even Tuesday's list
        w.clock.at(TodaysListWorld.MONDAY.plusDays(1), 12, 0);
        assertEquals(TodaysListRun.Outcome.TOO_LATE, w.run().run().outcome());
        assertTrue(message("c1", TodaysListWorld.MONDAY.plusDays(1), MessageChannel.SMS).isEmpty());
        // Wednesday morning: Wednesday's list, not Tuesday's
        w.clock.at(TodaysListWorld.MONDAY.plusDays(2), 7, 30);
        w.run().run();
        assertTrue(message("c1", TodaysListWorld.MONDAY.plusDays(1), MessageChannel.SMS).isEmpty());
        assertTrue(message("c1", TodaysListWorld.MONDAY.plusDays(2), MessageChannel.SMS).orElseThrow().text()
                .contains("2 deltagere"), "p2 is closed on 25 November: Ib is not expected");
        w.clock.at(LocalDate.of(2026, 11, 28), 7, 30);
        assertEquals(TodaysListRun.Outcome.WEEKEND, w.run().run().outcome());
        w.clock.at(LocalDate.of(2027, 3, 29), 7, 30);
        TodaysListRun.Result easter = w.run().run();
        assertEquals(0, easter.lists(), "Easter Monday: nobody is expected");
        assertTrue(message("c1", LocalDate.of(2027, 3, 29), MessageChannel.SMS).isEmpty());
    }

    @Test
    void aConsultantWhoseNudgeCouldNotBeWrittenIsTriedAgainByTheNextRunAndTheOthersAreNotSentTwice() {
        Outbox failingForC1 = new Outbox() {
            @Override
            public boolean enqueue(OutboxMessage m) {
                if (m.recipient().equals("+4520000001")) throw new IllegalStateException("throttled");
                return w.outbox.enqueue(m);
            }

            @Override public Optional<OutboxMessage> find(String id) { return w.outbox.find(id); }
            @Override public List<String> dueIds(Instant now, int limit) { return w.outbox.dueIds(now, limit); }
            @Override public ClaimResult claim(OutboxMessage m, String c, Instant n, Instant l) { throw new UnsupportedOperationException(); }
            @Override public void markSent(String id, String c, String p, Instant at) { throw new UnsupportedOperationException(); }
            @Override public void markRetry(String id, String c, Instant n, String e) { throw new UnsupportedOperationException(); }
            @Override public boolean markFailed(String id, String c, String e, Instant at) { throw new UnsupportedOperationException(); }
            @Override public boolean cancel(String id, Instant at) { throw new UnsupportedOperationException(); }
            @Override public List<OutboxMessage> failed(int limit) { return List.of(); }
        };
        w.clock.at(TodaysListWorld.MONDAY, 7, 30);
        TodaysListRun.Result first = new TodaysListRun(w.lists, w.tokens, new TodaysListMessages("Rampe"), failingForC1,
                w.watermarks, () -> w.settings, w.clock, BASE).run();
        assertEquals(1, first.errors());
        assertTrue(w.watermarks.read(TodaysListRun.SWEEP).isEmpty(), "not done: the watermark stays");
        w.clock.at(TodaysListWorld.MONDAY, 7, 45);
        TodaysListRun.Result second = w.run().run();
        assertEquals(0, second.errors());
        assertTrue(message("c1", TodaysListWorld.MONDAY, MessageChannel.SMS).isPresent());
        assertTrue(message("c2", TodaysListWorld.MONDAY, MessageChannel.SMS).isPresent());
        assertEquals(1, second.messages(), "only c1's SMS is new (its email was written before the failure)");
    }
}
