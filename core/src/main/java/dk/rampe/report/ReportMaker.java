package dk.rampe.report;

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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Computes a programme's monthly report from dated history as it stood at the month's end:
 * referral status changes and phase moves dated before the end and recorded before it. What was
 * recorded later is listed as a correction and left out, so the report made again later gives the
 * same figures (as long as the referrals are kept: personal data deleted after exit leaves the
 * archived report as the record).
 */
public final class ReportMaker {
    /** A jobcentre referring above 125 % or below 75 % of the pace to its quota is warned about. */
    static final double PACE_HIGH = 1.25;
    static final double PACE_LOW = 0.75;
    /** No pace warning before the pace expects at least this many referrals (too early to tell). */
    static final double PACE_MIN_EXPECTED = 5;

    private final ReportReferrals referrals;
    private final PhaseMoves phaseMoves;
    private final AttendanceFigures attendance;
    private final AftercareFigures aftercare;
    private final DeliveryFigures delivery;
    private final Clock clock;

    public ReportMaker(ReportReferrals referrals, PhaseMoves phaseMoves, AttendanceFigures attendance,
                       AftercareFigures aftercare, DeliveryFigures delivery, Clock clock) {
        this.referrals = referrals;
        this.phaseMoves = phaseMoves;
        this.attendance = attendance;
        this.aftercare = aftercare;
        this.delivery = delivery;
        this.clock = clock;
    }

    public MonthlyReport make(Settings.Programme programme, Map<String, String> jobcentreNames, ReportPeriod period) {
        Instant end = period.end();
        Instant madeAt = clock.instant();
        List<Referral> all = referrals.ofProgramme(programme.id()).stream()
                .filter(r -> programme.id().equals(r.programmeId())).toList();
        List<PhaseMove> moves = phaseMoves.moves(programme.id());
        Set<String> jobcentres = new LinkedHashSet<>();
        programme.partners().forEach(p -> jobcentres.add(p.jobcentreId()));
        all.stream().filter(r -> r.createdAt().isBefore(end)).map(Referral::jobcentreId).sorted()
                .forEach(jobcentres::add);
        List<String> scopes = new ArrayList<>();
        scopes.add(MonthlyReport.PROGRAMME);
        scopes.addAll(jobcentres);
        Map<String, String> names = new LinkedHashMap<>();
        names.put(MonthlyReport.PROGRAMME, programme.name());
        for (String jc : jobcentres) names.put(jc, jobcentreNames.getOrDefault(jc, jc));

        History h = new History(all, moves, end);
        Builder b = new Builder(scopes);
        List<String> warnings = new ArrayList<>();

        intake(b, programme, h, period, warnings);
        flow(b, h, period);
        exits(b, h, period);
        funders(b, h, period);
        Optional<AttendanceFigures.Attendance> att = attendance.month(programme.id(), period, end);
        Optional<AftercareFigures.Aftercare> aft = aftercare.month(programme.id(), period, end);
        attendance(b, att);
        aftercare(b, aft);
        targets(b, programme.report(), h, period, aft, programme);
        DeliveryFigures.Nudges n = delivery.nudges(programme.id(), end);
        b.setting("delivery", "nudges.failed", MonthlyReport.PROGRAMME, n.failed());
        b.setting("delivery", "nudges.waiting", MonthlyReport.PROGRAMME, n.waiting());
        if (att.isPresent()) {
            b.countPerJobcentre("delivery", "gaps.enrolled_without_attendance_plan",
                    jc -> att.get().byJobcentre().getOrDefault(jc, ZERO_ATT).enrolledWithoutPlan());
        } else {
            b.pending("delivery", "gaps.enrolled_without_attendance_plan");
        }
        if (aft.isPresent()) {
            b.countPerJobcentre("delivery", "gaps.jobs_without_aftercare_outcome",
                    jc -> aft.get().byJobcentre().getOrDefault(jc, ZERO_AFT).jobsWithoutAftercareOutcome());
        } else {
            b.pending("delivery", "gaps.jobs_without_aftercare_outcome");
        }

        // corrections: dated within the month, recorded after its end (up to now)
        Builder corrections = new Builder(scopes);
        corrections.countPerScope("corrections", "phase_moves_recorded_after_month_end", scope -> moves.stream()
                .filter(m -> period.contains(m.at()) && !m.recordedAt().isBefore(end) && !m.recordedAt().isAfter(madeAt))
                .filter(m -> h.inScope(m.referralId(), scope)).count());

        List<MonthlyReport.IntakePoint> intakeOverTime = intakeOverTime(programme, all, period);
        List<MonthlyReport.MonthValue> absence = att.map(a -> a.absenceRateLast12Months().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new MonthlyReport.MonthValue(e.getKey(), e.getValue())).toList()).orElse(List.of());

