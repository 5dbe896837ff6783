package dk.rampe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The classes a child JVM loaded up to the end of its first invocation, read from
 * {@code -Xlog:class+load}: the child is ended as soon as it asks the Runtime API for its second
 * event, so the log ends there (see {@link ChildJvm#run}). The count is stable from machine to machine (unlike wall time),
 * which is why the budget is set on it.
 */
record ClassLog(List<String> classes, int fromCds) {
    /** Groups in the order they are printed. */
    static final List<String> GROUPS = List.of("JDK", "generated", "AWS SDK", "Jackson", "Lambda libs",
            "handler code", "runtime client", "other");

    static ClassLog read(Path file) {
        try {
            List<String> classes = new ArrayList<>();
            int cds = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tag = line.indexOf("[class,load] ");
                if (tag < 0) continue;
                String rest = line.substring(tag + "[class,load] ".length());
                int sp = rest.indexOf(' ');
                String name = sp < 0 ? rest : rest.substring(0, sp);
                classes.add(name);
                if (rest.contains("source: shared objects file")) cds++;
            }
            return new ClassLog(classes, cds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count() {
        return classes.size();
    }

    static String group(String name) {
        if (name.contains("$$Lambda") || name.contains("/0x")) return "generated";
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("com.sun.")) return "JDK";
        if (name.startsWith("software.amazon.")) return "AWS SDK";
        if (name.startsWith("com.fasterxml.")) return "Jackson";
        if (name.startsWith("com.amazonaws.services.lambda.runtime.api.client.")
                || name.startsWith("com.amazonaws.services.lambda.crac.")) return "runtime client";
        if (name.startsWith("com.amazonaws.")) return "Lambda libs";
        if (name.startsWith("dk.rampe.")) return "handler code";
        return "other";
    }

    Map<String, Integer> byGroup() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String g : GROUPS) m.put(g, 0);
        for (String c : classes) m.merge(group(c), 1, Integer::sum);
        return m;
    }

    /**
     * Named classes loaded here but not in {@code baseline}. Generated classes (lambdas, method
     * handles) have run-dependent names and are compared by count only, in {@link #byGroup()}.
     */
    List<String> beyond(ClassLog baseline) {
        Set<String> base = new LinkedHashSet<>(baseline.classes);
        List<String> extra = new ArrayList<>();
        for (String c : classes) if (!group(c).equals("generated") && !base.contains(c)) extra.add(c);
        return extra;
    }

    /** The packages that contribute most to {@code extra}, biggest first. */
    static Map<String, Integer> topPackages(List<String> extra, int limit) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String c : extra) {
            String pkg = packageOf(c);
            counts.merge(pkg, 1, Integer::sum);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A class's package, cut to three parts (com.fasterxml.jackson) to keep the summary short. */
    static String packageOf(String c) {
        if (group(c).equals("generated")) return "(generated lambdas, method handles)";
        int dot = c.lastIndexOf('.');
        String pkg = dot < 0 ? "" : c.substring(0, dot);
        String[] parts = pkg.split("\\.");
        int keep = pkg.startsWith("dk.rampe") || pkg.startsWith("java.") ? Math.min(parts.length, 3)
                : Math.min(parts.length, 4);
        return String.join(".", java.util.Arrays.copyOf(parts, keep));
    }
}
