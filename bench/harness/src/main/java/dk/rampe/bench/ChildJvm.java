package dk.rampe.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fresh JVM standing in for one Lambda execution environment, started as a container-image
 * Lambda starts one: the real runtime interface client (AWSLambda, from aws-lambda-java-runtime-interface-client)
 * as main class, the handler string from the template as its argument, the function's shaded jar on the
 * class path, Lambda-like flags and environment, and AWS_LAMBDA_RUNTIME_API pointing at the harness's
 * {@link RuntimeApi}, which serves it a script of events.
 */
final class ChildJvm {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** bench/crac-hooks' main: the runtime client, with the checkpoint hooks run before the first event. */
    static final String PRIMED_MAIN = "dk.rampe.bench.crac.PrimedStart";

    /** What to start: a function (or the baseline) as Lambda would; {@code handler} as in the template's Handler. */
    /** A function's jar and handler; {@code flags}: its own launch flags (its memory size), null for the run's. */
    record Target(String name, Path jar, String handler, List<String> flags) {
        Target(String name, Path jar, String handler) {
            this(name, jar, handler, null);
        }
    }

    /** A script step: {@code count} invocations of one event template ({@code same}: repeat the previous SEQ). */
    record Step(String label, Path template, int count, boolean same) {
        static Step of(String label, Path template, int count) {
            return new Step(label, template, count, false);
        }
    }

    /**
     * One invocation, timed by the Runtime API from handing out the event to receiving the answer;
     * {@code dynamoNanos} is the time in DynamoDB calls (-1 when not metered); {@code trace} tells the
     * meter's lines of this invocation apart.
     */
    record Invocation(String label, int index, long nanos, String status, long dynamoNanos, String trace) {
    }

    /** Whether the capacity meter is on the classpath: not at all, timing DynamoDB calls, or reporting capacity. */
    enum Meter { NONE, TIME, CAPACITY }

    /**
     * Parent-measured times: start to first answer, start to the end of the script, start to the first
     * request for an event (the init phase), the first invocation; each invocation; where the logs are.
     */
    record Result(long wallToFirstNs, long wallTotalNs, long initNs, long firstInvokeNs, String firstStatus,
                  List<Invocation> invocations, Path stdout, Path stderr, Path classLog, String primed) {
    }

    private final Path java;
    private final List<Path> runtimeJars;
    private final Path meterJar;
    private final List<String> flags;
    private final List<String> meterFlags;
    private final Path work;
    private final Path taskRoot;
    private final RuntimeApi api;
    /** bench/crac-hooks: the checkpoint hooks and main class of a primed child ({@link #runPrimed}). */
    private Path cracHooksJar;

    ChildJvm(Path java, List<Path> runtimeJars, Path meterJar, List<String> flags, List<String> meterFlags, Path work,
             RuntimeApi api) {
        this.java = java;
        this.runtimeJars = List.copyOf(runtimeJars);
        this.meterJar = meterJar;
        this.flags = List.copyOf(flags);
        this.meterFlags = List.copyOf(meterFlags);
        this.work = work;
        this.taskRoot = work.resolve("task-root");
        this.api = api;
    }

    Path work() {
        return work;
    }

    ChildJvm primedWith(Path cracHooksJar) {
        this.cracHooksJar = cracHooksJar;
        return this;
    }

    /**
     * Runs one child as SnapStart would restore it: after init (the runtime client asked for its first
     * event) the function's registered checkpoint hooks run ({@code beforeCheckpoint}, then
     * {@code afterRestore}, through org.crac and bench/crac-hooks), and only then is the first event handed
     * out. {@link Result#primed()} says what the hooks did.
     */
    Result runPrimed(Target target, Map<String, String> env, List<Step> script, long seqBase, String tag) {
        return run(target, env, script, seqBase, tag, false, Meter.NONE, true);
    }

    /**
     * Runs one child through its script and ends it. {@code classLog}: with -Xlog:class+load to a file,
     * which then holds the classes loaded until the child asked for the event after the script's last
     * (the child is ended at once, before it can load more); {@code meter}: with the capacity meter on the
     * classpath, timing DynamoDB calls or also reporting capacity per request.
     */
    Result run(Target target, Map<String, String> env, List<Step> script, long seqBase, String tag, boolean classLog,
               Meter meter) {
        return run(target, env, script, seqBase, tag, classLog, meter, false);
    }

