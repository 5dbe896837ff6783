package dk.rampe.report;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every store of monthly facts does: the first kept of a month stays, every month comes back whole. */
public abstract class MonthlyFactsContract {

    protected abstract MonthlyFacts newFacts();

    @Test
    void theFirstFactsOfAMonthStayAndComeBackWithTheirScopesAndValues() {
        MonthlyFacts facts = newFacts();
        MonthlyFacts.Month march = new MonthlyFacts.Month(YearMonth.of(2026, 3), List.of("programme", "jcB", "jcA"),
                Map.of("intake/received.total@jcA", 7.0, "attendance/hours.planned@jcB", 12.5,
                        "attendance/minutes_to_nudge.median@programme", Double.NaN));
        assertTrue(facts.keepFirst("p1", march));
        assertFalse(facts.keepFirst("p1", new MonthlyFacts.Month(YearMonth.of(2026, 3), List.of("programme"),
                Map.of("intake/received.total@jcA", 3.0))), "a month's facts are kept once");
        assertTrue(facts.keepFirst("p1", new MonthlyFacts.Month(YearMonth.of(2026, 1), List.of("programme"),
                Map.of("intake/received.total@programme", 2.0))));
        assertTrue(facts.keepFirst("p2", new MonthlyFacts.Month(YearMonth.of(2026, 2), List.of("programme"), Map.of())));

        NavigableMap<YearMonth, MonthlyFacts.Month> p1 = facts.months("p1");
        assertEquals(List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 3)), List.copyOf(p1.keySet()));
        MonthlyFacts.Month back = p1.get(YearMonth.of(2026, 3));
        assertEquals(List.of("programme", "jcB", "jcA"), back.scopes(), "the scopes keep their order");
        assertEquals(7.0, back.values().get("intake/received.total@jcA"));
        assertEquals(12.5, back.values().get("attendance/hours.planned@jcB"));
        assertTrue(Double.isNaN(back.values().get("attendance/minutes_to_nudge.median@programme")));
        assertEquals(3, back.values().size());
        assertTrue(facts.months("p3").isEmpty());
    }
}
