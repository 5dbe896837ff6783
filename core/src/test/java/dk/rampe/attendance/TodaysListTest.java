package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.AuditEntry;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is on whose list: the consultant's enrolled participants expected on the date, by Expectations. */
class TodaysListTest {
    private final TodaysListWorld w = new TodaysListWorld();

    private static List<String> names(TodaysList.ConsultantList l) {
        return l.entries().stream().map(e -> e.displayName() + "@" + e.session().start()).toList();
    }

    @Test
    void theConsultantsParticipantsExpectedTodayOverTheirProgrammesByStartTime() {
        w.enrolled("RANNA0001", "Søren Sørensen", "p1", "c1", LocalTime.of(10, 0));
        w.enrolled("RANNA0002", "Mette Hansen", "p1", "c1", LocalTime.of(9, 0));
        w.enrolled("RANNA0003", "Ib Holm", "p2", "c1", LocalTime.of(9, 30));
        w.enrolled("RANNA0004", "Ulla Berg", "p1", "c1", LocalTime.of(9, 0), DayOfWeek.TUESDAY); // not Mondays
        w.enrolled("RBOBO0001", "Kaj Lund", "p1", "c2", LocalTime.of(8, 30));
        Referral dayOff = w.enrolled("RANNA0005", "Lis Dahl", "p1", "c1", LocalTime.of(9, 0));
        w.store.addAgreement(dayOff.id(), new Agreement(TodaysListWorld.MONDAY, true, null, null, "c1",
                Instant.parse("2026-11-20T10:00:00Z")));
        Referral later = w.enrolled("RANNA0006", "Per Krog", "p1", "c1", LocalTime.of(9, 0), DayOfWeek.TUESDAY);
        w.store.addAgreement(later.id(), new Agreement(TodaysListWorld.MONDAY, false, LocalTime.of(12, 0), 60, "c1",
                Instant.parse("2026-11-20T10:00:00Z"))); // a Monday agreed though the plan has Tuesdays only
        Referral exited = w.enrolled("RANNA0007", "Bo Vang", "p1", "c1", LocalTime.of(9, 0));
        Referral gone = exited.moveTo(ReferralStatus.EXITED, Instant.parse("2026-11-20T12:00:00Z"), "c1", null, "job");
        w.referrals.update(gone, "citizen-" + gone.id(), true, null, new AuditEntry(gone.id(), "t", "x", gone.createdAt()));

        List<TodaysList.ConsultantList> all = w.lists.all(TodaysListWorld.MONDAY);
        assertEquals(List.of("c1", "c2"), all.stream().map(TodaysList.ConsultantList::consultantId).toList());
        assertEquals(List.of("Mette@09:00", "Ib@09:30", "Søren@10:00", "Per@12:00"), names(all.get(0)));
        assertEquals(List.of("p1", "p2"), all.get(0).programmeIds());
        assertEquals(List.of("Kaj@08:30"), names(all.get(1)));
        assertEquals(names(all.get(0)), names(w.lists.of("c1", TodaysListWorld.MONDAY)), "the page sees the same list");
        assertEquals(List.of(), w.lists.of("c3", TodaysListWorld.MONDAY).entries());
    }

    @Test
    void noListOnWeekendsPublicHolidaysOrAProgrammesClosingDays() {
        w.enrolled("RANNA0001", "Søren Sørensen", "p1", "c1", LocalTime.of(9, 0));
        w.enrolled("RANNA0003", "Ib Holm", "p2", "c1", LocalTime.of(9, 30));
        assertEquals(List.of(), w.lists.all(LocalDate.of(2026, 11, 28)), "Saturday");
        assertEquals(List.of(), w.lists.all(LocalDate.of(2026, 11, 29)), "Sunday");
        assertEquals(List.of(), w.lists.all(LocalDate.of(2027, 3, 29)), "Easter Monday");
        // Wednesday 25 November: p2 is closed, p1 is not
        assertEquals(List.of("Søren@09:00"), names(w.lists.all(LocalDate.of(2026, 11, 25)).get(0)));
        assertEquals(List.of("Søren@09:00", "Ib@09:30"), names(w.lists.all(LocalDate.of(2026, 11, 26)).get(0)));
    }

    @Test
    void twoWithTheSameFirstNameGetTheirLastInitialAndTheListShowsWhatIsRegistered() {
        Referral a = w.enrolled("RANNA0001", "Mads Holm", "p1", "c1", LocalTime.of(9, 0));
        w.enrolled("RANNA0002", "Mads Berg", "p1", "c1", LocalTime.of(9, 0));
        w.enrolled("RANNA0003", "Mads", "p1", "c1", LocalTime.of(9, 0));
        w.clock.at(TodaysListWorld.MONDAY, 8, 40);
        w.attendance.register(a, TodaysListWorld.MONDAY, Registration.Status.EXCUSED, null, Registration.Reason.SICK, "c1");
        TodaysList.ConsultantList l = w.lists.of("c1", TodaysListWorld.MONDAY);
        assertEquals(List.of("Mads@09:00", "Mads B.@09:00", "Mads H.@09:00"), names(l));
        TodaysList.Entry holm = l.entry("RANNA0001").orElseThrow();
        assertEquals(Registration.Status.EXCUSED, holm.current().orElseThrow().status());
        assertTrue(l.entry("RANNA0002").orElseThrow().current().isEmpty());
    }

    @Test
    void aCorrectionBackToNothingRegisteredCountsAsNothingButKeepsTheHistory() {
        Referral a = w.enrolled("RANNA0001", "Mads Holm", "p1", "c1", LocalTime.of(9, 0));
        w.clock.at(TodaysListWorld.MONDAY, 8, 40);
        w.attendance.register(a, TodaysListWorld.MONDAY, Registration.Status.PRESENT, null, null, "c1");
        w.clock.at(TodaysListWorld.MONDAY, 8, 41);
        w.attendance.register(a, TodaysListWorld.MONDAY, Registration.Status.NONE, null, null, "c1");
        Attendance att = w.store.load(a.id(), TodaysListWorld.MONDAY, TodaysListWorld.MONDAY);
        assertTrue(att.registrationOn(TodaysListWorld.MONDAY).isEmpty(), "nothing counts: the detection fires at the cutoff");
        assertEquals(2, att.registrationsOn(TodaysListWorld.MONDAY).size(), "the history stays");
        assertEquals(Registration.Status.NONE, w.lists.of("c1", TodaysListWorld.MONDAY).entries().get(0).latest()
                .orElseThrow().status());
    }
}
