package dk.rampe.attendance;

import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.schedule.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a participant is expected: the rules, without a database.
 * <ul>
 * <li>A one-day agreement decides its date: a day off expects nothing, otherwise its start and
 * length count (also on a day the plan does not cover).</li>
 * <li>Otherwise the plan step in force on the date, on its weekdays, on working days only: no
 * session on weekends, Danish public holidays or the programme's closing days.</li>
 * <li>Only while enrolled: nothing before the enrolment date, nothing after the exit.</li>
 * <li>Nothing of the plan during an internship, unless the plan step applies during one
 * ({@link AttendancePlan#duringInternship()}); an agreement for the date still counts.</li>
 * <li>Times are Copenhagen wall-clock times: a 09:00 start is 09:00 on both sides of a summer-time change.</li>
 * </ul>
 */
public final class Expectations {
    private final WorkingDays workingDays;

    public Expectations(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The session on {@code date} by plan, agreement and calendar alone (enrolment not considered). */
    public Optional<Session> planned(Attendance a, String programmeId, LocalDate date, Duration grace) {
        Optional<Agreement> agreed = a.agreementOn(date);
        if (agreed.isPresent()) {
            Agreement ag = agreed.get();
            return ag.dayOff() ? Optional.empty() : Optional.of(session(date, ag.start(), ag.minutes(), grace));
        }
        Optional<AttendancePlan> plan = a.planOn(date);
        if (plan.isEmpty() || !plan.get().plannedOn(date)) return Optional.empty();
        if (!workingDays.isWorkingDay(programmeId, date)) return Optional.empty();
        return Optional.of(session(date, plan.get().start(), plan.get().minutes(), grace));
    }

    /**
     * The session on {@code date} if the participant is enrolled then (and has not left by its cutoff) and
     * not in an internship, unless the plan step applies during one or an agreement decides the date.
     */
    public Optional<Session> expected(Attendance a, Referral referral, LocalDate date, Duration grace) {
        Optional<Session> s = planned(a, referral.programmeId(), date, grace);
        if (s.isEmpty()) return s;
        if (a.inInternship(date) && a.agreementOn(date).isEmpty()
                && !a.planOn(date).map(AttendancePlan::duringInternship).orElse(false)) {
            return Optional.empty();
        }
        Instant enrolled = changedTo(referral, ReferralStatus.ENROLLED);
        if (enrolled == null || date.isBefore(enrolled.atZone(WorkingDays.ZONE).toLocalDate())) return Optional.empty();
        Instant exited = changedTo(referral, ReferralStatus.EXITED);
        if (exited != null && !exited.isAfter(s.get().cutoff())) return Optional.empty();
        return s;
    }

    /** The next planned session after {@code date} within {@code days} days, by plan and agreement. */
    public Optional<Session> nextPlanned(Attendance a, String programmeId, LocalDate date, Duration grace, int days) {
        for (LocalDate d = date.plusDays(1); !d.isAfter(date.plusDays(days)); d = d.plusDays(1)) {
            Optional<Session> s = planned(a, programmeId, d, grace);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    /** The last planned session before {@code date}, looking back at most {@code days} days. */
    public Optional<Session> previousPlanned(Attendance a, String programmeId, LocalDate date, Duration grace, int days) {
        for (LocalDate d = date.minusDays(1); !d.isBefore(date.minusDays(days)); d = d.minusDays(1)) {
            Optional<Session> s = planned(a, programmeId, d, grace);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    public WorkingDays workingDays() {
        return workingDays;
    }

    static Session session(LocalDate date, LocalTime start, int minutes, Duration grace) {
        Instant startsAt = ZonedDateTime.of(date, start, WorkingDays.ZONE).toInstant();
        return new Session(date, start, minutes, startsAt, startsAt.plus(grace));
    }

    static Instant changedTo(Referral r, ReferralStatus status) {
        Instant at = null;
        for (StatusChange c : r.history()) if (c.status() == status) at = c.at();
        return at;
    }
}
