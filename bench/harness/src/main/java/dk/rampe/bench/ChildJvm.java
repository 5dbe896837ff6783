package dk.rampe.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One fresh JVM standing in for one Lambda execution environment: the function's shaded jar plus
 * the runtime stand-in (lambda-sim.jar), Lambda-like flags and environment, a script of events.
 */
final class ChildJvm {
    private static final String SIM_MAIN = "dk.rampe.bench.sim.LambdaSim";

    /** What to start: a function (or the baseline) as Lambda would. */
    record Target(String name, Path jar, String handler) {
    }

    /** A script step: {@code count} invocations of one event template ({@code same}: repeat the previous SEQ). */
    record Step(String label, Path template, int count, boolean same) {
        static Step of(String label, Path template, int count) {
            return new Step(label, template, count, false);
        }
    }

    /** One invocation; {@code dynamoNanos} is the time in DynamoDB calls (-1 when not metered). */
    record Invocation(String label, int index, long nanos, String status, long dynamoNanos) {
    }

    /** Whether the capacity meter is on the classpath: not at all, timing DynamoDB calls, or reporting capacity. */
    enum Meter { NONE, TIME, CAPACITY }

    /** Parent-measured wall times, child-measured phases, each invocation, and where the logs are. */
    record Result(long wallToFirstNs, long wallTotalNs, long initNs, long firstInvokeNs, String firstStatus,
                  List<Invocation> invocations, Path stdout, Path stderr, Path classLog) {
    }

    private final Path java;
    private final Path simJar;
    private final Path meterJar;
    private final List<String> flags;
    private final List<String> meterFlags;
    private final Path work;

    ChildJvm(Path java, Path simJar, Path meterJar, List<String> flags, List<String> meterFlags, Path work) {
        this.java = java;
        this.simJar = simJar;
        this.meterJar = meterJar;
        this.flags = List.copyOf(flags);
        this.meterFlags = List.copyOf(meterFlags);
        this.work = work;
    }

    Path work() {
        return work;
    }

    /**
     * Runs one child to the end. {@code classLog}: with -Xlog:class+load to a file; {@code meter}: with
     * the capacity meter on the classpath, timing DynamoDB calls or also reporting capacity per request
     * (each invocation then marked on stderr).
     */
    Result run(Target target, Map<String, String> env, List<Step> script, long seqBase, String tag, boolean classLog,
               Meter meter) {
        try {
            Path scriptFile = work.resolve(tag + ".script");
            Path resultsFile = work.resolve(tag + ".results");
            Path stdout = work.resolve(tag + ".stdout");
            Path stderr = work.resolve(tag + ".stderr");
            Path classes = work.resolve(tag + ".classes");
            Files.deleteIfExists(resultsFile);
            Files.deleteIfExists(classes);
            Files.writeString(scriptFile, script.stream()
                    .map(s -> s.label() + "\t" + s.template() + "\t" + s.count() + "\t" + (s.same() ? "same" : "new"))
                    .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);

            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(flags);
            if (classLog) cmd.add("-Xlog:class+load=info:file=" + classes);
            if (meter == Meter.CAPACITY) {
                cmd.addAll(List.of("-Dbench.trace=true", "-Dbench.meter=capacity"));
                cmd.addAll(meterFlags);
            }
            if (meter == Meter.TIME) cmd.add("-Dbench.meter=time");
            String cp = target.jar() + File.pathSeparator + simJar
                    + (meter != Meter.NONE ? File.pathSeparator + meterJar : "");
            cmd.addAll(List.of("-cp", cp, SIM_MAIN, target.handler(), scriptFile.toString(), resultsFile.toString(),
                    Long.toString(seqBase)));

            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                    .redirectError(stderr.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);

            long start = System.nanoTime();
            Process p = pb.start();
            long first = -1;
            long init = -1;
            long firstInvoke = -1;
            String firstStatus = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer log = Files.newBufferedWriter(stdout, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("SIM-FIRST ")) {
                        first = System.nanoTime() - start;
                        String[] f = line.split(" ");
                        firstInvoke = Long.parseLong(f[1]);
                        firstStatus = f.length > 2 ? f[2] : "?";
                    } else if (line.startsWith("SIM-INIT ")) {
                        init = Long.parseLong(line.substring(9).strip());
                    }
                    log.write(line);
                    log.write('\n');
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(tag + ": the child JVM did not finish");
            }
            long total = System.nanoTime() - start;
            if (p.exitValue() != 0 || first < 0) {
                throw new IllegalStateException(tag + ": the child JVM failed (exit " + p.exitValue() + "); see "
                        + stderr + " and " + stdout + ":\n" + tail(stderr));
            }
            List<Invocation> invocations = new ArrayList<>();
            for (String line : Files.readAllLines(resultsFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t");
                invocations.add(new Invocation(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4])));
            }
            return new Result(first, total, init, firstInvoke, firstStatus, invocations, stdout, stderr,
                    classLog ? classes : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
