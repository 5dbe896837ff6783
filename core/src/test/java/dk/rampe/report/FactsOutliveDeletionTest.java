package dk.rampe.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scripted programme's reports made month by month while the retention deletes the participants who ended a
 * year before: every month made again after everything ended was deleted shows the figures it was sent with,
 * and the totals since the start are what happened, however much was deleted.
 */
class FactsOutliveDeletionTest {
    static final Duration RETENTION = Duration.ofDays(365);
    static final YearMonth FIRST = YearMonth.of(2026, 1);
    static final YearMonth LAST = YearMonth.of(2028, 6);

    /** Everything a reader sees of a report's figures (not when it was made), one line each. */
    static List<String> figures(MonthlyReport r) {
        List<String> out = new ArrayList<>();
        out.add("scopes " + r.scopes() + " " + r.scopeNames());
        for (MonthlyReport.Section s : r.sections()) {
            out.add("section " + s.id() + " pending=" + s.pending());
            for (Figure f : s.figures()) out.add(line(f));
        }
        r.warnings().forEach(w -> out.add("warning " + w));
        r.corrections().forEach(f -> out.add("correction " + line(f)));
        r.intakeOverTime().forEach(p -> out.add("intake " + p.month() + " " + line(p.received()) + " " + p.pace()));
        r.absenceLast12Months().forEach(v -> out.add("absence " + v.month() + " " + v.value()));
        return out;
    }

    private static String line(Figure f) {
        return f.section() + "/" + f.key() + "@" + f.scope() + " " + f.kind() + " " + f.value() + " " + f.shown();
    }

    private static Instant madeAt(YearMonth m) {
        return new ReportPeriod(m, ReportScenario.ZONE).end().plus(Duration.ofHours(7));
    }

    @Test
    void everyMonthMadeAgainAfterTheParticipantsWereDeletedShowsTheFiguresItWasSentWith() {
        ScriptedProgramme s = new ScriptedProgramme(18);
        MonthlyFacts facts = new InMemoryMonthlyFacts();
        int referrals = s.referrals.size();
        List<String> personal = s.referrals.stream().flatMap(r -> java.util.stream.Stream.of(r.id(), r.consultantId())).toList();
        Map<YearMonth, List<String>> sent = new LinkedHashMap<>();
        Map<YearMonth, MonthlyReport> first = new LinkedHashMap<>();
        int deletedWhileMaking = 0;
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            deletedWhileMaking += s.deleteEndedBefore(madeAt(m), RETENTION);
            long started = System.nanoTime();
            MonthlyReport r = s.report(m, madeAt(m), facts);
            if (m.equals(LAST) || m.equals(FIRST.plusMonths(11))) {
                // one make per month on Lambda: its time grows with the months it replays and audits
                System.out.printf("the report of month %d (%s) made in %d ms%n", FIRST.until(m, java.time.temporal.ChronoUnit.MONTHS) + 1,
                        m, (System.nanoTime() - started) / 1_000_000);
            }
            first.put(m, r);
            sent.put(m, figures(r));
        }
        assertTrue(deletedWhileMaking > referrals / 2, "the retention deleted most referrals while months were made: "
                + deletedWhileMaking + " of " + referrals);
        assertEquals(30, facts.months("p1").size(), "every month made is kept");
        int largest = 0;
        for (MonthlyFacts.Month kept : facts.months("p1").values()) {
            int bytes = 0;
            for (String id : kept.values().keySet()) {
                bytes += id.length() + 8;
                // a figure of a scope, or a point of the absence chart: never a referral's or a consultant's id
                assertTrue(id.matches("[a-z_]+/[a-z0-9_.\\-]+@(" + String.join("|", kept.scopes()) + ")")
                        || id.matches("chart/absence@\\d{4}-\\d{2}")
                        // which counts the month's report hid (its replay in later reports shows the same)
                        || id.matches("hidden:(\\*|[a-z_]+/[a-z0-9_.\\-]+@(" + String.join("|", kept.scopes()) + "))"), id);
                assertTrue(personal.stream().noneMatch(id::contains), id);
            }
            largest = Math.max(largest, bytes);
        }
        assertTrue(largest < 100_000, "a month's facts fit well in one DynamoDB item: " + largest + " bytes");

        Instant later = madeAt(LAST).plus(Duration.ofDays(400));
        s.deleteEndedBefore(later, RETENTION);
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            assertEquals(sent.get(m), figures(s.report(m, later, facts)), "made again: " + m);
        }

        // the totals since the start are what happened, in every month made while the data went
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            MonthlyReport r = first.get(m);
            for (String scope : List.of(MonthlyReport.PROGRAMME, "jcA", "jcB")) {
                assertTotal(r, "since_start.referred", s.count("referred", scope, r.asOf()), scope);
                assertTotal(r, "since_start.enrolled", s.count("enrolled", scope, r.asOf()), scope);
                assertTotal(r, "since_start.internships", s.count("internship", scope, r.asOf()), scope);
                assertTotal(r, "since_start.jobs.total", s.count("job.", scope, r.asOf()), scope);
                assertTotal(r, "since_start.exits.total", s.count("exit.", scope, r.asOf()), scope);
                // shown or not, the number kept behind each total is what happened
                assertEquals(s.count("referred", scope, r.asOf()), kept(facts, m, "since_start/since_start.referred@" + scope));
                assertEquals(s.count("enrolled", scope, r.asOf()), kept(facts, m, "flow/participants.total@" + scope));
                assertEquals(s.count("internship", scope, r.asOf()), kept(facts, m, "since_start/since_start.internships@" + scope));
                assertEquals(s.count("exit.", scope, r.asOf()), kept(facts, m, "exits/total@" + scope), m + " " + scope);
            }
        }
    }

    private static long kept(MonthlyFacts facts, YearMonth m, String id) {
        return Math.round(facts.months("p1").get(m).values().get(id));
    }

    private static void assertTotal(MonthlyReport r, String key, long happened, String scope) {
        Figure f = r.figure("since_start", key, scope).orElseThrow();
        if (f.shownAsNumber()) assertEquals(happened, (long) f.value(), r.month() + " " + key + "@" + scope);
    }

    @Test
    void aMonthNeverMadeAfterTheDeletionCountsFromTheLatestMonthKept() {
        ScriptedProgramme s = new ScriptedProgramme(18);
        MonthlyFacts facts = new InMemoryMonthlyFacts();
        for (YearMonth m = FIRST; !m.isAfter(YearMonth.of(2027, 6)); m = m.plusMonths(1)) {
            s.report(m, madeAt(m), facts);
        }
        // a year without reports, in which the retention deletes those who ended by mid 2027
        Instant later = madeAt(YearMonth.of(2028, 9));
        assertTrue(s.deleteEndedBefore(later, RETENTION) > 0);
        YearMonth gap = YearMonth.of(2028, 9);
        MonthlyReport r = s.report(gap, later, facts);
        assertTrue(facts.months("p1").containsKey(gap));
        long referred = s.count("referred", MonthlyReport.PROGRAMME, r.asOf());
        assertEquals(referred, kept(facts, gap, "since_start/since_start.referred@programme"));
        assertEquals(s.count("exit.", MonthlyReport.PROGRAMME, r.asOf()), kept(facts, gap, "exits/total@programme"));
        assertEquals(s.count("enrolled", "jcA", r.asOf()), kept(facts, gap, "flow/participants.total@jcA"));
        // without the months kept, the same month has lost the deleted referrals
        MonthlyFacts none = new InMemoryMonthlyFacts();
        s.report(gap, later, none);
        assertTrue(kept(none, gap, "since_start/since_start.referred@programme") < referred);
    }
}
