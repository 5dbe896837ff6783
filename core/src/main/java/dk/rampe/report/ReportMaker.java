package dk.rampe.report;

import dk.rampe.path.JobKind;
import dk.rampe.referral.DeclineReason;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.settings.ReportSettings;
import dk.rampe.settings.Settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Computes a programme's monthly report from dated history as it stood at the month's end:
 * referral status changes and phase moves dated before the end and recorded before it. What was
 * recorded later is listed as a correction and left out, so the report made again later gives the
 * same figures. When a month's report is first made after the month's end, its figures are kept as
 * de-identified {@link MonthlyFacts}; a month made again takes its figures from them, and the totals since the
 * start, the trends and the earlier months behind the suppression from the months kept, so none of them
 * changes or shrinks when personal data is deleted after the retention.
 */
public final class ReportMaker {
    /** A jobcentre referring above 125 % or below 75 % of the pace to its quota is warned about. */
    static final double PACE_HIGH = 1.25;
    static final double PACE_LOW = 0.75;
    /** No pace warning before the pace expects at least this many referrals (too early to tell). */
    static final double PACE_MIN_EXPECTED = 5;
    /** Medians, percentiles and rates need at least this many behind them. */
    static final int MIN_GROUP = 5;
    /** The figure key of declines without a reason code (text only, or recorded before the codes). */
    static final String NOT_CODED = "not_coded";
    /** The figure key part of job starts whose kind was not recorded. */
    static final String NOT_RECORDED = "not_recorded";

    private final ReportSources sources;
    private final MonthlyFacts facts;
    private final Clock clock;

    public ReportMaker(ReportReferrals referrals, PhaseMoves phaseMoves, AttendanceFigures attendance,
                       AftercareFigures aftercare, DeliveryFigures delivery, Clock clock) {
        this(ReportSources.of(referrals, phaseMoves, attendance, aftercare, delivery), clock);
    }

    /** Opens the sources once per report, so an adapter can read the programme once. */
    public ReportMaker(ReportSources sources, Clock clock) {
        this(sources, MonthlyFacts.NONE, clock);
    }

    /** Reads the months kept in {@code facts} and keeps each ended month's figures when first made. */
    public ReportMaker(ReportSources sources, MonthlyFacts facts, Clock clock) {
        this.sources = sources;
        this.facts = facts;
        this.clock = clock;
    }

    public MonthlyReport make(Settings.Programme programme, Map<String, String> jobcentreNames, ReportPeriod period) {
        Instant end = period.end();
        Instant madeAt = clock.instant();
        ReportSources.Sources src = sources.open(programme.id(), period);
        List<Referral> all = src.referrals().ofProgramme(programme.id()).stream()
                .filter(r -> programme.id().equals(r.programmeId())).toList();
        List<PhaseMove> moves = src.moves().moves(programme.id());
        Set<String> jobcentres = new LinkedHashSet<>();
        programme.partners().forEach(p -> jobcentres.add(p.jobcentreId()));
        all.stream().filter(r -> r.knownBefore(end)).map(Referral::jobcentreId).sorted()
                .forEach(jobcentres::add);
        // the scopes of the month as kept (or of the latest month kept before), then any new ones: a jobcentre
        // whose referrals were all deleted keeps its place
        NavigableMap<YearMonth, MonthlyFacts.Month> keptMonths = facts.months(programme.id());
        Map.Entry<YearMonth, MonthlyFacts.Month> base = keptMonths.floorEntry(period.month());
        Set<String> scopeSet = new LinkedHashSet<>();
        if (base != null) scopeSet.addAll(base.getValue().scopes());
        scopeSet.add(MonthlyReport.PROGRAMME);
        scopeSet.addAll(jobcentres);
        List<String> scopes = List.copyOf(scopeSet);
        Map<String, String> names = new LinkedHashMap<>();
        names.put(MonthlyReport.PROGRAMME, programme.name());
        for (String jc : scopes) {
            if (!jc.equals(MonthlyReport.PROGRAMME)) names.put(jc, jobcentreNames.getOrDefault(jc, jc));
        }

        Kept kept = new Kept(keptMonths, m -> liveCounts(programme, all, moves, scopes, src,
                new ReportPeriod(m, period.zone())));
        History h = new History(all, moves, end);
        Disclosure disclosure = disclosure(programme, all, moves, scopes, period, kept);
        Builder b = new Builder(scopes);
        b.disclosure = disclosure;
        b.month = period.month();
        kept.into(b, period.month());
        // the counted sections first, exactly as every later report's replay of this month shows them
        Builder replay = new Builder(scopes);
        replay.disclosure = disclosure;
        replay.month = period.month();
        kept.into(replay, period.month());
        counts(replay, programme, h, period, new ArrayList<>(), Optional.empty());
        b.fixed = replay.suppress();
        List<String> warnings = new ArrayList<>();

        Optional<AftercareFigures.Aftercare> aft = src.aftercare().month(programme.id(), period, end);
        counts(b, programme, h, period, warnings, aft);
        Optional<AttendanceFigures.Attendance> att = src.attendance().month(programme.id(), period, end);
        attendance(b, att);
        aftercare(b, aft);
        Optional<WarningFigures.Warnings> warn = src.warnings().month(programme.id(), period, end);
        warnings(b, warn);
        targets(b, programme.report(), h, period, aft, programme, src.aftercare(), disclosure, kept);
        b.sameIn("exits/total.work_or_education", "targets/exits_to_work_or_education.actual");
        b.sameIn("funders/participants_at_start.total", "targets/employer_based_share.participants");
        DeliveryFigures.Nudges n = src.delivery().nudges(programme.id(), end);
        b.setting("delivery", "nudges.failed", MonthlyReport.PROGRAMME, n.failed());
        b.setting("delivery", "nudges.waiting", MonthlyReport.PROGRAMME, n.waiting());
        if (att.isPresent()) {
            b.countPerJobcentre("delivery", "gaps.enrolled_without_attendance_plan",
                    jc -> att.get().byJobcentre().getOrDefault(jc, AttendanceFigures.PerJobcentre.NONE).enrolledWithoutPlan());
        } else {
            b.pending("delivery", "gaps.enrolled_without_attendance_plan");
        }
        if (aft.isPresent()) {
            b.countPerJobcentre("delivery", "gaps.jobs_without_aftercare_outcome",
                    jc -> aft.get().byJobcentre().getOrDefault(jc, AftercareFigures.PerJobcentre.NONE).jobsWithoutAftercareOutcome());
        } else {
            b.pending("delivery", "gaps.jobs_without_aftercare_outcome");
        }

        // corrections: dated within the month, recorded after its end (up to now)
        Builder corrections = new Builder(scopes);
        corrections.atLeast = b.own; // listed as first made, and what was recorded since
        corrections.countPerScope("corrections", "phase_moves_recorded_after_month_end", scope -> moves.stream()
                .filter(m -> period.contains(m.at()) && !m.recordedAt().isBefore(end) && !m.recordedAt().isAfter(madeAt))
                .filter(m -> h.inScope(m.referralId(), scope)).count());
        // referrals received, decided, enrolled or exited in the month (their effective date), recorded after its end
        corrections.countPerScope("corrections", "status_changes_recorded_after_month_end", scope -> all.stream()
                .filter(r -> scope.equals(MonthlyReport.PROGRAMME) || r.jobcentreId().equals(scope))
                .flatMap(r -> r.history().stream())
                .filter(c -> period.contains(c.at()) && !c.recordedAt().isBefore(end) && !c.recordedAt().isAfter(madeAt))
                .count());
        // the late corrections of earlier months: recorded in this month, dated before it (in the totals since now)
        corrections.countPerScope("corrections", "status_changes_dated_in_earlier_months", scope -> all.stream()
                .filter(r -> scope.equals(MonthlyReport.PROGRAMME) || r.jobcentreId().equals(scope))
                .flatMap(r -> r.history().stream())
                .filter(c -> c.at().isBefore(period.start()) && period.contains(c.recordedAt())).count());
        corrections.countPerScope("corrections", "phase_moves_dated_in_earlier_months", scope -> moves.stream()
                .filter(m -> m.at().isBefore(period.start()) && period.contains(m.recordedAt()))
                .filter(m -> h.inScope(m.referralId(), scope)).count());
        att.ifPresent(a -> corrections.countPerJobcentre("corrections", "attendance_registrations_recorded_after_month_end",
                jc -> a.byJobcentre().getOrDefault(jc, AttendanceFigures.PerJobcentre.NONE).registrationsRecordedAfterMonthEnd()));

        Map<String, Figure> figures = b.build();
        List<MonthlyReport.IntakePoint> intakeOverTime = intakeOverTime(programme, all, period, disclosure,
                figures.get(Builder.id("intake", "received.total", MonthlyReport.PROGRAMME)),
                b.counts.get(Builder.id("intake", "received.total", MonthlyReport.PROGRAMME)), kept);
        List<MonthlyReport.MonthValue> absence = att.map(a -> a.last12Months().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new MonthlyReport.MonthValue(e.getKey(), e.getValue().participants() >= MIN_GROUP
                        && e.getValue().planned() > 0 ? round1(100 * (e.getValue().planned() - e.getValue().attended())
                        / e.getValue().planned()) : Double.NaN)).toList()).orElse(List.of());
        if (b.own != null && b.own.keySet().stream().anyMatch(id -> id.startsWith(ABSENCE_CHART))) {
            absence = b.own.entrySet().stream().filter(e -> e.getKey().startsWith(ABSENCE_CHART))
                    .map(e -> new MonthlyReport.MonthValue(YearMonth.parse(e.getKey().substring(ABSENCE_CHART.length())),
                            e.getValue())).sorted(Comparator.comparing(MonthlyReport.MonthValue::month)).toList();
        }
        for (MonthlyReport.MonthValue v : absence) b.values.put(ABSENCE_CHART + v.month(), v.value());
        corrections.values.forEach(b.values::putIfAbsent);
        if (b.own == null && !madeAt.isBefore(end)) {
            facts.keepFirst(programme.id(), new MonthlyFacts.Month(period.month(), scopes, b.values));
        }

