package dk.rampe.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure of a run, printed as Markdown (one table per section, rows not padded) and written
 * as JSON. Headline rows go into BENCHMARKS.md; detail rows (each DynamoDB request, classes by
 * origin, …) only into bench/target/bench-results.md and the JSON.
 */
final class Report {

    /** A budget the project holds itself to: its wording and whether it held (null: could not be checked). */
    record Budget(String rule, Boolean pass) {
        String text() {
            return rule + (pass == null ? " — not checked" : pass ? " PASS" : " FAIL");
        }
    }

    /** One line of the table; {@code value}/{@code baseline} are numbers when there are any. */
    record Row(String section, String subject, String figure, Double value, Double baseline, String valueText,
               String baselineText, Budget budget, String unit, boolean detail) {
        String ratioText() {
            if (value == null || baseline == null || baseline == 0) return "";
            return String.format(Locale.ROOT, "%.2f×", value / baseline);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final ObjectNode details = BenchJson.object();
    private final List<String> notes = new ArrayList<>();

    /** A line printed under the table (and kept in the JSON): what explains a figure. */
    void note(String text) {
        notes.add(text);
    }

    String notesText() {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) sb.append("- ").append(n).append('\n');
        return sb.toString();
    }

    void machine(String key, Object value) {
        machine.put(key, value);
    }

    ObjectNode details() {
        return details;
    }

    List<Row> rows() {
        return rows;
    }

    void add(String section, String subject, String figure, double value, Double baseline, String unit, Budget budget) {
        rows.add(new Row(section, subject, figure, value, baseline, format(value, unit),
                baseline == null ? "" : format(baseline, unit), budget, unit, false));
    }

    /** A row only for bench/target/bench-results.md and the JSON, not for BENCHMARKS.md. */
    void addDetail(String section, String subject, String figure, double value, Double baseline, String unit) {
        rows.add(new Row(section, subject, figure, value, baseline, format(value, unit),
                baseline == null ? "" : format(baseline, unit), null, unit, true));
    }

    void text(String section, String subject, String figure, String value, String baseline) {
        rows.add(new Row(section, subject, figure, null, null, value, baseline == null ? "" : baseline, null, "", false));
    }

    /** A text row only for bench/target/bench-results.md and the JSON. */
    void textDetail(String section, String subject, String figure, String value, String baseline) {
        rows.add(new Row(section, subject, figure, null, null, value, baseline == null ? "" : baseline, null, "", true));
    }

    void notBuilt(String section, String subject, String figure, String budgetRule) {
        rows.add(new Row(section, subject, figure, null, null, "not built yet", "",
                budgetRule == null ? null : new Budget(budgetRule, null), "", false));
    }

    /** How the budgets came out: "Budgets: 6 PASS, 0 FAIL, 5 not checked." */
    String budgetSummary() {
        long pass = rows.stream().filter(r -> r.budget() != null && Boolean.TRUE.equals(r.budget().pass())).count();
        long fail = rows.stream().filter(r -> r.budget() != null && Boolean.FALSE.equals(r.budget().pass())).count();
        long open = rows.stream().filter(r -> r.budget() != null && r.budget().pass() == null).count();
        return "Budgets: " + pass + " PASS, " + fail + " FAIL" + (open > 0 ? ", " + open + " not checked (not built yet)" : "")
                + (fail > 0 ? ". FAILED: " + rows.stream().filter(r -> r.budget() != null
                && Boolean.FALSE.equals(r.budget().pass())).map(r -> r.subject() + " " + r.figure().strip())
                .collect(java.util.stream.Collectors.joining("; ")) : "") + ".";
    }

    boolean failed() {
        return rows.stream().anyMatch(r -> r.budget() != null && Boolean.FALSE.equals(r.budget().pass()));
    }

    static String format(double v, String unit) {
        String n;
        if (unit.equals("ms")) n = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
        else if (unit.equals("MB")) n = String.format(Locale.ROOT, "%.2f", v);
        else if (unit.equals("CU")) n = String.format(Locale.ROOT, "%.1f", v);
        else if (v == Math.rint(v)) n = String.format(Locale.ROOT, "%,d", (long) v);
        else n = String.format(Locale.ROOT, "%.2f", v);
        return unit.isEmpty() || unit.equals("CU") ? n : n + " " + unit;
    }

    /**
     * One table per section (a heading, then {@code | function / operation | figure | value | baseline |
     * ratio | budget | check |}); {@code withDetail}: also the detail rows. Cells are not padded.
     */
    String markdown(boolean withDetail) {
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.detail() && !withDetail) continue;
            bySection.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Row>> e : bySection.entrySet()) {
            String title = e.getKey();
            sb.append("### ").append(Character.toUpperCase(title.charAt(0))).append(title.substring(1)).append("\n\n");
            // budget and check columns only where the section has budgets
            boolean budgets = e.getValue().stream().anyMatch(r -> r.budget() != null);
            sb.append("| function / operation | figure | value | baseline (bare SDK) | ratio |")
                    .append(budgets ? " budget | check |\n" : "\n");
            sb.append("|---|---|--:|--:|--:|").append(budgets ? "---|---|\n" : "\n");
            for (Row r : e.getValue()) {
                String subject = r.subject();
                String check = r.budget() == null ? "" : r.budget().pass() == null ? "not checked"
                        : r.budget().pass() ? "PASS" : "**FAIL**";
                sb.append("| ").append(cell(subject)).append(" | ").append(cell(r.figure().strip())).append(" | ")
                        .append(cell(r.valueText())).append(" | ").append(cell(r.baselineText())).append(" | ")
                        .append(r.ratioText()).append(" |");
                if (budgets) {
                    sb.append(' ').append(r.budget() == null ? "" : cell(r.budget().rule())).append(" | ").append(check)
                            .append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The sections BENCHMARKS.md shows one row per function, a column per figure ({@link #compactMarkdown}). */
    static final List<String> PIVOTED = List.of("cold start", "warm", EarlyWarningEvidence.SECTION);

    /**
     * The headline rows as BENCHMARKS.md shows them, to keep it short: the cold start and warm sections one row
     * per function with a column per figure ("value (ratio)", and PASS or **FAIL** where budgeted), their
     * baselines and budgets in a line above; the other sections as {@link #markdown} prints them.
     */
    String compactMarkdown() {
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        for (Row r : rows) if (!r.detail()) bySection.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Row>> e : bySection.entrySet()) {
            if (!PIVOTED.contains(e.getKey())) {
                Report one = new Report();
                one.rows.addAll(e.getValue());
                sb.append(one.markdown(false));
                continue;
            }
            String title = e.getKey();
            sb.append("### ").append(Character.toUpperCase(title.charAt(0))).append(title.substring(1)).append("\n\n");
            Map<String, Row> kinds = new LinkedHashMap<>();
            Map<String, Map<String, Row>> bySubject = new LinkedHashMap<>();
            for (Row r : e.getValue()) {
                String kind = kind(r.figure());
                kinds.putIfAbsent(kind, r);
                bySubject.computeIfAbsent(r.subject(), k -> new LinkedHashMap<>()).put(kind, r);
            }
            List<String> legend = new ArrayList<>();
            boolean baselines = kinds.values().stream().anyMatch(first -> !first.baselineText().isEmpty());
            kinds.forEach((kind, first) -> {
                if (!baselines && first.budget() == null) return; // a section without baselines lists its budgets only
                legend.add(kind + (first.baselineText().isEmpty() ? "" : " " + first.baselineText())
                        + (first.budget() == null ? "" : (baselines ? ", budget " : " ") + first.budget().rule()));
            });
            sb.append(baselines ? "Baseline (bare SDK): " : "Budgets: ").append(String.join("; ", legend)).append(".\n\n");
            sb.append(baselines ? "| function |" : "| |");
            kinds.keySet().forEach(k -> sb.append(' ').append(cell(k)).append(" |"));
            sb.append("\n|---|");
            kinds.keySet().forEach(k -> sb.append("--:|"));
            sb.append('\n');
            bySubject.forEach((subject, cells) -> {
                sb.append("| ").append(cell(subject)).append(" |");
                for (String kind : kinds.keySet()) {
                    Row r = cells.get(kind);
                    sb.append(' ');
                    if (r != null) {
                        sb.append(cell(r.valueText()));
                        if (!r.ratioText().isEmpty()) sb.append(" (").append(r.ratioText()).append(')');
                        if (r.budget() != null && r.budget().pass() != null) {
                            sb.append(r.budget().pass() ? " PASS" : " **FAIL**");
                        }
                    }
                    sb.append(" |");
                }
                sb.append('\n');
            });
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A figure's kind, its words before the parenthesis: "median (200 × …)" → "median". */
    static String kind(String figure) {
        String f = figure.strip();
        int i = f.indexOf(" (");
        return i < 0 ? f : f.substring(0, i);
    }

    /** A report read back from its JSON ({@link #json}): the rows and the machine, for rewriting BENCHMARKS.md. */
    static Report fromJson(com.fasterxml.jackson.databind.JsonNode root) {
        Report r = new Report();
        root.path("machine").fields().forEachRemaining(e -> r.machine.put(e.getKey(), e.getValue().asText()));
        for (com.fasterxml.jackson.databind.JsonNode o : root.path("rows")) {
            String unit = o.path("unit").asText("");
            Double value = o.path("value").isNumber() ? o.path("value").asDouble() : null;
            Double baseline = o.path("baseline").isNumber() ? o.path("baseline").asDouble() : null;
            String valueText = o.has("valueText") ? o.path("valueText").asText()
                    : value != null ? format(value, unit) : o.path("value").asText();
            String baselineText = o.has("baselineText") ? o.path("baselineText").asText()
                    : baseline != null ? format(baseline, unit) : "";
            Budget budget = o.has("budget") ? new Budget(o.path("budget").asText(),
                    o.path("pass").isBoolean() ? o.path("pass").asBoolean() : null) : null;
            r.rows.add(new Row(o.path("section").asText(), o.path("subject").asText(), o.path("figure").asText(), value,
                    baseline, valueText, baselineText, budget, unit, o.path("detail").asBoolean(false)));
        }
        return r;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** The run's description, one line per key, without the keys named in {@code leaveOut}. */
    String machineText(String... leaveOut) {
        List<String> skip = List.of(leaveOut);
        StringBuilder sb = new StringBuilder();
        machine.forEach((k, v) -> {
            if (!skip.contains(k)) sb.append("- ").append(k).append(": ").append(v).append('\n');
        });
        return sb.toString();
    }

    ObjectNode json() {
        ObjectNode root = BenchJson.object();
        ObjectNode m = root.putObject("machine");
        machine.forEach((k, v) -> m.put(k, String.valueOf(v)));
        ArrayNode a = root.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("section", r.section());
            o.put("subject", r.subject());
            o.put("figure", r.figure());
            if (r.value() != null) o.put("value", r.value());
            else o.put("value", r.valueText());
            o.put("valueText", r.valueText());
            if (r.baseline() != null) o.put("baseline", r.baseline());
            if (!r.baselineText().isEmpty()) o.put("baselineText", r.baselineText());
            if (r.value() != null && r.baseline() != null && r.baseline() != 0) o.put("ratio", r.value() / r.baseline());
            if (!r.unit().isEmpty()) o.put("unit", r.unit());
            if (r.detail()) o.put("detail", true);
            if (r.budget() != null) {
                o.put("budget", r.budget().rule());
                if (r.budget().pass() == null) o.putNull("pass");
                else o.put("pass", r.budget().pass());
            }
        }
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        root.set("details", details);
        return root;
    }
}