        List<MonthlyReport.Section> sections = new ArrayList<>();
        Map<String, Figure> figures = b.build();
        for (String id : MonthlyReport.SECTION_IDS) {
            List<Figure> fs = figures.values().stream().filter(f -> f.section().equals(id)).toList();
            boolean pending = (id.equals("attendance") && att.isEmpty()) || (id.equals("aftercare") && aft.isEmpty());
            sections.add(new MonthlyReport.Section(id, pending, fs));
        }
        return new MonthlyReport(programme.id(), programme.name(), period.month(), end, madeAt, scopes, names,
                sections, warnings, List.copyOf(corrections.build().values()), intakeOverTime, absence);
    }

    // --- sections -------------------------------------------------------------------------------

    private void intake(Builder b, Settings.Programme p, History h, ReportPeriod period, List<String> warnings) {
        Instant start = period.start();
        b.countPerJobcentre("intake", "received.month", jc -> h.referrals(jc).filter(r -> period.contains(r.createdAt())).count());
        b.countPerJobcentre("intake", "received.total", jc -> h.referrals(jc).count());
        b.countPerJobcentre("intake", "over_quota.total", jc -> h.referrals(jc).filter(Referral::overQuota).count());
        for (ReferralStatus s : List.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.OUTSIDE_TARGET_GROUP)) {
            b.countPerJobcentre("intake", s.wireName() + ".month",
                    jc -> h.referrals(jc).filter(r -> h.changes(r).stream()
                            .anyMatch(c -> c.status() == s && !c.at().isBefore(start))).count());
        }
        b.countPerJobcentre("intake", "awaiting_visitation", jc -> h.referrals(jc)
                .filter(r -> h.statusAtEnd(r) == ReferralStatus.RECEIVED).count());
        b.group("intake", List.of("accepted.month", "declined.month", "outside_target_group.month"), null);

        int totalQuota = p.partners().stream().mapToInt(Settings.Partner::quota).sum();
        double fraction = paceFraction(p, period);
        b.setting("intake", "quota", MonthlyReport.PROGRAMME, totalQuota);
        b.setting("intake", "pace", MonthlyReport.PROGRAMME, round1(totalQuota * fraction));
        for (Settings.Partner partner : p.partners()) {
            b.setting("intake", "quota", partner.jobcentreId(), partner.quota());
            double pace = partner.quota() * fraction;
            b.setting("intake", "pace", partner.jobcentreId(), round1(pace));
            long received = h.referrals(partner.jobcentreId()).count();
            if (pace >= PACE_MIN_EXPECTED && received > pace * PACE_HIGH) {
                warnings.add("intake.pace.above:" + partner.jobcentreId());
            } else if (pace >= PACE_MIN_EXPECTED && received < pace * PACE_LOW) {
                warnings.add("intake.pace.below:" + partner.jobcentreId());
            }
        }
        // starts per consultant in the last four weeks before the month's end
        int max = p.report().maxStartsPerConsultant4Weeks();
        if (max > 0) {
            Instant from = period.end().minus(Duration.ofDays(28));
            Map<String, Long> starts = new HashMap<>();
            h.referrals(MonthlyReport.PROGRAMME).forEach(r -> h.changes(r).stream()
                    .filter(c -> c.status() == ReferralStatus.ENROLLED && !c.at().isBefore(from))
                    .forEach(c -> starts.merge(String.valueOf(r.consultantId()), 1L, Long::sum)));
            long over = starts.values().stream().filter(v -> v > max).count();
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
            List<Map.Entry<Instant, Phase>> events = h.phaseEvents(r);
            Phase before = null;
            for (Map.Entry<Instant, Phase> e : events) {
                if (period.contains(e.getKey()) && e.getValue() != before) {
                    String key = "moves." + (before == null ? "start" : before.wireName()) + "_to_" + e.getValue().wireName();
                    moveKeys.add(key);
                    movesByScope.computeIfAbsent(MonthlyReport.PROGRAMME, k -> new HashMap<>()).merge(key, 1L, Long::sum);
                    movesByScope.computeIfAbsent(r.jobcentreId(), k -> new HashMap<>()).merge(key, 1L, Long::sum);
                }
                before = e.getValue();
            }
        });
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

    private void funders(Builder b, History h, ReportPeriod period) {
        b.countPerJobcentre("funders", "participants_at_start.month", jc -> h.participants(jc)
                .filter(r -> period.contains(h.enrolledAt(r))).count());
        b.countPerJobcentre("funders", "participants_at_start.total", jc -> h.participants(jc).count());
        b.countPerJobcentre("funders", "participants_at_exit.month", jc -> h.participants(jc)
                .filter(r -> h.exitedAt(r) != null && period.contains(h.exitedAt(r))).count());
        b.countPerJobcentre("funders", "participants_at_exit.total", jc -> h.participants(jc)
                .filter(r -> h.exitedAt(r) != null).count());
        // IPS: share of active participants in competitive work, measured at the month's end; the
        // report of a quarter's last month (March, June, September, December) gives the quarter's figure
        Instant at = period.end();
        b.countPerJobcentre("funders", "quarter.active", jc -> h.participants(jc)
                .filter(r -> h.phaseAt(r, at) != Phase.EXITED).count());
        b.countPerJobcentre("funders", "quarter.in_competitive_work", jc -> h.participants(jc)
                .filter(r -> h.phaseAt(r, at) == Phase.PAID_HOURS_OR_JOB).count());
        b.ratePerScope("funders", "quarter.competitive_work_share", "quarter.in_competitive_work", "quarter.active");
    }

    private static final AttendanceFigures.PerJobcentre ZERO_ATT =
            new AttendanceFigures.PerJobcentre(0, 0, 0, null, null, null, null, 0, 0, 0, 0);
    private static final AftercareFigures.PerJobcentre ZERO_AFT =
            new AftercareFigures.PerJobcentre(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private void attendance(Builder b, Optional<AttendanceFigures.Attendance> att) {
        if (att.isEmpty()) {
            for (String k : List.of("hours.planned", "hours.attended", "absence_rate", "absences", "minutes_to_nudge.median",
                    "minutes_to_nudge.p90", "minutes_to_closed.median", "minutes_to_closed.p90", "closed_same_day_share",
                    "escalations", "stable_last_4_weeks")) {
                b.pending("attendance", k);
            }
            return;
        }
        Map<String, AttendanceFigures.PerJobcentre> by = att.get().byJobcentre();
        Function<String, AttendanceFigures.PerJobcentre> of = jc -> by.getOrDefault(jc, ZERO_ATT);
        b.amountPerJobcentre("attendance", "hours.planned", jc -> of.apply(jc).plannedHours());
        b.amountPerJobcentre("attendance", "hours.attended", jc -> of.apply(jc).attendedHours());
        for (String scope : b.scopes) {
            double planned = b.amount("attendance", "hours.planned", scope);
            double attended = b.amount("attendance", "hours.attended", scope);
            b.rawRate("attendance", "absence_rate", scope, planned <= 0 ? Double.NaN : 100 * (planned - attended) / planned);
        }
        b.countPerJobcentre("attendance", "absences", jc -> of.apply(jc).absencesDetected());
        // durations only per jobcentre as given (medians do not add up), and only over 5 or more absences
        for (String scope : b.scopes) {
            AttendanceFigures.PerJobcentre x = scope.equals(MonthlyReport.PROGRAMME) ? null : of.apply(scope);
            long n = (long) b.raw("attendance", "absences", scope);
            b.minutes("attendance", "minutes_to_nudge.median", scope, x == null ? null : x.medianToNudge(), n);
            b.minutes("attendance", "minutes_to_nudge.p90", scope, x == null ? null : x.p90ToNudge(), n);
            b.minutes("attendance", "minutes_to_closed.median", scope, x == null ? null : x.medianToClosed(), n);
            b.minutes("attendance", "minutes_to_closed.p90", scope, x == null ? null : x.p90ToClosed(), n);
        }
        b.countPerJobcentre("attendance", "closed_same_day", jc -> of.apply(jc).closedSameDay());
        b.ratePerScope("attendance", "closed_same_day_share", "closed_same_day", "absences");
        b.countPerJobcentre("attendance", "escalations", jc -> of.apply(jc).escalations());
        b.countPerJobcentre("attendance", "stable_last_4_weeks", jc -> of.apply(jc).stableLast4Weeks());
    }

    private void aftercare(Builder b, Optional<AftercareFigures.Aftercare> aft) {
        if (aft.isEmpty()) {
            for (String k : List.of("follow_ups.due", "follow_ups.on_time", "follow_ups.late", "follow_ups.overdue",
                    "employed_at_3_months_share", "employed_at_6_months_share", "employed_or_education_6_months_after_exit",
                    "jobs_held_90_days")) {
                b.pending("aftercare", k);
            }
            return;
        }
        Map<String, AftercareFigures.PerJobcentre> by = aft.get().byJobcentre();
        Function<String, AftercareFigures.PerJobcentre> of = jc -> by.getOrDefault(jc, ZERO_AFT);
        b.countPerJobcentre("aftercare", "follow_ups.due", jc -> of.apply(jc).followUpsDue());
        b.countPerJobcentre("aftercare", "follow_ups.on_time", jc -> of.apply(jc).doneOnTime());
        b.countPerJobcentre("aftercare", "follow_ups.late", jc -> of.apply(jc).doneLate());
        b.countPerJobcentre("aftercare", "follow_ups.overdue", jc -> of.apply(jc).overdue());
        b.group("aftercare", List.of("follow_ups.on_time", "follow_ups.late", "follow_ups.overdue"), "follow_ups.due");
        b.countPerJobcentre("aftercare", "job_starts_3_months_ago", jc -> of.apply(jc).jobStarts3MonthsAgo());
        b.countPerJobcentre("aftercare", "employed_at_3_months", jc -> of.apply(jc).stillEmployedAt3Months());
        b.ratePerScope("aftercare", "employed_at_3_months_share", "employed_at_3_months", "job_starts_3_months_ago");
        b.countPerJobcentre("aftercare", "job_starts_6_months_ago", jc -> of.apply(jc).jobStarts6MonthsAgo());
        b.countPerJobcentre("aftercare", "employed_at_6_months", jc -> of.apply(jc).stillEmployedAt6Months());
        b.ratePerScope("aftercare", "employed_at_6_months_share", "employed_at_6_months", "job_starts_6_months_ago");
        b.countPerJobcentre("aftercare", "exits_6_months_ago", jc -> of.apply(jc).exits6MonthsAgo());
        b.countPerJobcentre("aftercare", "employed_or_education_6_months_after_exit",
                jc -> of.apply(jc).employedOrEducation6MonthsAfterExit());
        b.countPerJobcentre("aftercare", "jobs_held_90_days", jc -> of.apply(jc).jobsHeld90Days());
    }

    private void targets(Builder b, ReportSettings rs, History h, ReportPeriod period,
                         Optional<AftercareFigures.Aftercare> aft, Settings.Programme p) {
        String all = MonthlyReport.PROGRAMME;
        for (ReportSettings.Target t : rs.targets()) {
            String k = t.kind().wireName();
            b.setting("targets", k + ".target", all, t.value());
            switch (t.kind()) {
                case EMPLOYER_BASED_SHARE -> {
                    b.countPerScope("targets", k + ".reached", s -> s.equals(all) ? h.participants(all)
                            .filter(r -> h.everEmployerBased(r)).count() : -1);
                    b.countPerScope("targets", k + ".participants", s -> s.equals(all) ? h.participants(all).count() : -1);
                    b.ratePerScope("targets", k + ".actual", k + ".reached", k + ".participants");
                    // trend since the start: the share at each earlier month's end
                    for (YearMonth m = YearMonth.from(p.intakeOpens()); m.isBefore(period.month()); m = m.plusMonths(1)) {
                        History past = h.asOf(new ReportPeriod(m, period.zone()).end());
                        long den = past.participants(all).count();
                        long num = past.participants(all).filter(past::everEmployerBased).count();
                        b.rawRate("targets", k + ".trend." + m, all, num >= 5 && den >= 5 ? 100.0 * num / den : Double.NaN);
                    }
                }
                case EXITS_TO_WORK_OR_EDUCATION -> {
                    b.countPerScope("targets", k + ".actual", s -> s.equals(all) ? h.exits(all, Instant.MIN)
                            .filter(c -> ExitOutcome.fromWire(c.outcome()).map(ExitOutcome::employmentOrEducation).orElse(false))
                            .count() : -1);
                    for (YearMonth m = YearMonth.from(p.intakeOpens()); m.isBefore(period.month()); m = m.plusMonths(1)) {
                        History past = h.asOf(new ReportPeriod(m, period.zone()).end());
                        long v = past.exits(all, Instant.MIN).filter(c -> ExitOutcome.fromWire(c.outcome())
                                .map(ExitOutcome::employmentOrEducation).orElse(false)).count();
                        b.single("targets", k + ".trend." + m, all, v);
                    }
                }
                case KEPT_JOB_6_MONTHS_SHARE -> {
                    if (aft.isEmpty()) b.pendingOne("targets", k + ".actual", all);
                    else b.rawRate("targets", k + ".actual", all, shownRate(b, "aftercare", "employed_at_6_months_share"));
                }
                case EMPLOYED_6_MONTHS_AFTER_EXIT -> {
                    if (aft.isEmpty()) b.pendingOne("targets", k + ".actual", all);
                    else b.countPerScope("targets", k + ".actual", s -> s.equals(all) ? aft.get().byJobcentre().values()
                            .stream().mapToLong(AftercareFigures.PerJobcentre::employedOrEducation6MonthsAfterExit).sum() : -1);
                }
            }
        }
    }

    private static double shownRate(Builder b, String section, String key) {
        Figure f = b.figures.get(Builder.id(section, key, MonthlyReport.PROGRAMME));
        return f == null ? Double.NaN : f.value();
    }

    private static List<MonthlyReport.IntakePoint> intakeOverTime(Settings.Programme p, List<Referral> all, ReportPeriod period) {
        List<MonthlyReport.IntakePoint> out = new ArrayList<>();
        int quota = p.partners().stream().mapToInt(Settings.Partner::quota).sum();
        YearMonth first = YearMonth.from(p.intakeOpens());
        if (first.isBefore(period.month().minusMonths(11))) first = period.month().minusMonths(11);
        for (YearMonth m = first; !m.isAfter(period.month()); m = m.plusMonths(1)) {
            ReportPeriod pm = new ReportPeriod(m, period.zone());
            long received = all.stream().filter(r -> r.createdAt().isBefore(pm.end())).count();
            Figure f = Builder.countFigure("intake", "received.total." + m, MonthlyReport.PROGRAMME, received,
                    received > 0 && received < 5 ? Figure.SUPPRESSED : Long.toString(received));
            out.add(new MonthlyReport.IntakePoint(m, f, round1(quota * paceFraction(p, pm)), quota));
        }
        return out;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
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
            this.referrals = all.stream().filter(r -> r.createdAt().isBefore(end))
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
            return r.history().stream().filter(c -> c.at().isBefore(end)).toList();
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

        /** Enrolment (course), recorded phase moves, exit; in time order. */
        List<Map.Entry<Instant, Phase>> phaseEvents(Referral r) {
            List<Map.Entry<Instant, Phase>> out = new ArrayList<>();
            Instant enrolled = enrolledAt(r);
            if (enrolled == null) return out;
            out.add(Map.entry(enrolled, Phase.COURSE));
            for (PhaseMove m : movesByReferral.getOrDefault(r.id(), List.of())) {
                if (!m.at().isBefore(enrolled)) out.add(Map.entry(m.at(), m.to()));
            }
            Instant exited = exitedAt(r);
            if (exited != null) out.add(Map.entry(exited, Phase.EXITED));
            out.sort(Map.Entry.comparingByKey());
            return out;
        }

        Phase phaseAt(Referral r, Instant at) {
            Phase p = null;
            for (Map.Entry<Instant, Phase> e : phaseEvents(r)) {
                if (e.getKey().isBefore(at)) p = e.getValue();
            }
            return p;
        }

        boolean everEmployerBased(Referral r) {
            return phaseEvents(r).stream().anyMatch(e -> e.getValue() == Phase.INTERNSHIP || e.getValue() == Phase.PAID_HOURS_OR_JOB);
        }
    }

    // --- figures and suppression ----------------------------------------------------------------

    static final class Builder {
        final List<String> scopes;
        final Map<String, Figure> figures = new LinkedHashMap<>();
        final Map<String, Long> counts = new LinkedHashMap<>();
        final Map<String, Double> raws = new HashMap<>();
        final List<Suppression.Group> groups = new ArrayList<>();
        final List<String[]> rates = new ArrayList<>();

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
                long v = perJobcentre.apply(s);
                sum += v;
                put(section, key, s, v);
                parts.add(id(section, key, s));
            }
            put(section, key, MonthlyReport.PROGRAMME, sum);
            groups.add(new Suppression.Group(parts, id(section, key, MonthlyReport.PROGRAMME)));
        }

        /** A count per scope computed directly; -1 leaves the scope out. Grouped like {@link #countPerJobcentre}. */
        void countPerScope(String section, String key, Function<String, Long> perScope) {
            List<String> parts = new ArrayList<>();
            for (String s : scopes) {
                long v = perScope.apply(s);
                if (v < 0) continue;
                put(section, key, s, v);
                if (!s.equals(MonthlyReport.PROGRAMME)) parts.add(id(section, key, s));
            }
            if (!parts.isEmpty()) groups.add(new Suppression.Group(parts, id(section, key, MonthlyReport.PROGRAMME)));
        }

        void single(String section, String key, String scope, long v) {
            put(section, key, scope, v);
        }

        private void put(String section, String key, String scope, long v) {
            String id = id(section, key, scope);
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

        void rawRate(String section, String key, String scope, double percent) {
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.RATE,
                    Double.isNaN(percent) ? Double.NaN : round1(percent), Double.isNaN(percent) ? "-" : percent(percent)));
        }

        void setting(String section, String key, String scope, double v) {
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.SETTING, v, number(v)));
        }

        void amountPerJobcentre(String section, String key, Function<String, Double> perJobcentre) {
            double sum = 0;
            for (String s : scopes) {
                if (s.equals(MonthlyReport.PROGRAMME)) continue;
                double v = perJobcentre.apply(s);
                sum += v;
                raws.put(id(section, key, s), v);
                figures.put(id(section, key, s), new Figure(section, key, s, Figure.Kind.AMOUNT, round1(v), number(round1(v))));
            }
            raws.put(id(section, key, MonthlyReport.PROGRAMME), sum);
            figures.put(id(section, key, MonthlyReport.PROGRAMME),
                    new Figure(section, key, MonthlyReport.PROGRAMME, Figure.Kind.AMOUNT, round1(sum), number(round1(sum))));
        }

        double amount(String section, String key, String scope) {
            return raws.getOrDefault(id(section, key, scope), 0.0);
        }

        double raw(String section, String key, String scope) {
            return raws.getOrDefault(id(section, key, scope), 0.0);
        }

        void minutes(String section, String key, String scope, Duration d, long n) {
            boolean show = d != null && n >= 5;
            double v = show ? d.toMinutes() : Double.NaN;
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.AMOUNT, v,
                    show ? Long.toString(d.toMinutes()) : "-"));
        }

        void pending(String section, String key) {
            for (String s : scopes) pendingOne(section, key, s);
        }

        void pendingOne(String section, String key, String scope) {
            figures.put(id(section, key, scope), new Figure(section, key, scope, Figure.Kind.PENDING, Double.NaN,
                    Figure.PENDING_TEXT));
        }

        Map<String, Figure> build() {
            Map<String, String> shown = Suppression.apply(counts, groups);
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
