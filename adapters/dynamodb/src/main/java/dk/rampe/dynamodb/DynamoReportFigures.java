package dk.rampe.dynamodb;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.Expectations;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.attendance.Session;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.Ids;
import dk.rampe.path.AftercarePlan;
import dk.rampe.path.AftercareRule;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.path.Reminder;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.report.AftercareFigures;
import dk.rampe.report.AttendanceFigures;
import dk.rampe.report.Phase;
import dk.rampe.report.PhaseMove;
import dk.rampe.report.PhaseMoves;
import dk.rampe.report.ReportPeriod;
import dk.rampe.schedule.WorkingDays;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report's attendance, aftercare and phase-move figures, read by query, never a scan: the
 * programme's referrals from gsi2 ({@link DynamoReportReferrals}), then each referral's attendance
 * partition ({@link DynamoAttendanceStore}) and path records ({@link DynamoPathStore}); follow-up
 * tasks are read by key, their ids derived from the decision that made them (the absence's date, the
 * path's reminder). Every figure counts only what was dated AND recorded before {@code asOf}.
 * <p>
 * What is not stored, and how it is answered: the time to the nudge is the follow-up task's creation
 * (the nudge is written with it; the send time itself is the outbox's); a task closed after
 * {@code asOf} counts as open. "Employed or in education 6 months after exit" is the outcome check's
 * recorded "still employed", or else a job or education start on the path not ended by then.
 */
public final class DynamoReportFigures implements PhaseMoves {
    /** The weeks over which attendance counts as stable: every session attended, none absent. */
    static final int STABLE_DAYS = 28;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoReportReferrals referrals;
    private final DynamoAttendanceStore attendance;
    private final DynamoPathStore paths;
    private final WorkingDays workingDays;
    private final Function<String, AttendanceRules> rules;

    public DynamoReportFigures(DynamoDbClient dynamo, String table, WorkingDays workingDays,
                               Function<String, AttendanceRules> rules) {
        this.dynamo = dynamo;
        this.table = table;
        this.referrals = new DynamoReportReferrals(dynamo, table);
        this.attendance = new DynamoAttendanceStore(dynamo, table);
        this.paths = new DynamoPathStore(dynamo, table);
        this.workingDays = workingDays;
        this.rules = rules;
    }

    // --- phase moves ------------------------------------------------------------------------------

    /**
     * Internship, job and education starts from the path (each step as last corrected); an internship
     * or job that ended moves the participant back to the course. A step whose type or date a later
     * record corrected counts from that correction's recording.
     */
    @Override
    public List<PhaseMove> moves(String programmeId) {
        List<PhaseMove> out = new ArrayList<>();
        for (Referral r : referrals.ofProgramme(programmeId)) {
            Path path = new Path(paths.milestones(r.id()));
            for (Path.Step s : path.steps()) {
                Phase to = phaseOf(s.type());
                if (to == null) continue;
                Milestone first = path.find(s.stepId()).orElse(s.current());
                boolean same = first.type() == s.type() && first.effectiveOn().equals(s.current().effectiveOn());
                out.add(new PhaseMove(r.id(), to, startOf(s.current().effectiveOn()),
                        same ? s.firstRecordedAt() : s.current().recordedAt()));
            }
        }
        return out;
    }

    static Phase phaseOf(MilestoneType t) {
        return switch (t) {
            case INTERNSHIP_STARTED -> Phase.INTERNSHIP;
            case JOB_STARTED -> Phase.PAID_HOURS_OR_JOB;
            case EDUCATION_STARTED -> Phase.EDUCATION;
            case INTERNSHIP_ENDED, JOB_ENDED -> Phase.COURSE;
            default -> null;
        };
    }

    // --- attendance -------------------------------------------------------------------------------

    /** The attendance section: see {@link AttendanceFigures}. */
    public AttendanceFigures attendance() {
        return this::attendanceMonth;
    }

    /** The aftercare section: see {@link AftercareFigures}. */
    public AftercareFigures aftercare() {
        return this::aftercareMonth;
    }

    Optional<AttendanceFigures.Attendance> attendanceMonth(String programmeId, ReportPeriod period, Instant asOf) {
        Duration grace = rules.apply(programmeId).grace();
        Expectations expectations = new Expectations(workingDays);
        YearMonth month = period.month();
        LocalDate first = month.minusMonths(11).atDay(1);
        LocalDate last = month.atEndOfMonth();
        Map<String, Acc> byJc = new TreeMap<>();
        Map<YearMonth, double[]> hours = new TreeMap<>();
        for (Referral all : referrals.ofProgramme(programmeId)) {
            Referral r = asOf(all, asOf);
            Instant enrolled = changedTo(r, ReferralStatus.ENROLLED);
            if (enrolled == null) continue;
            Acc acc = byJc.computeIfAbsent(r.jobcentreId(), k -> new Acc());
            // internships as the path stood (the attendance partition keeps only the current ones): planned
            // hours follow the same rules as the detection (Expectations), nothing of the plan during one
            Attendance a = recordedBefore(attendance.load(r.id(), first, last), asOf)
                    .withInternships(new Path(paths.milestones(r.id())).asOf(asOf.minusNanos(1)).internships());
            Instant exited = changedTo(r, ReferralStatus.EXITED);
            if (exited == null && a.plans().isEmpty()) acc.enrolledWithoutPlan++;

            boolean anyRecent = false;
            boolean stable = true;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                Optional<Session> s = expectations.expected(a, r, d, grace);
                if (s.isEmpty() || !s.get().cutoff().isBefore(asOf)) continue;
                int minutes = s.get().minutes();
                double attended = attendedMinutes(s.get(), a.registrationOn(d)) / 60.0;
                double[] h = hours.computeIfAbsent(YearMonth.from(d), k -> new double[2]);
                h[0] += minutes / 60.0;
                h[1] += attended;
                if (YearMonth.from(d).equals(month)) {
                    acc.planned += minutes / 60.0;
                    acc.attended += attended;
                }
                if (!d.isBefore(last.minusDays(STABLE_DAYS - 1L))) {
                    anyRecent = true;
                    Optional<Registration> reg = a.registrationOn(d);
                    if (reg.isEmpty() || reg.get().unexcused()) stable = false;
                }
            }
            if (exited == null && anyRecent && stable) acc.stable++;

            for (Registration reg : a.registrations()) {
                if (!reg.detected() || reg.review() || !YearMonth.from(reg.date()).equals(month)) continue;
                acc.absences++;
                // the detection writes the registration at the session's cutoff
                Instant cutoff = reg.recordedAt();
                Optional<FollowUpTask> task = task(Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + programmeId
                        + "|" + r.id() + "|absence|" + reg.date()));
                if (task.isEmpty() || !task.get().createdAt().isBefore(asOf)) continue;
                acc.toNudge.add(Duration.between(cutoff, task.get().createdAt()));
                Instant closed = task.get().closedAt();
                if (closed != null && closed.isBefore(asOf)) {
                    acc.toClosed.add(Duration.between(cutoff, closed));
                    if (closed.atZone(WorkingDays.ZONE).toLocalDate().equals(reg.date())) acc.closedSameDay++;
                }
            }
            for (Notice n : attendance.notices(r.id())) {
                if (YearMonth.from(n.date()).equals(month) && n.createdAt().isBefore(asOf)) acc.escalations++;
            }
        }
        Map<String, AttendanceFigures.PerJobcentre> out = new TreeMap<>();
        byJc.forEach((jc, x) -> out.put(jc, x.attendance()));
        Map<YearMonth, Double> rates = new TreeMap<>();
        hours.forEach((m, h) -> {
            if (h[0] > 0) rates.put(m, 100 * (h[0] - h[1]) / h[0]);
        });
        return Optional.of(new AttendanceFigures.Attendance(out, rates));
    }

    /** Present: the session; late: from arrival to the session's end; excused or absent: nothing. */
    static double attendedMinutes(Session s, Optional<Registration> reg) {
        if (reg.isEmpty()) return 0;
        return switch (reg.get().status()) {
            case PRESENT -> s.minutes();
            case LATE -> Math.max(0, s.minutes()
                    - Math.max(0, Duration.between(s.start(), reg.get().arrival()).toMinutes()));
            case EXCUSED, ABSENT, NONE -> 0;
        };
    }

    private static Attendance recordedBefore(Attendance a, Instant asOf) {
        return new Attendance(a.referralId(),
                a.plans().stream().filter(p -> p.recordedAt().isBefore(asOf)).toList(),
                a.agreements().stream().filter(x -> x.recordedAt().isBefore(asOf)).toList(),
                a.registrations().stream().filter(x -> x.recordedAt().isBefore(asOf)).toList(), a.flagged());
    }

    // --- aftercare --------------------------------------------------------------------------------

    Optional<AftercareFigures.Aftercare> aftercareMonth(String programmeId, ReportPeriod period, Instant asOf) {
        AftercarePlan plan = new AftercarePlan(workingDays);
        YearMonth month = period.month();
        Map<String, long[]> byJc = new TreeMap<>();
        for (Referral all : referrals.ofProgramme(programmeId)) {
            Referral r = asOf(all, asOf);
            if (changedTo(r, ReferralStatus.ENROLLED) == null) continue;
            long[] f = byJc.computeIfAbsent(r.jobcentreId(), k -> new long[12]);
            Path path = new Path(paths.milestones(r.id())).asOf(asOf.minusNanos(1));
            List<Path.Step> steps = path.steps();
            Map<String, FollowUpTask> tasks = new HashMap<>();
            for (Reminder w : plan.plan(r.id(), programmeId, path)) {
                Optional<FollowUpTask> t = task(Ids.taskId(AftercareRule.kindOf(w.kind()).wireName() + "|" + programmeId
                        + "|" + r.id() + "|reminder|" + w.id()));
                t.filter(x -> x.createdAt().isBefore(asOf)).ifPresent(x -> tasks.put(w.kind() + "|" + w.stepId(), x));
                Instant closed = t.map(FollowUpTask::closedAt).filter(c -> c.isBefore(asOf)).orElse(null);
                if (YearMonth.from(w.dueOn()).equals(month)) {
                    f[0]++;
                    if (closed == null) f[3]++;
                    else if (!closed.atZone(WorkingDays.ZONE).toLocalDate().isAfter(w.dueOn())) f[1]++;
                    else f[2]++;
                }
                if (w.kind() == Reminder.Kind.AFTERCARE && w.dueOn().isBefore(month.plusMonths(1).atDay(1))
                        && (closed == null)) f[11]++;
            }
            for (int i = 0; i < steps.size(); i++) {
                Path.Step s = steps.get(i);
                LocalDate on = s.current().effectiveOn();
                if (s.type() == MilestoneType.JOB_STARTED) {
                    LocalDate end = nextEnd(steps, i, MilestoneType.JOB_ENDED);
                    if (YearMonth.from(on).equals(month.minusMonths(3))) {
                        f[4]++;
                        if (held(end, on.plusMonths(3), tasks.get(Reminder.Kind.AFTERCARE + "|" + s.stepId()))) f[5]++;
                    }
                    if (YearMonth.from(on).equals(month.minusMonths(6))) {
                        f[6]++;
                        if (held(end, on.plusMonths(6), tasks.get(Reminder.Kind.RETENTION_CHECK + "|" + s.stepId()))) f[7]++;
                    }
                    LocalDate day90 = on.plusDays(90);
                    if (YearMonth.from(day90).equals(month) && (end == null || !end.isBefore(day90))) f[10]++;
                }
            }
            Instant exited = changedTo(r, ReferralStatus.EXITED);
            if (exited != null) {
                LocalDate exitOn = exited.atZone(WorkingDays.ZONE).toLocalDate();
                if (YearMonth.from(exitOn).equals(month.minusMonths(6))) {
                    f[8]++;
                    if (employedOrEducation(steps, exitOn.plusMonths(6), tasks)) f[9]++;
                }
            }
        }
        Map<String, AftercareFigures.PerJobcentre> out = new TreeMap<>();
        byJc.forEach((jc, f) -> out.put(jc, new AftercareFigures.PerJobcentre(f[0], f[1], f[2], f[3], f[4], f[5],
                f[6], f[7], f[8], f[9], f[10], f[11])));
        return Optional.of(new AftercareFigures.Aftercare(out));
    }

    /** Held at {@code at}: no job end before it, and no follow-up outcome saying the job is gone. */
    private static boolean held(LocalDate end, LocalDate at, FollowUpTask check) {
        if (end != null && end.isBefore(at)) return false;
        if (check != null && check.outcome() != null && check.outcome().aftercare() != null
                && Boolean.FALSE.equals(check.outcome().aftercare().stillEmployed())) return false;
        return true;
    }

    private static boolean employedOrEducation(List<Path.Step> steps, LocalDate at, Map<String, FollowUpTask> tasks) {
        for (Map.Entry<String, FollowUpTask> e : tasks.entrySet()) {
            FollowUpTask t = e.getValue();
            if (e.getKey().startsWith(Reminder.Kind.OUTCOME_CHECK + "|") && t.outcome() != null
                    && t.outcome().aftercare() != null && t.outcome().aftercare().stillEmployed() != null) {
                return t.outcome().aftercare().stillEmployed();
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            Path.Step s = steps.get(i);
            if (s.current().effectiveOn().isAfter(at)) continue;
            if (s.type() == MilestoneType.EDUCATION_STARTED) return true;
            if (s.type() == MilestoneType.JOB_STARTED) {
                LocalDate end = nextEnd(steps, i, MilestoneType.JOB_ENDED);
                if (end == null || end.isAfter(at)) return true;
            }
        }
        return false;
    }

    private static LocalDate nextEnd(List<Path.Step> steps, int from, MilestoneType endType) {
        for (int j = from + 1; j < steps.size(); j++) {
            if (steps.get(j).type() == endType) return steps.get(j).current().effectiveOn();
        }
        return null;
    }

    // --- shared -----------------------------------------------------------------------------------

    private Optional<FollowUpTask> task(String taskId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.taskKey(taskId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OutboxItems.task(item));
    }

    /** The referral with only the status changes that happened before {@code asOf}. */
    private static Referral asOf(Referral r, Instant asOf) {
        List<StatusChange> h = r.history().stream().filter(c -> c.at().isBefore(asOf)).toList();
        return new Referral(r.id(), r.jobcentreId(), r.details(), r.consultantId(), r.status(), r.overQuota(), h,
                r.createdAt(), r.version());
    }

    private static Instant changedTo(Referral r, ReferralStatus status) {
        Instant at = null;
        for (StatusChange c : r.history()) if (c.status() == status) at = c.at();
        return at;
    }

    private static Instant startOf(LocalDate d) {
        return d.atStartOfDay(WorkingDays.ZONE).toInstant();
    }

    private static final class Acc {
        double planned;
        double attended;
        long absences;
        long closedSameDay;
        long escalations;
        long stable;
        long enrolledWithoutPlan;
        final List<Duration> toNudge = new ArrayList<>();
        final List<Duration> toClosed = new ArrayList<>();

        AttendanceFigures.PerJobcentre attendance() {
            return new AttendanceFigures.PerJobcentre(planned, attended, absences, percentile(toNudge, 50),
                    percentile(toNudge, 90), percentile(toClosed, 50), percentile(toClosed, 90), closedSameDay,
                    escalations, stable, enrolledWithoutPlan);
        }
    }

    /** Nearest-rank percentile; null without any value. */
    static Duration percentile(List<Duration> values, int p) {
        if (values.isEmpty()) return null;
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
