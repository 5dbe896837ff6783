package dk.rampe.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.attendance.DriftProgramme;
import dk.rampe.attendance.DriftProgramme.Kind;
import dk.rampe.attendance.DriftProgramme.Outcome;
import dk.rampe.attendance.DriftProgramme.Played;
import dk.rampe.attendance.EarlyWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * The early warning's evidence: the scripted programme of core's {@code EarlyWarningScriptTest}
 * ({@link DriftProgramme}, its seeds and size) played with the default thresholds, every working day
 * evaluated as the detection's run would. One row per seed: how many drifting participants were warned on a
 * working day before their first unexcused absence, the median lead in working days to that absence and to
 * the dropout, and the warnings of those who never dropped out (the stable: none; those who wobble and
 * recover or start an internship shakily: at most one each). No DynamoDB, no child JVM: the rule alone.
 */
final class EarlyWarningEvidence {
    static final String SECTION = "early warning";
    /** The script test's seeds and participants of each kind. */
    static final long[] SEEDS = {22, 2027, 7};
    static final int PER_KIND = 12;

    private EarlyWarningEvidence() {
    }

    static void measure(Report report) {
        EarlyWarning.Thresholds t = EarlyWarning.Thresholds.DEFAULTS;
        report.machine("early warning", "DriftProgramme, " + PER_KIND + " of each kind; thresholds (DEFAULTS): "
                + thresholds(t));
        ArrayNode details = report.details().putArray("earlyWarning");
        for (long seed : SEEDS) {
            Outcome o = DriftProgramme.play(seed, PER_KIND, t);
            int drifters = o.of(Kind.DRIFTS).size();
            int warned = o.driftersWarnedBeforeFirstAbsence();
            int stable = warnings(o.of(Kind.STABLE));
            List<Played> recovering = new ArrayList<>(o.of(Kind.WOBBLES_AND_RECOVERS));
            recovering.addAll(o.of(Kind.SHAKY_INTERNSHIP_START));
            int mostOfOne = recovering.stream().mapToInt(p -> p.warnings().size()).max().orElse(0);
            String subject = "seed " + seed;
            report.add(SECTION, subject, "drifters warned before the 1st unexcused absence, of " + drifters, warned,
                    null, "", new Report.Budget("≥ 2/3", warned * 3 >= drifters * 2));
            report.add(SECTION, subject, "median lead, working days", Outcome.median(o.leadDaysBeforeFirstAbsence()),
                    null, "", null);
            report.add(SECTION, subject, "to the dropout", Outcome.median(o.leadDaysBeforeDropout()), null, "", null);
            report.add(SECTION, subject, "warnings: stable", stable, null, "", new Report.Budget("= 0", stable == 0));
            report.add(SECTION, subject, "recovering", warnings(recovering), null, "",
                    new Report.Budget("≤ 1 each", mostOfOne <= 1));
            ObjectNode d = details.addObject();
            d.put("seed", seed);
            d.put("driftersWarnedBeforeFirstAbsence", warned);
            d.put("drifters", drifters);
            d.put("medianLeadBeforeFirstAbsence", Outcome.median(o.leadDaysBeforeFirstAbsence()));
            d.put("medianLeadBeforeDropout", Outcome.median(o.leadDaysBeforeDropout()));
            d.put("warningsOfTheStable", stable);
            d.put("warningsOfTheRecovering", warnings(recovering));
            d.put("warningsOfThoseWhoStayed", o.warningsOfThoseWhoStayed());
        }
    }

    private static int warnings(List<Played> participants) {
        return participants.stream().mapToInt(p -> p.warnings().size()).sum();
    }

    /** The thresholds in a line: what each signal needs. */
    static String thresholds(EarlyWarning.Thresholds t) {
        return t.recentSessions() + " sessions (≥ " + t.minRecentSessions() + ") vs the " + t.earlierSessions()
                + " before (≥ " + t.minEarlierSessions() + "), a fall of ≥ " + t.fallPercentagePoints() + " points; "
                + t.lateOfLastAttended() + " of " + t.lateWindow() + " ≥ " + t.minutesLate() + " min late after ≤ "
                + t.maxEarlierLatePercent() + " %; " + t.shorterDaysAgreed() + " shorter days in " + t.shorterDaysWindowDays()
                + "; absent after " + t.stableRunSessions() + " in a row; internship's first " + t.internshipStartDays()
                + " days; " + EarlyWarning.MIN_DAYS_BETWEEN_WARNINGS + " days between warnings";
    }
}
