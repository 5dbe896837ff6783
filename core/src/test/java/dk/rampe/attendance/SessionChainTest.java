package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session chain's copy: what counts on each date, kept from 21 days back, the same after the trip as texts. */
class SessionChainTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static Registration reg(String id, LocalDate d, Registration.Status s, String at) {
        return new Registration(id, d, s, s == Registration.Status.LATE ? LocalTime.of(9, 20) : null,
                s == Registration.Status.EXCUSED ? Registration.Reason.APPOINTMENT : null, "c1", Instant.parse(at),
                false, false);
    }

    @Test
    void theCopyHoldsWhatCountsAndSurvivesTheTripAsTexts() {
        AttendancePlan first = new AttendancePlan(LocalDate.of(2026, 9, 1), EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                120, "c1", T);
        AttendancePlan second = new AttendancePlan(LocalDate.of(2026, 10, 1), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 30), 240, "c1", T, true);
        Attendance recorded = new Attendance("R1", List.of(first, second),
                List.of(new Agreement(MONDAY, false, LocalTime.of(11, 0), 60, "c1", T),
                        new Agreement(MONDAY, true, null, null, "c1", T.plusSeconds(60)),
                        new Agreement(MONDAY.minusDays(30), true, null, null, "c1", T)),
                List.of(reg("G1", MONDAY.minusDays(3), Registration.Status.ABSENT, "2026-11-20T08:00:00Z"),
                        reg("G2", MONDAY.minusDays(3), Registration.Status.EXCUSED, "2026-11-20T09:00:00Z"),
                        reg("G3", MONDAY.minusDays(4), Registration.Status.LATE, "2026-11-19T09:00:00Z"),
                        new Registration("GD", MONDAY.minusDays(7), Registration.Status.ABSENT, null, null, "system:absence",
                                Instant.parse("2026-11-16T08:30:00Z"), true, true)),
                false, List.of(new Internship(LocalDate.of(2026, 12, 1), null),
                new Internship(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 5))));
        SessionChain c = SessionChain.of("R1", recorded, true, MONDAY.minusDays(21))
                .at(MONDAY, Instant.parse("2026-11-23T08:30:00Z")).withRevision(7)
                .with(new WarningState(new EarlyWarning.State(MONDAY.minusDays(10), true), MONDAY.minusDays(3),
                        MONDAY.minusDays(4), null, MONDAY.minusDays(10)));
        assertEquals(List.of(second), c.attendance().plans(), "the step superseded before the window is dropped");
        assertEquals(1, c.attendance().agreements().size(), "one per date (the latest), none before the window");
        assertTrue(c.attendance().agreementOn(MONDAY).orElseThrow().dayOff());
        assertEquals(Registration.Status.EXCUSED, c.attendance().registrationOn(MONDAY.minusDays(3)).orElseThrow().status());
        assertEquals(List.of(new Internship(LocalDate.of(2026, 12, 1), null)), c.attendance().internships());

        Map<String, String> work = c.toWork();
        assertTrue(SessionChain.isChain(work));
        assertFalse(SessionChain.isChain(AttendanceService.work("R1", MONDAY)), "due work written before the chain");
        SessionChain back = SessionChain.fromWork(work, c.dueAt());
        assertEquals(work, back.toWork(), "the same texts after the trip");
        assertEquals(7, back.revision());
        assertEquals(MONDAY, back.date());
        assertEquals(c.warning(), back.warning(), "the early warning's memory travels with the chain");
        assertTrue(back.smsConsent());
        assertTrue(back.attendance().plans().get(0).duringInternship());
        Registration late = back.attendance().registrationOn(MONDAY.minusDays(4)).orElseThrow();
        assertEquals(LocalTime.of(9, 20), late.arrival());
        Registration detected = back.attendance().registrationOn(MONDAY.minusDays(7)).orElseThrow();
        assertTrue(detected.detected() && detected.review() && detected.unexcused());
        assertEquals(Registration.Reason.APPOINTMENT,
                back.attendance().registrationOn(MONDAY.minusDays(3)).orElseThrow().reason());

        // moving on drops what falls out of the window; parked keeps the window of the day it was parked
        SessionChain later = back.at(MONDAY.plusDays(SessionChain.LOOKBACK_DAYS - 3), Instant.parse("2026-12-11T08:30:00Z"));
        assertEquals(c.warning(), later.warning());
        assertEquals(Optional.empty(), later.attendance().registrationOn(MONDAY.minusDays(7)));
        assertTrue(later.attendance().registrationOn(MONDAY.minusDays(3)).isPresent());
        SessionChain parked = back.parked(MONDAY);
        assertTrue(parked.parked());
        assertFalse(parked.toWork().containsKey("date"));
        assertEquals(parked.toWork(), SessionChain.fromWork(parked.toWork(), null).toWork());
    }

    @Test
    void anUndoBackToNothingRegisteredLeavesTheDateUnregisteredInTheChainAndItsTexts() {
        AttendancePlan plan = new AttendancePlan(LocalDate.of(2026, 11, 1), EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                240, "c1", T);
        Registration sick = reg("G1", MONDAY, Registration.Status.EXCUSED, "2026-11-23T07:40:00Z");
        Registration undo = reg("G2", MONDAY, Registration.Status.NONE, "2026-11-23T07:41:00Z");
        // built from the partition: the latest of the date is the undo
        Attendance recorded = new Attendance("R1", List.of(plan), List.of(), List.of(sick, undo), false, List.of());
        SessionChain built = SessionChain.of("R1", recorded, false, MONDAY.minusDays(21))
                .at(MONDAY, Instant.parse("2026-11-23T08:30:00Z"));
        assertEquals(Optional.empty(), built.attendance().registrationOn(MONDAY), "the undo counts as nothing registered");
        // kept up by the store's writes: the sick call, then its undo
        SessionChain written = SessionChain.of("R1", new Attendance("R1", List.of(plan), List.of(), List.of(), false, List.of()),
                false, MONDAY.minusDays(21)).at(MONDAY, Instant.parse("2026-11-23T08:30:00Z")).with(sick);
        assertTrue(written.attendance().registrationOn(MONDAY).isPresent());
        SessionChain undone = written.with(undo);
        assertEquals(Optional.empty(), undone.attendance().registrationOn(MONDAY));
        assertEquals(Optional.empty(), SessionChain.fromWork(undone.toWork(), undone.dueAt()).attendance().registrationOn(MONDAY),
                "and after the trip as texts");
    }

    @Test
    void aStoreWritesTheChangeOverTheStoredChainOrAMarker() {
        SessionChain marker = SessionChain.afterWrite("R1", Optional.empty(), c -> c);
        assertTrue(marker.stale());
        assertEquals(1, marker.revision());
        assertEquals(2, SessionChain.afterWrite("R1", Optional.of(marker), c -> c).revision());
        assertTrue(SessionChain.fromWork(marker.toWork(), null).stale());
        SessionChain stored = SessionChain.of("R1", Attendance.empty("R1"), false, MONDAY).withRevision(4);
        SessionChain next = SessionChain.afterWrite("R1", Optional.of(stored),
                c -> c.with(reg("G9", MONDAY, Registration.Status.PRESENT, "2026-11-23T08:00:00Z")));
        assertEquals(5, next.revision());
        assertEquals(Registration.Status.PRESENT, next.attendance().registrationOn(MONDAY).orElseThrow().status());
    }
}
