package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.DriftProgramme.Kind;
import dk.rampe.attendance.DriftProgramme.Outcome;
import dk.rampe.attendance.DriftProgramme.Played;
import org.junit.jupiter.api.Test;

/**
 * The early warning on a scripted programme with the default thresholds: it speaks up for most drifting
 * participants before their first unexcused absence, never for a stable one, and at most once for one who
 * wobbles and recovers.
 */
class EarlyWarningScriptTest {
    private static final int PER_KIND = 12;

    @Test
    void warnsDriftersBeforeTheirFirstAbsenceAndLeavesTheStableAlone() {
        warnsDriftersAndLeavesTheStableAlone(0);
    }

    /** The same with what the detection's chain holds: the last {@value SessionChain#LOOKBACK_DAYS} days. */
    @Test
    void seeingOnlyTheChainsSixWeeksItStillWarnsDriftersAndLeavesTheStableAlone() {
        warnsDriftersAndLeavesTheStableAlone(SessionChain.LOOKBACK_DAYS);
    }

    private static void warnsDriftersAndLeavesTheStableAlone(int lookbackDays) {
        for (long seed : new long[] {22, 2027, 7}) {
            Outcome o = DriftProgramme.play(seed, PER_KIND, EarlyWarning.Thresholds.DEFAULTS, lookbackDays);
            for (Played p : o.participants()) System.out.println(seed + " " + p);
            for (Played p : o.of(Kind.STABLE)) assertEquals(0, p.warnings().size(), "a stable participant: " + p);
            for (Played p : o.of(Kind.WOBBLES_AND_RECOVERS)) assertTrue(p.warnings().size() <= 1, "recovers: " + p);
            for (Played p : o.of(Kind.SHAKY_INTERNSHIP_START)) assertTrue(p.warnings().size() <= 1, "internship: " + p);
            int warned = o.driftersWarnedBeforeFirstAbsence();
            System.out.printf("lookback %d, seed %d: drifters warned before the first unexcused absence %d of %d, median lead %d "
                    + "working days (before dropout %d); warnings of those who stayed %d%n", lookbackDays, seed, warned, PER_KIND,
                    Outcome.median(o.leadDaysBeforeFirstAbsence()), Outcome.median(o.leadDaysBeforeDropout()),
                    o.warningsOfThoseWhoStayed());
            assertTrue(warned * 3 >= PER_KIND * 2, "most drifters warned before the first absence: " + warned);
            for (Played p : o.of(Kind.DRIFTS)) assertTrue(p.droppedOut() != null && p.firstUnexcusedAbsence() != null, p.toString());
        }
    }
}