        List<MonthlyReport.Section> sections = new ArrayList<>();
        for (String id : MonthlyReport.SECTION_IDS) {
            List<Figure> fs = figures.values().stream().filter(f -> f.section().equals(id)).toList();
            boolean pending = (id.equals("attendance") && att.isEmpty()) || (id.equals("aftercare") && aft.isEmpty())
                    || (id.equals("warnings") && warn.isEmpty());
            sections.add(new MonthlyReport.Section(id, pending, fs));
        }
        return new MonthlyReport(programme.id(), programme.name(), period.month(), end, madeAt, scopes, names,
                sections, warnings, List.copyOf(corrections.build().values()), intakeOverTime, absence);
    }

    // --- totals since the start against the months ----------------------------------------------

    /**
     * The totals since the start and the monthly cells whose sum is each one's growth in a month: a total is
     * updated only when it grew by 5 or more since its last published value, and the audit writes down that it
     * grows by its month's cells ({@link Disclosure}).
     */
    static List<Disclosure.Cumulative> cumulatives() {
        List<Disclosure.Cumulative> c = new ArrayList<>();
        c.add(cumulative("intake", "received.total", "intake", "received.month"));
        c.add(cumulative("since_start", "since_start.referred", "intake", "received.month"));
        for (String s : List.of("accepted", "declined", "outside_target_group")) {
            c.add(cumulative("intake", s + ".total", "intake", s + ".month"));
        }
        c.add(new Disclosure.Cumulative("intake", "over_quota.total", null));
        c.add(cumulative("funders", "participants_at_start.total", "funders", "participants_at_start.month"));
        c.add(cumulative("flow", "participants.total", "funders", "participants_at_start.month"));
        c.add(cumulative("since_start", "since_start.enrolled", "funders", "participants_at_start.month"));
        c.add(cumulative("funders", "participants_at_exit.total", "funders", "participants_at_exit.month"));
        c.add(cumulative("exits", "total", "exits", "month.total"));
        c.add(cumulative("since_start", "since_start.exits.total", "exits", "month.total"));
        Set<String> toWork = new LinkedHashSet<>();
        for (ExitOutcome o : ExitOutcome.values()) {
            c.add(cumulative("since_start", "since_start.exits." + o.wireName(), "exits", "month." + o.wireName()));
            if (o.employmentOrEducation()) toWork.add("month." + o.wireName());
        }
        c.add(new Disclosure.Cumulative("exits", "total.work_or_education", (s, k) -> s.equals("exits") && toWork.contains(k)));
        c.add(new Disclosure.Cumulative("since_start", "since_start.internships",
                (s, k) -> s.equals("flow") && k.startsWith("moves.") && k.endsWith("_to_" + Phase.INTERNSHIP.wireName())));
        c.add(new Disclosure.Cumulative("since_start", "since_start.jobs.total",
                (s, k) -> s.equals("flow") && k.startsWith("moves.") && k.endsWith("_to_" + Phase.PAID_HOURS_OR_JOB.wireName())));
        for (JobKind kind : JobKind.values()) {
            c.add(new Disclosure.Cumulative("since_start", "since_start.jobs." + kind.wireName(), null));
        }
        c.add(new Disclosure.Cumulative("since_start", "since_start.jobs." + NOT_RECORDED, null));
        return c;
    }

    private static Disclosure.Cumulative cumulative(String section, String key, String monthlySection, String monthlyKey) {
        return new Disclosure.Cumulative(section, key, (s, k) -> s.equals(monthlySection) && k.equals(monthlyKey));
    }

    /**
     * The head counts a reader follows from month to month: those waiting for visitation (last month's, plus the
     * month's referrals, less its decisions) and each phase's (last month's, plus the moves into it, less the
     * moves out of it).
     */
    static List<Disclosure.Stock> stocks() {
        List<Disclosure.Stock> out = new ArrayList<>();
        Set<String> decisions = Set.of("accepted.month", "declined.month", "outside_target_group.month");
        out.add(new Disclosure.Stock("intake", "awaiting_visitation", (s, k) -> s.equals("intake") && k.equals("received.month"),
                (s, k) -> s.equals("intake") && decisions.contains(k)));
        for (Phase ph : Phase.values()) {
            String w = ph.wireName();
            out.add(new Disclosure.Stock("flow", "phase." + w,
                    (s, k) -> s.equals("flow") && k.startsWith("moves.") && k.endsWith("_to_" + w),
                    (s, k) -> s.equals("flow") && k.startsWith("moves." + w + "_to_")));
        }
        return out;
    }

    /** The counted sections of a month (the ones with totals since the start), and which cells are one figure. */
    private void counts(Builder b, Settings.Programme programme, History h, ReportPeriod period, List<String> warnings,
                        Optional<AftercareFigures.Aftercare> aft) {
        sinceStart(b, h);
        intake(b, programme, h, period, warnings);
        flow(b, h, period);
        exits(b, h, period);
        funders(b, h, period, aft);
        b.sameIn("intake/received.total", "since_start/since_start.referred");
        b.sameIn("funders/participants_at_start.total", "flow/participants.total", "since_start/since_start.enrolled");
        b.sameIn("exits/total", "since_start/since_start.exits.total");
        b.sameIn("funders/participants_at_start.month", "flow/moves.start_to_course");
        // the exits into work or education since the start add up to the exits section's total of them
        for (String scope : b.scopes) {
            List<String> parts = new ArrayList<>();
            for (ExitOutcome o : ExitOutcome.values()) {
                if (o.employmentOrEducation()) parts.add(Builder.id("since_start", "since_start.exits." + o.wireName(), scope));
            }
            b.groups.add(new Suppression.Group(parts, Builder.id("exits", "total.work_or_education", scope)));
        }
    }

    /**
     * Every earlier month's counted sections since the intake opened, as that month's report showed them:
     * what a reader of all the reports has.
     */
    private Disclosure disclosure(Settings.Programme programme, List<Referral> all, List<PhaseMove> moves,
                                  List<String> scopes, ReportPeriod period, Kept kept) {
        Disclosure d = new Disclosure(cumulatives(), stocks(), YearMonth.from(programme.intakeOpens()));
        for (YearMonth m = YearMonth.from(programme.intakeOpens()); m.isBefore(period.month()); m = m.plusMonths(1)) {
            ReportPeriod pm = new ReportPeriod(m, period.zone());
            Builder bm = new Builder(scopes);
            bm.disclosure = d;
            bm.month = m;
            kept.into(bm, m);
            counts(bm, programme, new History(all, moves, pm.end()), pm, new ArrayList<>(), Optional.empty());
            d.record(m, bm.counts, bm.suppress(), bm.groups, bm.same);
        }
        return d;
    }

    // --- the months kept --------------------------------------------------------------------------

    /** The prefix of the absence chart's points in a month's facts. */
    static final String ABSENCE_CHART = "chart/absence@";

    /**
     * The totals since the start a month would show computed from the data as it is now (no facts kept):
     * what the deletions since that month was kept are measured against.
     */
    private Map<String, Long> liveCounts(Settings.Programme programme, List<Referral> all, List<PhaseMove> moves,
                                         List<String> scopes, ReportSources.Sources src, ReportPeriod pm) {
        Builder b = new Builder(scopes);
        History h = new History(all, moves, pm.end());
        Optional<AftercareFigures.Aftercare> aft = src.aftercare().month(programme.id(), pm, pm.end());
        counts(b, programme, h, pm, new ArrayList<>(), aft);
        aftercare(b, aft);
        b.single("targets", ReportSettings.TargetKind.EMPLOYER_BASED_SHARE.wireName() + ".reached", MonthlyReport.PROGRAMME,
                h.participants(MonthlyReport.PROGRAMME).filter(h::everEmployerBased).count());
        return b.counts;
    }

    /**
     * A total since the start: what a participant added to it stays in it, so the participants deleted since
     * a month was kept are the difference between the total kept and the same total computed now.
     */
    static boolean totalSinceStart(String id) {
        if (id.startsWith(Builder.HIDDEN_MARK)) return false;
        String section = id.substring(0, id.indexOf('/'));
        String key = id.substring(id.indexOf('/') + 1, id.lastIndexOf('@'));
        return switch (section) {
            case "since_start" -> true;
            case "intake", "funders", "aftercare" -> key.endsWith(".total");
            case "flow" -> key.equals("participants.total") || key.equals("phase." + Phase.EXITED.wireName());
            case "exits" -> key.equals("total") || key.equals("total.work_or_education");
            case "targets" -> key.endsWith(".reached");
            default -> false;
        };
    }

    /**
     * The months kept of a programme. A month kept gives its own figures; a month not kept computes from the
     * data and adds, to each total since the start, what the data lost since the latest month kept before it
     * (that month's total kept minus the same total computed now, never below 0: what was recorded later,
     * dated in a kept month, adds to the data and is counted as it comes).
     */
    static final class Kept {
        private final NavigableMap<YearMonth, MonthlyFacts.Month> months;
        private final Function<YearMonth, Map<String, Long>> live;
        private final Map<YearMonth, Map<String, Double>> lost = new HashMap<>();

        Kept(NavigableMap<YearMonth, MonthlyFacts.Month> months, Function<YearMonth, Map<String, Long>> live) {
            this.months = months;
            this.live = live;
        }

        /** The month's own facts, or null when it was not kept. */
        Map<String, Double> own(YearMonth m) {
            MonthlyFacts.Month f = months.get(m);
            return f == null ? null : f.values();
        }

        /** What each total since the start lost to deletion since the latest month kept before {@code m}. */
        Map<String, Double> lost(YearMonth m) {
            Map.Entry<YearMonth, MonthlyFacts.Month> before = months.lowerEntry(m);
            if (before == null) return Map.of();
            return lost.computeIfAbsent(before.getKey(), k -> {
                Map<String, Long> now = live.apply(k);
                Map<String, Double> out = new HashMap<>();
                before.getValue().values().forEach((id, v) -> {
                    if (totalSinceStart(id) && !Double.isNaN(v)) out.put(id, Math.max(0, v - now.getOrDefault(id, 0L)));
                });
                return out;
            });
        }

        void into(Builder b, YearMonth m) {
            b.own = own(m);
            b.lost = b.own != null ? Map.of() : lost(m);
        }

        /** A count of month {@code m} as kept, or computed ({@code live}) and made up for what was deleted. */
        long valueAt(YearMonth m, String id, long live) {
            Map<String, Double> own = own(m);
            if (own != null && own.containsKey(id) && !Double.isNaN(own.get(id))) return Math.round(own.get(id));
            return live + Math.round(lost(m).getOrDefault(id, 0.0));
        }

        boolean has(YearMonth m, String id) {
            Map<String, Double> own = own(m);
            return own != null && own.containsKey(id);
        }
    }

    // --- sections -------------------------------------------------------------------------------

    /**
     * What a steering group reads: totals since the programme's start, as they stood at the month's end.
     * Starts of internships and jobs count every move into one (a participant who started two jobs counts
     * twice), by the rule of the flow section's moves; jobs by the kind the job start recorded.
     */
    private void sinceStart(Builder b, History h) {
        String s = "since_start";
        b.countPerJobcentre(s, "since_start.referred", jc -> h.referrals(jc).count());
        b.countPerJobcentre(s, "since_start.enrolled", jc -> h.participants(jc).count());
        b.countPerJobcentre(s, "since_start.internships", jc -> h.participants(jc)
                .mapToLong(r -> h.starts(r, Phase.INTERNSHIP).count()).sum());
        List<String> jobKeys = new ArrayList<>();
        for (JobKind kind : JobKind.values()) {
            String key = "since_start.jobs." + kind.wireName();
            jobKeys.add(key);
            b.countPerJobcentre(s, key, jc -> h.participants(jc)
                    .mapToLong(r -> h.starts(r, Phase.PAID_HOURS_OR_JOB).filter(e -> e.jobKind() == kind).count()).sum());
        }
        String notRecorded = "since_start.jobs." + NOT_RECORDED;
        jobKeys.add(notRecorded);
        b.countPerJobcentre(s, notRecorded, jc -> h.participants(jc)
                .mapToLong(r -> h.starts(r, Phase.PAID_HOURS_OR_JOB).filter(e -> e.jobKind() == null).count()).sum());
        b.countPerJobcentre(s, "since_start.jobs.total", jc -> h.participants(jc)
                .mapToLong(r -> h.starts(r, Phase.PAID_HOURS_OR_JOB).count()).sum());
        b.group(s, jobKeys, "since_start.jobs.total");
        List<String> exitKeys = new ArrayList<>();
        for (ExitOutcome o : ExitOutcome.values()) {
            String key = "since_start.exits." + o.wireName();
            exitKeys.add(key);
            b.countPerJobcentre(s, key, jc -> h.exits(jc, Instant.MIN).filter(c -> o.wireName().equals(c.outcome())).count());
        }
        b.countPerJobcentre(s, "since_start.exits.total", jc -> h.exits(jc, Instant.MIN).count());
        b.group(s, exitKeys, "since_start.exits.total");
    }

    private void intake(Builder b, Settings.Programme p, History h, ReportPeriod period, List<String> warnings) {
        Instant start = period.start();
        b.countPerJobcentre("intake", "received.month", jc -> h.referrals(jc).filter(r -> period.contains(r.createdAt())).count());
        b.countPerJobcentre("intake", "received.total", jc -> h.referrals(jc).count());
        b.countPerJobcentre("intake", "over_quota.total", jc -> h.referrals(jc).filter(Referral::overQuota).count());
        List<String> decided = new ArrayList<>();
        for (ReferralStatus s : List.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.OUTSIDE_TARGET_GROUP)) {
            b.countPerJobcentre("intake", s.wireName() + ".month",
                    jc -> h.referrals(jc).filter(r -> h.changes(r).stream()
                            .anyMatch(c -> c.status() == s && !c.at().isBefore(start))).count());
            b.countPerJobcentre("intake", s.wireName() + ".total",
                    jc -> h.referrals(jc).filter(r -> h.changes(r).stream().anyMatch(c -> c.status() == s)).count());
            decided.add(s.wireName() + ".total");
        }
        b.countPerJobcentre("intake", "awaiting_visitation", jc -> h.referrals(jc)
                .filter(r -> h.statusAtEnd(r) == ReferralStatus.RECEIVED).count());
        b.group("intake", List.of("accepted.month", "declined.month", "outside_target_group.month"), null);
        // every referral received by the end is accepted (and maybe enrolled, exited), declined, outside or waiting
        List<String> parts = new ArrayList<>(decided);
        parts.add("awaiting_visitation");
        b.group("intake", parts, "received.total");
        // declines of the month by their reason code (the free text is never shown)
        List<String> reasonKeys = new ArrayList<>();
        for (DeclineReason reason : DeclineReason.values()) {
            String key = "declined.reason." + reason.wireName() + ".month";
            reasonKeys.add(key);
            b.countPerJobcentre("intake", key, jc -> h.declinesInMonth(jc, start)
                    .filter(c -> reason.wireName().equals(c.reasonCode())).count());
        }
        String notCoded = "declined.reason." + NOT_CODED + ".month";
        reasonKeys.add(notCoded);
        b.countPerJobcentre("intake", notCoded, jc -> h.declinesInMonth(jc, start)
                .filter(c -> DeclineReason.fromWire(c.reasonCode()).isEmpty()).count());
        b.group("intake", reasonKeys, "declined.month");

        int totalQuota = p.partners().stream().mapToInt(Settings.Partner::quota).sum();
        double fraction = paceFraction(p, period);
        long monthsLeft = monthsLeft(p, period);
        b.setting("intake", "quota", MonthlyReport.PROGRAMME, totalQuota);
        b.setting("intake", "pace", MonthlyReport.PROGRAMME, round1(totalQuota * fraction));
        b.neededPace(MonthlyReport.PROGRAMME, totalQuota,
                b.counts.get(Builder.id("intake", "received.total", MonthlyReport.PROGRAMME)), monthsLeft);
        for (Settings.Partner partner : p.partners()) {
            b.setting("intake", "quota", partner.jobcentreId(), partner.quota());
            double pace = partner.quota() * fraction;
            b.setting("intake", "pace", partner.jobcentreId(), round1(pace));
            long received = b.counts.getOrDefault(Builder.id("intake", "received.total", partner.jobcentreId()), 0L);
            b.neededPace(partner.jobcentreId(), partner.quota(), received, monthsLeft);
            if (pace >= PACE_MIN_EXPECTED && received > pace * PACE_HIGH) {
                warnings.add("intake.pace.above:" + partner.jobcentreId());
            } else if (pace >= PACE_MIN_EXPECTED && received < pace * PACE_LOW) {
                warnings.add("intake.pace.below:" + partner.jobcentreId());
            }
        }
        // starts (enrolments) in the four weeks (28 local days) before the month's end, per consultant
        Instant from = period.end().atZone(period.zone()).minusDays(28).toInstant();
        Predicate<StatusChange> recentStart = c -> c.status() == ReferralStatus.ENROLLED && !c.at().isBefore(from);
        b.countPerJobcentre("intake", "starts.last_4_weeks", jc -> h.referrals(jc)
                .filter(r -> h.changes(r).stream().anyMatch(recentStart)).count());
        Map<String, Long> starts = new HashMap<>();
        h.referrals(MonthlyReport.PROGRAMME).forEach(r -> h.changes(r).stream().filter(recentStart)
                .forEach(c -> starts.merge(String.valueOf(r.consultantId()), 1L, Long::sum)));
        b.single("intake", "starts.max_per_consultant_last_4_weeks", MonthlyReport.PROGRAMME,
                starts.values().stream().mapToLong(Long::longValue).max().orElse(0));
        int max = p.report().maxStartsPerConsultant4Weeks();
        if (max > 0) {
            b.setting("intake", "starts.max_per_consultant_setting", MonthlyReport.PROGRAMME, max);
            long over = b.fact(Builder.id("intake", "starts.consultants_over_max_last_4_weeks", MonthlyReport.PROGRAMME),
                    starts.values().stream().filter(v -> v > max).count());
            if (over > 0) warnings.add("intake.starts.bunching:" + over);
        }
    }

    /** The share of the intake window (opens..stops, inclusive) passed by the month's end, 0..1. */
    static double paceFraction(Settings.Programme p, ReportPeriod period) {
        LocalDate lastDay = period.month().atEndOfMonth();
        long total = ChronoUnit.DAYS.between(p.intakeOpens(), p.intakeStops()) + 1;
        long passed = ChronoUnit.DAYS.between(p.intakeOpens(), lastDay) + 1;
        if (total <= 0) return 1;
        return Math.max(0, Math.min(1, (double) passed / total));
    }

    /** Months of intake left after the report month, up to the month of the intake stop date (inclusive). */
    static long monthsLeft(Settings.Programme p, ReportPeriod period) {
        return Math.max(0, ChronoUnit.MONTHS.between(period.month(), YearMonth.from(p.intakeStops())));
    }

    private void flow(Builder b, History h, ReportPeriod period) {
        List<String> phaseKeys = new ArrayList<>();
        for (Phase ph : Phase.values()) {
            String key = "phase." + ph.wireName();
            phaseKeys.add(key);
            b.countPerJobcentre("flow", key, jc -> h.participants(jc).filter(r -> h.phaseAt(r, period.end()) == ph).count());
        }
        b.countPerJobcentre("flow", "participants.total", jc -> h.participants(jc).count());
        b.group("flow", phaseKeys, "participants.total");
        // moves this month, in the order they happened
        Map<String, Map<String, Long>> movesByScope = new HashMap<>();
        Set<String> moveKeys = new TreeSet<>();
        h.participants(MonthlyReport.PROGRAMME).forEach(r -> {
            Phase before = null;
            for (Event e : h.phaseEvents(r)) {
                if (period.contains(e.at()) && e.phase() != before) {
                    String key = "moves." + (before == null ? "start" : before.wireName()) + "_to_" + e.phase().wireName();
                    moveKeys.add(key);
                    movesByScope.computeIfAbsent(MonthlyReport.PROGRAMME, k -> new HashMap<>()).merge(key, 1L, Long::sum);
                    movesByScope.computeIfAbsent(r.jobcentreId(), k -> new HashMap<>()).merge(key, 1L, Long::sum);
                }
                before = e.phase();
            }
        });
        if (b.own != null) {
            b.own.keySet().stream().filter(id -> id.startsWith("flow/moves."))
                    .forEach(id -> moveKeys.add(id.substring("flow/".length(), id.lastIndexOf('@'))));
        }
        for (String key : moveKeys) {
            b.countPerScope("flow", key, scope -> movesByScope.getOrDefault(scope, Map.of()).getOrDefault(key, 0L));
        }
    }

    private void exits(Builder b, History h, ReportPeriod period) {
        List<String> keys = new ArrayList<>();
        for (ExitOutcome o : ExitOutcome.values()) {
            String key = "month." + o.wireName();
            keys.add(key);
            b.countPerJobcentre("exits", key, jc -> h.exits(jc, period.start()).filter(c -> o.wireName().equals(c.outcome())).count());
        }
        b.countPerJobcentre("exits", "month.total", jc -> h.exits(jc, period.start()).count());
        b.group("exits", keys, "month.total");
        b.countPerJobcentre("exits", "total", jc -> h.exits(jc, Instant.MIN).count());
        b.countPerJobcentre("exits", "total.work_or_education", jc -> h.exits(jc, Instant.MIN)
                .filter(c -> ExitOutcome.fromWire(c.outcome()).map(ExitOutcome::employmentOrEducation).orElse(false)).count());
    }

    private void funders(Builder b, History h, ReportPeriod period, Optional<AftercareFigures.Aftercare> aft) {
        b.countPerJobcentre("funders", "participants_at_start.month", jc -> h.participants(jc)
                .filter(r -> period.contains(h.enrolledAt(r))).count());
        b.countPerJobcentre("funders", "participants_at_start.total", jc -> h.participants(jc).count());
        b.countPerJobcentre("funders", "participants_at_exit.month", jc -> h.participants(jc)
                .filter(r -> h.exitedAt(r) != null && period.contains(h.exitedAt(r))).count());
        b.countPerJobcentre("funders", "participants_at_exit.total", jc -> h.participants(jc)
                .filter(r -> h.exitedAt(r) != null).count());
        // IPS: of the participants on the caseload during the quarter (up to the month's end), the share who
        // were in competitive work at some time in it; the report of a quarter's last month (March, June,
        // September, December) gives the whole quarter
        YearMonth m = period.month();
        Instant quarterStart = new ReportPeriod(YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1),
                period.zone()).start();
        Instant end = period.end();
        b.countPerJobcentre("funders", "quarter.active", jc -> h.participants(jc)
                .filter(r -> h.exitedAt(r) == null || !h.exitedAt(r).isBefore(quarterStart)).count());
        b.countPerJobcentre("funders", "quarter.in_competitive_work", jc -> h.participants(jc)
                .filter(r -> h.exitedAt(r) == null || !h.exitedAt(r).isBefore(quarterStart))
                .filter(r -> h.competitiveWorkBetween(r, quarterStart, end)).count());
        b.ratePerScope("funders", "quarter.competitive_work_share", "quarter.in_competitive_work", "quarter.active");
        // IPS: people keeping a job for 90 days
        if (aft.isEmpty()) {
            b.pending("funders", "kept_job_90_days.month");
            b.pending("funders", "kept_job_90_days.total");
        } else {
            Function<String, AftercareFigures.PerJobcentre> of = jc -> aft.get().byJobcentre()
                    .getOrDefault(jc, AftercareFigures.PerJobcentre.NONE);
            b.countPerJobcentre("funders", "kept_job_90_days.month", jc -> of.apply(jc).keptJob90Days());
            b.countPerJobcentre("funders", "kept_job_90_days.total", jc -> of.apply(jc).keptJob90DaysToDate());
        }
    }

    private void attendance(Builder b, Optional<AttendanceFigures.Attendance> att) {
        if (att.isEmpty()) {
            for (String k : List.of("participants_planned", "hours.planned", "hours.attended", "absence_rate", "absences",
                    "minutes_to_nudge.median", "minutes_to_nudge.p90", "minutes_to_closed.median", "minutes_to_closed.p90",
                    "closed_same_day", "closed_same_day_share", "escalations", "participants_last_4_weeks",
                    "stable_last_4_weeks", "stable_last_4_weeks_share")) {
                b.pending("attendance", k);
            }
            return;
        }
        Map<String, AttendanceFigures.PerJobcentre> by = att.get().byJobcentre();
        Function<String, AttendanceFigures.PerJobcentre> of = jc -> by.getOrDefault(jc, AttendanceFigures.PerJobcentre.NONE);
        b.countPerJobcentre("attendance", "participants_planned", jc -> of.apply(jc).participantsPlanned());
        // hours of fewer than 5 people would tell their absence: shown only where the participant count is
        // shown and 5 or more (its complementary suppression then covers the hours too: same group)
        String people = "participants_planned";
        b.amountPerJobcentre("attendance", "hours.planned", jc -> of.apply(jc).plannedHours(), people);
        b.amountPerJobcentre("attendance", "hours.attended", jc -> of.apply(jc).attendedHours(), people);
        for (String scope : b.scopes) {
            double planned = b.raw("attendance", "hours.planned", scope);
            double attended = b.raw("attendance", "hours.attended", scope);
            b.rawRate("attendance", "absence_rate", scope, planned <= 0 ? Double.NaN : 100 * (planned - attended) / planned);
            b.dependsOn(Builder.id("attendance", "absence_rate", scope), Builder.id("attendance", people, scope), MIN_GROUP, "-");
        }
        b.countPerJobcentre("attendance", "absences", jc -> of.apply(jc).absencesDetected());
        // medians and 90th percentiles over every absence of the scope (the programme's: all of them),
        // only over 5 or more
        for (String scope : b.scopes) {
            List<Duration> toNudge = new ArrayList<>();
            List<Duration> toClosed = new ArrayList<>();
            for (String jc : b.scopes) {
                if (jc.equals(MonthlyReport.PROGRAMME) || !(scope.equals(MonthlyReport.PROGRAMME) || scope.equals(jc))) continue;
                toNudge.addAll(of.apply(jc).toNudge());
                toClosed.addAll(of.apply(jc).toClosed());
            }
            b.minutes("attendance", "minutes_to_nudge.median", scope, percentile(toNudge, 50), toNudge.size());
            b.minutes("attendance", "minutes_to_nudge.p90", scope, percentile(toNudge, 90), toNudge.size());
            b.minutes("attendance", "minutes_to_closed.median", scope, percentile(toClosed, 50), toClosed.size());
            b.minutes("attendance", "minutes_to_closed.p90", scope, percentile(toClosed, 90), toClosed.size());
        }
        b.countPerJobcentre("attendance", "closed_same_day", jc -> of.apply(jc).closedSameDay());
        b.ratePerScope("attendance", "closed_same_day_share", "closed_same_day", "absences");
        b.countPerJobcentre("attendance", "escalations", jc -> of.apply(jc).escalations());
        b.countPerJobcentre("attendance", "participants_last_4_weeks", jc -> of.apply(jc).participantsLast4Weeks());
        b.countPerJobcentre("attendance", "stable_last_4_weeks", jc -> of.apply(jc).stableLast4Weeks());
        b.ratePerScope("attendance", "stable_last_4_weeks_share", "stable_last_4_weeks", "participants_last_4_weeks");
    }

    /**
     * The early warning: warnings raised in the month and acted on within two working days; participants warned
     * the month before and still active a month after. Counts per jobcentre, suppressed as every count is.
     */
    private void warnings(Builder b, Optional<WarningFigures.Warnings> warn) {
        if (warn.isEmpty()) {
            for (String k : List.of("warnings.raised", "warnings.acted_on_within_2_working_days",
                    "warnings.acted_on_within_2_working_days_share", "warnings.warned_month_before",
                    "warnings.active_a_month_after", "warnings.active_a_month_after_share")) {
                b.pending("warnings", k);
            }
            return;
        }
        Map<String, WarningFigures.PerJobcentre> by = warn.get().byJobcentre();
        Function<String, WarningFigures.PerJobcentre> of = jc -> by.getOrDefault(jc, WarningFigures.PerJobcentre.NONE);
        b.countPerJobcentre("warnings", "warnings.raised", jc -> of.apply(jc).raised());
        b.countPerJobcentre("warnings", "warnings.acted_on_within_2_working_days",
                jc -> of.apply(jc).actedOnWithin2WorkingDays());
        b.ratePerScope("warnings", "warnings.acted_on_within_2_working_days_share",
                "warnings.acted_on_within_2_working_days", "warnings.raised");
        b.countPerJobcentre("warnings", "warnings.warned_month_before", jc -> of.apply(jc).warnedMonthBefore());
        b.countPerJobcentre("warnings", "warnings.active_a_month_after", jc -> of.apply(jc).activeAMonthAfter());
        b.ratePerScope("warnings", "warnings.active_a_month_after_share", "warnings.active_a_month_after",
                "warnings.warned_month_before");
    }

    /** Nearest-rank percentile; null without any value. */
    static Duration percentile(List<Duration> values, int p) {
        if (values.isEmpty()) return null;
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private void aftercare(Builder b, Optional<AftercareFigures.Aftercare> aft) {
        if (aft.isEmpty()) {
            for (String k : List.of("follow_ups.due", "follow_ups.on_time", "follow_ups.late", "follow_ups.overdue",
                    "employed_at_3_months_share", "employed_at_6_months_share",
                    "employed_or_education_6_months_after_exit_share", "kept_job_6_months.total_share",
                    "employed_or_education_6_months_after_exit.total",
                    "employed_or_education_6_months_after_exit.total_share")) {
                b.pending("aftercare", k);
            }
            return;
        }
        Map<String, AftercareFigures.PerJobcentre> by = aft.get().byJobcentre();
        Function<String, AftercareFigures.PerJobcentre> of = jc -> by.getOrDefault(jc, AftercareFigures.PerJobcentre.NONE);
        b.countPerJobcentre("aftercare", "follow_ups.due", jc -> of.apply(jc).followUpsDue());
        b.countPerJobcentre("aftercare", "follow_ups.on_time", jc -> of.apply(jc).doneOnTime());
        b.countPerJobcentre("aftercare", "follow_ups.late", jc -> of.apply(jc).doneLate());
        b.countPerJobcentre("aftercare", "follow_ups.overdue", jc -> of.apply(jc).overdue());
        b.group("aftercare", List.of("follow_ups.on_time", "follow_ups.late", "follow_ups.overdue"), "follow_ups.due");
        // each retention figure as checked and kept, checked and lost, not checked; a share over the checked
        checks(b, of, "job_starts_3_months_ago", "employed_at_3_months", "lost_job_at_3_months",
                "not_checked_at_3_months", "checked_at_3_months", "employed_at_3_months_share",
                x -> new long[] {x.jobStarts3MonthsAgo(), x.stillEmployedAt3Months(), x.lostAt3Months()});
        checks(b, of, "job_starts_6_months_ago", "employed_at_6_months", "lost_job_at_6_months",
                "not_checked_at_6_months", "checked_at_6_months", "employed_at_6_months_share",
                x -> new long[] {x.jobStarts6MonthsAgo(), x.stillEmployedAt6Months(), x.lostAt6Months()});
        checks(b, of, "exits_6_months_ago", "employed_or_education_6_months_after_exit",
                "not_employed_6_months_after_exit", "not_checked_6_months_after_exit", "checked_6_months_after_exit",
                "employed_or_education_6_months_after_exit_share",
                x -> new long[] {x.exits6MonthsAgo(), x.employedOrEducation6MonthsAfterExit(), x.notEmployed6MonthsAfterExit()});
        // since the start: every job whose six months are over, every exit six months or more ago
        checks(b, of, "job_starts_6_months_passed.total", "kept_job_6_months.total", "lost_job_6_months.total",
                "not_checked_job_6_months.total", "checked_job_6_months.total", "kept_job_6_months.total_share",
                x -> new long[] {x.jobStarts6MonthsPassedToDate(), x.keptJob6MonthsToDate(), x.lostJob6MonthsToDate()});
        checks(b, of, "exits_6_months_passed.total", "employed_or_education_6_months_after_exit.total",
                "not_employed_6_months_after_exit.total", "not_checked_6_months_after_exit.total",
                "checked_6_months_after_exit.total", "employed_or_education_6_months_after_exit.total_share",
                x -> new long[] {x.exits6MonthsPassedToDate(), x.employedOrEducation6MonthsAfterExitToDate(),
                        x.notEmployed6MonthsAfterExitToDate()});
    }

    /**
     * One retention figure: all, checked and kept, checked and lost, not checked (all minus the checked), the
     * checked, and the share kept of the checked; kept + lost + not checked = all and kept + lost = checked
     * are suppression groups.
     */
    private static void checks(Builder b, Function<String, AftercareFigures.PerJobcentre> of, String all, String kept,
                               String lost, String notChecked, String checked, String share,
                               Function<AftercareFigures.PerJobcentre, long[]> values) {
        b.countPerJobcentre("aftercare", all, jc -> values.apply(of.apply(jc))[0]);
        b.countPerJobcentre("aftercare", kept, jc -> values.apply(of.apply(jc))[1]);
        b.countPerJobcentre("aftercare", lost, jc -> values.apply(of.apply(jc))[2]);
        b.countPerJobcentre("aftercare", notChecked, jc -> {
            long[] v = values.apply(of.apply(jc));
            return v[0] - v[1] - v[2];
        });
        b.countPerJobcentre("aftercare", checked, jc -> values.apply(of.apply(jc))[1] + values.apply(of.apply(jc))[2]);
        b.group("aftercare", List.of(kept, lost, notChecked), all);
        b.group("aftercare", List.of(kept, lost), checked);
        b.ratePerScope("aftercare", share, kept, checked);
    }

    private void targets(Builder b, ReportSettings rs, History h, ReportPeriod period,
                         Optional<AftercareFigures.Aftercare> aft, Settings.Programme p, AftercareFigures aftercare,
                         Disclosure disclosure, Kept kept) {
        String all = MonthlyReport.PROGRAMME;
        // the months since the start, before this one: the trend is each one's figure at its end, as kept
        List<ReportPeriod> earlier = new ArrayList<>();
        for (YearMonth m = YearMonth.from(p.intakeOpens()); m.isBefore(period.month()); m = m.plusMonths(1)) {
            earlier.add(new ReportPeriod(m, period.zone()));
        }
        String participants = Builder.id("funders", "participants_at_start.total", all);
        String keptJob = Builder.id("aftercare", "kept_job_6_months.total", all);
        String lostJob = Builder.id("aftercare", "lost_job_6_months.total", all);
        String employedAfterExit = Builder.id("aftercare", "employed_or_education_6_months_after_exit.total", all);
        Map<YearMonth, AftercareFigures.PerJobcentre> aftercareTrend = new HashMap<>();
        for (ReportSettings.Target t : rs.targets()) {
            String k = t.kind().wireName();
            b.setting("targets", k + ".target", all, t.value());
            switch (t.kind()) {
                case EMPLOYER_BASED_SHARE -> {
                    String reachedId = Builder.id("targets", k + ".reached", all);
                    b.countPerScope("targets", k + ".reached", s -> s.equals(all) ? h.participants(all)
                            .filter(r -> h.everEmployerBased(r)).count() : -1);
                    b.copy("targets", k + ".participants", all, participants);
                    b.ratePerScope("targets", k + ".actual", k + ".reached", k + ".participants");
                    b.status("targets", k + ".status", all, share(b.counts.get(reachedId), b.counts.get(participants)),
                            t.value(), reachedId, Builder.id("targets", k + ".participants", all));
                    for (ReportPeriod m : earlier) {
                        boolean keptBoth = kept.has(m.month(), reachedId) && kept.has(m.month(), participants);
                        History past = keptBoth ? null : h.asOf(m.end());
                        long den = kept.valueAt(m.month(), participants, keptBoth ? 0 : past.participants(all).count());
                        long num = kept.valueAt(m.month(), reachedId, keptBoth ? 0
                                : past.participants(all).filter(past::everEmployerBased).count());
                        b.rawRate("targets", k + ".trend." + m.month(), all, share(num, den));
                    }
                }
                case EXITS_TO_WORK_OR_EDUCATION -> {
                    String toWork = Builder.id("exits", "total.work_or_education", all);
                    b.copy("targets", k + ".actual", all, toWork);
                    countStatus(b, k, b.counts.get(toWork), t.value(), p, period);
                    for (ReportPeriod m : earlier) {
                        long v = kept.valueAt(m.month(), toWork, kept.has(m.month(), toWork) ? 0
                                : h.asOf(m.end()).exits(all, Instant.MIN).filter(c -> ExitOutcome.fromWire(c.outcome())
                                .map(ExitOutcome::employmentOrEducation).orElse(false)).count());
                        // as that month's report showed its total (a trend point is no new number)
                        String then = disclosure.shownAt(m.month(), toWork);
                        b.asShown("targets", k + ".trend." + m.month(), all, v, then != null ? then
                                : v > 0 && v < 5 ? Figure.HIDDEN : Long.toString(v));
                    }
                }
                case KEPT_JOB_6_MONTHS_SHARE -> {
                    if (aft.isEmpty()) {
                        b.pendingOne("targets", k + ".actual", all);
                        continue;
                    }
                    // a share of the jobs checked at six months; how many were not checked is said beside it
                    long keptNow = b.counts.get(keptJob);
                    long lostNow = b.counts.get(lostJob);
                    b.rawRate("targets", k + ".actual", all, share(keptNow, keptNow + lostNow));
                    b.copy("targets", k + ".not_checked", all, Builder.id("aftercare", "not_checked_job_6_months.total", all));
                    b.status("targets", k + ".status", all, share(keptNow, keptNow + lostNow), t.value());
                    for (ReportPeriod m : earlier) {
                        AftercareFigures.PerJobcentre past = kept.has(m.month(), keptJob) && kept.has(m.month(), lostJob)
                                ? AftercareFigures.PerJobcentre.NONE : aftercareAt(aftercareTrend, aftercare, p, m);
                        b.rawRate("targets", k + ".trend." + m.month(), all, past == null ? Double.NaN
                                : share(kept.valueAt(m.month(), keptJob, past.keptJob6MonthsToDate()),
                                kept.valueAt(m.month(), keptJob, past.keptJob6MonthsToDate())
                                        + kept.valueAt(m.month(), lostJob, past.lostJob6MonthsToDate())));
                    }
                }
                case EMPLOYED_6_MONTHS_AFTER_EXIT -> {
                    if (aft.isEmpty()) {
                        b.pendingOne("targets", k + ".actual", all);
                        continue;
                    }
                    b.copy("targets", k + ".actual", all, employedAfterExit);
                    b.copy("targets", k + ".not_checked", all,
                            Builder.id("aftercare", "not_checked_6_months_after_exit.total", all));
                    countStatus(b, k, b.counts.get(employedAfterExit), t.value(), p, period);
                    for (ReportPeriod m : earlier) {
                        AftercareFigures.PerJobcentre past = kept.has(m.month(), employedAfterExit)
                                ? AftercareFigures.PerJobcentre.NONE : aftercareAt(aftercareTrend, aftercare, p, m);
                        if (past == null) b.pendingOne("targets", k + ".trend." + m.month(), all);
                        else b.single("targets", k + ".trend." + m.month(), all, kept.valueAt(m.month(),
                                employedAfterExit, past.employedOrEducation6MonthsAfterExitToDate()));
                    }
                }
            }
        }
    }

    /**
     * A count target's value expected by now (the target on a straight line over the intake window, as the
     * intake pace) and its status against it.
     */
    private static void countStatus(Builder b, String k, long actual, double target, Settings.Programme p,
                                    ReportPeriod period) {
        double expected = round1(target * paceFraction(p, period));
        b.setting("targets", k + ".expected_by_now", MonthlyReport.PROGRAMME, expected);
        b.status("targets", k + ".status", MonthlyReport.PROGRAMME, actual, expected,
                Builder.id("targets", k + ".actual", MonthlyReport.PROGRAMME));
    }

    /** A share in percent, NaN unless the numerator and the denominator are 5 or more. */
    static double share(long num, long den) {
        return num >= MIN_GROUP && den >= MIN_GROUP ? 100.0 * num / den : Double.NaN;
    }

    private static AftercareFigures.PerJobcentre aftercareAt(Map<YearMonth, AftercareFigures.PerJobcentre> memo,
                                                            AftercareFigures aftercare, Settings.Programme p,
                                                            ReportPeriod m) {
        if (!memo.containsKey(m.month())) {
            memo.put(m.month(), aftercare.month(p.id(), m, m.end()).map(ReportMaker::sum).orElse(null));
        }
        return memo.get(m.month());
    }

    /** The programme's aftercare figures: the jobcentres' added up. */
    static AftercareFigures.PerJobcentre sum(AftercareFigures.Aftercare a) {
        long[] s = new long[22];
        for (AftercareFigures.PerJobcentre x : a.byJobcentre().values()) {
            long[] v = {x.followUpsDue(), x.doneOnTime(), x.doneLate(), x.overdue(), x.jobStarts3MonthsAgo(),
                    x.stillEmployedAt3Months(), x.jobStarts6MonthsAgo(), x.stillEmployedAt6Months(), x.exits6MonthsAgo(),
                    x.employedOrEducation6MonthsAfterExit(), x.keptJob90Days(), x.jobsWithoutAftercareOutcome(),
                    x.jobStarts6MonthsPassedToDate(), x.keptJob6MonthsToDate(), x.exits6MonthsPassedToDate(),
                    x.employedOrEducation6MonthsAfterExitToDate(), x.keptJob90DaysToDate(), x.lostAt3Months(),
                    x.lostAt6Months(), x.notEmployed6MonthsAfterExit(), x.lostJob6MonthsToDate(),
                    x.notEmployed6MonthsAfterExitToDate()};
            for (int i = 0; i < v.length; i++) s[i] += v[i];
        }
        return new AftercareFigures.PerJobcentre(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11],
                s[12], s[13], s[14], s[15], s[16], s[17], s[18], s[19], s[20], s[21]);
    }

    /** Each point as that month's report showed the referrals received in total. */
    private static List<MonthlyReport.IntakePoint> intakeOverTime(Settings.Programme p, List<Referral> all, ReportPeriod period,
                                                                  Disclosure disclosure, Figure now, long nowReceived,
                                                                  Kept kept) {
        List<MonthlyReport.IntakePoint> out = new ArrayList<>();
        int quota = p.partners().stream().mapToInt(Settings.Partner::quota).sum();
        YearMonth first = YearMonth.from(p.intakeOpens());
        if (first.isBefore(period.month().minusMonths(11))) first = period.month().minusMonths(11);
        for (YearMonth m = first; !m.isAfter(period.month()); m = m.plusMonths(1)) {
            ReportPeriod pm = new ReportPeriod(m, period.zone());
            String id = Builder.id("intake", "received.total", MonthlyReport.PROGRAMME);
            long received = m.equals(period.month()) ? nowReceived : kept.valueAt(m, id, kept.has(m, id) ? 0
                    : all.stream().filter(r -> r.knownBefore(pm.end())).count());
            String then = m.equals(period.month()) ? now.shown()
                    : disclosure.shownAt(m, Builder.id("intake", "received.total", MonthlyReport.PROGRAMME));
            Figure f = Builder.countFigure("intake", "received.total." + m, MonthlyReport.PROGRAMME, received,
                    then != null ? then : received > 0 && received < 5 ? Figure.HIDDEN : Long.toString(received));
            out.add(new MonthlyReport.IntakePoint(m, f, round1(quota * paceFraction(p, pm)), quota));
        }
        return out;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A moment on a participant's path: from {@code at} they are in {@code phase} (in competitive work or not). */
    record Event(Instant at, Phase phase, boolean competitive, JobKind jobKind) {
    }

    // --- history as it stood -------------------------------------------------------------------

    /** Referrals and phase moves as they stood at {@code end}: dated and recorded before it. */
    static final class History {
        final List<Referral> referrals;
        final List<PhaseMove> moves;
        final Instant end;
        final Map<String, List<PhaseMove>> movesByReferral = new HashMap<>();
        final Map<String, String> jobcentreOf = new HashMap<>();

        History(List<Referral> all, List<PhaseMove> moves, Instant end) {
            this.referrals = all.stream().filter(r -> r.knownBefore(end))
                    .sorted(Comparator.comparing(Referral::id)).toList();
            this.moves = moves;
            this.end = end;
            for (PhaseMove m : moves) {
                if (m.at().isBefore(end) && m.recordedAt().isBefore(end)) {
                    movesByReferral.computeIfAbsent(m.referralId(), k -> new ArrayList<>()).add(m);
                }
            }
            for (Referral r : referrals) jobcentreOf.put(r.id(), r.jobcentreId());
        }

        History asOf(Instant earlier) {
            return new History(referrals, moves, earlier);
        }

        boolean inScope(String referralId, String scope) {
            String jc = jobcentreOf.get(referralId);
            return jc != null && (scope.equals(MonthlyReport.PROGRAMME) || scope.equals(jc));
        }

        java.util.stream.Stream<Referral> referrals(String scope) {
            return referrals.stream().filter(r -> scope.equals(MonthlyReport.PROGRAMME) || r.jobcentreId().equals(scope));
        }

        List<StatusChange> changes(Referral r) {
            return r.history().stream().filter(c -> c.knownBefore(end)).toList();
        }

        ReferralStatus statusAtEnd(Referral r) {
            List<StatusChange> c = changes(r);
            return c.isEmpty() ? ReferralStatus.RECEIVED : c.get(c.size() - 1).status();
        }

        Instant enrolledAt(Referral r) {
            return changes(r).stream().filter(c -> c.status() == ReferralStatus.ENROLLED).map(StatusChange::at)
                    .findFirst().orElse(null);
        }

        Instant exitedAt(Referral r) {
            return changes(r).stream().filter(c -> c.status() == ReferralStatus.EXITED).map(StatusChange::at)
                    .findFirst().orElse(null);
        }

        /** Enrolled by the end: the programme's participants. */
        java.util.stream.Stream<Referral> participants(String scope) {
            return referrals(scope).filter(r -> enrolledAt(r) != null);
        }

        /** Exits (from accepted or enrolled) from {@code from} to the end. */
        java.util.stream.Stream<StatusChange> exits(String scope, Instant from) {
            return referrals(scope).flatMap(r -> changes(r).stream())
                    .filter(c -> c.status() == ReferralStatus.EXITED && !c.at().isBefore(from));
        }

        /** Declines decided from {@code from} to the end. */
        java.util.stream.Stream<StatusChange> declinesInMonth(String scope, Instant from) {
            return referrals(scope).flatMap(r -> changes(r).stream())
                    .filter(c -> c.status() == ReferralStatus.DECLINED && !c.at().isBefore(from));
        }

        /** Enrolment (course), recorded phase moves, exit; in time order. */
        List<Event> phaseEvents(Referral r) {
            List<Event> out = new ArrayList<>();
            Instant enrolled = enrolledAt(r);
            if (enrolled == null) return out;
            out.add(new Event(enrolled, Phase.COURSE, false, null));
            for (PhaseMove m : movesByReferral.getOrDefault(r.id(), List.of())) {
                if (!m.at().isBefore(enrolled)) out.add(new Event(m.at(), m.to(), m.competitiveWork(), m.jobKind()));
            }
            Instant exited = exitedAt(r);
            if (exited != null) out.add(new Event(exited, Phase.EXITED, false, null));
            out.sort(Comparator.comparing(Event::at));
            return out;
        }

        Phase phaseAt(Referral r, Instant at) {
            Phase p = null;
            for (Event e : phaseEvents(r)) {
                if (e.at().isBefore(at)) p = e.phase();
            }
            return p;
        }

        /** Moves into {@code phase} from another phase, by the end (the flow section's moves). */
        java.util.stream.Stream<Event> starts(Referral r, Phase phase) {
            List<Event> out = new ArrayList<>();
            Phase before = null;
            for (Event e : phaseEvents(r)) {
                if (e.phase() == phase && e.phase() != before) out.add(e);
                before = e.phase();
            }
            return out.stream();
        }

        boolean everEmployerBased(Referral r) {
            return phaseEvents(r).stream().anyMatch(e -> e.phase() == Phase.INTERNSHIP || e.phase() == Phase.PAID_HOURS_OR_JOB);
        }

        /** In competitive work at some moment of [from, to). */
        boolean competitiveWorkBetween(Referral r, Instant from, Instant to) {
            List<Event> events = phaseEvents(r);
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (!e.competitive() || !e.at().isBefore(to)) continue;
                Instant until = i + 1 < events.size() ? events.get(i + 1).at() : Instant.MAX;
                if (until.isAfter(from)) return true;
            }
            return false;
        }
    }

    // --- figures and suppression ----------------------------------------------------------------

    static final class Builder {
        /** The prefix of a hidden count's mark in a month's facts ({@code hidden:*}: the month's marks are kept). */
        static final String HIDDEN_MARK = "hidden:";
        final List<String> scopes;
        final Map<String, Figure> figures = new LinkedHashMap<>();
        final Map<String, Long> counts = new LinkedHashMap<>();
        final Map<String, Double> raws = new HashMap<>();
        final List<Suppression.Group> groups = new ArrayList<>();
        final List<String[]> rates = new ArrayList<>();
        final List<String[]> dependencies = new ArrayList<>();
        /** Cells that show the same number in two sections: hidden together. */
        final List<Set<String>> same = new ArrayList<>();
        /** What a reader of the earlier months' reports knows (null: this builder's counts are not audited). */
        Disclosure disclosure;
        /** The report's month (the audit's cells are named by it). */
        YearMonth month;
        /** How the counted sections show, as the replay of this month shows them (null: not decided yet). */
        Map<String, String> fixed;
        /** The month's own facts as kept (null: not kept): each number computed is replaced by the one kept. */
        Map<String, Double> own;
        /** Numbers never shown below the month's facts (the corrections: more may be recorded, none deleted). */
        Map<String, Double> atLeast;
        /** What each total since the start lost to deletion, added to the number computed (month not kept). */
        Map<String, Double> lost = Map.of();
        /** Every number computed, by figure id, as kept in the month's facts. */
        final Map<String, Double> values = new LinkedHashMap<>();

        Builder(List<String> scopes) {
            this.scopes = scopes;
        }

        static String id(String section, String key, String scope) {
            return section + "/" + key + "@" + scope;
        }

        static Figure countFigure(String section, String key, String scope, long v, String shown) {
            return new Figure(section, key, scope, Figure.Kind.COUNT, shown.equals(Long.toString(v)) ? v : Double.NaN, shown);
        }

        /** A count per jobcentre; the programme's is their sum, and they form one group. */
        void countPerJobcentre(String section, String key, Function<String, Long> perJobcentre) {
            long sum = 0;
            List<String> parts = new ArrayList<>();
            for (String s : scopes) {
                if (s.equals(MonthlyReport.PROGRAMME)) continue;
                long v = kept(id(section, key, s), perJobcentre.apply(s));
                sum += v;
                put(section, key, s, v);
                parts.add(id(section, key, s));
            }
            sum = own != null && own.containsKey(id(section, key, MonthlyReport.PROGRAMME))
                    ? Math.round(own.get(id(section, key, MonthlyReport.PROGRAMME))) : sum;
            put(section, key, MonthlyReport.PROGRAMME, sum);
            groups.add(new Suppression.Group(parts, id(section, key, MonthlyReport.PROGRAMME)));
        }

        /** A count per scope computed directly; -1 leaves the scope out. Grouped like {@link #countPerJobcentre}. */
        void countPerScope(String section, String key, Function<String, Long> perScope) {
            List<String> parts = new ArrayList<>();
            for (String s : scopes) {
                long v = perScope.apply(s);
                if (v < 0) continue;
                put(section, key, s, kept(id(section, key, s), v));
                if (!s.equals(MonthlyReport.PROGRAMME)) parts.add(id(section, key, s));
            }
            if (!parts.isEmpty()) groups.add(new Suppression.Group(parts, id(section, key, MonthlyReport.PROGRAMME)));
        }

        void single(String section, String key, String scope, long v) {
            put(section, key, scope, kept(id(section, key, scope), v));
        }

        /** The count of {@code fromId} (as kept or made up for deletion already) shown as another figure. */
        void copy(String section, String key, String scope, String fromId) {
            put(section, key, scope, counts.getOrDefault(fromId, 0L));
        }

        /**
         * The number of {@code id}: the one kept for the month, else the one computed plus what the total
         * lost to deletion.
         */
        long kept(String id, long computed) {
            if (own != null && own.containsKey(id)) return Math.round(own.get(id));
            if (atLeast != null && atLeast.containsKey(id)) return Math.max(computed, Math.round(atLeast.get(id)));
            return computed + Math.round(lost.getOrDefault(id, 0.0));
        }

        /** A number behind a figure (not shown itself), kept with the month's facts like the figures. */
        long fact(String id, long computed) {
            long v = kept(id, computed);
            values.put(id, (double) v);
            return v;
        }

        /** A count as an earlier month's report showed it (not suppressed again: it was then). */
        void asShown(String section, String key, String scope, long computed, String shown) {
            long v = fact(id(section, key, scope), computed);
            figures.put(id(section, key, scope), countFigure(section, key, scope, v, shown));
        }

        private void put(String section, String key, String scope, long v) {
            String id = id(section, key, scope);
            values.put(id, (double) v);
            counts.put(id, v);
            raws.put(id, (double) v);
            figures.put(id, new Figure(section, key, scope, Figure.Kind.COUNT, v, Long.toString(v)));
        }

        /** Parts (keys) that add up to a total key, in every scope. */
        void group(String section, List<String> partKeys, String totalKey) {
            for (String s : scopes) {
                groups.add(new Suppression.Group(partKeys.stream().map(k -> id(section, k, s)).toList(),
                        totalKey == null ? null : id(section, totalKey, s)));
            }
        }

        void ratePerScope(String section, String key, String numKey, String denKey) {
            for (String s : scopes) {
                if (!counts.containsKey(id(section, numKey, s))) continue;
                rates.add(new String[] {id(section, key, s), section, key, s, id(section, numKey, s), id(section, denKey, s)});
                figures.put(id(section, key, s), null); // keeps the order; filled in build()
            }
        }

        void rawRate(String section, String key, String scope, double computed) {
            String id = id(section, key, scope);
            double percent = own != null && own.containsKey(id) ? own.get(id) : computed;
            values.put(id, percent);
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.RATE,
                    Double.isNaN(percent) ? Double.NaN : round1(percent), Double.isNaN(percent) ? "-" : percent(percent)));
        }

        /**
         * A target's status: on track when {@code actual} is at least {@code expected}; "-" when the actual is
         * unknown (NaN). Shown only where each of {@code countIds} is shown and 0 or 5 or more (a status
         * against a small count would narrow it down).
         */
        void status(String section, String key, String scope, double actual, double expected, String... countIds) {
            String text = Double.isNaN(actual) ? "-" : actual >= expected ? Figure.ON_TRACK : Figure.BEHIND;
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.STATUS, Double.NaN, text));
            for (String c : countIds) dependsOn(id(section, key, scope), c, MIN_GROUP, "-");
        }

        void setting(String section, String key, String scope, double v) {
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.SETTING, v, number(v)));
        }

        /**
         * An amount per jobcentre, the programme's their sum, each shown only where the count {@code people}
         * (of the same section and scope) is shown and 5 or more, "x" elsewhere.
         */
        void amountPerJobcentre(String section, String key, Function<String, Double> perJobcentre, String people) {
            double sum = 0;
            for (String s : scopes) {
                if (s.equals(MonthlyReport.PROGRAMME)) continue;
                String id = id(section, key, s);
                double v = own != null && own.containsKey(id) ? own.get(id) : perJobcentre.apply(s);
                sum += v;
                values.put(id, v);
                raws.put(id(section, key, s), v);
                figures.put(id(section, key, s), new Figure(section, key, s, Figure.Kind.AMOUNT, round1(v), number(round1(v))));
                dependsOn(id(section, key, s), id(section, people, s), MIN_GROUP, Figure.HIDDEN);
            }
            String all = id(section, key, MonthlyReport.PROGRAMME);
            if (own != null && own.containsKey(all)) sum = own.get(all);
            values.put(all, sum);
            raws.put(id(section, key, MonthlyReport.PROGRAMME), sum);
            figures.put(id(section, key, MonthlyReport.PROGRAMME),
                    new Figure(section, key, MonthlyReport.PROGRAMME, Figure.Kind.AMOUNT, round1(sum), number(round1(sum))));
            dependsOn(id(section, key, MonthlyReport.PROGRAMME), id(section, people, MonthlyReport.PROGRAMME), MIN_GROUP,
                    Figure.HIDDEN);
        }

        /**
         * The figure {@code figureId} is shown only where the count {@code countId} is shown as a number and
         * is 0 or at least {@code min}; else it shows {@code otherwise}. (A count of 0 leaves nothing to tell.)
         */
        void dependsOn(String figureId, String countId, long min, String otherwise) {
            dependencies.add(new String[] {figureId, countId, Long.toString(min), otherwise});
        }

        /**
         * Referrals a month needed from now on to reach the quota by the intake stop date: shown only where
         * the referrals received in total are shown (it would give them away).
         */
        void neededPace(String scope, int quota, long received, long monthsLeft) {
            String id = id("intake", "pace.needed_per_month", scope);
            if (monthsLeft <= 0) {
                figures.put(id, new Figure("intake", "pace.needed_per_month", scope, Figure.Kind.AMOUNT, Double.NaN, "-"));
                return;
            }
            double v = round1(Math.max(0, quota - received) / (double) monthsLeft);
            figures.put(id, new Figure("intake", "pace.needed_per_month", scope, Figure.Kind.AMOUNT, v, number(v)));
            dependsOn(id, id("intake", "received.total", scope), 0, "-");
        }

        double raw(String section, String key, String scope) {
            return raws.getOrDefault(id(section, key, scope), 0.0);
        }

        void minutes(String section, String key, String scope, Duration d, long n) {
            String id = id(section, key, scope);
            double v = own != null && own.containsKey(id) ? own.get(id)
                    : d != null && n >= MIN_GROUP ? d.toMinutes() : Double.NaN;
            values.put(id, v);
            figures.put(id, new Figure(section, key, scope, Figure.Kind.AMOUNT, v,
                    Double.isNaN(v) ? "-" : Long.toString((long) v)));
        }

        void pending(String section, String key) {
            for (String s : scopes) pendingOne(section, key, s);
        }

        void pendingOne(String section, String key, String scope) {
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.PENDING, Double.NaN,
                    Figure.PENDING_TEXT));
        }

        /** The same figure in other sections, in every scope: {@code section/key} pairs. */
        void sameIn(String... sectionKeys) {
            for (String s : scopes) {
                Set<String> ids = new LinkedHashSet<>();
                for (String sk : sectionKeys) {
                    String id = sk + "@" + s;
                    if (counts.containsKey(id)) ids.add(id);
                }
                if (ids.size() > 1) same.add(ids);
            }
        }

        /**
         * How each count is shown: small counts and what gives them away ({@link Suppression}), the totals since
         * the start that show their last published value, and the audit: while a reader of this and every earlier
         * report pins a hidden cell, one more cell is hidden ({@link Disclosure}).
         */
        Map<String, String> suppress() {
            if (disclosure == null) return Suppression.apply(counts, groups, Set.of(), same, Set.of());
            Set<String> totals = disclosure.totals(counts);
            Map<String, String> shown = own != null && own.containsKey(HIDDEN_MARK + "*") ? asKept(totals) : decide(totals);
            // one figure in two sections shows as the first of them (the one whose last value is followed)
            for (Set<String> s : same) {
                String text = shown.get(s.iterator().next());
                for (String id : s) if (!Long.toString(counts.get(id)).equals(shown.get(id))) shown.put(id, text);
            }
            // kept with the month's facts: the month made again, and every later report's replay, shows the same
            values.put(HIDDEN_MARK + "*", 1.0);
            shown.forEach((id, text) -> {
                if (!Long.toString(counts.get(id)).equals(text)) values.put(HIDDEN_MARK + id, 1.0);
            });
            return shown;
        }

        /** How each count showed when the month was first made (its facts name every hidden count). */
        private Map<String, String> asKept(Set<String> totals) {
            Map<String, String> shown = new LinkedHashMap<>();
            counts.forEach((id, v) -> shown.put(id, !own.containsKey(HIDDEN_MARK + id) ? Long.toString(v)
                    : totals.contains(id) ? disclosure.asOfText(id) : Figure.HIDDEN));
            return shown;
        }

        private Map<String, String> decide(Set<String> totals) {
            Set<String> forced = new LinkedHashSet<>(disclosure.asOf(counts));
            // cells decided already (the counted sections) keep how they show
            // cells decided already (the counted sections) keep how they show, and so does the same figure elsewhere
            Map<String, String> decidedText = new LinkedHashMap<>();
            if (fixed != null) {
                fixed.forEach((id, text) -> {
                    if (counts.containsKey(id)) decidedText.put(id, text);
                });
                for (Set<String> s : same) {
                    String text = s.stream().filter(decidedText::containsKey).map(decidedText::get).findFirst().orElse(null);
                    if (text != null) s.forEach(id -> decidedText.putIfAbsent(id, text));
                }
            }
            Set<String> decided = decidedText.keySet();
            decidedText.forEach((id, text) -> {
                if (!Long.toString(counts.get(id)).equals(text)) forced.add(id);
            });
            Set<String> keep = new LinkedHashSet<>(totals);
            keep.addAll(decided);
            // a cell the audit hid and a reader still pins protects nothing: shown again, never picked again
            Set<String> picked = new LinkedHashSet<>();
            Set<String> notAgain = new LinkedHashSet<>(decided);
            while (true) {
                Map<String, String> shown = Suppression.apply(counts, groups, forced, same, keep);
                Set<String> more = new LinkedHashSet<>(month == null ? Set.of()
                        : disclosure.audit(month, counts, shown, groups, same, notAgain));
                boolean changed = false;
                more.removeAll(notAgain);
                for (String id : more) {
                    if (forced.add(id)) {
                        picked.add(id);
                        changed = true;
                    }
                }
                if (month != null && !changed) {
                    for (String id : disclosure.leakedNow()) {
                        if (picked.remove(id)) {
                            forced.remove(id);
                            notAgain.add(id);
                            changed = true;
                        } else if (!totals.contains(id) && !decided.contains(id) && !forced.contains(id)
                                && (counts.get(id) == 0 || counts.get(id) >= 5) && keep.add(id)) {
                            // hidden to protect another, and worked out anyway: shown
                            notAgain.add(id);
                            changed = true;
                        }
                    }
                }
                if (!changed) {
                    for (String id : totals) {
                        if (!Long.toString(counts.get(id)).equals(shown.get(id))) shown.put(id, disclosure.asOfText(id));
                    }
                    shown.putAll(decidedText);
                    return shown;
                }
            }
        }

        Map<String, Figure> build() {
            Map<String, String> shown = suppress();
            shown.forEach((id, text) -> {
                Figure f = figures.get(id);
                figures.put(id, countFigure(f.section(), f.key(), f.scope(), counts.get(id), text));
            });
            for (String[] r : rates) {
                long num = counts.get(r[4]);
                long den = counts.getOrDefault(r[5], 0L);
                boolean show = den >= 5 && Long.toString(num).equals(shown.get(r[4]))
                        && Long.toString(den).equals(shown.get(r[5]));
                double v = show ? 100.0 * num / den : Double.NaN;
                figures.put(r[0], new Figure(r[1], r[2], r[3], Figure.Kind.RATE, show ? round1(v) : Double.NaN,
                        show ? percent(v) : "-"));
            }
            for (String[] d : dependencies) {
                Figure f = figures.get(d[0]);
                if (f == null || f.kind() == Figure.Kind.PENDING) continue;
                Long count = counts.get(d[1]);
                boolean shownCount = count != null && Long.toString(count).equals(shown.get(d[1]))
                        && (count == 0 || count >= Long.parseLong(d[2]));
                if (!shownCount) figures.put(d[0], new Figure(f.section(), f.key(), f.scope(), f.kind(), Double.NaN, d[3]));
            }
            Map<String, Figure> out = new LinkedHashMap<>();
            figures.forEach((id, f) -> {
                if (f != null) out.put(id, f);
            });
            return out;
        }

        static String percent(double v) {
            return String.format(Locale.ROOT, "%.1f %%", round1(v));
        }

        static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
