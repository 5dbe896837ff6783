package dk.rampe.report;

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
import dk.rampe.path.JobKind;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.path.Reminder;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.schedule.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rules of the report's attendance, aftercare and phase-move figures, computed from a
 * {@link ProgrammeSnapshot} (what an adapter loaded, or an in-memory history). Every figure counts only
 * what was dated AND recorded before {@code asOf}; the trend months of the targets compute from the same
 * snapshot. The web app's overview uses the same rules (through the adapter's snapshot).
 * <p>
 * What is not stored, and how it is answered: the time to the nudge is the follow-up task's creation
 * (the nudge is written with it; the send time itself is the outbox's); a task closed after
 * {@code asOf} counts as open. "Employed or in education 6 months after exit" is the outcome check's
 * recorded "still employed", or else a job or education start on the path not ended by then.
 */
public final class ProgrammeFigures {
    /** The weeks over which attendance counts as stable: every session attended, none absent. */
    public static final int STABLE_DAYS = 28;

    private final WorkingDays workingDays;
    private final Function<String, AttendanceRules> rules;

    public ProgrammeFigures(WorkingDays workingDays, Function<String, AttendanceRules> rules) {
        this.workingDays = workingDays;
        this.rules = rules;
    }

    /** Every port of one report answered from {@code snapshot}; delivery health is the outbox's, as it stands. */
    public ReportSources.Sources sources(ProgrammeSnapshot snapshot, DeliveryFigures delivery) {
        return new ReportSources.Sources(p -> snapshot.referrals(), p -> moves(snapshot),
                (p, period, asOf) -> attendance(snapshot, p, period, asOf),
                (p, period, asOf) -> aftercare(snapshot, p, period, asOf), delivery,
                (p, period, asOf) -> warnings(snapshot, p, period, asOf));
    }

    /** The phase moves of every participant of the snapshot, whenever recorded (the maker filters). */
    public static List<PhaseMove> moves(ProgrammeSnapshot snapshot) {
        List<PhaseMove> out = new ArrayList<>();
        for (ProgrammeSnapshot.Participant x : snapshot.participants()) out.addAll(moves(x.referral().id(), x.path()));
        return out;
    }

    // --- phase moves ------------------------------------------------------------------------------

    /**
     * Internship, job and education starts from the path (each step as last corrected); an internship
     * or job that ended moves the participant back to the course. A step whose type or date a later
     * record corrected counts from that correction's recording. A job start of the kind ordinary is
     * competitive work.
     */
    public static List<PhaseMove> moves(String referralId, Path path) {
        List<PhaseMove> out = new ArrayList<>();
        for (Path.Step s : path.steps()) {
            Phase to = phaseOf(s.type());
            if (to == null) continue;
            Milestone first = path.find(s.stepId()).orElse(s.current());
            boolean same = first.type() == s.type() && first.effectiveOn().equals(s.current().effectiveOn());
            out.add(new PhaseMove(referralId, to, startOf(s.current().effectiveOn()),
                    same ? s.firstRecordedAt() : s.current().recordedAt(),
                    s.type() == MilestoneType.JOB_STARTED && s.current().jobKind() == JobKind.ORDINARY,
                    s.type() == MilestoneType.JOB_STARTED ? s.current().jobKind() : null));
        }
        return out;
    }

    public static Phase phaseOf(MilestoneType t) {
        return switch (t) {
            case INTERNSHIP_STARTED -> Phase.INTERNSHIP;
            case JOB_STARTED -> Phase.PAID_HOURS_OR_JOB;
            case EDUCATION_STARTED -> Phase.EDUCATION;
            case INTERNSHIP_ENDED, JOB_ENDED -> Phase.COURSE;
            default -> null;
        };
    }

    // --- attendance -------------------------------------------------------------------------------

    public Optional<AttendanceFigures.Attendance> attendance(ProgrammeSnapshot snap, String programmeId, ReportPeriod period,
                                                          Instant asOf) {
        Duration grace = rules.apply(programmeId).grace();
        Expectations expectations = new Expectations(workingDays);
        YearMonth month = period.month();
        LocalDate first = month.minusMonths(11).atDay(1);
        LocalDate last = month.atEndOfMonth();
        Map<String, Acc> byJc = new TreeMap<>();
        Map<YearMonth, double[]> hours = new TreeMap<>();
        Map<YearMonth, Set<String>> planned = new HashMap<>();
        List<Object[]> absences = new ArrayList<>();
        for (ProgrammeSnapshot.Participant x : snap.participants()) {
            Referral r = x.referral().asOf(asOf);
            Instant enrolled = r.lastChangeTo(ReferralStatus.ENROLLED);
            if (enrolled == null) continue;
            Acc acc = byJc.computeIfAbsent(r.jobcentreId(), k -> new Acc());
            // internships as the path stood (the attendance partition keeps only the current ones): planned
            // hours follow the same rules as the detection (Expectations), nothing of the plan during one
            Attendance a = recordedBefore(x.attendance(), asOf)
                    .withInternships(x.path().asOf(asOf.minusNanos(1)).internships());
            Instant exited = r.lastChangeTo(ReferralStatus.EXITED);
            if (exited == null && a.plans().isEmpty()) acc.enrolledWithoutPlan++;
            for (Registration reg : x.attendance().registrations()) {
                if (YearMonth.from(reg.date()).equals(month) && !reg.recordedAt().isBefore(asOf)) acc.recordedLater++;
            }

            boolean anyRecent = false;
            boolean stable = true;
            boolean anyThisMonth = false;
            Map<LocalDate, Instant> cutoffs = new HashMap<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                Optional<Session> s = expectations.expected(a, r, d, grace);
                if (s.isEmpty() || !s.get().cutoff().isBefore(asOf)) continue;
                cutoffs.put(d, s.get().cutoff());
                int minutes = s.get().minutes();
                double attended = attendedMinutes(s.get(), a.registrationOn(d)) / 60.0;
                double[] h = hours.computeIfAbsent(YearMonth.from(d), k -> new double[2]);
                h[0] += minutes / 60.0;
                h[1] += attended;
                planned.computeIfAbsent(YearMonth.from(d), k -> new HashSet<>()).add(r.id());
                if (YearMonth.from(d).equals(month)) {
                    acc.planned += minutes / 60.0;
                    acc.attended += attended;
                    anyThisMonth = true;
                }
                if (!d.isBefore(last.minusDays(STABLE_DAYS - 1L))) {
                    anyRecent = true;
                    Optional<Registration> reg = a.registrationOn(d);
                    if (reg.isEmpty() || reg.get().unexcused()) stable = false;
                }
            }
            if (anyThisMonth) acc.participants++;
            if (exited == null && anyRecent) {
                acc.recent++;
                if (stable) acc.stable++;
            }

            for (Registration reg : a.registrations()) {
                if (!reg.detected() || reg.review() || !YearMonth.from(reg.date()).equals(month)) continue;
                acc.absences++;
                // the session's cutoff as planned (the detection records the absence when it runs, at or after it)
                Instant cutoff = cutoffs.getOrDefault(reg.date(), reg.recordedAt());
                absences.add(new Object[] {acc, reg, cutoff, Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + programmeId
                        + "|" + r.id() + "|absence|" + reg.date())});
            }
            for (Notice n : x.notices()) {
                if (YearMonth.from(n.date()).equals(month) && n.createdAt().isBefore(asOf)) acc.escalations++;
            }
        }
        Map<String, FollowUpTask> tasks = snap.tasks(absences.stream().map(o -> (String) o[3]).toList());
        for (Object[] o : absences) {
            Acc acc = (Acc) o[0];
            Registration reg = (Registration) o[1];
            Instant cutoff = (Instant) o[2];
            FollowUpTask task = tasks.get((String) o[3]);
            if (task == null || !task.createdAt().isBefore(asOf)) continue;
            acc.toNudge.add(Duration.between(cutoff, task.createdAt()));
            Instant closed = task.closedAt();
            if (closed != null && closed.isBefore(asOf)) {
                acc.toClosed.add(Duration.between(cutoff, closed));
                if (closed.atZone(WorkingDays.ZONE).toLocalDate().equals(reg.date())) acc.closedSameDay++;
            }
        }
        Map<String, AttendanceFigures.PerJobcentre> out = new TreeMap<>();
        byJc.forEach((jc, x) -> out.put(jc, x.attendance()));
        Map<YearMonth, AttendanceFigures.MonthHours> months = new TreeMap<>();
        hours.forEach((m, h) -> months.put(m, new AttendanceFigures.MonthHours(h[0], h[1],
                planned.getOrDefault(m, Set.of()).size())));
        return Optional.of(new AttendanceFigures.Attendance(out, months));
    }

    /** Present: the session; late: from arrival to the session's end; excused or absent: nothing. */
    public static double attendedMinutes(Session s, Optional<Registration> reg) {
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

    public Optional<AftercareFigures.Aftercare> aftercare(ProgrammeSnapshot snap, String programmeId, ReportPeriod period,
                                                        Instant asOf) {
        AftercarePlan plan = new AftercarePlan(workingDays);
        YearMonth month = period.month();
        // first the paths as they stood and the reminders they called for, then their tasks in batches
        List<Object[]> rows = new ArrayList<>();
        List<String> taskIds = new ArrayList<>();
        for (ProgrammeSnapshot.Participant x : snap.participants()) {
            Referral r = x.referral().asOf(asOf);
            if (r.lastChangeTo(ReferralStatus.ENROLLED) == null) continue;
            Path path = x.path().asOf(asOf.minusNanos(1));
            List<Reminder> reminders = plan.plan(r.id(), programmeId, path);
            for (Reminder w : reminders) taskIds.add(reminderTaskId(programmeId, r.id(), w));
            rows.add(new Object[] {r, path, reminders});
        }
        Map<String, FollowUpTask> found = snap.tasks(taskIds);
        Map<String, long[]> byJc = new TreeMap<>();
        for (Object[] row : rows) {
            Referral r = (Referral) row[0];
            Path path = (Path) row[1];
            @SuppressWarnings("unchecked")
            List<Reminder> reminders = (List<Reminder>) row[2];
            long[] f = byJc.computeIfAbsent(r.jobcentreId(), k -> new long[22]);
            List<Path.Step> steps = path.steps();
            Map<String, FollowUpTask> tasks = new HashMap<>();
            for (Reminder w : reminders) {
                Optional<FollowUpTask> t = Optional.ofNullable(found.get(reminderTaskId(programmeId, r.id(), w)));
                t.filter(x -> x.createdAt().isBefore(asOf)).ifPresent(x -> tasks.put(w.kind() + "|" + w.stepId(), x));
                Instant closed = t.map(FollowUpTask::closedAt).filter(c -> c.isBefore(asOf)).orElse(null);
                if (YearMonth.from(w.dueOn()).equals(month)) {
                    f[0]++;
                    if (closed == null) f[3]++;
                    else if (!closed.atZone(WorkingDays.ZONE).toLocalDate().isAfter(w.dueOn())) f[1]++;
                    else f[2]++;
                }
            }
            boolean kept90ThisMonth = false;
            boolean kept90ToDate = false;
            for (int i = 0; i < steps.size(); i++) {
                Path.Step s = steps.get(i);
                LocalDate on = s.current().effectiveOn();
                if (s.type() == MilestoneType.JOB_STARTED) {
                    LocalDate end = nextEnd(steps, i, MilestoneType.JOB_ENDED);
                    YearMonth started = YearMonth.from(on);
                    Boolean held3 = checked(end, on.plusMonths(3),
                            tasks.get(Reminder.Kind.AFTERCARE + "|" + s.stepId()), asOf);
                    if (started.equals(month.minusMonths(3))) {
                        f[4]++;
                        count(f, held3, 5, 17);
                    }
                    // a job past its three months with no aftercare outcome (and no recorded end): a data gap
                    if (held3 == null && !on.plusMonths(3).isAfter(month.atEndOfMonth())) f[11]++;
                    Boolean held6 = checked(end, on.plusMonths(6),
                            tasks.get(Reminder.Kind.RETENTION_CHECK + "|" + s.stepId()), asOf);
                    if (started.equals(month.minusMonths(6))) {
                        f[6]++;
                        count(f, held6, 7, 18);
                    }
                    if (!started.isAfter(month.minusMonths(6))) {
                        f[12]++;
                        count(f, held6, 13, 20);
                    }
                    LocalDate day90 = on.plusDays(90);
                    boolean held90 = end == null || !end.isBefore(day90);
                    if (held90 && YearMonth.from(day90).equals(month)) kept90ThisMonth = true;
                    if (held90 && !YearMonth.from(day90).isAfter(month)) kept90ToDate = true;
                }
            }
            if (kept90ThisMonth) f[10]++;
            if (kept90ToDate) f[16]++;
            Instant exited = r.lastChangeTo(ReferralStatus.EXITED);
            if (exited != null) {
                LocalDate exitOn = exited.atZone(WorkingDays.ZONE).toLocalDate();
                Boolean employed = employedOrEducation(tasks, asOf);
                if (YearMonth.from(exitOn).equals(month.minusMonths(6))) {
                    f[8]++;
                    count(f, employed, 9, 19);
                }
                if (!YearMonth.from(exitOn).isAfter(month.minusMonths(6))) {
                    f[14]++;
                    count(f, employed, 15, 21);
                }
            }
        }
        Map<String, AftercareFigures.PerJobcentre> out = new TreeMap<>();
        byJc.forEach((jc, f) -> out.put(jc, new AftercareFigures.PerJobcentre(f[0], f[1], f[2], f[3], f[4], f[5],
                f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15], f[16], f[17], f[18], f[19], f[20],
                f[21])));
        return Optional.of(new AftercareFigures.Aftercare(out));
    }

    private static String reminderTaskId(String programmeId, String referralId, Reminder w) {
        return Ids.taskId(AftercareRule.kindOf(w.kind()).wireName() + "|" + programmeId + "|" + referralId + "|reminder|"
                + w.id());
    }

    /** Counts a check's answer: true at {@code kept}, false at {@code lost}, null (not checked) nowhere. */
    private static void count(long[] f, Boolean answer, int kept, int lost) {
        if (answer == null) return;
        f[answer ? kept : lost]++;
    }

    /**
     * What is known of a job at {@code at}: lost (false) when a job end before it is recorded, or the check
     * closed before {@code asOf} answered "no longer employed"; held (true) when that check answered "still
     * employed"; null when nobody checked (no check, not closed yet, or closed without that answer).
     */
    static Boolean checked(LocalDate end, LocalDate at, FollowUpTask check, Instant asOf) {
        if (end != null && end.isBefore(at)) return false;
        return answer(check, asOf);
    }

    /** The "still employed" answer of a check closed before {@code asOf}; null without one. */
    private static Boolean answer(FollowUpTask check, Instant asOf) {
        if (check == null || check.closedAt() == null || !check.closedAt().isBefore(asOf)) return null;
        if (check.outcome() == null || check.outcome().aftercare() == null) return null;
        return check.outcome().aftercare().stillEmployed();
    }

    /**
     * In employment or education six months after leaving, as the outcome check answered it (closed before
     * {@code asOf}); null when nobody checked. The path is not asked: what it shows after the exit is not
     * kept up.
     */
    private static Boolean employedOrEducation(Map<String, FollowUpTask> tasks, Instant asOf) {
        for (Map.Entry<String, FollowUpTask> e : tasks.entrySet()) {
            if (!e.getKey().startsWith(Reminder.Kind.OUTCOME_CHECK + "|")) continue;
            Boolean a = answer(e.getValue(), asOf);
            if (a != null) return a;
        }
        return null;
    }

    private static LocalDate nextEnd(List<Path.Step> steps, int from, MilestoneType endType) {
        for (int j = from + 1; j < steps.size(); j++) {
            if (steps.get(j).type() == endType) return steps.get(j).current().effectiveOn();
        }
        return null;
    }

    // --- the early warning -------------------------------------------------------------------------

    /**
     * The early warning's follow-ups ({@code attention_due}) of the month and the month before, created
     * before {@code asOf}: read by key, their ids derived from the warnings stored as started (read with the
     * participant's attendance, whatever thresholds the programme set) since a month before those two months (a
     * warning's nudge, and so its follow-up, may be held some days after it started).
     */
    public Optional<WarningFigures.Warnings> warnings(ProgrammeSnapshot snap, String programmeId, ReportPeriod period,
                                                      Instant asOf) {
        YearMonth month = period.month();
        LocalDate from = month.minusMonths(1).atDay(1);
        Instant fromStart = startOf(from);
        Map<String, Referral> warned = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (ProgrammeSnapshot.Participant x : snap.participants()) {
            Referral r = x.referral().asOf(asOf);
            if (r.lastChangeTo(ReferralStatus.ENROLLED) == null) continue;
            Instant exited = r.lastChangeTo(ReferralStatus.EXITED);
            if (exited != null && exited.isBefore(fromStart)) continue;
            for (dk.rampe.attendance.Warning w : x.warnings()) {
                if (w.date().isBefore(from.minusMonths(1)) || !w.decidedAt().isBefore(asOf)) continue;
                ids.add(w.followUpTaskId(programmeId));
                warned.put(r.id(), r);
            }
        }
        Map<String, List<FollowUpTask>> tasks = new HashMap<>();
        if (!ids.isEmpty()) {
            for (FollowUpTask t : snap.tasks(ids).values()) {
                tasks.computeIfAbsent(t.referralId(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, long[]> byJc = new TreeMap<>();
        for (ProgrammeSnapshot.Participant x : snap.participants()) {
            Referral r = x.referral().asOf(asOf);
            if (r.lastChangeTo(ReferralStatus.ENROLLED) != null) byJc.computeIfAbsent(r.jobcentreId(), k -> new long[4]);
        }
        for (Map.Entry<String, List<FollowUpTask>> e : tasks.entrySet()) {
            Referral r = warned.get(e.getKey());
            if (r == null) continue;
            long[] f = byJc.computeIfAbsent(r.jobcentreId(), k -> new long[4]);
            LocalDate firstMonthBefore = null;
            for (FollowUpTask t : e.getValue()) {
                if (t.kind() != FollowUpKind.ATTENTION_DUE || !t.createdAt().isBefore(asOf)) continue;
                LocalDate created = t.createdAt().atZone(WorkingDays.ZONE).toLocalDate();
                if (YearMonth.from(created).equals(month)) {
                    f[0]++;
                    LocalDate by = workingDays.plusWorkingDays(programmeId, created, 2);
                    Instant closed = t.closedAt();
                    if (closed != null && closed.isBefore(asOf) && !closed.atZone(WorkingDays.ZONE).toLocalDate().isAfter(by)) {
                        f[1]++;
                    }
                } else if (YearMonth.from(created).equals(month.minusMonths(1))
                        && (firstMonthBefore == null || created.isBefore(firstMonthBefore))) {
                    firstMonthBefore = created;
                }
            }
            if (firstMonthBefore != null) {
                f[2]++;
                Instant exited = r.lastChangeTo(ReferralStatus.EXITED);
                if (exited == null || exited.isAfter(startOf(firstMonthBefore.plusMonths(1)))) f[3]++;
            }
        }
        Map<String, WarningFigures.PerJobcentre> out = new TreeMap<>();
        byJc.forEach((jc, f) -> out.put(jc, new WarningFigures.PerJobcentre(f[0], f[1], f[2], f[3])));
        return Optional.of(new WarningFigures.Warnings(out));
    }

    // --- shared -----------------------------------------------------------------------------------



    private static Instant startOf(LocalDate d) {
        return d.atStartOfDay(WorkingDays.ZONE).toInstant();
    }

    private static final class Acc {
        double planned;
        double attended;
        long participants;
        long absences;
        long closedSameDay;
        long escalations;
        long recent;
        long stable;
        long enrolledWithoutPlan;
        long recordedLater;
        final List<Duration> toNudge = new ArrayList<>();
        final List<Duration> toClosed = new ArrayList<>();

        AttendanceFigures.PerJobcentre attendance() {
            return new AttendanceFigures.PerJobcentre(planned, attended, participants, absences, toNudge, toClosed,
                    closedSameDay, escalations, recent, stable, enrolledWithoutPlan, recordedLater);
        }
    }
}
