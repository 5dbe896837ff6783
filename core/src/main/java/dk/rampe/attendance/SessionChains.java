package dk.rampe.attendance;

import dk.rampe.schedule.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a {@link SessionChain} stands: read or built, and moved on. Shared by the write side
 * ({@link AttendanceService}) and the detection ({@link AbsenceDetection}).
 */
final class SessionChains {
    private final AttendanceStore store;
    private final Expectations expectations;

    SessionChains(AttendanceStore store, Expectations expectations) {
        this.store = store;
        this.expectations = expectations;
    }

    /**
     * The stored chain, or one built from a read of the partition (from {@code LOOKBACK_DAYS} before
     * {@code day}) when none is stored or only a stale marker: with the revision it must be written over.
     */
    SessionChain current(String referralId, LocalDate day) {
        Optional<SessionChain> stored = store.chain(referralId);
        if (stored.isPresent() && !stored.get().stale()) return stored.get();
        LocalDate from = day.minusDays(SessionChain.LOOKBACK_DAYS);
        Attendance recorded = store.load(referralId, from, SessionChain.FAR);
        return SessionChain.of(referralId, recorded, store.smsConsent(referralId), from)
                .withRevision(stored.map(SessionChain::revision).orElse(0L));
    }

    /**
     * The chain at the first planned session after {@code after}, within the look-ahead; nothing planned by
     * then but a plan or a later agreement recorded: waiting at the look-ahead's end (at 00:00 that day) to look
     * again; nothing at all: parked.
     */
    SessionChain after(SessionChain c, String programmeId, LocalDate after, Duration grace) {
        Optional<Session> next = expectations.nextPlanned(c.attendance(), programmeId, after, grace,
                AttendanceService.LOOK_AHEAD_DAYS);
        if (next.isPresent()) return c.at(next.get().date(), next.get().cutoff());
        LocalDate wake = after.plusDays(AttendanceService.LOOK_AHEAD_DAYS);
        boolean more = !c.attendance().plans().isEmpty()
                || c.attendance().agreements().stream().anyMatch(a -> a.date().isAfter(wake));
        return more ? c.at(wake, wake.atStartOfDay(WorkingDays.ZONE).toInstant()) : c.parked(after);
    }

    /**
     * After a plan step or an agreement recorded at {@code now}: a chain that is due (its cutoff passed, not
     * decided yet) stays where it is for the detection to decide (unless its session now starts later); any
     * other goes to the first planned session from {@code today} whose cutoff is still ahead.
     */
    SessionChain reposition(SessionChain c, String programmeId, Instant now, LocalDate today, Duration grace) {
        if (!c.parked() && !c.dueAt().isAfter(now)) {
            Optional<Session> s = expectations.planned(c.attendance(), programmeId, c.date(), grace);
            return s.isPresent() && s.get().cutoff().isAfter(now) ? c.at(c.date(), s.get().cutoff()) : c;
        }
        LocalDate d = today.minusDays(1);
        SessionChain n = c;
        for (int i = 0; i < 5; i++) {
            n = after(c, programmeId, d, grace);
            if (n.parked() || n.dueAt().isAfter(now)) return n;
            d = n.date();
        }
        return n;
    }
}
