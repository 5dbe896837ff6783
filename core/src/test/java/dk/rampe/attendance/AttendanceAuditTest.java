package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.WorkingDays;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every change of a participant's attendance is in the audit trail: who, what, when, never the data. */
class AttendanceAuditTest {
    @Test
    void planAgreementRegistrationAndConsentAreAuditedWithTheActor() {
        Instant now = Instant.parse("2026-11-23T07:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        InMemoryAuditLog audit = new InMemoryAuditLog();
        AttendanceService service = new AttendanceService(new InMemoryAttendanceStore(),
                (p, d) -> !WorkingDays.isWeekend(d), p -> AttendanceRules.DEFAULTS, clock, audit);
        ReferralDetails details = new ReferralDetails("p1", "JC-1", new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.KONTANTHJAELP,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "", "",
                List.of(), false, null);
        Referral r = Referral.received("R0000000000A1", "jc-aarhus", details, "c1", false, now)
                .moveTo(ReferralStatus.ACCEPTED, now, "c1", null, null).moveTo(ReferralStatus.ENROLLED, now, "c1", null, null);
        LocalDate monday = LocalDate.of(2026, 11, 23);
        service.putPlan(r, new AttendancePlan(monday, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), 240, "c1", now));
        service.addAgreement(r, new Agreement(monday, true, null, null, "c2", now));
        service.register(r, monday, Registration.Status.EXCUSED, null, Registration.Reason.SICK, "c3");
        service.recordSmsConsent(r, true, "c1");
        assertEquals(List.of(
                        new AuditEntry(r.id(), "c1", "attendance.planned", now),
                        new AuditEntry(r.id(), "c2", "attendance.agreed", now),
                        new AuditEntry(r.id(), "c3", "attendance.registered", now),
                        new AuditEntry(r.id(), "c1", "attendance.smsConsent", now)),
                audit.entries());
        assertFalse(audit.entries().toString().contains("sick"), "the action never names the reason");
    }
}
