package dk.rampe.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one table every figure goes into, printed as Markdown and written as JSON. */
final class Report {

    /** A budget the project holds itself to: its wording and whether it held (null: could not be checked). */
    record Budget(String rule, Boolean pass) {
        String text() {
            return rule + (pass == null ? " — not checked" : pass ? " PASS" : " FAIL");
        }
    }

    /** One line of the table; {@code value}/{@code baseline} are numbers when there are any. */
    record Row(String section, String subject, String figure, Double value, Double baseline, String valueText,
               String baselineText, Budget budget, String unit) {
        String ratioText() {
            if (value == null || baseline == null || baseline == 0) return "";
            return String.format(Locale.ROOT, "%.2f×", value / baseline);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final ObjectNode details = Json.object();
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
                baseline == null ? "" : format(baseline, unit), budget, unit));
    }

    void text(String section, String subject, String figure, String value, String baseline) {
        rows.add(new Row(section, subject, figure, null, null, value, baseline == null ? "" : baseline, null, ""));
    }

    void notBuilt(String section, String subject, String figure, String budgetRule) {
        rows.add(new Row(section, subject, figure, null, null, "not built yet", "",
                budgetRule == null ? null : new Budget(budgetRule, null), ""));
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

    String markdown() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"section", "function / operation", "figure", "value", "baseline (bare SDK)", "ratio", "budget"});
        for (Row r : rows) {
            cells.add(new String[] {r.section(), r.subject(), r.figure(), r.valueText(), r.baselineText(), r.ratioText(),
                r.budget() == null ? "" : r.budget().text()});
        }
        int[] width = new int[cells.get(0).length];
        for (String[] c : cells) for (int i = 0; i < c.length; i++) width[i] = Math.max(width[i], c[i].length());
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cells.size(); k++) {
            String[] c = cells.get(k);
            sb.append('|');
            for (int i = 0; i < c.length; i++) {
                boolean numeric = i >= 3 && i <= 5 && k > 0;
                String pad = " ".repeat(width[i] - c[i].length());
                sb.append(' ').append(numeric ? pad + c[i] : c[i] + pad).append(" |");
            }
            sb.append('\n');
            if (k == 0) {
                sb.append('|');
                for (int i = 0; i < c.length; i++) {
                    sb.append(i >= 3 && i <= 5 ? "-".repeat(width[i] + 1) + ":|" : "-".repeat(width[i] + 2) + "|");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    String machineText() {
        StringBuilder sb = new StringBuilder();
        machine.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    ObjectNode json() {
        ObjectNode root = Json.object();
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
            if (r.baseline() != null) o.put("baseline", r.baseline());
            if (r.value() != null && r.baseline() != null && r.baseline() != 0) o.put("ratio", r.value() / r.baseline());
            if (!r.unit().isEmpty()) o.put("unit", r.unit());
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
