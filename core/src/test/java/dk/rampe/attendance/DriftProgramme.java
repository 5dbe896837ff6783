package dk.rampe.attendance;

import dk.rampe.referral.Benefit;
import dk.rampe.referral.Referral;
import dk.rampe.schedule.WorkingDays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A scripted programme for the early warning: participants whose attendance is stable, who wobble and recover,
 * who start an internship with a shaky first week, and who drift (later, shorter, more sick calls, then absent,
 * then gone). Every working day after the sessions the warning is evaluated as the detection's run would; the
 * outcome says, per participant, when warnings started and when the first unexcused absence and the dropout came.
 * Seeded: the same seed plays the same programme.
 */
public final class DriftProgramme {
    public enum Kind { STABLE, WOBBLES_AND_RECOVERS, SHAKY_INTERNSHIP_START, DRIFTS }

    /** One participant's script played: when warnings started, the first unexcused absence and the dropout. */
    public record Played(String id, Kind kind, List<LocalDate> warnings, List<String> reasons,
                         LocalDate firstUnexcusedAbsence, LocalDate droppedOut) {
    }

    /** The programme played: every participant, and the figures the bench prints. */
    public record Outcome(List<Played> participants, WorkingDays calendar) {
        public List<Played> of(Kind kind) {
            return participants.stream().filter(p -> p.kind() == kind).toList();
        }

        /** Drifting participants warned on a working day before their first unexcused absence. */
        public int driftersWarnedBeforeFirstAbsence() {
            int n = 0;
            for (Played p : of(Kind.DRIFTS)) {
                if (!p.warnings().isEmpty() && p.warnings().get(0).isBefore(p.firstUnexcusedAbsence())) n++;
            }
            return n;
        }

        /** Working days from the first warning to the first unexcused absence, of those warned before it. */
        public List<Integer> leadDaysBeforeFirstAbsence() {
            List<Integer> out = new ArrayList<>();
            for (Played p : of(Kind.DRIFTS)) {
                if (p.warnings().isEmpty() || !p.warnings().get(0).isBefore(p.firstUnexcusedAbsence())) continue;
                out.add(workingDaysBetween(p.warnings().get(0), p.firstUnexcusedAbsence()));
            }
            return out;
        }

        /** Working days from the first warning to the dropout, of the drifting participants warned at all. */
        public List<Integer> leadDaysBeforeDropout() {
            List<Integer> out = new ArrayList<>();
            for (Played p : of(Kind.DRIFTS)) {
                if (!p.warnings().isEmpty()) out.add(workingDaysBetween(p.warnings().get(0), p.droppedOut()));
            }
            return out;
        }

        /** Warnings of participants who never dropped out. */
        public int warningsOfThoseWhoStayed() {
            int n = 0;
            for (Played p : participants) if (p.droppedOut() == null) n += p.warnings().size();
            return n;
        }

        private int workingDaysBetween(LocalDate from, LocalDate to) {
            int n = 0;
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) if (calendar.isWorkingDay(PROGRAMME, d)) n++;
            return n;
        }

        public static int median(List<Integer> values) {
            if (values.isEmpty()) return 0;
            List<Integer> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    static final String PROGRAMME = "p-drift";
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final int WEEKS = 20;
    /** Easter 2027 closed beside the weekends. */
    static final Set<LocalDate> CLOSED = Set.of(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26),
            LocalDate.of(2027, 3, 29));
    static final WorkingDays CALENDAR = (p, d) -> !WorkingDays.isWeekend(d) && !CLOSED.contains(d);
    static final Duration GRACE = Duration.ofMinutes(30);

    private DriftProgramme() {
    }

    /** The programme of {@code perKind} participants of each kind, played under {@code thresholds}. */
    public static Outcome play(long seed, int perKind, EarlyWarning.Thresholds thresholds) {
        return play(seed, perKind, thresholds, 0);
    }

