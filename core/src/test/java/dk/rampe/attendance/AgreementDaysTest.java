package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.DomainException;
import dk.rampe.core.EmailAddress;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Settings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A one-day agreement that plans a session on a day without sessions (a public holiday, a closing day, a weekend)
 * is refused, naming the date, unless the programme allows extra days; a day off is always accepted.
 */
class AgreementDaysTest {
    private static final LocalDate EASTER_MONDAY = LocalDate.of(2027, 3, 29);
    private static final LocalDate CLOSED = LocalDate.of(2027, 3, 31);

    private final AbsenceChainTest.Clock2 clock = new AbsenceChainTest.Clock2(AbsenceChainTest.at(LocalDate.of(2027, 3, 22), 8, 0));
    private final InMemoryAttendanceStore store = new InMemoryAttendanceStore();

    private AttendanceService service(boolean extraDays) {
        Settings settings = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1),
                LocalDate.of(2028, 12, 31), List.of(), List.of(), List.of(), List.of(CLOSED), null, null, null,
                new Settings.Calendar(true, true, true, extraDays))), List.of());
        WorkingDays calendar = new WorkingCalendar(Set.of(EASTER_MONDAY)::contains, () -> settings);
        return new AttendanceService(store, calendar, p -> AttendanceRules.of(() -> settings, p), clock,
                new InMemoryAuditLog());
    }

    private Referral enrolled(AttendanceService service) {
        ReferralDetails details = new ReferralDetails("p1", "JC-1", new Citizen(Cpr.stored("0101901234"), "A", null, null),
                Benefit.DAGPENGE, new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null),
                List.of(), "", "", "", List.of(), false, null);
        Referral r = Referral.received("R0000000000A1", "jc-aarhus", details, "c1", false, clock.instant())
                .moveTo(ReferralStatus.ACCEPTED, clock.instant(), "c1", null, null)
                .moveTo(ReferralStatus.ENROLLED, clock.instant(), "c1", null, null);
        service.putPlan(r, new AttendancePlan(LocalDate.of(2027, 3, 22), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c1", clock.instant(), false));
        return r;
    }

    private static Agreement session(LocalDate d) {
        return new Agreement(d, false, LocalTime.of(10, 0), 120, "c1", AbsenceChainTest.at(LocalDate.of(2027, 3, 22), 8, 0));
    }

    @Test
    void aSessionOnAHolidayAClosingDayOrAWeekendIsRefusedNamingTheDate() {
        AttendanceService service = service(false);
        Referral r = enrolled(service);
        for (LocalDate d : List.of(EASTER_MONDAY, CLOSED, LocalDate.of(2027, 3, 27))) {
            DomainException e = assertThrows(DomainException.class, () -> service.addAgreement(r, session(d)), d.toString());
            assertEquals("attendance.noSessionDay", e.code());
            assertEquals("date", e.field());
        }
        assertTrue(store.load(r.id(), EASTER_MONDAY.minusDays(7), CLOSED.plusDays(7)).agreements().isEmpty(),
                "nothing stored");
        // a day off on a holiday says nothing wrong; a shorter day on a working day is accepted
        service.addAgreement(r, new Agreement(EASTER_MONDAY, true, null, null, "c1", clock.instant()));
        service.addAgreement(r, session(LocalDate.of(2027, 3, 30)));
        assertEquals(2, store.load(r.id(), EASTER_MONDAY, CLOSED).agreements().size());
    }

    @Test
    void aProgrammeThatAllowsExtraDaysMayPlanOne() {
        AttendanceService service = service(true);
        Referral r = enrolled(service);
        service.addAgreement(r, session(EASTER_MONDAY));
        Attendance a = store.load(r.id(), EASTER_MONDAY, EASTER_MONDAY);
        assertTrue(new Expectations((p, d) -> false).planned(a, "p1", EASTER_MONDAY, java.time.Duration.ofMinutes(30))
                .isPresent(), "the agreed session counts on its day");
    }
}
