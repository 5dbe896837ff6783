package dk.rampe.report;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Totals since the programme's start in every monthly report, counted against what happened in a scripted year. */
class SinceStartTotalsTest {
    static final String P = MonthlyReport.PROGRAMME;
    static final List<String> KEYS = List.of("referred", "enrolled", "internships", "jobs.ordinary", "jobs.flexjob",
            "jobs.wage_subsidy", "jobs.social_economy", "jobs.not_recorded", "jobs.total", "exits.ordinary_job",
            "exits.flexjob", "exits.wage_subsidy", "exits.social_economy_job", "exits.education", "exits.pension_process",
            "exits.further_assessment", "exits.moved", "exits.dropped_absence", "exits.other", "exits.total");

    /** The script's own count of what a total counts (jobs and exits of every kind for the ".total" ones). */
    private static long expected(ScriptedProgramme s, String key, String scope, java.time.Instant end) {
        return switch (key) {
            case "referred", "enrolled" -> s.count(key, scope, end);
            case "internships" -> s.count("internship", scope, end);
            case "jobs.total" -> s.count("job.", scope, end);
            case "exits.total" -> s.count("exit.", scope, end);
            case "jobs.not_recorded" -> 0;
            default -> key.startsWith("jobs.") ? s.count("job." + key.substring(5), scope, end)
                    : s.count("exit." + key.substring(6), scope, end);
        };
    }

    @Test
    void everyReportHasTheTotalsSinceTheStartAndEveryShownOneIsWhatHappenedByTheMonthsEnd() {
        ScriptedProgramme s = new ScriptedProgramme(18);
        Map<String, Long> last = new HashMap<>();
        int shownNumbers = 0;
        List<MonthlyReport> year = new java.util.ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2026, m);
            MonthlyReport r = s.report(month);
            year.add(r);
            assertTrue(r.section("since_start").isPresent(), month.toString());
            for (String scope : List.of(P, "jcA", "jcB", "jcC")) {
                for (String key : KEYS) {
                    Figure f = r.figure("since_start", "since_start." + key, scope).orElseThrow(() -> new AssertionError(key));
                    if (!f.shownAsNumber()) {
                        assertTrue(f.shown().equals(Figure.HIDDEN) || f.asOfMonth() != null, f.toString());
                        continue;
                    }
                    shownNumbers++;
                    long v = (long) f.value();
                    assertEquals(expected(s, key, scope, r.asOf()), v, month + " " + key + "@" + scope);
                    assertTrue(v == 0 || v >= 5, "a shown count is never 1-4: " + f);
                    Long before = last.put(key + "@" + scope, v);
                    assertTrue(before == null || before <= v, "a total since the start never shrinks: " + f);
                }
            }
        }
        assertTrue(shownNumbers > 40, "totals are shown up to date: " + shownNumbers);
        // what a steering group reads, for the whole programme: shown every month, up to date when it grew by 5 or
        // more since last published, else as last published with that month (SuppressionAttackTest prints how often)
        for (String key : List.of("referred", "enrolled", "internships", "jobs.total", "exits.total")) {
            int upToDate = 0;
            for (MonthlyReport r : year) {
                Figure f = r.figure("since_start", "since_start." + key, P).orElseThrow();
                if (f.shownAsNumber()) upToDate++;
                else assertTrue(f.shown().equals(Figure.HIDDEN) || !f.asOfMonth().isAfter(r.month()), f.toString());
            }
            assertTrue(upToDate >= 2, key + " up to date in " + upToDate + " of 12 months");
        }
        assertTrue(expected(s, "jobs.total", P, year.get(11).asOf()) >= 10, "the script starts jobs");
    }

    @Test
    void jobsCountEveryStartByItsKindAndExitsByTheirOutcomeInOctober() {
        // the October scenario: b1's paid hours were recorded without a kind, b3 left for an ordinary job
        MonthlyReport r = new ReportScenario().maker(ReportRulesTest.NOV_1_0700).make(ReportScenario.programme(),
                ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        assertEquals("18", r.shown("since_start", "since_start.referred", P));
        assertEquals(r.shown("intake", "received.total", "jcA"), r.shown("since_start", "since_start.referred", "jcA"));
        assertEquals(Figure.HIDDEN, r.shown("since_start", "since_start.jobs.not_recorded", P));
        assertEquals(Figure.HIDDEN, r.shown("since_start", "since_start.jobs.total", P));
        // a total never published (0 to 4 so far) shows hidden, a zero too: "0" would tell the others are not 0
        assertEquals(Figure.HIDDEN, r.shown("since_start", "since_start.jobs.flexjob", P));
        assertEquals(Figure.HIDDEN, r.shown("since_start", "since_start.exits.ordinary_job", "jcB"));
        assertEquals(Figure.HIDDEN, r.shown("since_start", "since_start.exits.ordinary_job", "jcA"));
        // b2's internship is dated October but recorded in November: not in October's total
        assertEquals(Figure.HIDDEN, r.shown("since_start", "since_start.internships", P));
        // the same number in two sections is shown the same way
        assertEquals(r.shown("funders", "participants_at_start.total", P), r.shown("since_start", "since_start.enrolled", P));
        assertEquals(r.shown("flow", "participants.total", P), r.shown("since_start", "since_start.enrolled", P));
    }
}
