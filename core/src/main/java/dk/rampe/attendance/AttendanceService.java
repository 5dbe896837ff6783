package dk.rampe.attendance;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.core.DomainException;
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
    private java.util.function.BiConsumer<Referral, Registration> afterRegistration = (referral, registration) -> { };

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
     * What follows a registration once it is stored (the day's absence follow-up: {@link AbsenceDetection#registered}
     * closes it when the participant is there, opens it on a correction to absent); returns this service.
     */
    public AttendanceService afterRegistration(java.util.function.BiConsumer<Referral, Registration> then) {
        this.afterRegistration = then;
        return this;
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
        requireActive(referral);
        moveWith(referral, c -> c.with(plan), AttendanceStore.With.plan(plan));
        Log.info("attendance.plan", "referralId", referral.id(), "validFrom", plan.validFrom().toString());
        audit.record(new AuditEntry(referral.id(), plan.recordedBy(), "attendance.planned", clock.instant()));
    }

    /**
     * A one-day agreement. One that plans a session (not a day off) on a day without sessions (a weekend, a public
     * holiday, a closing day) is refused ({@code attendance.noSessionDay} on {@code date}) unless the programme
     * allows extra days ({@link AttendanceRules#extraDays()}): nobody is there to see the participant, and the
     * detection would nudge the session as an absence.
     */
    public void addAgreement(Referral referral, Agreement agreement) {
        requireActive(referral);
        if (!agreement.dayOff() && !rules.apply(referral.programmeId()).extraDays()
                && !expectations.workingDays().isWorkingDay(referral.programmeId(), agreement.date())) {
            throw DomainException.unprocessable("attendance.noSessionDay", "date", agreement.date().toString());
        }
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
        Registration r = new Registration("G" + UUID.randomUUID().toString().replace("-", ""), date, status, arrival,
                reason, actor, clock.instant(), false, false);
        store.addRegistration(referral.id(), r);
        Log.info("attendance.registered", "referralId", referral.id(), "date", date.toString(),
                "status", status.wireName());
        audit.record(new AuditEntry(referral.id(), actor, "attendance.registered", r.recordedAt()));
        afterRegistration.accept(referral, r);
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

    private static void requireActive(Referral referral) {
        if (!referral.status().active()) {
            throw DomainException.conflict("status.closed", "status", referral.status().wireName());
        }
    }
}
