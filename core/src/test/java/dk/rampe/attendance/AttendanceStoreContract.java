package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueIndex;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttendanceStore} does with the session chain: every write of something recorded keeps
 * the chain's copy true in the same write (a stale marker while none was built), a chain is written only
 * over the revision it was read at, and a chain waiting for a session is on the due index of kind absence
 * with its copy.
 */
public abstract class AttendanceStoreContract {
    protected abstract AttendanceStore newStore();

    /** The due index of kind absence the store's chains are on. */
    protected abstract DueIndex<Map<String, String>> index(AttendanceStore store);

    private static final String R = "R7K2M9Q4X1ZA8";
    private static final Instant T = Instant.parse("2026-11-23T06:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static AttendancePlan plan(LocalDate from, boolean duringInternship) {
        return new AttendancePlan(from, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), 240,
                "c-anna", T, duringInternship);
    }

    private static Registration reg(String id, LocalDate date, Registration.Status status, Instant at) {
        return new Registration(id, date, status, null, status == Registration.Status.EXCUSED ? Registration.Reason.SICK
                : null, "c-anna", at, false, false);
    }

    @Test
    void everyWriteKeepsTheChainTrueAndAChainIsWrittenOnlyOverTheRevisionItWasReadAt() {
        AttendanceStore store = newStore();
        assertTrue(store.chain(R).isEmpty());
        store.putPlan(R, plan(MONDAY, false));
        SessionChain marker = store.chain(R).orElseThrow();
        assertTrue(marker.stale(), "nothing built yet: a marker, so a chain built from an earlier read cannot win");
        assertEquals(1, marker.revision());
        assertTrue(store.addRegistration(R, reg("G1", MONDAY.minusDays(3), Registration.Status.PRESENT, T)));
        assertEquals(2, store.chain(R).orElseThrow().revision());

        // built from a read of the partition, at Monday's session, over revision 2
        Attendance read = store.load(R, MONDAY.minusDays(SessionChain.LOOKBACK_DAYS), SessionChain.FAR);
        assertEquals(1, read.plans().size());
        Instant cutoff = Instant.parse("2026-11-23T08:30:00Z");
        SessionChain built = SessionChain.of(R, read, false, MONDAY.minusDays(SessionChain.LOOKBACK_DAYS))
                .at(MONDAY, cutoff).withRevision(3);
        AttendancePlan stepUp = plan(MONDAY.plusDays(14), true);
        assertFalse(store.writeChain(built.withRevision(2), 1, AttendanceStore.With.plan(stepUp)),
                "not over an older revision");
        assertEquals(1, store.load(R, MONDAY, MONDAY).plans().size(), "and nothing of it written");
        assertTrue(store.writeChain(built.with(stepUp), 2, AttendanceStore.With.plan(stepUp)));
        assertEquals(2, store.load(R, MONDAY, MONDAY).plans().size(), "written with the chain");
        assertFalse(store.writeChain(built.withRevision(3), 2, AttendanceStore.With.NOTHING), "read at 2, it is at 3 now");

        List<Due<Map<String, String>>> due = index(store).due(cutoff.minusSeconds(60), cutoff.plusSeconds(60), 10);
        assertEquals(1, due.size(), "on the due index at the session's cutoff");
        assertEquals(cutoff, due.get(0).dueAt());
        SessionChain copy = SessionChain.fromWork(due.get(0).item(), due.get(0).dueAt());
        assertEquals(MONDAY, copy.date());
        assertEquals(3, copy.revision());
        assertTrue(copy.attendance().planOn(MONDAY.plusDays(14)).orElseThrow().duringInternship());
        assertEquals(Registration.Status.PRESENT,
                copy.attendance().registrationOn(MONDAY.minusDays(3)).orElseThrow().status());

        // a sick call for the chain's date: the copy has it, the chain stays where it is
        assertTrue(store.addRegistration(R, reg("G2", MONDAY, Registration.Status.EXCUSED, T.plusSeconds(60))));
        assertFalse(store.addRegistration(R, reg("G2", MONDAY, Registration.Status.EXCUSED, T.plusSeconds(60))),
                "the same registration twice is written once");
        SessionChain after = store.chain(R).orElseThrow();
        assertEquals(4, after.revision());
        assertEquals(MONDAY, after.date());
        assertEquals(cutoff, after.dueAt());
        assertEquals(Registration.Status.EXCUSED, after.attendance().registrationOn(MONDAY).orElseThrow().status());

        store.recordSmsConsent(R, true, "c-anna", T);
        assertTrue(store.chain(R).orElseThrow().smsConsent());
        List<Internship> internships = List.of(new Internship(MONDAY.plusDays(7), null));
        store.recordInternships(R, internships);
        assertEquals(internships, store.chain(R).orElseThrow().attendance().internships());
        assertEquals(internships, store.load(R, MONDAY, MONDAY).internships());
        assertEquals(6, store.chain(R).orElseThrow().revision());

        // parked: off the due index, what it holds kept
        SessionChain parked = store.chain(R).orElseThrow().parked(MONDAY).withRevision(7);
        assertTrue(store.writeChain(parked, 6, AttendanceStore.With.NOTHING));
        assertEquals(0, index(store).due(cutoff.minusSeconds(86400), cutoff.plusSeconds(86400 * 90), 10).size());
        assertTrue(store.chain(R).orElseThrow().parked());
        assertTrue(store.chain(R).orElseThrow().smsConsent());
    }

    /**
     * A notice's correction is written only over the correction it was read with, the caseworker's email with it
     * (once, by its id); the notice's own fields stay as sent.
     */
    @Test
    void aNoticeIsCorrectedOnlyOverTheCorrectionItWasReadAtAndItsEmailIsWrittenOnce() {
        AttendanceStore store = newStore();
        Notice sent = new Notice("N1", R, "jc-aarhus", MONDAY, List.of(Notice.Reason.UNEXCUSED_ABSENCE), T);
        assertTrue(store.addNotice(sent, false, null));
        Notice.Correction excused = new Notice.Correction(Registration.Status.EXCUSED, "G2", "c-anna", T.plusSeconds(60));
        dk.rampe.followup.OutboxMessage email = dk.rampe.followup.OutboxMessage.pending("notice|N1|corrected|G2|email",
                "N1", "p1", dk.rampe.followup.MessageChannel.EMAIL, "b@jobcenter.example", "Rampe", "rettet", "<p>rettet</p>",
                false, T, T);

        assertFalse(store.correctNotice(sent.with(excused), "G0", email), "read with a correction it no longer has");
        assertTrue(store.correctNotice(sent.with(excused), null, email));
        Notice read = store.notices(R).get(0);
        assertEquals(excused, read.correction());
        assertEquals(List.of(Notice.Reason.UNEXCUSED_ABSENCE), read.reasons());
        assertEquals(T, read.createdAt());
        assertFalse(store.correctNotice(sent.with(excused), null, email), "corrected meanwhile: nothing written");

        Notice.Correction present = new Notice.Correction(Registration.Status.PRESENT, "G3", "c-bo", T.plusSeconds(120));
        assertTrue(store.correctNotice(sent.with(present), "G2", null));
        assertEquals(present, store.notices(R).get(0).correction());
        assertTrue(store.correctNotice(sent, "G3", null), "absent again: the notice stands");
        assertEquals(null, store.notices(R).get(0).correction());
        assertFalse(store.correctNotice(sent.with(excused), null, email), "that correction's email exists: once");
        assertEquals(null, store.notices(R).get(0).correction(), "and nothing of it was written");
        assertFalse(store.correctNotice(new Notice("N9", R, "jc-aarhus", MONDAY.plusDays(1),
                List.of(Notice.Reason.TWO_IN_A_ROW), T).with(excused), null, null), "no such notice");
        assertEquals(1, store.notices(R).size());
    }

    @Test
    void aWarningIsWrittenOnceWithItsChainWhenTwoRunsRaceOverTheSameRevision() throws Exception {
        AttendanceStore store = newStore();
        store.putPlan(R, plan(MONDAY.minusDays(28), false));
        Attendance read = store.load(R, MONDAY.minusDays(SessionChain.LOOKBACK_DAYS), SessionChain.FAR);
        SessionChain chain = SessionChain.of(R, read, false, MONDAY.minusDays(SessionChain.LOOKBACK_DAYS))
                .at(MONDAY, Instant.parse("2026-11-23T08:30:00Z")).withRevision(2);
        assertTrue(store.writeChain(chain, 1, AttendanceStore.With.NOTHING));

        // two runs read revision 2 and decide the same warning (same decision, same id): one writes it
        List<EarlyWarning.Signal> reasons = List.of(new EarlyWarning.Signal("attendance_falling", List.of(4, 10, 19, 20)),
                new EarlyWarning.Signal("arrivals_later", List.of(3, 5, 22, 0, 15)));
        Warning warning = Warning.of(R, MONDAY, reasons, T);
        WarningState started = new WarningState(new EarlyWarning.State(MONDAY, false), MONDAY, null, MONDAY, null);
        SessionChain next = chain.with(started).withRevision(3);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return store.writeChain(next, 2, AttendanceStore.With.warning(warning));
                }));
            }
            go.countDown();
            int written = 0;
            for (java.util.concurrent.Future<Boolean> run : runs) if (run.get()) written++;
            assertEquals(1, written, "one run writes the warning and the chain, the other nothing");
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(warning), store.warnings(R), "the warning once, with its reasons and figures");
        SessionChain stored = store.chain(R).orElseThrow();
        assertEquals(3, stored.revision());
        assertEquals(started, stored.warning(), "the memory travels on the chain");

        // a run that read the new revision but decides the same warning again: its guard keeps it out
        assertFalse(store.writeChain(stored.withRevision(4), 3, AttendanceStore.With.warning(warning)));
        assertEquals(3, store.chain(R).orElseThrow().revision(), "nothing written");
        assertEquals(1, store.warnings(R).size());
        // the chain on the due index carries the memory too (the detection reads nothing else)
        List<Due<Map<String, String>>> due = index(store).due(Instant.parse("2026-11-23T08:00:00Z"),
                Instant.parse("2026-11-23T09:00:00Z"), 10);
        assertEquals(started, SessionChain.fromWork(due.get(0).item(), due.get(0).dueAt()).warning());
    }
}
