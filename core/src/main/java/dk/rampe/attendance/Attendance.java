package dk.rampe.attendance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What is recorded about a referral's attendance, as read for a range of dates: every plan step
 * (few), the agreements and registrations of the range, whether the participant is flagged, and the
 * internships of the participant's path (see {@link Internship}).
 */
public record Attendance(String referralId, List<AttendancePlan> plans, List<Agreement> agreements,
                         List<Registration> registrations, boolean flagged, List<Internship> internships) {

    public Attendance {
        plans = plans.stream().sorted(Comparator.comparing(AttendancePlan::validFrom)).toList();
        agreements = agreements.stream().sorted(Comparator.comparing(Agreement::recordedAt)).toList();
        registrations = registrations.stream()
                .sorted(Comparator.comparing(Registration::recordedAt).thenComparing(Registration::id)).toList();
        internships = internships == null ? List.of()
                : internships.stream().sorted(Comparator.comparing(Internship::from)).toList();
    }

    /** Without internships. */
    public Attendance(String referralId, List<AttendancePlan> plans, List<Agreement> agreements,
                      List<Registration> registrations, boolean flagged) {
        this(referralId, plans, agreements, registrations, flagged, List.of());
    }

    public static Attendance empty(String referralId) {
        return new Attendance(referralId, List.of(), List.of(), List.of(), false);
    }

    /** The same with {@code internships} instead of the ones it has. */
    public Attendance withInternships(List<Internship> internships) {
        return new Attendance(referralId, plans, agreements, registrations, flagged, internships);
    }

    /** Whether the participant is in an internship on {@code date}. */
    public boolean inInternship(LocalDate date) {
        for (Internship i : internships) if (i.covers(date)) return true;
        return false;
    }

    /** The plan step in force on {@code date}: the one with the latest from-date on or before it. */
    public Optional<AttendancePlan> planOn(LocalDate date) {
        AttendancePlan found = null;
        for (AttendancePlan p : plans) if (!p.validFrom().isAfter(date)) found = p;
        return Optional.ofNullable(found);
    }

    /** The plan in force today or, if it starts later, the next one. */
    public Optional<AttendancePlan> currentPlan(LocalDate today) {
        Optional<AttendancePlan> now = planOn(today);
        return now.isPresent() ? now : plans.stream().findFirst();
    }

    public Optional<Agreement> agreementOn(LocalDate date) {
        Agreement found = null;
        for (Agreement a : agreements) if (a.date().equals(date)) found = a;
        return Optional.ofNullable(found);
    }

    /**
     * The registration that counts for {@code date}: the latest one; empty when there is none or the
     * latest is {@link Registration.Status#NONE} (a correction back to "nothing registered").
     */
    public Optional<Registration> registrationOn(LocalDate date) {
        Registration found = null;
        for (Registration r : registrations) if (r.date().equals(date)) found = r;
        return found == null || found.status() == Registration.Status.NONE ? Optional.empty() : Optional.of(found);
    }

    /** Every registration of {@code date}, oldest first, corrections and {@code NONE} included (the history). */
    public List<Registration> registrationsOn(LocalDate date) {
        return registrations.stream().filter(r -> r.date().equals(date)).toList();
    }
}
