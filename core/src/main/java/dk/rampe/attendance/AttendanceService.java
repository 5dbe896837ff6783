package dk.rampe.attendance;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.WorkingDays;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Records plans, one-day agreements and registrations, and keeps the referral's {@link SessionChain} (its
 * next planned session, on the due index of kind {@value #KIND} at the session's cutoff, with a copy of
 * what the detection needs) true in the same write, so the absence detection reads only sessions that are
 * due and, per due session, the due item and the referral. The caller (a route) has already checked that the
 * staff member may act on the referral.
 */
public final class AttendanceService {
    /** The kind of due work: one chain per referral, due at the cutoff of its next planned session. */
    public static final String KIND = "absence";
    /** How far ahead the next planned session is looked for. */
    public static final int LOOK_AHEAD_DAYS = 62;
    private static final int ATTEMPTS = 8;

    private final AttendanceStore store;
    private final Expectations expectations;
    private final SessionChains chains;
    private final Function<String, AttendanceRules> rules;
    private final Clock clock;
    private final AuditLog audit;

    /**
     * Every change of a participant's attendance (plan step, agreement, registration, SMS consent) is audited
     * in {@code audit}: who, what, when, never the data.
     */
    public AttendanceService(AttendanceStore store, WorkingDays workingDays, Function<String, AttendanceRules> rules,
                             Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.expectations = new Expectations(workingDays);
        this.chains = new SessionChains(store, expectations);
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * The due-work id of a referral's session on a date, as due work of kind absence was named before the chain
     * (one item per session); such items are still read and turned into the referral's chain.
     */
    public static String sessionId(String referralId, LocalDate date) {
        return DecisionIds.of("S", KIND, referralId, date.toString());
    }

    /** The due-work texts of a session as written before the chain (see {@link #sessionId}). */
    public static Map<String, String> work(String referralId, LocalDate date) {
        return Map.of("referralId", referralId, "date", date.toString());
    }

    public void putPlan(Referral referral, AttendancePlan plan) {
        requireEnrolled(referral);
        requireWithinReferral(referral, plan.validFrom(), "validFrom");
        moveWith(referral, c -> c.with(plan), AttendanceStore.With.plan(plan));
        Log.info("attendance.plan", "referralId", referral.id(), "validFrom", plan.validFrom().toString());
        audit.record(new AuditEntry(referral.id(), plan.recordedBy(), "attendance.planned", clock.instant()));
    }

    public void addAgreement(Referral referral, Agreement agreement) {
        requireEnrolled(referral);
        requireWithinReferral(referral, agreement.date(), "date");
        moveWith(referral, c -> c.with(agreement), AttendanceStore.With.agreement(agreement));
        Log.info("attendance.agreement", "referralId", referral.id(), "date", agreement.date().toString());
        audit.record(new AuditEntry(referral.id(), agreement.recordedBy(), "attendance.agreed", clock.instant()));
    }

    /**
     * A new registration (a correction too); returns it as stored. The store writes it with the chain's copy
     * (a registration for the chain's date makes the detection find it registered; a correction of an earlier
     * date counts in the escalation rules).
     */
    public Registration register(Referral referral, LocalDate date, Registration.Status status,
                                 java.time.LocalTime arrival, Registration.Reason reason, String actor) {
        requireEnrolled(referral);
        // a registration says what happened: not a day still to come, not before the referral existed
        LocalDate today = WorkingDays.today(clock);
        LocalDate made = madeOn(referral);
        if (date.isAfter(today) || date.isBefore(made)) {
            throw new ValidationException(new FieldError("date", "date.range", made, today));
        }
        Registration r = new Registration("G" + UUID.randomUUID().toString().replace("-", ""), date, status, arrival,
                reason, actor, clock.instant(), false, false);
        store.addRegistration(referral.id(), r);
        Log.info("attendance.registered", "referralId", referral.id(), "date", date.toString(),
                "status", status.wireName());
        audit.record(new AuditEntry(referral.id(), actor, "attendance.registered", r.recordedAt()));
        return r;
    }

    /** Records the participant's answer at enrolment to an SMS at the cutoff when they have not shown up. */
    public void recordSmsConsent(Referral referral, boolean consent, String actor) {
        store.recordSmsConsent(referral.id(), consent, actor, clock.instant());
        Log.info("attendance.smsConsent", "referralId", referral.id(), "consent", Boolean.toString(consent));
        audit.record(new AuditEntry(referral.id(), actor, "attendance.smsConsent", clock.instant()));
    }

    /** The plan steps and the last four weeks (28 days up to and including today). */
    public Attendance recent(Referral referral) {
        LocalDate today = WorkingDays.today(clock);
        return store.load(referral.id(), today.minusDays(27), today.plusDays(LOOK_AHEAD_DAYS));
    }

    public java.util.List<Notice> notices(Referral referral) {
        return store.notices(referral.id());
    }

    /**
     * Writes {@code with} and the chain changed by {@code change} and moved to where it now stands (see
     * {@link SessionChains#reposition}) in one transaction; read again and redone when the chain changed
     * in the meantime (a registration, the detection).
     */
    private void moveWith(Referral referral, UnaryOperator<SessionChain> change, AttendanceStore.With with) {
        Duration grace = rules.apply(referral.programmeId()).grace();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            LocalDate today = WorkingDays.today(clock);
            SessionChain current = chains.current(referral.id(), today);
            SessionChain next = chains.reposition(change.apply(current), referral.programmeId(), now, today, grace)
                    .withRevision(current.revision() + 1);
            if (store.writeChain(next, current.revision(), with)) return;
            Log.info("attendance.chainChanged", "referralId", referral.id(), "attempt", Integer.toString(attempt));
        }
        throw new IllegalStateException("attendance chain of " + referral.id() + " kept changing");
    }

    /** Attendance is kept for a participant: enrolled (not a referral still waiting for its visitation, not one closed). */
    private static void requireEnrolled(Referral referral) {
        if (!referral.status().active()) {
            throw DomainException.conflict("status.closed", "status", referral.status().wireName());
        }
        if (referral.status() != dk.rampe.referral.ReferralStatus.ENROLLED) {
            throw DomainException.conflict("attendance.notEnrolled", "status", referral.status().wireName());
        }
    }

    /** The day the referral was made (Copenhagen): no attendance is planned or agreed before it. */
    private static LocalDate madeOn(Referral referral) {
        return referral.createdAt().atZone(WorkingDays.ZONE).toLocalDate();
    }

    /** A plan's or agreement's date from the day the referral was made to a year from today. */
    private void requireWithinReferral(Referral referral, LocalDate date, String field) {
        LocalDate made = madeOn(referral);
        LocalDate latest = WorkingDays.today(clock).plusYears(1);
        if (date.isBefore(made) || date.isAfter(latest)) {
            throw new ValidationException(new FieldError(field, "date.range", made, latest));
        }
    }
}
