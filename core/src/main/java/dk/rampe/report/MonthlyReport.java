package dk.rampe.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monthly report of a programme: counts and rates only, already suppressed. {@code scopes}
 * are "programme" first, then the partner jobcentres' ids ({@code scopeNames} their names).
 * {@code asOf} is the month's end: every figure is computed from history as it stood then.
 * {@code corrections} are changes dated within the month but recorded after its end: they are
 * not in the figures, so the same month made again gives the same figures.
 */
public record MonthlyReport(String programmeId, String programmeName, YearMonth month, Instant asOf, Instant madeAt,
                            List<String> scopes, Map<String, String> scopeNames, List<Section> sections,
                            List<String> warnings, List<Figure> corrections, List<IntakePoint> intakeOverTime,
                            List<MonthValue> absenceLast12Months) {

    public static final String PROGRAMME = "programme";

    public static final List<String> SECTION_IDS = List.of("since_start", "intake", "flow", "attendance", "aftercare",
            "warnings", "exits", "targets", "funders", "delivery");

    public MonthlyReport {
        scopes = List.copyOf(scopes);
        scopeNames = Map.copyOf(scopeNames);
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
        corrections = List.copyOf(corrections);
        intakeOverTime = List.copyOf(intakeOverTime);
        absenceLast12Months = List.copyOf(absenceLast12Months);
    }

    /** A section; {@code pending} when the data it needs is not recorded yet. */
    public record Section(String id, boolean pending, List<Figure> figures) {
        public Section {
            figures = List.copyOf(figures);
        }
    }

    /** Referrals received by a month's end against the pace to the programme's quota (both programme-wide). */
    public record IntakePoint(YearMonth month, Figure received, double pace, int quota) {
    }

    public record MonthValue(YearMonth month, double value) {
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Figure> figures() {
        return sections.stream().flatMap(s -> s.figures().stream()).toList();
    }

    public Optional<Figure> figure(String section, String key, String scope) {
        return figures().stream()
                .filter(f -> f.section().equals(section) && f.key().equals(key) && f.scope().equals(scope))
                .findFirst();
    }

    /** What is shown for a figure ("" if the report has no such figure). */
    public String shown(String section, String key, String scope) {
        return figure(section, key, scope).map(Figure::shown).orElse("");
    }
}
