package dk.rampe.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.Internship;
import dk.rampe.schedule.DueWork;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PathStore} does: records kept whole, a repeated record added once, referrals apart; a
 * record written with its reminders and the participant's internships in one write.
 */
public abstract class PathStoreContract {
    /** A store with the due work and the attendance store it writes to (the same table). */
    public record Parts(PathStore store, DueWork dueWork, AttendanceStore attendance) {
    }

    protected abstract Parts newParts();

    protected PathStore newStore() {
        return newParts().store();
    }

    static Milestone job(String id, String referralId, String corrects, Instant at) {
        return new Milestone(id, referralId, MilestoneType.JOB_STARTED, LocalDate.parse("2026-11-30"), "c1", at,
                corrects, "Lager A/S", JobKind.WAGE_SUBSIDY, new BigDecimal("12.5"), LocalDate.parse("2027-05-31"),
                "godt match", "ringer selv\nefter første uge");
    }

    @Test
    void recordsAreKeptWholeAndAddedOnce() {
        PathStore store = newStore();
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        Milestone a = job("M0000000000A1", "R0000000000A1", null, t);
        Milestone b = job("M0000000000B2", "R0000000000A1", a.id(), t.plusSeconds(60));
        Milestone other = job("M0000000000C3", "R0000000000B2", null, t);
        assertTrue(store.add(a));
        assertFalse(store.add(a), "the same record twice is added once");
        assertTrue(store.add(b));
        assertTrue(store.add(other));
        List<Milestone> read = store.milestones("R0000000000A1").stream()
                .sorted(Comparator.comparing(Milestone::recordedAt)).toList();
        assertEquals(List.of(a, b), read);
        assertEquals(List.of(other), store.milestones("R0000000000B2"));
        assertEquals(List.of(), store.milestones("R0000000000Z9"));
        Milestone status = Milestone.status("M0000000000D4", "R0000000000A1", MilestoneType.EXITED,
                LocalDate.parse("2027-04-15"), "c1", t.plusSeconds(120), "flexjob");
        assertTrue(store.add(status));
        assertEquals(status, store.milestones("R0000000000A1").stream().filter(m -> m.id().equals(status.id()))
                .findFirst().orElseThrow());
    }

    @Test
    void aRecordIsWrittenWithItsRemindersAndInternshipsOrNotAtAll() {
        Parts parts = newParts();
        PathStore store = parts.store();
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        Instant at = Instant.parse("2027-03-01T07:00:00Z");
        Milestone a = job("M0000000000A1", "R0000000000A1", null, t);
        PathStore.Changes changes = new PathStore.Changes(List.of(new PathStore.Scheduled("AREMINDER1", at,
                Map.of("referralId", "R0000000000A1", "reminder", "aftercare"))), List.of(), null);
        assertTrue(store.record(a, changes));
        assertEquals(List.of("AREMINDER1"), due(parts, at));
        assertFalse(store.record(a, new PathStore.Changes(List.of(new PathStore.Scheduled("AREMINDER2", at, Map.of())),
                List.of(), null)), "a repeated record writes nothing");
        assertEquals(List.of("AREMINDER1"), due(parts, at));

        // the reminder is sent (done); a correction moves it and cancels one that was never scheduled: done stays done
        parts.dueWork().done(PathService.DUE_KIND, "AREMINDER1", at);
        Milestone b = job("M0000000000B2", "R0000000000A1", a.id(), t.plusSeconds(60));
        assertTrue(store.record(b, new PathStore.Changes(List.of(new PathStore.Scheduled("AREMINDER1", at.plusSeconds(86400),
                Map.of("referralId", "R0000000000A1"))), List.of("ANEVER"), null)));
        assertEquals(List.of(), due(parts, at.plusSeconds(86400)));
        assertEquals(2, store.milestones("R0000000000A1").size());

        // an internship: recorded for the attendance rules with the record
        List<Internship> periods = List.of(new Internship(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-20")));
        Milestone c = new Milestone("M0000000000C3", "R0000000000A1", MilestoneType.INTERNSHIP_STARTED,
                LocalDate.parse("2026-12-01"), "c1", t.plusSeconds(120), null, "Lager A/S", null, null,
                LocalDate.parse("2026-12-20"), null, null);
        assertTrue(store.record(c, new PathStore.Changes(List.of(), List.of(), periods)));
        assertEquals(periods, parts.attendance().load("R0000000000A1", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-31")).internships());
        assertTrue(parts.attendance().chain("R0000000000A1").isPresent(), "the chain (a marker: none built) with it");
    }

    private static List<String> due(Parts parts, Instant at) {
        return parts.dueWork().index(PathService.DUE_KIND).due(at.minusSeconds(3600), at.plusSeconds(3600), 10).stream()
                .map(d -> d.id()).toList();
    }

    @Test
    void expiringKeepsTheRecordsReadableUntilTheyGo() {
        PathStore store = newStore();
        Milestone a = job("M0000000000A1", "R0000000000A1", null, Instant.parse("2026-11-30T10:00:00Z"));
        store.add(a);
        store.expireAll("R0000000000A1", Instant.parse("2028-04-15T00:00:00Z"));
        store.expireAll("R0000000000Z9", Instant.parse("2028-04-15T00:00:00Z"));
        assertEquals(List.of(a), store.milestones("R0000000000A1"));
    }
}
