package dk.rampe.attendance;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.Intent;
import dk.rampe.core.ValidationException;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.WorkingDays;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * Writes a plan step (a step with the same from-date is replaced). A step the same as the one stored for its
     * from-date writes nothing (a repeated PUT, or two at once: one effect).
     */
    public void putPlan(Referral referral, AttendancePlan plan) {
        requireEnrolled(referral);
        requireWithinReferral(referral, plan.validFrom(), "validFrom");
        boolean written = moveWith(referral, c -> c.with(plan), AttendanceStore.With.plan(plan),
                c -> c.attendance().plans().stream().anyMatch(p -> samePlan(p, plan)));
        if (!written) return;
        Log.info("attendance.plan", "referralId", referral.id(), "validFrom", plan.validFrom().toString());
        audit.record(new AuditEntry(referral.id(), plan.recordedBy(), "attendance.planned", clock.instant()));
    }

    /**
     * Adds a one-day agreement and returns it; one that says the same as the latest agreement of its date, recorded
     * within {@link Intent#WINDOW}, is the same intent: that agreement is returned and nothing is written. One that
     * plans a session (not a day off) on a day without sessions (a weekend, a public holiday, a closing day) is
     * refused ({@code attendance.noSessionDay} on {@code date}) unless the programme allows extra days
     * ({@link AttendanceRules#extraDays()}): nobody is there to see the participant, and the detection would nudge
     * the session as an absence.
     */
    public Agreement addAgreement(Referral referral, Agreement agreement) {
        requireEnrolled(referral);
        requireWithinReferral(referral, agreement.date(), "date");
        if (!agreement.dayOff() && !rules.apply(referral.programmeId()).extraDays()
                && !expectations.workingDays().isWorkingDay(referral.programmeId(), agreement.date())) {
            throw DomainException.unprocessable("attendance.noSessionDay", "date", agreement.date().toString());
        }
        Agreement[] first = new Agreement[1];
        boolean written = moveWith(referral, c -> c.with(agreement), AttendanceStore.With.agreement(agreement), c -> {
            // the date's agreements as recorded (the chain's copy keeps no times), read after the chain's revision
            Optional<Agreement> latest = store.load(referral.id(), agreement.date(), agreement.date()).agreements().stream()
                    .max(java.util.Comparator.comparing(Agreement::recordedAt));
            boolean same = latest.isPresent() && sameAgreement(latest.get(), agreement)
                    && Intent.repeats(latest.get().recordedAt(), agreement.recordedAt());
            first[0] = same ? latest.get() : null;
            return same;
        });
        if (!written) return first[0];
        Log.info("attendance.agreement", "referralId", referral.id(), "date", agreement.date().toString());
        audit.record(new AuditEntry(referral.id(), agreement.recordedBy(), "attendance.agreed", clock.instant()));
        return agreement;
    }

    /** A registration as stored, and whether it was a repeat of the latest one (nothing written then). */
    public record Registered(Registration registration, boolean repeated) {
    }

    /**
     * A new registration (a correction too); returns it as stored. The store writes it with the chain's copy
     * (a registration for the chain's date makes the detection find it registered; a correction of an earlier
     * date counts in the escalation rules). A registration that says the same as the latest of its date,
     * recorded within {@link Intent#WINDOW}, is a repeat: the latest is returned and nothing is written.
     */
    public Registration register(Referral referral, LocalDate date, Registration.Status status,
                                 java.time.LocalTime arrival, Registration.Reason reason, String actor) {
        return registerOnce(referral, date, status, arrival, reason, actor).registration();
    }

    /**
     * {@link #register}, telling a repeat apart. Decided on the date's registrations as read under the chain's
     * revision and written only if the revision is unchanged (else read again, at most {@link Intent#ATTEMPTS}
     * times, then a 409 {@code attendance.changedMeanwhile}): 30 identical taps at once store one registration.
     */
    public Registered registerOnce(Referral referral, LocalDate date, Registration.Status status,
                                   java.time.LocalTime arrival, Registration.Reason reason, String actor) {
        requireEnrolled(referral);
        // a registration says what happened: not a day still to come, not before the referral existed
        LocalDate today = WorkingDays.today(clock);
        LocalDate made = madeOn(referral);
        if (date.isAfter(today) || date.isBefore(made)) {
            throw new ValidationException(new FieldError("date", "date.range", made, today));
        }
        for (int attempt = 1; attempt <= Intent.ATTEMPTS; attempt++) {
            long revision = store.chain(referral.id()).map(SessionChain::revision).orElse(0L);
            List<Registration> sameDate = store.load(referral.id(), date, date).registrationsOn(date);
            Registration r = new Registration("G" + UUID.randomUUID().toString().replace("-", ""), date, status, arrival,
                    reason, actor, clock.instant(), false, false);
            Registration latest = latest(sameDate);
            if (latest != null && !latest.detected() && latest.status() == r.status()
                    && Objects.equals(latest.arrival(), r.arrival()) && latest.reason() == r.reason()
                    && Intent.repeats(latest.recordedAt(), r.recordedAt())) {
                return new Registered(latest, true);
            }
            if (store.addRegistration(referral.id(), r, revision)) {
                Log.info("attendance.registered", "referralId", referral.id(), "date", date.toString(),
                        "status", status.wireName());
                audit.record(new AuditEntry(referral.id(), actor, "attendance.registered", r.recordedAt()));
                afterRegistration.accept(referral, r); // the day's absence follow-up follows the latest registration
                return new Registered(r, false);
            }
            Log.info("attendance.chainChanged", "referralId", referral.id(), "attempt", Integer.toString(attempt));
            Intent.pause(attempt);
        }
        throw DomainException.conflict("attendance.changedMeanwhile", "date");
    }

    /** The registration that was recorded last (the one that counts), by when it was recorded, then its id. */
    private static Registration latest(List<Registration> registrations) {
        return registrations.stream().max(java.util.Comparator.comparing(Registration::recordedAt)
                .thenComparing(Registration::id)).orElse(null);
    }

    private static boolean samePlan(AttendancePlan a, AttendancePlan b) {
        return a.validFrom().equals(b.validFrom()) && a.weekdays().equals(b.weekdays()) && a.start().equals(b.start())
                && a.minutes() == b.minutes() && a.duringInternship() == b.duringInternship();
    }

    private static boolean sameAgreement(Agreement a, Agreement b) {
        return a.dayOff() == b.dayOff() && Objects.equals(a.start(), b.start()) && Objects.equals(a.minutes(), b.minutes());
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
     * in the meantime (a registration, the detection, another plan or agreement), at most {@link Intent#ATTEMPTS}
     * times with a short random pause, then a 409 {@code attendance.changedMeanwhile}. False, and nothing written,
     * when {@code already} finds the write done in the chain as read (a repeat).
     */
    private boolean moveWith(Referral referral, UnaryOperator<SessionChain> change, AttendanceStore.With with,
                             java.util.function.Predicate<SessionChain> already) {
        Duration grace = rules.apply(referral.programmeId()).grace();
        for (int attempt = 1; attempt <= Intent.ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            LocalDate today = WorkingDays.today(clock);
            SessionChain current = chains.current(referral.id(), today);
            if (already.test(current)) return false;
            SessionChain next = chains.reposition(change.apply(current), referral.programmeId(), now, today, grace)
                    .withRevision(current.revision() + 1);
            if (store.writeChain(next, current.revision(), with)) return true;
            Log.info("attendance.chainChanged", "referralId", referral.id(), "attempt", Integer.toString(attempt));
            Intent.pause(attempt);
        }
        throw DomainException.conflict("attendance.changedMeanwhile", "date");
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
