package dk.rampe.report;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Monthly facts held in maps (tests): the first kept of a month stays, like the conditional write. */
public final class InMemoryMonthlyFacts implements MonthlyFacts {
    private final Map<String, TreeMap<YearMonth, Month>> byProgramme = new HashMap<>();

    @Override
    public synchronized NavigableMap<YearMonth, Month> months(String programmeId) {
        return new TreeMap<>(byProgramme.getOrDefault(programmeId, new TreeMap<>()));
    }

    @Override
    public synchronized boolean keepFirst(String programmeId, Month month) {
        return byProgramme.computeIfAbsent(programmeId, k -> new TreeMap<>()).putIfAbsent(month.month(), month) == null;
    }
}
