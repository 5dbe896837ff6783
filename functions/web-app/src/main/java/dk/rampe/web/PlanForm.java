package dk.rampe.web;

import dk.rampe.plan.Plan;
import dk.rampe.plan.PlanService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plan form: rows of steps and supporters (empty rows left out), agreements, tovholder, the version seen. */
final class PlanForm {
    private PlanForm() {
    }

    static PlanService.Input parse(Map<String, String> f) {
        List<Plan.Step> steps = new ArrayList<>();
        for (int i = 0; i < Plan.MAX_STEPS; i++) {
            String text = clean(f.get("steps[" + i + "].text"));
            if (text == null) continue;
            steps.add(new Plan.Step(text, Plan.StepStatus.fromWire(f.getOrDefault("steps[" + i + "].status", ""))
                    .orElse(Plan.StepStatus.OPEN)));
        }
        List<Plan.Supporter> supporters = new ArrayList<>();
        for (int i = 0; i < Plan.MAX_SUPPORTERS; i++) {
            String name = clean(f.get("supporters[" + i + "].name"));
            if (name == null) continue;
            supporters.add(new Plan.Supporter(name, Plan.SupporterRole.fromWire(
                    f.getOrDefault("supporters[" + i + "].role", "")).orElse(Plan.SupporterRole.OTHER)));
        }
        long version;
        try {
            version = Long.parseLong(f.getOrDefault("version", "-1"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        return new PlanService.Input(steps, clean(f.get("agreements")), clean(f.get("tovholder")), supporters, version);
    }

    /** The service names the n-th filled-in row; the form shows the error on the row it came from. */
    static String formField(String field, Map<String, String> f) {
        for (String[] list : new String[][] {{"steps[", ".text", String.valueOf(Plan.MAX_STEPS)},
                {"supporters[", ".name", String.valueOf(Plan.MAX_SUPPORTERS)}}) {
            if (!field.startsWith(list[0]) || !field.endsWith("]")) continue;
            int n = Integer.parseInt(field.substring(list[0].length(), field.length() - 1));
            int seen = -1;
            for (int i = 0; i < Integer.parseInt(list[2]); i++) {
                if (clean(f.get(list[0] + i + "]" + list[1])) != null && ++seen == n) return list[0] + i + "]";
            }
        }
        return field;
    }

    private static String clean(String s) {
        if (s == null) return null;
        String v = s.replace("\r\n", "\n").strip();
        return v.isEmpty() ? null : v;
    }
}