    private Result run(Target target, Map<String, String> env, List<Step> script, long seqBase, String tag,
                       boolean classLog, Meter meter, boolean primed) {
        try {
            Path stdout = work.resolve(tag + ".stdout");
            Path stderr = work.resolve(tag + ".stderr");
            Path classes = work.resolve(tag + ".classes");
            Files.deleteIfExists(classes);
            // the runtime client's task root (LAMBDA_TASK_ROOT, its working directory): empty, the code is on the class path
            Files.createDirectories(taskRoot);

            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(target.flags() != null ? target.flags() : flags);
            if (classLog) cmd.add("-Xlog:class+load=info:file=" + classes);
            if (meter == Meter.CAPACITY) {
                cmd.add("-Dbench.meter=capacity");
                cmd.addAll(meterFlags);
            }
            if (meter == Meter.TIME) cmd.add("-Dbench.meter=time");
            Path primeDir = null;
            if (primed) {
                primeDir = work.resolve(tag + ".prime");
                Files.createDirectories(primeDir);
                Files.deleteIfExists(primeDir.resolve("init-done"));
                Files.deleteIfExists(primeDir.resolve("primed"));
                cmd.add("-Dorg.crac.Core.Compat=dk.rampe.bench.crac");
                cmd.add("-Dbench.primeDir=" + primeDir);
                if (Boolean.getBoolean("bench.debugPrimed")) cmd.add("-Xlog:class+load=info:stdout");
            }
            List<String> cp = new ArrayList<>();
            // the runtime first, as in Lambda, where the function's classes come from a class loader below the runtime's
            runtimeJars.forEach(j -> cp.add(j.toString()));
            if (primed) cp.add(cracHooksJar.toString());
            cp.add(target.jar().toString());
            if (meter != Meter.NONE) cp.add(meterJar.toString());
            cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), primed ? PRIMED_MAIN : RIC_MAIN,
                    target.handler()));

            ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            pb.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
            pb.environment().put("_HANDLER", target.handler());

            RuntimeApi.Session session = api.begin(script, seqBase, target.name(), primeDir);
            long start = System.nanoTime();
            Process p = pb.start();
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            boolean done = false;
            while (!done && p.isAlive() && System.nanoTime() < deadline) {
                done = session.awaitFinished(50);
            }
            done = done || session.awaitFinished(200);
            p.destroyForcibly();
            p.waitFor(1, TimeUnit.MINUTES);
            session.release();

            List<RuntimeApi.Served> served = session.served();
            if (!done || session.initError != null || served.size() < session.planned() || session.firstNextAt < 0) {
                throw new IllegalStateException(tag + ": the child JVM failed ("
                        + (session.initError != null ? "init error: " + session.initError
                        : served.size() + " of " + session.planned() + " answers"
                        + (p.isAlive() ? "" : ", exit " + p.exitValue())) + "); see " + stderr + " and " + stdout + ":\n"
                        + tail(stdout) + "\n" + tail(stderr));
            }
            Map<String, Long> dynamo = meter == Meter.TIME ? dynamoNanos(stderr) : Map.of();
            List<Invocation> invocations = new ArrayList<>();
            for (RuntimeApi.Served s : served) {
                invocations.add(new Invocation(s.label(), s.index(), s.nanos(), s.status(),
                        meter == Meter.TIME ? dynamo.getOrDefault(s.trace(), 0L) : -1, s.trace()));
            }
            RuntimeApi.Served first = served.get(0);
            return new Result(first.answeredAt() - start, session.finishedAt - start, session.firstNextAt - start,
                    first.nanos(), first.status(), invocations, stdout, stderr, classLog ? classes : null, session.primed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The meter's METER-TIME lines per invocation (by trace header): the time some DynamoDB call was running, calls
     * that overlap (a function's parallel reads) counted once, so the time outside them never goes below zero.
     */
    private static Map<String, Long> dynamoNanos(Path stderr) throws IOException {
        Map<String, List<long[]>> calls = new HashMap<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            int at = line.indexOf("METER-TIME trace=");
            if (at < 0) continue;
            String[] f = line.substring(at + "METER-TIME ".length()).split(" ");
            long nanos = Long.parseLong(f[1].substring("nanos=".length()));
            long start = Long.parseLong(f[2].substring("start=".length()));
            calls.computeIfAbsent(f[0].substring("trace=".length()), k -> new ArrayList<>())
                    .add(new long[] {start, start + nanos});
        }
        Map<String, Long> out = new HashMap<>();
        calls.forEach((trace, spans) -> {
            spans.sort(Comparator.comparingLong(s -> s[0]));
            long total = 0;
            long from = Long.MIN_VALUE;
            long to = Long.MIN_VALUE;
            for (long[] s : spans) {
                if (s[0] > to) {
                    if (to > from) total += to - from;
                    from = s[0];
                    to = s[1];
                } else {
                    to = Math.max(to, s[1]);
                }
            }
            if (to > from) total += to - from;
            out.put(trace, total);
        });
        return out;
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
