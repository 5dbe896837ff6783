package dk.rampe.attendance;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.DomainException;
import dk.rampe.core.PhoneNumber;
import dk.rampe.settings.Settings;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.log.Log;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStore;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueWork;
import dk.rampe.schedule.SweepRule;
import dk.rampe.schedule.WorkingDays;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The absence detection, a {@link SweepRule} on the due index of kind {@value AttendanceService#KIND}:
 * each item is one referral's {@link SessionChain}, due at the cutoff of its next planned session, carrying
 * what the decision needs from the attendance partition. Per item it reads the referral (status, consultant,
 * benefit, caseworker) and nothing else. Applying it:
 * <ol>
 * <li>decides the session again from the chain's copy (plan, agreement, calendar, internships) and the
 * referral (enrolment, exit): not expected → nothing; moved later by an agreement → the chain moves to the
 * new cutoff;</li>
 * <li>anything registered for the date → nothing (a sick call at 08:50 excuses the day);</li>
 * <li>else an unexcused absence is registered (decision-derived id) together with the chain (so a
 * registration recorded meanwhile, or an overlapping run, makes the write fail and the chain is read again)
 * and, if the session is today, the escalation rules run and an {@code absence_today} follow-up is created
 * and nudged (decision-derived task and message ids); a session of an earlier day (after an outage) becomes
 * a registration to review, with no nudge;</li>
 * <li>the date is evaluated for the early warning ({@link WarningRun}: a warning that starts is written with
 * the chain, its neutral nudge goes as an {@code attention_due} follow-up when it may);</li>
 * <li>the chain moves to the next planned session (sessions whose cutoff has passed meanwhile are decided
 * at once, so an outage is caught up); it is parked when the participant has left.</li>
 * </ol>
 * Every write of the chain is conditional on the revision read, and what it creates has an id derived
 * from the decision, so two overlapping runs write it once. Due work written before the chain (one item
 * per session, only {@code referralId} and {@code date}) is turned into the referral's chain.
 */
public final class AbsenceDetection implements SweepRule<Map<String, String>, AbsenceDetection.Outcome> {
    public static final String ACTOR = "system:absence";
    private static final int ATTEMPTS = 4;

    public enum Outcome { NOT_EXPECTED, REGISTERED, NUDGED, REVIEW, MOVED, NO_CONSULTANT, GONE }

    private final ReferralStore referrals;
    private final AttendanceStore store;
    private final DueWork dueWork;
    private final Expectations expectations;
    private final SessionChains chains;
    private final NudgeService nudges;
    private final Function<String, AttendanceRules> rules;
    private final String publicBaseUrl;

    private final Supplier<Settings> settings;
    private final WarningRun warnings;

    /** Without the settings: no participant SMS (its words need the consultant's name and phone). */
    public AbsenceDetection(ReferralStore referrals, AttendanceStore store, DueWork dueWork, WorkingDays workingDays,
                            NudgeService nudges, Function<String, AttendanceRules> rules, String publicBaseUrl) {
        this(referrals, store, dueWork, workingDays, nudges, rules, publicBaseUrl, Settings::empty);
    }

    public AbsenceDetection(ReferralStore referrals, AttendanceStore store, DueWork dueWork, WorkingDays workingDays,
                            NudgeService nudges, Function<String, AttendanceRules> rules, String publicBaseUrl,
                            Supplier<Settings> settings) {
        this.settings = settings;
        this.referrals = referrals;
        this.store = store;
        this.dueWork = dueWork;
        this.expectations = new Expectations(workingDays);
        this.chains = new SessionChains(store, expectations);
        this.nudges = nudges;
        this.rules = rules;
        this.warnings = new WarningRun(store, expectations, nudges, p -> EarlyWarning.Thresholds.of(settings.get(), p));
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @Override
    public Outcome apply(Due<Map<String, String>> due, Instant now) {
        if (!SessionChain.isChain(due.item())) return fromSession(due, now);
        SessionChain chain = SessionChain.fromWork(due.item(), due.dueAt());
        String referralId = chain.referralId();
        Optional<Referral> referral = referrals.find(referralId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (chain.stale() || chain.parked() || chain.dueAt().isAfter(now)) return Outcome.MOVED;
            Optional<Outcome> o = referral.isPresent() ? decide(referral.get(), chain, now) : gone(chain, now);
            if (o.isPresent()) return o.get();
            // the chain changed since it was read (a registration, a plan, an overlapping run): read it again
            Optional<SessionChain> stored = store.chain(referralId);
            if (stored.isEmpty()) return Outcome.GONE;
            chain = stored.get();
        }
        throw new IllegalStateException("the chain of " + referralId + " kept changing");
    }

    /** The referral is gone (deleted after its retention): the chain leaves the due index. */
    private Optional<Outcome> gone(SessionChain chain, Instant now) {
        SessionChain parked = chain.parked(WorkingDays.today(Clock.fixed(now, ZoneOffset.UTC)))
                .withRevision(chain.revision() + 1);
        return store.writeChain(parked, chain.revision(), AttendanceStore.With.NOTHING) ? Optional.of(Outcome.GONE)
                : Optional.empty();
    }

    /** The chain's sessions up to now, decided and written; empty when the chain changed meanwhile. */
    private Optional<Outcome> decide(Referral referral, SessionChain read, Instant now) {
        AttendanceRules r = rules.apply(referral.programmeId());
        LocalDate today = WorkingDays.today(Clock.fixed(now, ZoneOffset.UTC));
        SessionChain chain = read;
        long stored = read.revision();
        Outcome first = null;
        for (int i = 0; i < 40; i++) {
            LocalDate d = chain.date();
            Attendance a = chain.attendance();
            Optional<Session> session = expectations.expected(a, referral, d, r.grace());
            if (i == 0 && session.isPresent() && session.get().cutoff().isAfter(now)) {
                // a later start agreed since this copy was read, or a wake-up on a planned day: check at its cutoff
                SessionChain moved = chain.at(d, session.get().cutoff()).withRevision(stored + 1);
                return store.writeChain(moved, stored, AttendanceStore.With.NOTHING) ? Optional.of(Outcome.MOVED)
                        : Optional.empty();
            }
            Outcome o;
            Optional<Registration> registered = a.registrationOn(d);
            if (session.isEmpty()) {
                o = Outcome.NOT_EXPECTED;
            } else if (registered.isPresent() && !registered.get().detected()) {
                // registered by staff (a tap on today's list, the API): no nudge, the consultant knows; an
                // unexcused absence still counts for the caseworker's notice today (written once by its id)
                if (registered.get().unexcused() && today.equals(d)) escalate(referral, a, d, now, r);
                o = Outcome.REGISTERED;
            } else {
                Session s = session.get();
                if (registered.isEmpty()) {
                    Registration absent = new Registration(DecisionIds.of("G", "absence", referral.id(), d.toString()), d,
                            Registration.Status.ABSENT, null, null, ACTOR, s.cutoff(), true, !today.equals(d));
                    SessionChain marked = chain.with(absent).withRevision(stored + 1);
                    if (!store.writeChain(marked, stored, AttendanceStore.With.registration(absent))) return Optional.empty();
                    chain = marked;
                    stored++;
                    registered = Optional.of(absent);
                }
                // written (now, or by an earlier run that did not get further): the escalation and the nudge again,
                // both written once whatever the number of runs
                o = registered.get().review() ? review(referral, d) : nudge(referral, chain, d, s, now, r);
            }
            if (first == null) first = o;
            if (referral.status().active()) {
                // the early warning of the date, from the chain's copy; a warning that starts is written now
                Optional<SessionChain> warned = warnings.after(referral, chain, d, today, r.grace(), now);
                if (warned.isEmpty()) return Optional.empty();
                chain = warned.get();
                stored = chain.revision();
            }
            SessionChain next = referral.status().active() ? chains.after(chain, referral.programmeId(), d, r.grace())
                    : chain.parked(today); // exited, declined: nothing more is expected
            if (next.parked() || next.dueAt().isAfter(now) || i == 39) {
                // past its cutoff only after a very long outage: due now, so the next run goes on from there
                if (!next.parked() && !next.dueAt().isAfter(now)) next = next.at(next.date(), now);
                if (!store.writeChain(next.withRevision(stored + 1), stored, AttendanceStore.With.NOTHING)) {
                    return Optional.empty();
                }
                break;
            }
            chain = next; // its cutoff has passed too (an outage): decided now
        }
        return Optional.of(first);
    }

    private static Outcome review(Referral referral, LocalDate date) {
        Log.info("absence.review", "referralId", referral.id(), "date", date.toString());
        return Outcome.REVIEW;
    }

    private Outcome nudge(Referral referral, SessionChain chain, LocalDate date, Session s, Instant now,
                          AttendanceRules r) {
        escalate(referral, chain.attendance(), date, now, r);
        try {
            Instant escalateAt = r.escalateAfter().isZero() ? null
                    : WorkingHours.plus(expectations.workingDays(), referral.programmeId(), s.cutoff(), r.escalateAfter());
            nudges.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, referral.programmeId(),
                    referral.id(), referral.consultantId(), s.cutoff(), null, "absence|" + date), ACTOR,
                    escalateAt, extras(referral, date, r, escalateAt, now, chain.smsConsent()));
        } catch (DomainException e) {
            Log.warn("absence.notNudged", "referralId", referral.id(), "code", e.code());
            return Outcome.NO_CONSULTANT;
        }
        Log.info("absence.detected", "referralId", referral.id(), "date", date.toString(),
                "lateBySeconds", Long.toString(java.time.Duration.between(s.cutoff(), now).getSeconds()));
        return Outcome.NUDGED;
    }

    /**
     * Due work of kind absence written before the chain (one item per session): the referral's chain is built
     * from a read of the partition, at this session, and applied; the old item is done. Where a chain exists,
     * it already holds this session: the old item is only done.
     */
    private Outcome fromSession(Due<Map<String, String>> due, Instant now) {
        String referralId = due.item().get("referralId");
        LocalDate date = LocalDate.parse(due.item().get("date"));
        Optional<SessionChain> stored = store.chain(referralId);
        if (stored.isPresent() && !stored.get().stale()) {
            dueWork.done(AttendanceService.KIND, due.id(), now);
            return Outcome.MOVED;
        }
        SessionChain built = chains.current(referralId, date).at(date, due.dueAt());
        SessionChain chain = built.withRevision(built.revision() + 1);
        if (!store.writeChain(chain, built.revision(), AttendanceStore.With.NOTHING)) {
            throw new IllegalStateException("the chain of " + referralId + " changed while it was built");
        }
        dueWork.done(AttendanceService.KIND, due.id(), now);
        return apply(new Due<>(SessionChain.id(referralId), chain.dueAt(), chain.toWork()), now);
    }

    /**
     * With the consultant's nudge: the team lead's email at the escalation time (sent only if the
     * follow-up is still open then), and the participant's SMS now, if the programme sends it and the
     * participant consented at enrolment.
     */
    private List<NudgeService.Extra> extras(Referral referral, LocalDate date, AttendanceRules r, Instant escalateAt,
                                            Instant now, boolean smsConsent) {
        List<NudgeService.Extra> out = new ArrayList<>(2);
        Optional<Settings.Consultant> consultant = settings.get().programme(referral.programmeId())
                .flatMap(p -> p.consultant(referral.consultantId()));
        if (r.teamLeadEmail() != null && escalateAt != null) {
            out.add(AbsenceMessages.teamLead(r.teamLeadEmail(), referral.id(), date,
                    consultant.map(Settings.Consultant::name).orElse(null), escalateAt));
        }
        if (r.participantSms()) {
            PhoneNumber phone = referral.details().citizen() == null ? null : referral.details().citizen().phone();
            if (phone != null && consultant.isPresent() && consultant.get().phone() != null
                    && smsConsent) {
                out.add(AbsenceMessages.participant(phone, consultant.get().name(), consultant.get().phone(), now));
            }
        }
        return out;
    }

    /**
     * After a registration by staff (the API, the web app, today's list): the date's latest registration decides
     * its absence follow-up. One saying the participant is there (present, late, excused) closes every open
     * {@code absence_today} follow-up of the date, recorded as closed by the registration (who registered it, and
     * when; audit action {@code followUp.closedByRegistration}), which stops its reminder and the team lead's
     * escalation (both go only while the task is open). An {@code absent} correcting a registration of today that
     * said the participant was there, after the session's cutoff (the detection has nothing left to nudge), opens
     * the day's follow-up with its nudges and runs the escalation rules, as the detection does for an absence it
     * finds. A registration before the cutoff changes nothing here: the detection decides at the cutoff.
     */
    public void registered(Referral referral, Registration registration, Instant now) {
        if (registration.detected()) return;
        LocalDate date = registration.date();
        LocalDate today = WorkingDays.today(Clock.fixed(now, ZoneOffset.UTC));
        if (date.isAfter(today)) return;
        reflectInNotice(referral, date, now);
        // the day's follow-ups by their decision-derived ids (GetItem each; no index to query): the detection's
        // and one per correction that opened one again
        List<FollowUpTask> ofTheDay = new ArrayList<>();
        for (int n = 0; n < MAX_FOLLOW_UPS_A_DAY; n++) {
            Optional<FollowUpTask> t = nudges.find(absenceTaskId(referral, date, n));
            if (t.isEmpty()) break;
            ofTheDay.add(t.get());
        }
        switch (registration.status()) {
            case PRESENT, LATE, EXCUSED -> {
                for (FollowUpTask t : ofTheDay) {
                    if (!t.isOpen()) continue;
                    if (nudges.record(t.taskId(), closedBy(registration), registration.recordedBy(),
                            "followUp.closedByRegistration") == NudgeService.Recorded.CLOSED) {
                        Log.info("absence.closedByRegistration", "referralId", referral.id(), "taskId", t.taskId(),
                                "status", registration.status().wireName());
                    }
                }
            }
            case ABSENT -> reopened(referral, registration, today, now, ofTheDay);
            case NONE -> { }
        }
    }

    private void reopened(Referral referral, Registration registration, LocalDate today, Instant now,
                          List<FollowUpTask> ofTheDay) {
        LocalDate date = registration.date();
        if (!date.equals(today) || ofTheDay.stream().anyMatch(FollowUpTask::isOpen)) return;
        Attendance a = store.load(referral.id(), date.minusDays(31), date);
        List<Registration> history = a.registrationsOn(date);
        Registration before = null;
        for (Registration g : history) if (!g.id().equals(registration.id())) before = g;
        if (before == null || before.status() == Registration.Status.ABSENT
                || before.status() == Registration.Status.NONE) {
            return; // not a correction of "there": an absence registered by staff is not nudged (the consultant knows)
        }
        AttendanceRules r = rules.apply(referral.programmeId());
        Optional<Session> session = expectations.expected(a, referral, date, r.grace());
        if (session.isEmpty() || session.get().cutoff().isAfter(now)) return;
        escalate(referral, a, date, now, r);
        Instant escalateAt = r.escalateAfter().isZero() ? null
                : WorkingHours.plus(expectations.workingDays(), referral.programmeId(), now, r.escalateAfter());
        // the day's first follow-up keeps the detection's decision; one closed before is followed by the next
        if (ofTheDay.size() >= MAX_FOLLOW_UPS_A_DAY) return;
        String decision = absenceDecision(date, ofTheDay.size());
        try {
            nudges.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, referral.programmeId(),
                    referral.id(), referral.consultantId(), session.get().cutoff(), null, decision), ACTOR,
                    escalateAt, extras(referral, date, r, escalateAt, now, false));
            Log.info("absence.openedByCorrection", "referralId", referral.id(), "date", date.toString());
        } catch (DomainException e) {
            Log.warn("absence.notNudged", "referralId", referral.id(), "code", e.code());
        }
    }

    /** How many absence follow-ups one day can have (the detection's and those opened again by corrections). */
    static final int MAX_FOLLOW_UPS_A_DAY = 10;

    /** The decision of a day's {@code n}-th absence follow-up: the detection's ({@code n = 0}), then corrections'. */
    static String absenceDecision(LocalDate date, int n) {
        return n == 0 ? "absence|" + date : "absence|" + date + "|" + n;
    }

    static String absenceTaskId(Referral referral, LocalDate date, int n) {
        return dk.rampe.followup.Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + referral.programmeId() + "|"
                + referral.id() + "|" + absenceDecision(date, n));
    }

    /**
     * The caseworker's notice of the date (if one was sent) reflects the date's latest registration, read again
     * from the store (so two registrations handled out of order leave the latest): one saying the participant was
     * there or excused marks it corrected, with who and when; an absence again (or an undo) makes it stand again.
     * The first correction of a notice sends the caseworker one neutral email, its id derived from the notice and
     * the correcting registration; a later change of the correction is shown, not emailed. Written only if the
     * notice's correction is still as read, else read again.
     */
    private void reflectInNotice(Referral referral, LocalDate date, Instant now) {
        String id = noticeId(referral.id(), date);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Notice> notice = store.notices(referral.id()).stream().filter(n -> n.id().equals(id)).findFirst();
            if (notice.isEmpty()) return;
            Notice.Correction was = notice.get().correction();
            Notice.Correction latest = store.load(referral.id(), date, date).registrationOn(date)
                    .flatMap(Notice.Correction::by).orElse(null);
            if (java.util.Objects.equals(was, latest)) return;
            Caseworker cw = referral.details().caseworker();
            OutboxMessage email = was != null || latest == null || cw == null || cw.email() == null ? null
                    : correctionEmail(referral, notice.get(), latest, cw, now);
            if (store.correctNotice(notice.get().with(latest), was == null ? null : was.registrationId(), email)) {
                Log.info(latest == null ? "absence.noticeStands" : "absence.noticeCorrected", "referralId", referral.id(),
                        "noticeId", id);
                return;
            }
        }
        Log.warn("absence.noticeChangedMeanwhile", "referralId", referral.id(), "noticeId", id);
    }

    private static String noticeId(String referralId, LocalDate date) {
        return DecisionIds.of("N", "notice", referralId, date.toString());
    }

    /** The outcome of a follow-up closed by a registration saying the participant is there. */
    private static FollowUpOutcome closedBy(Registration g) {
        FollowUpOutcome.Cause cause = g.reason() == Registration.Reason.SICK ? FollowUpOutcome.Cause.ILLNESS
                : g.reason() == Registration.Reason.APPOINTMENT ? FollowUpOutcome.Cause.APPOINTMENT
                : FollowUpOutcome.Cause.NONE;
        return new FollowUpOutcome(g.status() != Registration.Status.EXCUSED, cause, FollowUpOutcome.NextStep.NONE, "");
    }

    /** The caseworker's notice, if the rules say so; the participant is flagged for repeated absence. */
    void escalate(Referral referral, Attendance a, LocalDate date, Instant now, AttendanceRules r) {
        List<Notice.Reason> reasons = escalationReasons(referral, a, date, r);
        if (reasons.isEmpty()) return;
        Notice notice = new Notice(noticeId(referral.id(), date), referral.id(),
                referral.jobcentreId(), date, reasons, now);
        boolean flag = reasons.contains(Notice.Reason.TWO_IN_A_ROW)
                || reasons.contains(Notice.Reason.THREE_IN_TEN_WORKING_DAYS);
        Caseworker cw = referral.details().caseworker();
        OutboxMessage email = cw == null || cw.email() == null ? null : noticeEmail(referral, notice, cw, now);
        if (store.addNotice(notice, flag, email)) {
            Log.info("absence.notice", "referralId", referral.id(), "noticeId", notice.id(),
                    "reasons", reasons.stream().map(Notice.Reason::wireName).toList().toString());
        }
    }

    List<Notice.Reason> escalationReasons(Referral referral, Attendance a, LocalDate date, AttendanceRules r) {
        List<Notice.Reason> reasons = new ArrayList<>();
        if (referral.details().benefit() != null && r.reportEveryAbsence().contains(referral.details().benefit())) {
            reasons.add(Notice.Reason.UNEXCUSED_ABSENCE);
        }
        // in a row: the expected sessions before this one, newest first, all unexcused
        int row = 1;
        LocalDate d = date;
        while (row < r.inARow()) {
            Optional<Session> prev = expectations.previousPlanned(a, referral.programmeId(), d, r.grace(), 20);
            if (prev.isEmpty() || expectations.expected(a, referral, prev.get().date(), r.grace()).isEmpty()) break;
            Optional<Registration> reg = a.registrationOn(prev.get().date());
            if (reg.isEmpty() || !reg.get().unexcused()) break;
            row++;
            d = prev.get().date();
        }
        if (r.inARow() > 0 && row >= r.inARow()) reasons.add(Notice.Reason.TWO_IN_A_ROW);
        // within N working days: this day and the N-1 working days before it
        LocalDate from = date;
        for (int i = 1; i < r.withinWorkingDays(); i++) {
            from = from.minusDays(1);
            while (!expectations.workingDays().isWorkingDay(referral.programmeId(), from)) from = from.minusDays(1);
        }
        LocalDate first = from;
        long count = a.registrations().stream().map(Registration::date).distinct()
                .filter(x -> !x.isBefore(first) && !x.isAfter(date))
                .filter(x -> a.registrationOn(x).map(Registration::unexcused).orElse(false)).count();
        if (r.withinCount() > 0 && count >= r.withinCount()) reasons.add(Notice.Reason.THREE_IN_TEN_WORKING_DAYS);
        return reasons;
    }

    /** The case as the caseworker knows it: their own reference and Rampe's id (never a name). */
    private static String caseReference(Referral referral) {
        String ref = referral.details().jobcentreReference();
        return ref == null || ref.isBlank() ? referral.id() : ref + " / " + referral.id();
    }

    /** The web app's page for the referral (it asks for login); systems read GET …/notices. */
    private String referralPage(Referral referral) {
        return publicBaseUrl + "/app/referrals/" + referral.id();
    }

    private OutboxMessage noticeEmail(Referral referral, Notice notice, Caseworker cw, Instant now) {
        String caseRef = caseReference(referral);
        String link = referralPage(referral);
        String subject = "Rampe: ny meddelelse i sag " + referral.id();
        String text = "Der er en ny meddelelse om fremmøde i sag " + caseRef + " (" + notice.date() + ").\n"
                + "Se den her: " + link + "\n\n"
                + "New attendance notice in case " + caseRef + " (" + notice.date() + "): " + link + "\n";
        String html = "<p>Der er en ny meddelelse om fremmøde i sag " + esc(caseRef) + " (" + notice.date()
                + ").</p><p><a href=\"" + esc(link) + "\">Se meddelelsen</a></p><p lang=\"en\">New attendance "
                + "notice in case " + esc(caseRef) + " (" + notice.date() + ").</p>";
        return OutboxMessage.pending("notice|" + notice.id() + "|email", notice.id(), referral.programmeId(),
                MessageChannel.EMAIL, cw.email().value(), subject, text, html, false, now, now);
    }

    /**
     * One neutral email that a notice was corrected: the case reference, the date and a link to the web app's page
     * for the referral; never what the correction says (no reason, nothing about health), the benefit or a name.
     */
    private OutboxMessage correctionEmail(Referral referral, Notice notice, Notice.Correction c, Caseworker cw,
                                          Instant now) {
        String caseRef = caseReference(referral);
        String link = referralPage(referral);
        String subject = "Rampe: rettet meddelelse i sag " + referral.id();
        String text = "En meddelelse om fremmøde i sag " + caseRef + " (" + notice.date() + ") er blevet rettet.\n"
                + "Se den her: " + link + "\n\n"
                + "An attendance notice in case " + caseRef + " (" + notice.date() + ") was corrected: " + link + "\n";
        String html = "<p>En meddelelse om fremmøde i sag " + esc(caseRef) + " (" + notice.date()
                + ") er blevet rettet.</p><p><a href=\"" + esc(link) + "\">Se meddelelsen</a></p><p lang=\"en\">An "
                + "attendance notice in case " + esc(caseRef) + " (" + notice.date() + ") was corrected.</p>";
        return OutboxMessage.pending("notice|" + notice.id() + "|corrected|" + c.registrationId() + "|email",
                notice.id(), referral.programmeId(), MessageChannel.EMAIL, cw.email().value(), subject, text, html,
                false, now, now);
    }
}
