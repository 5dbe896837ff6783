package dk.rampe.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link PathStore} does: records kept whole, a repeated record added once, referrals apart. */
public abstract class PathStoreContract {
    protected abstract PathStore newStore();

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
    void expiringKeepsTheRecordsReadableUntilTheyGo() {
        PathStore store = newStore();
        Milestone a = job("M0000000000A1", "R0000000000A1", null, Instant.parse("2026-11-30T10:00:00Z"));
        store.add(a);
        store.expireAll("R0000000000A1", Instant.parse("2028-04-15T00:00:00Z"));
        store.expireAll("R0000000000Z9", Instant.parse("2028-04-15T00:00:00Z"));
        assertEquals(List.of(a), store.milestones("R0000000000A1"));
    }
}
