package dk.rampe.attendance;

import dk.rampe.core.DomainException;
import dk.rampe.core.PhoneNumber;
import dk.rampe.settings.Settings;
import dk.rampe.followup.FollowUpKind;
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
 * each item is one referral's planned session, due at its cutoff (start + grace). Applying it:
 * <ol>
 * <li>decides the session again from what is recorded now (a plan change, an agreement, the
 * calendar, enrolment and exit): not expected → nothing; moved later by an agreement → the item
 * moves to the new cutoff;</li>
 * <li>anything registered for the date → nothing (a sick call at 08:50 excuses the day);</li>
 * <li>else an unexcused absence is registered (decision-derived id, written once) and, if the
 * session is today, an {@code absence_today} follow-up is created and nudged (decision-derived task
 * and message ids), and the escalation rules run; a session of an earlier day (after an outage)
 * becomes a registration to review, with no nudge;</li>
 * <li>the next planned session goes on the due index (sessions whose cutoff has passed meanwhile
 * are decided at once, so an outage is caught up), and this item is done.</li>
 * </ol>
 * Everything it writes has an id derived from the decision, so two overlapping runs write it once.
 */
public final class AbsenceDetection implements SweepRule<Map<String, String>, AbsenceDetection.Outcome> {
    public static final String ACTOR = "system:absence";

    public enum Outcome { NOT_EXPECTED, REGISTERED, NUDGED, REVIEW, MOVED, NO_CONSULTANT, GONE }

    private final ReferralStore referrals;
    private final AttendanceStore store;
    private final DueWork dueWork;
    private final Expectations expectations;
    private final NudgeService nudges;
    private final Function<String, AttendanceRules> rules;
    private final String publicBaseUrl;

    private final Supplier<Settings> settings;

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
        this.nudges = nudges;
        this.rules = rules;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @Override
    public Outcome apply(Due<Map<String, String>> due, Instant now) {
        String referralId = due.item().get("referralId");
        LocalDate date = LocalDate.parse(due.item().get("date"));
        Optional<Referral> found = referrals.find(referralId);
        if (found.isEmpty()) {
            dueWork.done(AttendanceService.KIND, due.id(), now);
            return Outcome.GONE;
        }
        Referral referral = found.get();
        AttendanceRules r = rules.apply(referral.programmeId());
        Outcome first = null;
        LocalDate d = date;
        for (int i = 0; i < 40; i++) {
            Attendance a = store.load(referralId, d.minusDays(21), d.plusDays(AttendanceService.LOOK_AHEAD_DAYS + 1));
            Optional<Session> session = expectations.expected(a, referral, d, r.grace());
            if (i == 0 && session.isPresent() && session.get().cutoff().isAfter(now)) {
                dueWork.schedule(AttendanceService.KIND, due.id(), session.get().cutoff(), due.item());
                return Outcome.MOVED;
            }
            Outcome o = decide(referral, a, d, session, now, r);
            if (first == null) first = o;
            if (!referral.status().active()) break; // exited, declined: nothing more is expected
            Optional<Session> next = expectations.nextPlanned(a, referral.programmeId(), d, r.grace(),
                    AttendanceService.LOOK_AHEAD_DAYS);
            if (next.isEmpty()) break;
            if (next.get().cutoff().isAfter(now) || i == 39) {
                // past its cutoff only after a very long outage: due now, so the next run goes on from there
                dueWork.schedule(AttendanceService.KIND, AttendanceService.sessionId(referralId, next.get().date()),
                        later(next.get().cutoff(), now), AttendanceService.work(referralId, next.get().date()));
                break;
            }
            d = next.get().date();
        }
        dueWork.done(AttendanceService.KIND, due.id(), now);
        return first;
    }