    /**
     * As {@link #play(long, int, EarlyWarning.Thresholds)}, each evaluation seeing only the agreements and
     * registrations of the last {@code lookbackDays} days (0: all), as the detection's chain holds them.
     */
    public static Outcome play(long seed, int perKind, EarlyWarning.Thresholds thresholds, int lookbackDays) {
        EarlyWarning rule = new EarlyWarning(new Expectations(CALENDAR), thresholds);
        List<Played> out = new ArrayList<>();
        Random random = new Random(seed);
        int n = 0;
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < perKind; i++) out.add(new Script("R" + kind.ordinal() + "P" + (n++), kind,
                    new Random(random.nextLong())).play(rule, lookbackDays));
        }
        return new Outcome(List.copyOf(out), CALENDAR);
    }

    /** One participant's days. */
    private static final class Script {
        private final String id;
        private final Kind kind;
        private final Random random;
        private final LocalDate enrolled;
        private final AttendancePlan plan;
        private final List<Agreement> agreements = new ArrayList<>();
        private final List<Registration> registrations = new ArrayList<>();
        private final List<Internship> internships = new ArrayList<>();
        /** The session index where the turn starts (the wobble, the drift, the internship), and its length. */
        private final int turn;
        private final int turnLength;
        private int lastSick = -100;

        Script(String id, Kind kind, Random random) {
            this.id = id;
            this.kind = kind;
            this.random = random;
            this.enrolled = START.plusDays(7L * random.nextInt(3));
            Set<DayOfWeek> days = random.nextInt(4) == 0
                    ? EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)
                    : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            this.plan = new AttendancePlan(enrolled, days, LocalTime.of(9, 0), random.nextBoolean() ? 240 : 180, "c1",
                    at(enrolled, 8, 0));
            this.turn = 20 + random.nextInt(16);
            this.turnLength = kind == Kind.DRIFTS ? 8 + random.nextInt(7) : 5 + random.nextInt(4);
        }

        Played play(EarlyWarning rule, int lookbackDays) {
            Referral referral = Participants.enrolled(id, PROGRAMME, Benefit.KONTANTHJAELP, at(enrolled, 7, 0),
                    at(enrolled, 7, 30));
            EarlyWarning.State state = EarlyWarning.State.NEVER;
            List<LocalDate> warnings = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            LocalDate firstAbsence = null;
            LocalDate dropout = null;
            int session = 0;
            int absentAfterTurn = 0;
            LocalDate end = START.plusWeeks(WEEKS);
            for (LocalDate d = enrolled; d.isBefore(end); d = d.plusDays(1)) {
                if (!CALENDAR.isWorkingDay(PROGRAMME, d)) continue;
                LocalDate day = d;
                boolean inInternship = internships.stream().anyMatch(i -> i.covers(day));
                if (plan.plannedOn(d) || inInternship) {
                    Registration.Status status = day(session, d, inInternship);
                    if (status == Registration.Status.ABSENT) {
                        if (firstAbsence == null) firstAbsence = d;
                        absentAfterTurn++;
                    }
                    session++;
                    if (kind == Kind.DRIFTS && absentAfterTurn >= 4) {
                        dropout = d.plusDays(1);
                        break; // gone: the consultant records the exit; nothing is expected any more
                    }
                }
                if (kind == Kind.SHAKY_INTERNSHIP_START && session == turn && internships.isEmpty()) {
                    internships.add(new Internship(d.plusDays(1), d.plusWeeks(6)));
                }
                LocalDate from = lookbackDays == 0 ? LocalDate.MIN : d.minusDays(lookbackDays);
                Attendance a = new Attendance(id, List.of(plan),
                        agreements.stream().filter(x -> !x.date().isBefore(from)).toList(),
                        registrations.stream().filter(x -> !x.date().isBefore(from)).toList(), false, internships);
                EarlyWarning.Evaluation e = rule.evaluate(a, referral, d, GRACE, state);
                state = e.next();
                if (e.starts()) {
                    warnings.add(d);
                    reasons.add(String.join(" ", e.signals().stream().map(s -> s.code() + s.values()).toList()));
                }
            }
            return new Played(id, kind, List.copyOf(warnings), List.copyOf(reasons), firstAbsence, dropout);
        }

        /** What happens at the {@code n}-th session on {@code d}, registered as the consultant would. */
        private Registration.Status day(int n, LocalDate d, boolean inInternship) {
            double drift = 0;
            boolean turning = n >= turn && n < turn + turnLength;
            if (turning) drift = (double) (n - turn + 1) / turnLength;
            if (inInternship) {
                boolean firstDays = internships.get(0).from().plusDays(7).isAfter(d);
                if (!firstDays) return null; // at the employer's: nothing registered here
                if (random.nextInt(3) == 0) return register(d, Registration.Status.LATE, 10 + random.nextInt(30));
                return register(d, Registration.Status.PRESENT, 0);
            }
            switch (kind) {
                case DRIFTS -> {
                    if (n >= turn + turnLength) {
                        int roll = random.nextInt(10);
                        if (n == turn + turnLength || roll < 5) return register(d, Registration.Status.ABSENT, 0);
                        if (roll < 7) return register(d, Registration.Status.EXCUSED, 0);
                        return register(d, Registration.Status.LATE, 20 + random.nextInt(40));
                    }
                    if (turning) {
                        if (random.nextDouble() < 0.15 + 0.2 * drift) agreeShorter(d.plusDays(1));
                        if (random.nextDouble() < 0.1 + 0.25 * drift) return register(d, Registration.Status.EXCUSED, 0);
                        if (random.nextDouble() < 0.25 + 0.5 * drift) {
                            return register(d, Registration.Status.LATE, 10 + (int) (30 * drift) + random.nextInt(10));
                        }
                        return register(d, Registration.Status.PRESENT, 0);
                    }
                }
                case WOBBLES_AND_RECOVERS -> {
                    if (turning) {
                        if (random.nextDouble() < 0.15) agreeShorter(d.plusDays(1));
                        if (random.nextDouble() < 0.2) return register(d, Registration.Status.EXCUSED, 0);
                        if (random.nextDouble() < 0.5) return register(d, Registration.Status.LATE, 10 + random.nextInt(20));
                        return register(d, Registration.Status.PRESENT, 0);
                    }
                }
                default -> { }
            }
            return steady(n, d);
        }

        /** A steady participant: now and then a few minutes late, a sick call at most every fifteen sessions. */
        private Registration.Status steady(int n, LocalDate d) {
            if (n - lastSick > 15 && random.nextDouble() < 0.03) {
                lastSick = n;
                return register(d, Registration.Status.EXCUSED, 0);
            }
            if (random.nextDouble() < 0.04) return register(d, Registration.Status.LATE, 3 + random.nextInt(12));
            return register(d, Registration.Status.PRESENT, 0);
        }

        private void agreeShorter(LocalDate date) {
            if (!plan.plannedOn(date)) return;
            agreements.add(random.nextBoolean()
                    ? new Agreement(date, false, LocalTime.of(10, 0), plan.minutes() - 60, "c1", at(date.minusDays(1), 14, 0))
                    : new Agreement(date, true, null, null, "c1", at(date.minusDays(1), 14, 0)));
        }

        private Registration.Status register(LocalDate d, Registration.Status status, int minutesLate) {
            // an agreed day off expects nothing: nothing to register
            if (agreements.stream().anyMatch(a -> a.date().equals(d) && a.dayOff())) return null;
            LocalTime start = agreements.stream().filter(a -> a.date().equals(d)).map(Agreement::start).findFirst()
                    .orElse(plan.start());
            registrations.add(new Registration("G" + id + d, d, status,
                    status == Registration.Status.LATE ? start.plusMinutes(minutesLate) : null,
                    status == Registration.Status.EXCUSED ? Registration.Reason.SICK : null, "c1", at(d, 10, 0),
                    false, false));
            return status;
        }
    }

    static Instant at(LocalDate d, int hour, int minute) {
        return ZonedDateTime.of(d, LocalTime.of(hour, minute), WorkingDays.ZONE).toInstant();
    }
}
