package dk.rampe.attendance;

import dk.rampe.core.DomainException;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.QuietHours;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.schedule.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The early warning in the absence detection's run: after the chain's session of a date is decided, the date is
 * evaluated ({@link EarlyWarning}) from the chain's copy of the attendance partition ({@value
 * SessionChain#LOOKBACK_DAYS} days back) and its memory ({@link WarningState}), so the evaluation reads nothing
 * more. A date whose registration is the detection's own absence is evaluated at the chain's next session
 * instead (by then a correction of that day is on the chain).
 * <p>A warning that starts is written at once, with the chain at the same position, conditional on its revision,
 * the {@link Warning} item (its reasons) guarded by its decision-derived id: a repeated or raced run writes it
 * once. Its nudge is then <em>pending</em> until it may go, and goes as one {@code attention_due} follow-up for the
 * consultant (decision {@code warning|{start date}}, so once) with one neutral nudge, no reminder:
 * <ul>
 * <li>at the evaluation of today's session (never for a day caught up after an outage);</li>
 * <li>not on a day with an absence follow-up for the participant (the detection's or one opened by a
 * correction);</li>
 * <li>at least {@value #DAYS_BETWEEN_NUDGES} days after the last warning nudge;</li>
 * <li>not in quiet hours ({@link QuietHours}: a run at night holds it to the next session).</li>
 * </ul>
 * Until then it waits on the chain and goes at the first session that allows it; never dropped. Any other change
 * of the memory is written with the chain's next move.
 */
final class WarningRun {
    /** A participant's warning nudges at least this many days apart. */
    static final int DAYS_BETWEEN_NUDGES = 7;

    private final AttendanceStore store;
    private final Expectations expectations;
    private final NudgeService nudges;
    private final Function<String, EarlyWarning.Thresholds> thresholds;
    private final QuietHours quietHours = new QuietHours(WorkingDays.ZONE);

    WarningRun(AttendanceStore store, Expectations expectations, NudgeService nudges,
               Function<String, EarlyWarning.Thresholds> thresholds) {
        this.store = store;
        this.expectations = expectations;
        this.nudges = nudges;
        this.thresholds = thresholds;
    }

    /**
     * The chain (revision {@code stored}) after its session of {@code date} was decided: the date (or the one
     * deferred before it) evaluated, a warning that starts written, a pending nudge sent if it may go now. Empty
     * when the chain changed meanwhile (read it again and decide again).
     */
    Optional<SessionChain> after(Referral referral, SessionChain chain, LocalDate date, LocalDate today,
                                 Duration grace, Instant now) {
        WarningState w = chain.warning();
        if (w.evaluated() != null && !w.evaluated().isBefore(date)) {
            return Optional.of(nudge(referral, chain, date, today, now)); // decided before (a run repeated)
        }
        EarlyWarning rule = new EarlyWarning(expectations, thresholds.apply(referral.programmeId()));
        Attendance a = chain.attendance();
        SessionChain c = chain;
        for (LocalDate d : w.deferred() != null && w.deferred().isBefore(date) ? List.of(w.deferred(), date)
                : List.of(date)) {
            boolean own = a.registrationOn(d).map(Registration::detected).orElse(false);
            if (d.equals(date) && own) {
                c = c.with(c.warning().deferred(date)); // evaluated at the next session, corrections counted
                continue;
            }
            WarningState before = c.warning();
            EarlyWarning.Evaluation e = EarlyWarning.next(d, rule.signals(a, referral, d, grace), before.rule());
            if (!e.starts()) {
                c = c.with(before.evaluated(d, e.next(), before.pending()));
                continue;
            }
            // the memory moves with the warning: a newer warning's nudge replaces one still held
            SessionChain started = c.with(before.evaluated(d, e.next(), d)).withRevision(c.revision() + 1);
            Warning warning = Warning.of(referral.id(), d, e.signals(), now);
            if (!store.writeChain(started, c.revision(), AttendanceStore.With.warning(warning))) return Optional.empty();
            Log.info("warning.started", "referralId", referral.id(), "date", d.toString(),
                    "signals", Integer.toString(e.signals().size()));
            c = started;
        }
        return Optional.of(nudge(referral, c, date, today, now));
    }

    /** The chain with a pending nudge sent, if it may go now (the memory written with the chain's move). */
    private SessionChain nudge(Referral referral, SessionChain c, LocalDate date, LocalDate today, Instant now) {
        WarningState w = c.warning();
        if (w.pending() == null || !date.equals(today) || quietHours.isQuiet(now)) return c;
        if (w.lastNudged() != null && today.isBefore(w.lastNudged().plusDays(DAYS_BETWEEN_NUDGES))) return c;
        if (absenceNudgedOn(referral, c, today)) return c;
        try {
            nudges.create(new NudgeService.NewFollowUp(FollowUpKind.ATTENTION_DUE, referral.programmeId(), referral.id(),
                    referral.consultantId(), now, null, decision(w.pending())), AbsenceDetection.ACTOR, null, List.of());
        } catch (DomainException e) {
            // no consultant (yet): held, tried again at the next session
            Log.warn("warning.notNudged", "referralId", referral.id(), "code", e.code());
            return c;
        }
        Log.info("warning.nudged", "referralId", referral.id(), "started", w.pending().toString());
        return c.with(w.nudged(today));
    }

    /** The decision of a warning's follow-up: the day it started. */
    static String decision(LocalDate started) {
        return "warning|" + started;
    }

    /** Whether the participant has an absence follow-up today: the detection's own absence, or one by its id. */
    private boolean absenceNudgedOn(Referral referral, SessionChain c, LocalDate today) {
        Optional<Registration> r = c.attendance().registrationOn(today);
        if (r.isPresent() && r.get().detected()) return true;
        return nudges.find(AbsenceDetection.absenceTaskId(referral, today, 0)).isPresent();
    }
}