    private Outcome decide(Referral referral, Attendance a, LocalDate date, Optional<Session> session, Instant now,
                           AttendanceRules r) {
        if (session.isEmpty()) return Outcome.NOT_EXPECTED;
        Optional<Registration> registered = a.registrationOn(date);
        if (registered.isPresent() && !registered.get().detected()) return Outcome.REGISTERED;
        boolean today = WorkingDays.today(Clock.fixed(now, ZoneOffset.UTC)).equals(date);
        Session s = session.get();
        Registration absent = registered.orElseGet(() -> new Registration(
                DecisionIds.of("G", "absence", referral.id(), date.toString()), date, Registration.Status.ABSENT, null,
                null, ACTOR, s.cutoff(), true, !today));
        store.addRegistration(referral.id(), absent);
        if (absent.review()) {
            Log.info("absence.review", "referralId", referral.id(), "date", date.toString());
            return Outcome.REVIEW;
        }
        List<Registration> regs = new ArrayList<>(a.registrations());
        if (registered.isEmpty()) regs.add(absent);
        Attendance withAbsence = new Attendance(a.referralId(), a.plans(), a.agreements(), regs, a.flagged());
        escalate(referral, withAbsence, date, now, r);
        try {
            Instant escalateAt = r.escalateAfter().isZero() ? null
                    : WorkingHours.plus(expectations.workingDays(), referral.programmeId(), s.cutoff(), r.escalateAfter());
            nudges.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, referral.programmeId(),
                    referral.id(), referral.consultantId(), s.cutoff(), null, "absence|" + date), ACTOR,
                    escalateAt, extras(referral, date, r, escalateAt, now));
        } catch (DomainException e) {
            Log.warn("absence.notNudged", "referralId", referral.id(), "code", e.code());
            return Outcome.NO_CONSULTANT;
        }
        Log.info("absence.detected", "referralId", referral.id(), "date", date.toString(),
                "lateBySeconds", Long.toString(java.time.Duration.between(s.cutoff(), now).getSeconds()));
        return Outcome.NUDGED;
    }

    /**
     * With the consultant's nudge: the team lead's email at the escalation time (sent only if the
     * follow-up is still open then), and the participant's SMS now, if the programme sends it and the
     * participant consented at enrolment.
     */
    private List<NudgeService.Extra> extras(Referral referral, LocalDate date, AttendanceRules r, Instant escalateAt,
                                            Instant now) {
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
                    && store.smsConsent(referral.id())) {
                out.add(AbsenceMessages.participant(phone, consultant.get().name(), consultant.get().phone(), now));
            }
        }
        return out;
    }

    /** The caseworker's notice, if the rules say so; the participant is flagged for repeated absence. */
    void escalate(Referral referral, Attendance a, LocalDate date, Instant now, AttendanceRules r) {
        List<Notice.Reason> reasons = escalationReasons(referral, a, date, r);
        if (reasons.isEmpty()) return;
        Notice notice = new Notice(DecisionIds.of("N", "notice", referral.id(), date.toString()), referral.id(),
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

    private OutboxMessage noticeEmail(Referral referral, Notice notice, Caseworker cw, Instant now) {
        String ref = referral.details().jobcentreReference();
        String caseRef = ref == null || ref.isBlank() ? referral.id() : ref + " / " + referral.id();
        String link = publicBaseUrl + "/v1/referrals/" + referral.id() + "/notices";
        String subject = "Rampe: ny meddelelse i sag " + referral.id();
        String text = "Der er en ny meddelelse om fremmøde i sag " + caseRef + " (" + notice.date() + ").\n"
                + "Se den her: " + link + "\n\n"
                + "New attendance notice in case " + caseRef + " (" + notice.date() + "): " + link + "\n";
        String html = "<p>Der er en ny meddelelse om fremmøde i sag " + escape(caseRef) + " (" + notice.date()
                + ").</p><p><a href=\"" + escape(link) + "\">Se meddelelsen</a></p><p lang=\"en\">New attendance "
                + "notice in case " + escape(caseRef) + " (" + notice.date() + ").</p>";
        return OutboxMessage.pending("notice|" + notice.id() + "|email", notice.id(), referral.programmeId(),
                MessageChannel.EMAIL, cw.email().value(), subject, text, html, false, now, now);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
