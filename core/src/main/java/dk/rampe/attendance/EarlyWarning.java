package dk.rampe.attendance;

import dk.rampe.core.Language;
import dk.rampe.referral.Referral;
import dk.rampe.text.Texts;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant slipping before they drop out, from what is already recorded (plan, one-day agreements,
 * registrations, internships): no new data from anyone. Evaluated once a working day after its sessions'
 * cutoffs ({@link #signals}); each signal says in one sentence why it fired ({@link Signal#values} fill
 * the text catalogue's {@code warning.{code}}), and {@link #next} decides when a warning <em>starts</em>
 * (once an episode, never twice within a week).
 * <p>The windows are counted in the participant's own expected sessions (by {@link Expectations#expected}:
 * a day off agreed or a day of an internship is not expected), so a participant on three days a week is
 * measured against their own weeks:
 * <ul>
 * <li>{@code attendance_falling}: came to clearly fewer of the recent sessions than of the sessions before
 * (excused days count as not come: a run of sick calls is what the consultant should hear of);</li>
 * <li>{@code arrivals_later}: late to several of the recent sessions after being on time before;</li>
 * <li>{@code shorter_days}: agreements of shorter days, later starts or days off piling up;</li>
 * <li>{@code absence_after_stable_run}: an unexcused absence after a long run of sessions attended;</li>
 * <li>{@code internship_start}: anything short of present in the first working days of an internship.</li>
 * </ul>
 */
public final class EarlyWarning {

    /**
     * The thresholds, per programme. {@link #DEFAULTS} and why: two weeks against the four before is what
     * the consultants' own four-week stability figure looks at; a fall of 25 points is two or three missed
     * days of ten, more than a cold; three arrivals of the last five ten minutes late or more is a pattern,
     * one is a bus, and five minutes is not a change.
     */
    public record Thresholds(int recentSessions, int earlierSessions, int minRecentSessions, int minEarlierSessions,
                             int fallPercentagePoints, int lateOfLastAttended, int lateWindow, int minutesLate,
                             int maxEarlierLatePercent, int shorterDaysAgreed, int shorterDaysWindowDays,
                             int stableRunSessions, int internshipStartDays) {
        public static final Thresholds DEFAULTS = new Thresholds(10, 20, 5, 8, 25, 3, 5, 10, 20, 3, 14, 15, 5);

        /** Thresholds that do not fit together: the message is the name of the threshold at fault. */
        public Thresholds {
            check(recentSessions >= 1, "recentSessions");
            check(earlierSessions >= 1, "earlierSessions");
            check(minRecentSessions >= 1 && minRecentSessions <= recentSessions, "minRecentSessions");
            check(minEarlierSessions >= 1 && minEarlierSessions <= earlierSessions, "minEarlierSessions");
            check(fallPercentagePoints >= 1 && fallPercentagePoints <= 100, "fallPercentagePoints");
            check(lateWindow >= 1, "lateWindow");
            check(lateOfLastAttended >= 1 && lateOfLastAttended <= lateWindow, "lateOfLastAttended");
            check(minutesLate >= 0, "minutesLate");
            check(maxEarlierLatePercent >= 0 && maxEarlierLatePercent <= 100, "maxEarlierLatePercent");
            check(shorterDaysAgreed >= 1, "shorterDaysAgreed");
            check(shorterDaysWindowDays >= 1, "shorterDaysWindowDays");
            check(stableRunSessions >= 1, "stableRunSessions");
            check(internshipStartDays >= 1, "internshipStartDays");
        }

        private static void check(boolean ok, String threshold) {
            if (!ok) throw new IllegalArgumentException(threshold);
        }

        /**
         * The programme's thresholds in the settings; the defaults where none are set (or the programme is unknown).
         * Lenient, as every read of stored settings: thresholds that no longer fit (checked when saved) read as the
         * defaults, a name no longer known is left out.
         */
        public static Thresholds of(dk.rampe.settings.Settings settings, String programmeId) {
            java.util.Map<String, Integer> set = new java.util.LinkedHashMap<>(settings.programme(programmeId)
                    .map(dk.rampe.settings.Settings.Programme::earlyWarning).orElse(java.util.Map.of()));
            set.keySet().retainAll(names());
            try {
                return with(set);
            } catch (IllegalArgumentException e) {
                return DEFAULTS;
            }
        }

        /** The names of the thresholds, as the settings spell them (the record's components, in order). */
        public static List<String> names() {
            List<String> out = new ArrayList<>();
            for (java.lang.reflect.RecordComponent c : Thresholds.class.getRecordComponents()) out.add(c.getName());
            return out;
        }

        /** The thresholds as a map by name. */
        public java.util.Map<String, Integer> toMap() {
            java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
            try {
                for (java.lang.reflect.RecordComponent c : Thresholds.class.getRecordComponents()) {
                    out.put(c.getName(), (Integer) c.getAccessor().invoke(this));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }

        /**
         * The defaults with the thresholds {@code set} by name (the settings' {@code earlyWarning}); throws
         * IllegalArgumentException for an unknown name or thresholds that do not fit together.
         */
        public static Thresholds with(java.util.Map<String, Integer> set) {
            if (set.isEmpty()) return DEFAULTS;
            java.util.Map<String, Integer> values = DEFAULTS.toMap();
            for (java.util.Map.Entry<String, Integer> e : set.entrySet()) {
                if (!values.containsKey(e.getKey())) throw new IllegalArgumentException("unknown threshold " + e.getKey());
                values.put(e.getKey(), e.getValue());
            }
            Object[] args = values.values().toArray();
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, int.class);
            try {
                return Thresholds.class.getDeclaredConstructor(types).newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException iae) throw iae;
                throw new IllegalStateException(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** How many days back the evaluation reads (the sessions of both windows on a two-day week, and more). */
        public int readDays() {
            return Math.max(shorterDaysWindowDays, 7 * (recentSessions + earlierSessions) / 2 + 14);
        }
    }

    /** Why a warning fired: a code (the text catalogue's {@code warning.{code}}) and the figures its sentence names. */
    public record Signal(String code, List<Integer> values) {
        public Signal {
            Objects.requireNonNull(code);
            values = List.copyOf(values);
        }

        /** The reason in one plain sentence, without health words (the page behind the nudge shows it). */
        public String sentence(Language language) {
            String text = Texts.PAGE.get("warning." + code, language);
            for (int i = 0; i < values.size(); i++) text = text.replace("{" + i + "}", Integer.toString(values.get(i)));
            return text;
        }
    }

    /**
     * What the evaluations of a participant remember: the day the last warning started (null: never) and
     * whether a day without signals has passed since (an episode has ended).
     */
    public record State(LocalDate lastStarted, boolean quietSince) {
        public static final State NEVER = new State(null, true);
    }

    /** The evaluation of one day: the signals that fired, whether a warning starts, and what to remember. */
    public record Evaluation(LocalDate date, List<Signal> signals, boolean starts, State next) {
        public boolean fired() {
            return !signals.isEmpty();
        }
    }

    /** A new warning no sooner than this after the last one started. */
    public static final int MIN_DAYS_BETWEEN_WARNINGS = 7;

    private final Expectations expectations;
    private final Thresholds thresholds;

    public EarlyWarning(Expectations expectations, Thresholds thresholds) {
        this.expectations = expectations;
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * The day {@code date} evaluated (after its sessions' cutoffs) and the state carried forward: a warning
     * starts when signals fire and either none ever started, or one started at least a week ago and an
     * evaluation without signals came between (a participant who keeps slipping hears once an episode).
     */
    public Evaluation evaluate(Attendance a, Referral referral, LocalDate date, Duration grace, State before) {
        List<Signal> signals = signals(a, referral, date, grace);
        return next(date, signals, before);
    }

    /** The warning rule's memory step alone (see {@link #evaluate}). */
    public static Evaluation next(LocalDate date, List<Signal> signals, State before) {
        if (signals.isEmpty()) return new Evaluation(date, signals, false, new State(before.lastStarted(), true));
        boolean starts = before.lastStarted() == null || (before.quietSince()
                && !date.isBefore(before.lastStarted().plusDays(MIN_DAYS_BETWEEN_WARNINGS)));
        return new Evaluation(date, signals, starts, starts ? new State(date, false) : before);
    }

    /** One expected session and what counts as registered for it (null: nothing, or withdrawn). */
    private record Day(LocalDate date, Session session, Registration registration) {
        boolean attended() {
            return registration != null && (registration.status() == Registration.Status.PRESENT
                    || registration.status() == Registration.Status.LATE);
        }

        boolean lateBy(int minutes) {
            return registration != null && registration.status() == Registration.Status.LATE && minutesLate() >= minutes;
        }

        int minutesLate() {
            if (registration == null || registration.status() != Registration.Status.LATE
                    || registration.arrival() == null) {
                return 0;
            }
            return (int) Math.max(0, Duration.between(session.start(), registration.arrival()).toMinutes());
        }
    }

    /** The signals of {@code date}, oldest window first; empty when the participant is not slipping. */
    public List<Signal> signals(Attendance a, Referral referral, LocalDate date, Duration grace) {
        Thresholds t = thresholds;
        // the expected sessions up to the date, newest first; a session with nothing registered is skipped
        // (the detection has not decided it), so the windows hold decided sessions only
        List<Day> days = new ArrayList<>();
        for (LocalDate d = date; !d.isBefore(date.minusDays(t.readDays()))
                && days.size() < t.recentSessions() + t.earlierSessions(); d = d.minusDays(1)) {
            Optional<Session> s = expectations.expected(a, referral, d, grace);
            if (s.isEmpty()) continue;
            Optional<Registration> r = a.registrationOn(d);
            if (r.isEmpty()) continue;
            days.add(new Day(d, s.get(), r.get()));
        }
        List<Signal> out = new ArrayList<>();
        List<Day> recent = days.subList(0, Math.min(t.recentSessions(), days.size()));
        List<Day> earlier = days.subList(recent.size(), days.size());

        if (recent.size() >= t.minRecentSessions() && earlier.size() >= t.minEarlierSessions()) {
            int recentCame = count(recent, Day::attended);
            int earlierCame = count(earlier, Day::attended);
            int recentShare = percent(recentCame, recent.size());
            int earlierShare = percent(earlierCame, earlier.size());
            if (earlierShare - recentShare >= t.fallPercentagePoints()) {
                out.add(new Signal("attendance_falling", List.of(recentCame, recent.size(), earlierCame, earlier.size())));
            }
        }

        List<Day> lastAttended = new ArrayList<>();
        for (Day d : days) if (d.attended() && lastAttended.size() < t.lateWindow()) lastAttended.add(d);
        if (lastAttended.size() == t.lateWindow()) {
            int late = count(lastAttended, d -> d.lateBy(t.minutesLate()));
            List<Day> before = new ArrayList<>();
            for (Day d : days) if (d.attended() && !lastAttended.contains(d)) before.add(d);
            int lateBefore = count(before, d -> d.lateBy(t.minutesLate()));
            if (late >= t.lateOfLastAttended() && before.size() >= t.minEarlierSessions()
                    && percent(lateBefore, before.size()) <= t.maxEarlierLatePercent()) {
                int minutes = 0;
                for (Day d : lastAttended) if (d.lateBy(t.minutesLate())) minutes += d.minutesLate();
                out.add(new Signal("arrivals_later", List.of(late, lastAttended.size(), Math.round((float) minutes / late),
                        lateBefore, before.size())));
            }
        }

        int shorter = 0;
        for (Agreement ag : latestAgreements(a, date.minusDays(t.shorterDaysWindowDays() - 1L), date)) {
            if (shortens(a, ag)) shorter++;
        }
        if (shorter >= t.shorterDaysAgreed()) out.add(new Signal("shorter_days", List.of(shorter, t.shorterDaysWindowDays())));

        if (!days.isEmpty() && days.get(0).date().equals(date) && days.get(0).registration().unexcused()) {
            int run = 0;
            for (Day d : days.subList(1, days.size())) {
                if (!d.attended()) break;
                run++;
            }
            if (run >= t.stableRunSessions()) out.add(new Signal("absence_after_stable_run", List.of(run)));
        }

        Optional<Registration> today = a.registrationOn(date);
        if (today.isPresent() && today.get().status() != Registration.Status.PRESENT) {
            for (Internship i : a.internships()) {
                if (!i.covers(date)) continue;
                // the date's place among the internship's working days, and how many of them fell short so far
                int working = 0;
                int shortOfPresent = 0;
                for (LocalDate d = i.from(); !d.isAfter(date); d = d.plusDays(1)) {
                    if (!expectations.workingDays().isWorkingDay(referral.programmeId(), d)) continue;
                    working++;
                    Optional<Registration> r = a.registrationOn(d);
                    if (r.isPresent() && r.get().status() != Registration.Status.PRESENT) shortOfPresent++;
                }
                if (working <= t.internshipStartDays()) {
                    out.add(new Signal("internship_start", List.of(shortOfPresent, working)));
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** The latest agreement of each date in the range. */
    private static List<Agreement> latestAgreements(Attendance a, LocalDate from, LocalDate to) {
        List<Agreement> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) a.agreementOn(d).ifPresent(out::add);
        return out;
    }

    /** A day off, a later start or fewer minutes than the plan in force on the agreement's date asked. */
    private static boolean shortens(Attendance a, Agreement ag) {
        Optional<AttendancePlan> plan = a.planOn(ag.date());
        if (ag.dayOff()) return plan.map(p -> p.plannedOn(ag.date())).orElse(false);
        if (plan.isEmpty() || !plan.get().plannedOn(ag.date())) return false;
        return ag.minutes() < plan.get().minutes() || ag.start().isAfter(plan.get().start());
    }

    private interface Test {
        boolean of(Day d);
    }

    private static int count(List<Day> days, Test test) {
        int n = 0;
        for (Day d : days) if (test.of(d)) n++;
        return n;
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
