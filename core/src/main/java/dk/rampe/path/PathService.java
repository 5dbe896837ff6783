package dk.rampe.path;

import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.Intent;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.DueWork;
import dk.rampe.schedule.WorkingDays;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the steps of a participant's path and keeps the reminders that belong to them on the due
 * index: for each record, the plan of the path before and after ({@link AftercarePlan}) is
 * compared; new or moved reminders are scheduled (moved if not yet sent), reminders no longer in
 * the plan are cancelled, and a change of the internships goes to the attendance rules, all in the
 * record's own write ({@link PathStore#record}). So the due index holds exactly the reminders the path
 * calls for, and the aftercare sweep ({@link AftercareRule}) acts on a due reminder without reading the
 * path again.
 */
public final class PathService {
    /** The kind of due work reminders are on the due index under. */
    public static final String DUE_KIND = "aftercare";
    /** Reminders are nudged at 08:00 Copenhagen time on their day. */
    public static final LocalTime NUDGE_TIME = LocalTime.of(8, 0);
    /**
     * The due-work text marking a reminder whose day had passed when its step was recorded (a step dated in the
     * past): it is listed for the consultant as overdue from before, never nudged as if new ({@link AftercareRule}).
     */
    public static final String OVERDUE_WHEN_RECORDED = "overdueWhenRecorded";

