package dk.rampe.attendance;

import dk.rampe.core.DomainException;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.DueWork;
import dk.rampe.schedule.WorkingDays;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Records plans, one-day agreements and registrations, and keeps the referral's next planned
 * session on the due index (kind {@value #KIND}) at its cutoff, so the absence detection reads only
 * sessions that are due. The caller (a route) has already checked that the staff member may act
 * on the referral.
 */
public final class AttendanceService {
    /** The kind of due work: one item per referral and planned session date, due at the session's cutoff. */
    public static final String KIND = "absence";
    /** How far ahead the next planned session is looked for. */
    public static final int LOOK_AHEAD_DAYS = 62;

    private final AttendanceStore store;
    private final DueWork dueWork;
    private final Expectations expectations;
    private final Function<String, AttendanceRules> rules;
    private final Clock clock;

    public AttendanceService(AttendanceStore store, DueWork dueWork, WorkingDays workingDays,
                             Function<String, AttendanceRules> rules, Clock clock) {
        this.store = store;
        this.dueWork = dueWork;
        this.expectations = new Expectations(workingDays);
        this.rules = rules;
        this.clock = clock;
    }

    /** The due-work id of a referral's session on a date. */
    public static String sessionId(String referralId, LocalDate date) {
        return DecisionIds.of("S", KIND, referralId, date.toString());
    }

    /** The due-work texts of a referral's session on a date (what {@link AbsenceDetection} reads). */
    public static Map<String, String> work(String referralId, LocalDate date) {
        return Map.of("referralId", referralId, "date", date.toString());
    }

    public void putPlan(Referral referral, AttendancePlan plan) {
        requireActive(referral);
        store.putPlan(referral.id(), plan);
        Log.info("attendance.plan", "referralId", referral.id(), "validFrom", plan.validFrom().toString());
        scheduleNext(referral, WorkingDays.today(clock).minusDays(1));
    }

    public void addAgreement(Referral referral, Agreement agreement) {
        requireActive(referral);
        store.addAgreement(referral.id(), agreement);
        Log.info("attendance.agreement", "referralId", referral.id(), "date", agreement.date().toString());
        if (!agreement.dayOff()) {
            Session s = Expectations.session(agreement.date(), agreement.start(), agreement.minutes(),
                    rules.apply(referral.programmeId()).grace());
            if (s.cutoff().isAfter(clock.instant())) {
                dueWork.schedule(KIND, sessionId(referral.id(), s.date()), s.cutoff(), work(referral.id(), s.date()));
            }
        }
    }

    /** A new registration (a correction too); returns it as stored. */
    public Registration register(Referral referral, LocalDate date, Registration.Status status,
                                 java.time.LocalTime arrival, Registration.Reason reason, String actor) {
        Registration r = new Registration("G" + UUID.randomUUID().toString().replace("-", ""), date, status, arrival,
                reason, actor, clock.instant(), false, false);
        store.addRegistration(referral.id(), r);
        Log.info("attendance.registered", "referralId", referral.id(), "date", date.toString(),
                "status", status.wireName());
        return r;
    }

    /** Records the participant's answer at enrolment to an SMS at the cutoff when they have not shown up. */
    public void recordSmsConsent(Referral referral, boolean consent, String actor) {
        store.recordSmsConsent(referral.id(), consent, actor, clock.instant());
        Log.info("attendance.smsConsent", "referralId", referral.id(), "consent", Boolean.toString(consent));
    }

    /** The plan steps and the last four weeks (28 days up to and including today). */
    public Attendance recent(Referral referral) {
        LocalDate today = WorkingDays.today(clock);
        return store.load(referral.id(), today.minusDays(27), today.plusDays(LOOK_AHEAD_DAYS));
    }

    public java.util.List<Notice> notices(Referral referral) {
        return store.notices(referral.id());
    }

    /** Puts the first planned session after {@code after} whose cutoff is still ahead on the due index. */
    void scheduleNext(Referral referral, LocalDate after) {
        Instant now = clock.instant();
        Attendance a = store.load(referral.id(), after, after.plusDays(LOOK_AHEAD_DAYS + 1));
        AttendanceRules r = rules.apply(referral.programmeId());
        LocalDate d = after;
        for (int i = 0; i < 5; i++) {
            Optional<Session> next = expectations.nextPlanned(a, referral.programmeId(), d, r.grace(), LOOK_AHEAD_DAYS);
            if (next.isEmpty()) return;
            if (next.get().cutoff().isAfter(now)) {
                dueWork.schedule(KIND, sessionId(referral.id(), next.get().date()), next.get().cutoff(),
                        work(referral.id(), next.get().date()));
                return;
            }
            d = next.get().date();
        }
    }

    private static void requireActive(Referral referral) {
        if (!referral.status().active()) {
            throw DomainException.conflict("status.closed", "status", referral.status().wireName());
        }
    }
}