    /** What a staff member records (the route's parsed body). */
    public record NewMilestone(MilestoneType type, LocalDate effectiveOn, String corrects, String employer,
                               JobKind jobKind, BigDecimal hoursPerWeek, LocalDate expectedEnd, String reason,
                               String note) {
        /** An internship lasts 4 to 13 weeks, sometimes extended: its expected end lies within 26 weeks of its start. */
        public static final int MAX_INTERNSHIP_WEEKS = 26;

        /**
         * Refuses an expected end more than {@link #MAX_INTERNSHIP_WEEKS} after the start (a far date such as
         * 9999-12-31 would suspend the attendance plan, and so the absence detection, for good); one before the
         * start is the path's rule ({@code path.endBeforeStart}).
         */
        public NewMilestone {
            if (expectedEnd != null && effectiveOn != null
                    && expectedEnd.isAfter(effectiveOn.plusWeeks(MAX_INTERNSHIP_WEEKS))) {
                throw new dk.rampe.core.ValidationException(new dk.rampe.core.FieldError("expectedEnd", "date.range",
                        effectiveOn, effectiveOn.plusWeeks(MAX_INTERNSHIP_WEEKS)));
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PathStore store;
    private final ReferralService referrals;
    private final AftercarePlan plan;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final java.time.Duration retentionAfterExit;

    public PathService(PathStore store, ReferralService referrals, DueWork dueWork, WorkingDays workingDays,
                       Clock clock) {
        this(store, referrals, dueWork, workingDays, clock, null);
    }

    /**
     * With {@code retentionAfterExit}: the path's records expire that long after the exit, as the referral does.
     * {@code dueWork} is not used any more: the store writes the reminders with each record (the parameter
     * stays for the callers).
     */
    public PathService(PathStore store, ReferralService referrals, DueWork dueWork, WorkingDays workingDays,
                       Clock clock, java.time.Duration retentionAfterExit) {
        this.retentionAfterExit = retentionAfterExit;
        this.store = store;
        this.referrals = referrals;
        this.plan = new AftercarePlan(workingDays);
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * Records a step for a referral the staff member may act on; refuses impossible sequences ({@link PathRules}).
     * The rules are checked on the path as read under its revision and the record is written only if the
     * revision is unchanged (else read again and decided again, at most {@link Intent#ATTEMPTS} times, then a
     * 409 {@code path.changedMeanwhile}): two steps decided at once cannot both pass a rule that only one of
     * them may pass. A step identical to the latest record of its type, recorded within {@link Intent#WINDOW},
     * is the same intent: its record is answered and nothing is written.
     */
    public Milestone record(Caller caller, String referralId, NewMilestone m) {
        for (int attempt = 1; attempt <= Intent.ATTEMPTS; attempt++) {
            Referral r = referrals.referralForStaff(caller, referralId);
            Instant now = clock.instant();
            long revision = store.revision(r.id());
            Path before = path(r.id());
            Milestone record = new Milestone(newId(), r.id(), m.type(), m.effectiveOn(), caller.id(), now, m.corrects(),
                    m.employer(), m.jobKind(), m.hoursPerWeek(), m.expectedEnd(), m.reason(), m.note());
            java.util.Optional<Milestone> repeated = repeated(before, record);
            if (repeated.isPresent()) {
                Log.info("path.repeated", "referralId", r.id(), "milestoneId", repeated.get().id());
                return repeated.get();
            }
            PathRules.check(withStatus(r, before), record, r.createdAt().atZone(WorkingDays.ZONE).toLocalDate(),
                    WorkingDays.today(clock), r.status() == ReferralStatus.ENROLLED || r.status() == ReferralStatus.EXITED);
            PathStore.Outcome outcome = store.record(record, changes(r, before, before.with(record), now), revision);
            if (outcome == PathStore.Outcome.STALE) {
                Log.info("path.changedMeanwhile", "referralId", r.id(), "attempt", Integer.toString(attempt));
                Intent.pause(attempt);
                continue;
            }
            if (r.status() == ReferralStatus.EXITED) expire(r);
            Log.info("path.recorded", "referralId", r.id(), "milestoneId", record.id(), "type", m.type().wireName());
            return record;
        }
        throw DomainException.conflict("path.changedMeanwhile", "type");
    }

    /** The latest record of the candidate's type, if it says the same and was recorded within the window. */
    static java.util.Optional<Milestone> repeated(Path before, Milestone candidate) {
        Milestone latest = null;
        for (Milestone r : before.records()) if (r.type() == candidate.type()) latest = r;
        if (latest == null || !Intent.repeats(latest.recordedAt(), candidate.recordedAt())) return java.util.Optional.empty();
        boolean same = latest.effectiveOn().equals(candidate.effectiveOn())
                && java.util.Objects.equals(latest.corrects(), candidate.corrects())
                && java.util.Objects.equals(latest.employer(), candidate.employer())
                && latest.jobKind() == candidate.jobKind()
                && (latest.hoursPerWeek() == null ? candidate.hoursPerWeek() == null
                        : candidate.hoursPerWeek() != null && latest.hoursPerWeek().compareTo(candidate.hoursPerWeek()) == 0)
                && java.util.Objects.equals(latest.expectedEnd(), candidate.expectedEnd())
                && java.util.Objects.equals(latest.reason(), candidate.reason())
                && java.util.Objects.equals(latest.note(), candidate.note());
        return same ? java.util.Optional.of(latest) : java.util.Optional.empty();
    }

    /**
     * The path with the referral's exit on it even before the exit's record is written (the status moves first,
     * the record follows): a step decided after the exit is then checked against it.
     */
    private Path withStatus(Referral r, Path before) {
        if (r.status() != ReferralStatus.EXITED) return before;
        Milestone exit = statusRecord(r, MilestoneType.EXITED, "system:exit", null, clock.instant());
        return before.find(exit.id()).isPresent() ? before : before.with(exit);
    }

    private Milestone statusRecord(Referral r, MilestoneType type, String actor, String reason, Instant fallback) {
        dk.rampe.referral.StatusChange change = r.history().stream()
                .filter(c -> c.status() == (type == MilestoneType.ENROLLED ? ReferralStatus.ENROLLED : ReferralStatus.EXITED))
                .findFirst().orElse(null);
        Instant at = change == null ? fallback : change.at();
        Instant recordedAt = change == null ? fallback : change.recordedAt();
        return Milestone.status(DecisionIds.of("M", "status", r.id(), type.name()), r.id(), type,
                at.atZone(WorkingDays.ZONE).toLocalDate(), actor, recordedAt, reason);
    }

    /**
     * Enrolment and exit, after the referral's status moved: the same history, one record each (the
     * id is derived from the decision, so a repeated enrolment or exit adds nothing). Written under the path's
     * revision like every record; a step written between the status change and its record stays before it
     * (the exit's record is then recorded just after the path's latest record), so nothing is ever after the exit.
     */
    public void statusChanged(Referral r, MilestoneType type, String actor, String reason) {
        if (type != MilestoneType.ENROLLED && type != MilestoneType.EXITED) throw new IllegalArgumentException("type");
        for (int attempt = 1; attempt <= Intent.ATTEMPTS; attempt++) {
            long revision = store.revision(r.id());
            Path before = path(r.id());
            Milestone record = statusRecord(r, type, actor, reason, clock.instant());
            if (before.find(record.id()).isPresent()) return;
            if (type == MilestoneType.EXITED && !before.records().isEmpty()) {
                Instant last = before.records().get(before.records().size() - 1).recordedAt();
                if (!record.recordedAt().isAfter(last)) {
                    Instant at = last.plusMillis(1);
                    record = Milestone.status(record.id(), r.id(), type, record.effectiveOn(), actor, at, reason);
                }
            }
            PathStore.Outcome outcome = store.record(record, changes(r, before, before.with(record), clock.instant()),
                    revision);
            if (outcome == PathStore.Outcome.DUPLICATE) return;
            if (outcome == PathStore.Outcome.RECORDED) {
                if (type == MilestoneType.EXITED) expire(r);
                return;
            }
            Intent.pause(attempt);
        }
        throw DomainException.conflict("path.changedMeanwhile", "type");
    }

    /** Keeps the consultant's text for the exit description (given with the exit). */
    public void saveExitText(Referral r, ExitDescription.ConsultantText text) {
        store.saveExitText(r.id(), text);
        expire(r);
    }

    /** The path's records expire with the referral's personal data (its exit + the retention). */
    private void expire(Referral r) {
        if (retentionAfterExit == null) return;
        r.history().stream().filter(c -> c.status() == ReferralStatus.EXITED).findFirst()
                .ifPresent(c -> store.expireAll(r.id(), c.at().plus(retentionAfterExit)));
    }

    /**
     * The exit description of a participant who left without a job or education, for the referring
     * jobcentre or the programme's staff (a read of the referral, audited); anyone else, and any
     * referral without one, gets "not found".
     */
    public ExitDescription exitDescription(Caller caller, String referralId) {
        Referral r = referrals.read(caller, referralId);
        String outcome = r.history().stream().filter(c -> c.status() == ReferralStatus.EXITED)
                .map(c -> c.outcome()).findFirst().orElse(null);
        boolean withoutJob = outcome != null && dk.rampe.referral.ExitOutcome.fromWire(outcome)
                .map(o -> !o.employmentOrEducation()).orElse(false);
        if (!withoutJob) throw dk.rampe.core.DomainException.notFound("exitDescription.notAvailable");
        return ExitDescription.assemble(r.id(), outcome, path(r.id()),
                store.exitText(r.id()).orElse(ExitDescription.ConsultantText.NONE));
    }

    /** The referral's recorded history. */
    public Path path(String referralId) {
        return new Path(store.milestones(referralId));
    }

    /** The reminders the path calls for now. */
    public List<Reminder> reminders(Referral r) {
        return plan.plan(r.id(), r.programmeId(), path(r.id()));
    }

    AftercarePlan plan() {
        return plan;
    }

    /**
     * What the record changes on the due index and for attendance: reminders new in the plan or moved are
     * scheduled (at 08:00 on their day, or now if that was earlier today: a sweep never reads behind its
     * watermark), reminders that left the plan are cancelled; the internships if they changed. A reminder whose
     * day had passed before today (its step dated in the past) is marked {@link #OVERDUE_WHEN_RECORDED} and put
     * at 08:00 on the first working day from today (or now, on a working day after 08:00): it is listed once, on
     * a working day, and never sent as a burst of nudges.
     */
    private PathStore.Changes changes(Referral r, Path before, Path after, Instant now) {
        List<Reminder> old = plan.plan(r.id(), r.programmeId(), before);
        List<Reminder> wanted = plan.plan(r.id(), r.programmeId(), after);
        Set<String> wantedIds = new HashSet<>();
        List<PathStore.Scheduled> schedule = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, WorkingDays.ZONE);
        for (Reminder w : wanted) {
            wantedIds.add(w.id());
            if (old.contains(w)) continue;
            Instant at = nudgeAt(w.notifyOn());
            Map<String, String> work = work(r, w);
            if (w.notifyOn().isBefore(today)) {
                work.put(OVERDUE_WHEN_RECORDED, "true");
                at = nudgeAt(workingDays.onOrAfter(r.programmeId(), today));
            }
            if (at.isBefore(now)) at = now;
            schedule.add(new PathStore.Scheduled(w.id(), at, work));
        }
        List<String> cancel = new ArrayList<>();
        for (Reminder o : old) {
            if (!wantedIds.contains(o.id())) {
                cancel.add(o.id());
                Log.info("path.reminderCancelled", "referralId", r.id(), "reminder", o.kind().wireName());
            }
        }
        List<dk.rampe.attendance.Internship> internships = after.internships();
        return new PathStore.Changes(schedule, cancel, internships.equals(before.internships()) ? null : internships);
    }

    /** The due-work texts of a reminder (what the aftercare sweep reads). */
    public static Map<String, String> work(Referral r, Reminder w) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("referralId", r.id());
        m.put("programmeId", r.programmeId());
        m.put("reminder", w.kind().wireName());
        m.put("notifyOn", w.notifyOn().toString());
        m.put("dueOn", w.dueOn().toString());
        return m;
    }

    public static Instant nudgeAt(LocalDate day) {
        return day.atTime(NUDGE_TIME).atZone(WorkingDays.ZONE).toInstant();
    }

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    static String newId() {
        char[] c = new char[13];
        c[0] = 'M';
        long bits = RANDOM.nextLong();
        for (int i = 1; i < 13; i++) {
            c[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(c);
    }
}
