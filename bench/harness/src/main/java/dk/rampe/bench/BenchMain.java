package dk.rampe.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.testkit.FakeAwsEndpoint;
import dk.rampe.local.embedded.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * The benchmark, in one command (see BENCHMARKS.md):
 * <pre>mvn -q -Pbench -DskipTests package &amp;&amp; java -jar bench/harness/target/rampe-bench.jar</pre>
 * Options: {@code --quick} (fewer runs, for trying it out), {@code --cold-runs N},
 * {@code --warm N}, {@code --warmup N}, {@code --java PATH} (the JVM for the children; default
 * this one), {@code --update-md} (rewrite the generated part of BENCHMARKS.md).
 *
 * <p>Every figure is measured against a baseline in the same run: a bare handler that builds
 * the same DynamoDB client and makes one GetItem (bench/bare-sdk-handler). Each child JVM runs the
 * real Lambda runtime interface client against the harness's {@link RuntimeApi}. The functions,
 * their handlers and jars come from infra/sam-template.yaml; what each is fed, from the profiles in
 * {@link #main} (by handler class).
 */
public final class BenchMain {
    /** Classes loaded by the first answer, against the bare handler's (the issue "Lean and measured": 1.15×). */
    static final double CLASS_BUDGET = 1.15;
    /** The first invocation after a primed init (SnapStart), against the bare handler's, measured the same way. */
    static final double PRIMED_FIRST_BUDGET = 1.5;

    /** A function under test: what to start, its first event, its warm event and its cost script. */
    record FunctionBench(String name, ChildJvm.Target target, Map<String, String> env, Path firstEvent,
                         Path warmEvent, List<ChildJvm.Step> costScript, String warmNote, Prepare prepare,
                         int warmDivisor) {
        FunctionBench(String name, ChildJvm.Target target, Map<String, String> env, Path firstEvent,
                      Path warmEvent, List<ChildJvm.Step> costScript, String warmNote) {
            this(name, target, env, firstEvent, warmEvent, costScript, warmNote, Prepare.NONE, 1);
        }
    }

    /**
     * What a function needs in the table before a child runs its script (after the tables were reset):
     * for example the outbox messages the script's stream records name. {@code seqBase} is the child's
     * first SEQ; its invocations use {@code seqBase} up to {@code seqBase + invocations}.
     */
    @FunctionalInterface
    interface Prepare {
        Prepare NONE = (db, seqBase, script) -> { };

        void prepare(LocalDynamo db, long seqBase, List<ChildJvm.Step> script);

        static int invocations(List<ChildJvm.Step> script) {
            return script.stream().mapToInt(ChildJvm.Step::count).sum();
        }
    }

    /** The environment for a function (by handler class) against a DynamoDB Local endpoint. */
    @FunctionalInterface
    interface EnvFor {
        Map<String, String> env(String handler, String name, String endpoint);
    }

    /**
     * A function of infra/sam-template.yaml: its name (FunctionName without the stack's prefix), its
     * Handler string as Lambda gets it, and the jar its CodeUri names.
     */
    /** A function of the template: its name, handler, jar, memory size and the launch flags for that size. */
    record Deployed(String name, String handler, Path jar, int memoryMb, List<String> flags) {
        String handlerClass() {
            int i = handler.indexOf("::");
            return i < 0 ? handler : handler.substring(0, i);
        }

        ChildJvm.Target target() {
            return new ChildJvm.Target(name, jar, handler, flags);
        }
    }

    /** The template's functions, in template order. */
    static List<Deployed> deployed(SamTemplate t, Path templateDir, String javaToolOptions) {
        List<Deployed> out = new ArrayList<>();
        for (Map<String, Object> r : t.resourcesOfType("AWS::Serverless::Function").values()) {
            Map<String, Object> p = SamTemplate.properties(r);
            if (!(p.get("Handler") instanceof String handler) || !(p.get("CodeUri") instanceof String codeUri)) continue;
            Path jar = templateDir.resolve(codeUri).normalize();
            Object fn = p.get("FunctionName");
            if (fn instanceof Map<?, ?> m && m.size() == 1) fn = m.values().iterator().next(); // !Sub
            String name = fn instanceof String s ? s.replace("${AWS::StackName}-", "")
                    : jar.getFileName().toString().replaceFirst("\\.jar$", "");
            int memoryMb = p.get("MemorySize") instanceof Number n ? n.intValue() : memoryMb(t);
            out.add(new Deployed(name, handler, jar, memoryMb, lambdaFlags(memoryMb, javaToolOptions)));
        }
        return out;
    }

    static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** A cost row the issue asks for that has no code yet. */
    record Pending(String operation) {
    }

    /** The SES and SNS stubs' endpoints, for the functions that send (set in main). */
    static Map<String, String> senders = Map.of();
    /** The report functions' S3 stub, bucket and SES stub (set in main). */
    static Map<String, String> reports = Map.of();

    private BenchMain() {
    }

    /**
     * The stream dispatcher: the sample's batch (an email and an SMS) with ids of messages seeded
     * pending and due before the child starts, one pair per invocation, so every invocation claims,
     * sends (to the SES/SNS stubs) and records two messages.
     */
    static FunctionBench nudgeDispatcher(SamTemplate template, LocalDynamo db, Deployed f, Path batch,
                                         Path oneRecord) {
        return new FunctionBench(f.name(), f.target(),
                childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name()), batch, batch,
                List.of(ChildJvm.Step.of("stream record to sent (one email)", oneRecord, 1),
                        ChildJvm.Step.of("stream batch of 2 (email + SMS), both sent", batch, 1),
                        new ChildJvm.Step("the same batch again (replay)", batch, 1, true)),
                "stream batch of 2 (email + SMS), both sent",
                (d, base, script) -> Nudges.seedPendingPairs(d, base, base + Prepare.invocations(script) + 1),
                WARM_DIVISOR_DISPATCHER);
    }

    /**
     * The dispatcher's warm run is a sixth as long as the others': each invocation sends two messages
     * with four conditional writes, 70–120 ms against DynamoDB Local, and the whole bench must stay well
     * under 10 minutes.
     */
    static final int WARM_DIVISOR_DISPATCHER = 6;

    /**
     * The report functions' warm runs are a fiftieth as long: a monthly job (and an admin's occasional call),
     * each invocation makes, keeps and emails a report (about 100 ms), and the bench must stay short.
     */
    static final int WARM_DIVISOR_REPORT = 50;

    static final int SWEEP_COLD_DUE = 2;
    /** The label of the primed children's event: the warm event, on a table as the first event left it. */
    static final String STEADY = "steady";
    static final int SWEEP_COST_DUE = 10;

    /**
     * The sweep: cold start and warm get {@value #SWEEP_COLD_DUE} due messages (so the first run
     * does real work; later warm runs find nothing due, the usual minute); the cost script
     * {@value #SWEEP_COST_DUE}.
     */
    static FunctionBench nudgeSweep(SamTemplate template, LocalDynamo db, Deployed f, Path input) {
        List<ChildJvm.Step> cost = List.of(ChildJvm.Step.of("one run, " + SWEEP_COST_DUE + " messages due", input, 1),
                ChildJvm.Step.of("one run, nothing due", input, 1));
        return new FunctionBench(f.name(), f.target(),
                childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name()), input, input, cost,
                "{\"sweep\":true}, nothing due after the first",
                (d, base, script) -> Nudges.seedDue(d, script == cost ? SWEEP_COST_DUE
                        : script.get(0).label().equals(STEADY) ? 0 : SWEEP_COLD_DUE), 1);
    }

    /** The follow-up page: GET with a valid token for a seeded open task; the cost script also posts the form. */
    static FunctionBench followUpPage(SamTemplate template, LocalDynamo db, Deployed f, String getSample,
                                      String postSample, Path work) {
        Map<String, String> env = childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name());
        String token = Nudges.pageToken(env);
        Path get = Nudges.pageGet(getSample, token, work.resolve("follow-up-page-get.template.json"));
        Path post = Nudges.pagePost(postSample, token, work.resolve("follow-up-page-post.template.json"));
        return new FunctionBench(f.name(), f.target(), env, get, get,
                List.of(ChildJvm.Step.of("GET /f/{token} (view)", get, 1),
                        ChildJvm.Step.of("POST /f/{token} (form post: outcome, task closed)", post, 1),
                        ChildJvm.Step.of("POST /f/{token} again (repeat)", post, 1)),
                "GET /f/{token} of an open task", (d, base, script) -> Nudges.seedPageTask(d), 1);
    }

    /** A scheduled function (EventBridge Scheduler input), measured on one run. */
    static FunctionBench scheduled(SamTemplate template, LocalDynamo db, Deployed f, Path input,
                                   String what) {
        return new FunctionBench(f.name(), f.target(),
                childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name()), input, input,
                List.of(ChildJvm.Step.of(what, input, 1)), what);
    }

    /** The bench's value of a secret variable (in AWS it comes from Secrets Manager; never a development value). */
    static String benchSecret(String variable) {
        return "bench-" + variable.toLowerCase(java.util.Locale.ROOT) + "-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    }

    /**
     * The web app: a consultant's "my participants" page (one gsi2 query of the programme's
     * referrals), with a session cookie signed by the bench's session key as the app signs it.
     */
    static FunctionBench webApp(SamTemplate template, LocalDynamo db, Deployed f, String getSample,
                                Path work) {
        Map<String, String> env = childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name());
        // the report bucket is set as in AWS: its S3 client must not be built before a report page is asked for
        env.put("RAMPE_REPORT_BUCKET", "rampe-bench-reports");
        Path get = Templates.webAppGet(getSample, Templates.webSessionCookie("STAFF", "c-anna"),
                work.resolve("web-app-get.template.json"));
        return new FunctionBench(f.name(), f.target(), env, get, get,
                List.of(ChildJvm.Step.of("GET /app/participants (consultant)", get, 1)),
                "GET /app/participants as a consultant");
    }

    public static void main(String[] args) throws Exception {
        // TCP_NODELAY on the JDK HTTP servers here (the Runtime API, the SES/SNS stubs): without it a
        // response's headers and body go out as two segments and the second waits for a delayed ACK
        // (about 40 ms on Linux), which would be counted in every invocation
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (List.of(args).equals(List.of("--render-md"))) {
            renderMd(Repo.find());
            return;
        }
        Options o = Options.parse(args);
        long started = System.nanoTime();
        String loadAtStart = loadAverage();
        Repo repo = Repo.find();
        Path work = repo.work();

        SamTemplate template = SamTemplate.read(repo.path("infra/sam-template.yaml"));
        String javaToolOptions = String.valueOf(template.environment(Map.of()).getOrDefault("JAVA_TOOL_OPTIONS", ""));
        List<Deployed> deployed = deployed(template, repo.path("infra"), javaToolOptions);
        Path bareJar = repo.path("bench/bare-sdk-handler/target/bare-sdk-handler.jar");
        Path meterJar = repo.path("bench/meter/target/dynamodb-meter.jar");
        Path cracHooksJar = repo.path("bench/crac-hooks/target/crac-hooks.jar");
        List<Path> runtimeJars = jars(repo.path("bench/runtime-client/target/lib"));
        List<Path> needed = new ArrayList<>(List.of(bareJar, meterJar, cracHooksJar));
        deployed.forEach(d -> needed.add(d.jar()));
        if (runtimeJars.isEmpty()) needed.add(repo.path("bench/runtime-client/target/lib"));
        for (Path p : needed) {
            if (!Files.exists(p) && o.runsChildren()) {
                throw new IllegalStateException(repo.root().relativize(p)
                        + " is missing: build first with  mvn -q -Pbench -DskipTests package");
            }
        }
        int memoryMb = memoryMb(template);
        List<String> flags = lambdaFlags(memoryMb, javaToolOptions);
        Map<String, Integer> memoryOf = new LinkedHashMap<>();
        deployed.forEach(d -> memoryOf.put(d.name(), d.memoryMb()));
        Path java = o.java != null ? o.java : Path.of(System.getProperty("java.home"), "bin", "java");

        Report report = new Report();
        machine(report, repo, java, flags, memoryMb, o);
        String ownSizes = deployed.stream().filter(d -> d.memoryMb() != memoryMb)
                .map(d -> d.name() + " " + d.memoryMb() + " MB").collect(Collectors.joining(", "));
        if (!ownSizes.isEmpty()) report.machine("functions with their own memory size", ownSizes
                + " (their children get the same flags for that size)");
        report.machine("Lambda runtime in the children", "AWSLambda from " + runtimeJars.stream()
                .map(j -> j.getFileName().toString()).filter(n -> n.contains("runtime-interface-client")).findFirst()
                .orElse("?") + " and its dependencies (bench/runtime-client/target/lib)");

        Repo.Sample settings = repo.sample("settings-sample.json");
        Repo.Sample postSample = repo.sample("referral-intake/post-referral.json");
        Repo.Sample visitationSample = repo.sample("referral-intake/post-visitation.json");
        Repo.Sample streamSample = repo.sample("nudge-dispatcher-stream.json");
        Repo.Sample pageGetSample = repo.sample("follow-up-page-get.json");
        Repo.Sample pagePostSample = repo.sample("follow-up-page-post.json");
        report.machine("samples", String.join(", ", settings.source(), postSample.source(), visitationSample.source(),
                streamSample.source(), pageGetSample.source(), pagePostSample.source()));
        Path postTemplate = Templates.postReferral(postSample.text(), work.resolve("post-referral.template.json"));
        Path getTemplate = Templates.getReferral(postSample.text(), work.resolve("get-referral.template.json"));
        Path followUpTemplate = Templates.planFollowUp(visitationSample.text(), work.resolve("post-follow-up.template.json"));
        Path batchTemplate = Nudges.streamBatch(streamSample.text(), 2, work.resolve("stream-batch.template.json"));
        Path oneRecordTemplate = Nudges.streamBatch(streamSample.text(), 1, work.resolve("stream-one-email.template.json"));
        Path sweepInput = Nudges.sweepInput(work.resolve("sweep.json"));

        log("DynamoDB Local: starting in this JVM; tables from infra/sam-template.yaml; settings from " + settings.source());
        LocalDynamo db = new LocalDynamo(template, settings.text());
        // SES v2 and SNS for the dispatcher and the sweep: local HTTP stubs answering as the services do
        FakeAwsEndpoint ses = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesSent("0100018c-bench-ses"));
        FakeAwsEndpoint sns = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.snsPublished("bench-sns"));
        senders = Map.of("AWS_ENDPOINT_URL_SES", ses.endpoint(), "AWS_ENDPOINT_URL_SNS", sns.endpoint());
        // S3 for the report archive: a stub in this JVM (PUT, GET, list), no moto needed
        S3Stub s3 = new S3Stub();
        reports = Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint(), "RAMPE_REPORT_BUCKET", ReportSeeds.BUCKET,
                "AWS_ENDPOINT_URL_SES", ses.endpoint());
        RuntimeApi api = new RuntimeApi();
        try {
            FunctionBench bare = new FunctionBench("bare SDK baseline",
                    new ChildJvm.Target("bare-sdk", bareJar, "dk.rampe.bench.bare.BareSdkHandler::handleRequest"),
                    childEnv(template, null, db.endpoint(), memoryMb, "bare-sdk"), postTemplate, postTemplate,
                    List.of(ChildJvm.Step.of("one GetItem", postTemplate, 1)), "one GetItem of the settings item");
            // What each function of the template is fed, by handler class. A function of the template with
            // no entry here still gets its size rows, and a row saying it has no bench events yet.
            Map<String, java.util.function.Function<Deployed, FunctionBench>> profiles = new LinkedHashMap<>();
            profiles.put("dk.rampe.intake.ReferralIntakeHandler", f -> new FunctionBench(f.name(), f.target(),
                            childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name()),
                            postTemplate, postTemplate,
                            List.of(ChildJvm.Step.of("POST /v1/referrals, first on a new instance", postTemplate, 1),
                                    ChildJvm.Step.of("POST /v1/referrals, warm instance", postTemplate, 1),
                                    new ChildJvm.Step("POST /v1/referrals, the same again (retry)", postTemplate, 1, true),
                                    ChildJvm.Step.of("GET /v1/referrals/{id}", getTemplate, 1),
                                    ChildJvm.Step.of("POST /v1/referrals/{id}/follow-ups (staff plan a follow-up)",
                                            followUpTemplate, 1)),
                            "POST /v1/referrals, a new citizen each time"));
            profiles.put("dk.rampe.dispatch.NudgeDispatcherHandler",
                    f -> nudgeDispatcher(template, db, f, batchTemplate, oneRecordTemplate));
            profiles.put("dk.rampe.dispatch.NudgeSweepHandler", f -> nudgeSweep(template, db, f, sweepInput));
            // the scheduled sweeps of absence and aftercare: one run on an empty table (cold start; their
            // read cost and growth rows are still to come, see "not built yet" below)
            profiles.put("dk.rampe.absence.AbsenceDetectionHandler", f -> scheduled(template, db, f, sweepInput,
                    "one run, nothing due"));
            profiles.put("dk.rampe.aftercare.AftercareSweepHandler", f -> scheduled(template, db, f, sweepInput,
                    "one run, nothing due"));
            profiles.put("dk.rampe.web.WebAppHandler", f -> webApp(template, db, f, repo.sample("web-app-get.json").text(),
                    work));
            // the monthly report: the scheduled run for the sample programme and the month just ended (an empty
            // programme in the cost and cold-start tables; the growth rows have the seeded ones), and the admin
            // route making the same report, then listing the archive
            Path reportEvent = ReportSeeds.monthlyEvent(work.resolve("monthly-report.json"));
            String oneReport = "one report (the sample programme, the month just ended), kept in S3 and emailed";
            profiles.put("dk.rampe.monthlyreport.MonthlyReportHandler", f -> new FunctionBench(f.name(), f.target(),
                    childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name()), reportEvent, reportEvent,
                    List.of(ChildJvm.Step.of(oneReport, reportEvent, 1)), oneReport, Prepare.NONE, WARM_DIVISOR_REPORT));
            Path adminPost = ReportSeeds.adminPost(repo.sample("referral-intake/put-settings.json").text(),
                    work.resolve("report-admin-post.template.json"));
            Path adminList = ReportSeeds.adminList(repo.sample("referral-intake/put-settings.json").text(),
                    work.resolve("report-admin-list.template.json"));
            profiles.put("dk.rampe.monthlyreport.ReportAdminHandler", f -> new FunctionBench(f.name(), f.target(),
                    childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name()), adminPost, adminList,
                    List.of(ChildJvm.Step.of("POST /v1/admin/reports (make, keep, email)", adminPost, 1),
                            ChildJvm.Step.of("GET /v1/admin/reports (list the archive)", adminList, 1)),
                    "GET /v1/admin/reports, the archive listed", Prepare.NONE, WARM_DIVISOR_REPORT));
            profiles.put("dk.rampe.followup.page.FollowUpPageHandler",
                    f -> followUpPage(template, db, f, pageGetSample.text(), pagePostSample.text(), work));
            // today's list: one run with the whole day as its window (07:30-12:00 in the template), so
            // its cold start includes the reads at any hour of the bench (on a weekend it stops at the calendar)
            profiles.put("dk.rampe.todays.TodaysListHandler", f -> {
                Map<String, String> env = childEnv(template, f.handlerClass(), db.endpoint(), f.memoryMb(), f.name());
                env.put("RAMPE_TODAYS_LIST_WINDOW", "00:00-23:59");
                return new FunctionBench(f.name(), f.target(), env, sweepInput, sweepInput,
                        List.of(ChildJvm.Step.of("one run, nobody enrolled", sweepInput, 1)), "one run, nobody enrolled");
            });
            List<FunctionBench> functions = new ArrayList<>();
            Map<String, FunctionBench> byHandler = new LinkedHashMap<>();
            List<Deployed> withoutEvents = new ArrayList<>();
            for (Deployed d : deployed) {
                var profile = profiles.get(d.handlerClass());
                if (profile == null) {
                    withoutEvents.add(d);
                    continue;
                }
                FunctionBench f = profile.apply(d);
                if (o.functions == null || o.functions.contains(f.name())) functions.add(f);
                byHandler.put(d.handlerClass(), f);
            }

            ChildJvm jvm = new ChildJvm(java, runtimeJars, meterJar, flags,
                    List.of("-Dbench.indexKeys=" + indexKeys(template)), work, api).primedWith(cracHooksJar);
            Runner runner = new Runner(db, jvm, o, report,
                    (handler, name, endpoint) -> childEnv(template, handler, endpoint, memoryOf.getOrDefault(name, memoryMb), name));
            for (Deployed d : withoutEvents) {
                report.notBuilt("cold start", d.name(), "no bench events yet (add " + d.handlerClass()
                        + " to the profiles in BenchMain.main)", null);
            }
            if (o.runs("cold")) runner.coldStart(bare, functions);
            if (o.runs("cold")) runner.primedFirstInvocation(bare, functions);
            if (o.runs("size")) runner.sizes(bare, deployed.stream().map(Deployed::target).toList());
            if (o.runs("warm")) runner.warm(bare, functions);
            if (o.runs("cost")) runner.cost(bare, functions, List.of(new Pending("attendance registration"), new Pending("absence sweep (one run)"),
                    new Pending("aftercare sweep (one run)")));
            db.close(); // growth rows get DynamoDB Locals of their own
            if (o.runs("growth")) report.note("growth, nudge sweep: the table holds, " + Nudges.SWEEP_TABLE + ".");
            if (o.runs("growth")) report.note("growth, absence sweep: the table holds, " + AbsenceSeeds.TABLE + ".");
            if (o.runs("growth")) report.note("growth, aftercare sweep: the table holds, " + AftercareSeeds.TABLE + ".");
            if (o.runs("growth")) runner.growth(() -> new LocalDynamo(template, settings.text()), List.of(
                    // a working example of a growth row: intake only looks up keys, whatever the table holds
                    new Growth("referral intake, POST", o.intakeGrowthSizes, "participants", 0, "",
                            new Growth.Built(byHandler.get("dk.rampe.intake.ReferralIntakeHandler").target(),
                                    ChildJvm.Step.of("POST /v1/referrals", postTemplate, 1), Seeds::referrals, 0, 4)),
                    new Growth("nudge sweep", o.sweepGrowthSizes, "items", 50,
                            "messages due", new Growth.Built(byHandler.get("dk.rampe.dispatch.NudgeSweepHandler").target(),
                            ChildJvm.Step.of("sweep", sweepInput, 1), Nudges::seedSweepTable, 2, 5)),
                    // one run of the every-minute absence detection: 30 participants' sessions due now, absent
                    new Growth("absence sweep", o.absenceGrowthSizes, "participants", 30, "absent today",
                            new Growth.Built(byHandler.get("dk.rampe.absence.AbsenceDetectionHandler").target(),
                                    ChildJvm.Step.of("sweep", sweepInput, 1), AbsenceSeeds::seed, 2, 5)),
                    // one run of the daily aftercare sweep: 50 participants' aftercare calls due
                    new Growth("aftercare sweep", o.aftercareGrowthSizes, "participants", 50, "aftercare call due",
                            new Growth.Built(byHandler.get("dk.rampe.aftercare.AftercareSweepHandler").target(),
                                    ChildJvm.Step.of("sweep", sweepInput, 1), AftercareSeeds::seed, 2, 5))));
            if (o.runs("growth")) {
                // one report of a programme of 1,000 and of 10,000 participants in a table of 100,000 items
                report.note("growth, monthly report: the table holds, " + ReportSeeds.TABLE + ".");
                try (LocalDynamo own = new LocalDynamo(template, settings.text())) {
                    ReportSeeds.growth(report, jvm, (h, n, e) -> childEnv(template, h, e, memoryOf.getOrDefault(n, memoryMb), n), own, settings.text(),
                            byHandler.get("dk.rampe.monthlyreport.MonthlyReportHandler").target(), work,
                            o.reportGrowthSizes, o.reportTableItems, 900_000_000L);
                }
            }
            if (o.runs("latency")) cutoffToSms(template, settings.text(), report);
            if (o.runs("warning")) EarlyWarningEvidence.measure(report);
        } finally {
            api.close();
            db.close();
            ses.close();
            sns.close();
            s3.close();
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        report.machine("bench run time", String.format(Locale.ROOT, "%.0f s", seconds));
        report.machine("load average (1 min) at start / end", loadAtStart + " / " + loadAverage()
                + " (other work on these cores slows every child alike: compare ratios, not milliseconds)");
        String headline = report.budgetSummary() + "\n\n" + report.markdown(false);
        String machineText = report.machineText();
        System.out.println();
        System.out.println(headline);
        System.out.println(report.notesText());
        System.out.println(machineText);
        System.out.println(report.budgetSummary() + " Every DynamoDB request: bench/target/bench-results.md");

        Path json = repo.path("bench/target/bench-results.json");
        Files.writeString(json, BenchJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.json()),
                StandardCharsets.UTF_8);
        Path md = repo.path("bench/target/bench-results.md");
        Files.writeString(md, "# Benchmark results, with every detail\n\n" + report.budgetSummary() + "\n\n"
                + report.markdown(true) + "### Notes\n\n" + report.notesText() + "\n### The run\n\n" + machineText,
                StandardCharsets.UTF_8);
        log("wrote " + repo.root().relativize(json) + " and " + repo.root().relativize(md)
                + "; logs and class lists in " + repo.root().relativize(work));
        if (o.updateMd) {
            updateBenchmarksMd(repo.path("BENCHMARKS.md"), benchmarksMd(report));
            log("updated BENCHMARKS.md");
        }
    }

    /** The generated part of BENCHMARKS.md: the budgets, the headline rows (compact), the run. */
    static String benchmarksMd(Report report) {
        return report.budgetSummary() + "\n\n" + report.compactMarkdown() + "#### The run\n\n" + report.machineText("samples");
    }

    /** {@code --render-md}: rewrites BENCHMARKS.md's generated part from the last run's bench/target/bench-results.json. */
    static void renderMd(Repo repo) throws IOException {
        Path json = repo.path("bench/target/bench-results.json");
        Report report = Report.fromJson(BenchJson.MAPPER.readTree(json.toFile()));
        updateBenchmarksMd(repo.path("BENCHMARKS.md"), benchmarksMd(report));
        log("updated BENCHMARKS.md from " + repo.root().relativize(json));
    }

    // ---------------------------------------------------------------------------------------------

    /** The measurements, each function beside the baseline. */
    static final class Runner {
        private final LocalDynamo db;
        private final ChildJvm jvm;
        private final Options o;
        private final Report report;
        private final EnvFor envFor;
        private long seq = 1;

        Runner(LocalDynamo db, ChildJvm jvm, Options o, Report report, EnvFor envFor) {
            this.db = db;
            this.jvm = jvm;
            this.o = o;
            this.report = report;
            this.envFor = envFor;
        }

        private ChildJvm.Result child(FunctionBench f, List<ChildJvm.Step> script, String tag, boolean classLog,
                                      ChildJvm.Meter meter) {
            db.reset();
            long base = seq;
            seq += 1_000_000;
            f.prepare().prepare(db, base, script);
            ChildJvm.Result r = jvm.run(f.target(), f.env(), script, base, tag, classLog, meter);
            if (r.firstStatus() == null || !r.firstStatus().startsWith("2")) {
                throw new IllegalStateException(tag + ": the first event answered " + r.firstStatus() + "; see " + r.stdout());
            }
            return r;
        }

        void coldStart(FunctionBench bare, List<FunctionBench> functions) throws IOException {
            List<FunctionBench> all = new ArrayList<>();
            all.add(bare);
            all.addAll(functions);
            // The count varies by ±1 % between runs (the JDK sometimes walks its security providers,
            // depending on thread timing): take the run with the median count.
            Map<String, ClassLog> classes = new LinkedHashMap<>();
            Map<String, List<Integer>> counts = new LinkedHashMap<>();
            for (FunctionBench f : all) {
                List<ClassLog> logs = new ArrayList<>();
                for (int i = 0; i < o.classRuns; i++) {
                    log("cold start, classes loaded " + (i + 1) + "/" + o.classRuns + ": " + f.name());
                    ChildJvm.Result r = child(f, List.of(ChildJvm.Step.of("first", f.firstEvent(), 1)),
                            "cold-classes-" + f.target().name() + "-" + i, true, ChildJvm.Meter.NONE);
                    logs.add(ClassLog.read(r.classLog()));
                }
                logs.sort(java.util.Comparator.comparingInt(ClassLog::count));
                ClassLog c = logs.get(logs.size() / 2);
                classes.put(f.name(), c);
                counts.put(f.name(), logs.stream().map(ClassLog::count).toList());
                Files.write(jvm.work().resolve("classes-" + f.target().name() + ".txt"), c.classes(), StandardCharsets.UTF_8);
            }
            Map<String, List<ChildJvm.Result>> timings = new LinkedHashMap<>();
            for (int i = 0; i < o.coldRuns; i++) {
                for (FunctionBench f : all) {
                    log("cold start " + (i + 1) + "/" + o.coldRuns + ": " + f.name());
                    timings.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(child(f,
                            List.of(ChildJvm.Step.of("first", f.firstEvent(), 1)), "cold-" + f.target().name() + "-" + i,
                            false, ChildJvm.Meter.NONE));
                }
            }
            ClassLog base = classes.get(bare.name());
            List<ChildJvm.Result> baseRuns = timings.get(bare.name());
            ObjectNode details = report.details().putObject("coldStart");
            for (FunctionBench f : functions) {
                String s = "cold start";
                List<ChildJvm.Result> runs = timings.get(f.name());
                String n = " (median of " + o.coldRuns + ")";
                report.add(s, f.name(), "wall: JVM start → first answer" + n, medianMs(runs, ChildJvm.Result::wallToFirstNs),
                        medianMs(baseRuns, ChildJvm.Result::wallToFirstNs), "ms", null);
                report.addDetail(s, f.name(), "  of which init, until the first event is asked for" + n,
                        medianMs(runs, ChildJvm.Result::initNs), medianMs(baseRuns, ChildJvm.Result::initNs), "ms");
                report.addDetail(s, f.name(), "  of which first invocation" + n, medianMs(runs, ChildJvm.Result::firstInvokeNs),
                        medianMs(baseRuns, ChildJvm.Result::firstInvokeNs), "ms");
                ClassLog c = classes.get(f.name());
                double ratio = (double) c.count() / base.count();
                report.add(s, f.name(), "classes loaded by the first answer (median of " + o.classRuns + ")", c.count(),
                        (double) base.count(), "",
                        new Report.Budget(String.format(Locale.ROOT, "≤ %.2f× baseline", CLASS_BUDGET), ratio <= CLASS_BUDGET));
                Map<String, Integer> mine = c.byGroup();
                Map<String, Integer> theirs = base.byGroup();
                String delta = mine.keySet().stream().filter(g -> mine.get(g) - theirs.get(g) != 0)
                        .sorted((a, b) -> (mine.get(b) - theirs.get(b)) - (mine.get(a) - theirs.get(a)))
                        .map(g -> g + " " + signed(mine.get(g) - theirs.get(g))).collect(Collectors.joining(", "));
                report.textDetail(s, f.name(), "  beyond baseline, by origin", delta, null);
                List<String> extra = c.beyond(base);
                Files.write(jvm.work().resolve("classes-" + f.target().name() + "-beyond-baseline.txt"), extra,
                        StandardCharsets.UTF_8);
                Map<String, Integer> top = ClassLog.topPackages(extra, 10);
                report.note(f.name() + ": the " + extra.size() + " named classes beyond the baseline come from "
                        + top.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                        + ", … (all: bench/target/work/classes-" + f.target().name() + "-beyond-baseline.txt)");
                ObjectNode d = details.putObject(f.name());
                d.put("classes", c.count());
                d.put("baselineClasses", base.count());
                ArrayNode cr = d.putArray("classesPerRun");
                counts.get(f.name()).forEach(cr::add);
                ArrayNode br = d.putArray("baselineClassesPerRun");
                counts.get(bare.name()).forEach(br::add);
                d.put("classesFromCds", c.fromCds());
                d.put("baselineClassesFromCds", base.fromCds());
                ObjectNode g = d.putObject("byOrigin");
                mine.forEach((k, v) -> g.put(k, v));
                ObjectNode bg = d.putObject("baselineByOrigin");
                theirs.forEach((k, v) -> bg.put(k, v));
                ObjectNode tp = d.putObject("topPackagesBeyondBaseline");
                ClassLog.topPackages(extra, 30).forEach(tp::put);
                ArrayNode w = d.putArray("wallMs");
                runs.forEach(r -> w.add(r.wallToFirstNs() / 1e6));
                ArrayNode bw = d.putArray("baselineWallMs");
                baseRuns.forEach(r -> bw.add(r.wallToFirstNs() / 1e6));
            }
        }

        /**
         * The first invocation after a primed init, as SnapStart restores a function: init, the registered
         * checkpoint hooks ({@code Primed}: each function's priming steps), then the first event; the bare
         * handler (nothing registered) the same way in the same run. A restored instance gets the usual event
         * on a table in use, so the event is the function's warm event and the table is as a first child
         * (unprimed, with the cold start's event) left it: watermarks set, due work done. Each primed child
         * gets the function's {@code Prepare} again (the dispatcher's messages for its events).
         */
        void primedFirstInvocation(FunctionBench bare, List<FunctionBench> functions) {
            List<FunctionBench> all = new ArrayList<>();
            all.add(bare);
            all.addAll(functions);
            Map<String, List<ChildJvm.Result>> timings = new LinkedHashMap<>();
            for (FunctionBench f : all) {
                log("primed first invocation: " + f.name() + ", the table as its first event leaves it");
                child(f, List.of(ChildJvm.Step.of("first", f.firstEvent(), 1)), "settle-" + f.target().name(), false,
                        ChildJvm.Meter.NONE);
                for (int i = 0; i < o.coldRuns; i++) {
                    log("primed first invocation " + (i + 1) + "/" + o.coldRuns + ": " + f.name());
                    long base = seq;
                    seq += 1_000_000;
                    List<ChildJvm.Step> script = List.of(ChildJvm.Step.of(STEADY, f.warmEvent(), 1));
                    f.prepare().prepare(db, base, script);
                    ChildJvm.Result r = jvm.runPrimed(f.target(), f.env(), script, base, "primed-" + f.target().name() + "-" + i);
                    if (r.firstStatus() == null || !r.firstStatus().startsWith("2") || r.primed() == null
                            || !r.primed().startsWith("ok")) {
                        throw new IllegalStateException("primed " + f.name() + ": hooks " + r.primed() + ", first event answered "
                                + r.firstStatus() + "; see " + r.stdout());
                    }
                    timings.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(r);
                }
            }
            double base = medianMs(timings.get(bare.name()), ChildJvm.Result::firstInvokeNs);
            ObjectNode details = report.details().putObject("primedFirstInvocation");
            for (FunctionBench f : functions) {
                List<ChildJvm.Result> runs = timings.get(f.name());
                double ms = medianMs(runs, ChildJvm.Result::firstInvokeNs);
                report.add("cold start", f.name(), "primed: first invocation (warm event, median of " + o.coldRuns + ")", ms, base, "ms", new Report.Budget(String.format(Locale.ROOT, "≤ %.2f× baseline",
                                PRIMED_FIRST_BUDGET), ms <= PRIMED_FIRST_BUDGET * base));
                ObjectNode d = details.putObject(f.name());
                ArrayNode a = d.putArray("firstInvocationMs");
                runs.forEach(r -> a.add(r.firstInvokeNs() / 1e6));
                ArrayNode b = d.putArray("baselineFirstInvocationMs");
                timings.get(bare.name()).forEach(r -> b.add(r.firstInvokeNs() / 1e6));
                d.put("hooks", runs.get(0).primed());
            }
            report.note("first invocation after a primed init: init, then the checkpoint hooks the handler registered with"
                    + " org.crac (bench/crac-hooks stands in for SnapStart's runtime), then the function's warm event on a"
                    + " table as its first event left it; the baseline registers nothing. Event handed out to answer.");
        }

        void sizes(FunctionBench bare, List<ChildJvm.Target> functions) throws IOException {
            long baseBytes = Files.size(bare.target().jar());
            int baseClasses = classFiles(bare.target().jar());
            for (ChildJvm.Target f : functions) {
                long bytes = Files.size(f.jar());
                report.add("size", f.name(), "shaded jar (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)",
                        bytes / 1_048_576.0, baseBytes / 1_048_576.0, "MB", null);
                report.addDetail("size", f.name(), "  class files in the jar", classFiles(f.jar()), (double) baseClasses, "");
            }
        }

        void warm(FunctionBench bare, List<FunctionBench> functions) {
            List<FunctionBench> all = new ArrayList<>();
            all.add(bare);
            all.addAll(functions);
            Map<String, List<Long>> samples = new LinkedHashMap<>();
            Map<String, List<Long>> outside = new LinkedHashMap<>();
            for (FunctionBench f : all) {
                int warmup = o.warmup / f.warmDivisor();
                int warm = o.warm / f.warmDivisor();
                log("warm: " + f.name() + ", " + warmup + " warm-up + " + warm + " measured invocations");
                ChildJvm.Result r = child(f, List.of(ChildJvm.Step.of("first", f.firstEvent(), 1),
                        ChildJvm.Step.of("warm", f.warmEvent(), warmup + warm)), "warm-" + f.target().name(), false,
                        ChildJvm.Meter.TIME);
                List<Long> ns = new ArrayList<>();
                List<Long> own = new ArrayList<>();
                long failures = 0;
                for (ChildJvm.Invocation i : r.invocations()) {
                    if (!i.label().equals("warm")) continue;
                    if (!i.status().startsWith("2")) failures++;
                    if (i.index() >= warmup) {
                        ns.add(i.nanos());
                        own.add(i.nanos() - Math.max(0, i.dynamoNanos()));
                    }
                }
                if (failures > 0) {
                    throw new IllegalStateException("warm " + f.name() + ": " + failures + " invocations did not answer 2xx; see "
                            + r.stdout());
                }
                samples.put(f.name(), ns);
                outside.put(f.name(), own);
            }
            List<Long> base = samples.get(bare.name());
            List<Long> baseOwn = outside.get(bare.name());
            for (FunctionBench f : functions) {
                List<Long> ns = samples.get(f.name());
                String what = " (" + String.format(Locale.ROOT, "%,d", ns.size()) + " × " + f.warmNote() + ")";
                report.add("warm", f.name(), "median" + what, Stats.medianMs(ns), Stats.medianMs(base), "ms", null);
                report.add("warm", f.name(), "p99", Stats.percentileMs(ns, 99), Stats.percentileMs(base, 99), "ms", null);
                List<Long> own = outside.get(f.name());
                report.add("warm", f.name(), "median outside DynamoDB calls (own CPU)", Stats.medianMs(own),
                        Stats.medianMs(baseOwn), "ms", null);
                report.addDetail("warm", f.name(), "p99 outside DynamoDB calls", Stats.percentileMs(own, 99),
                        Stats.percentileMs(baseOwn, 99), "ms");
                ObjectNode d = report.details().withObjectProperty("warm").putObject(f.name());
                d.put("n", ns.size());
                d.put("warmup", o.warmup / f.warmDivisor());
                d.put("p90Ms", Stats.percentileMs(ns, 90));
                d.put("maxMs", Stats.percentileMs(ns, 100));
                d.put("baselineP90Ms", Stats.percentileMs(base, 90));
                d.put("baselineMaxMs", Stats.percentileMs(base, 100));
            }
        }

        void cost(FunctionBench bare, List<FunctionBench> functions, List<Pending> pending) {
            log("cost: " + bare.name());
            Cost.Invocation base = Cost.read(child(bare, bare.costScript(), "cost-" + bare.target().name(), false, ChildJvm.Meter.CAPACITY)).get(0);
            ArrayNode details = report.details().putArray("cost");
            for (FunctionBench f : functions) {
                log("cost: " + f.name());
                ChildJvm.Result r = child(f, f.costScript(), "cost-" + f.target().name(), false, ChildJvm.Meter.CAPACITY);
                for (ChildJvm.Invocation i : r.invocations()) {
                    if (!i.status().startsWith("2")) {
                        throw new IllegalStateException("cost " + f.name() + ": '" + i.label() + "' answered " + i.status()
                                + "; see " + r.stdout());
                    }
                }
                for (Cost.Invocation inv : Cost.read(r)) {
                    String subject = f.name() + ": " + inv.label();
                    report.text("cost", subject, "reads + writes; AWS RCU / WCU",
                            inv.readRequests() + " + " + inv.writeRequests() + "; " + cu(inv.estRcu()) + " / " + cu(inv.estWcu()),
                            base.readRequests() + " + " + base.writeRequests() + "; " + cu(base.estRcu()) + " / "
                                    + cu(base.estWcu()));
                    report.textDetail("cost", subject, "  items read / written", inv.itemsRead() + " / " + inv.itemsWritten(),
                            base.itemsRead() + " / " + base.itemsWritten());
                    report.textDetail("cost", subject, "  capacity units read / written, as DynamoDB Local reports",
                            inv.reported() ? cu(inv.rcu()) + " RCU / " + cu(inv.wcu()) + " WCU" : "not reported",
                            base.reported() ? cu(base.rcu()) + " RCU / " + cu(base.wcu()) + " WCU" : "not reported");
                    report.textDetail("cost", subject, "  capacity units read / written, AWS on-demand estimate",
                            cu(inv.estRcu()) + " RCU / " + cu(inv.estWcu()) + " WCU",
                            cu(base.estRcu()) + " RCU / " + cu(base.estWcu()) + " WCU");
                    int k = 1;
                    for (Cost.Request q : inv.requests()) {
                        report.textDetail("cost", subject, "  request " + k++, q.describe(), null);
                    }
                    ObjectNode d = details.addObject();
                    d.put("function", f.name());
                    d.put("operation", inv.label());
                    d.put("readRequests", inv.readRequests());
                    d.put("writeRequests", inv.writeRequests());
                    d.put("itemsRead", inv.itemsRead());
                    d.put("itemsWritten", inv.itemsWritten());
                    d.put("rcu", inv.rcu());
                    d.put("wcu", inv.wcu());
                    d.put("capacityReported", inv.reported());
                    d.put("awsEstimateRcu", inv.estRcu());
                    d.put("awsEstimateWcu", inv.estWcu());
                    ArrayNode reqs = d.putArray("requests");
                    inv.requests().forEach(q -> reqs.add(q.describe()));
                }
            }
            for (Pending p : pending) report.notBuilt("cost", p.operation(), "requests, items, capacity units", null);
        }

        /**
         * Each growth operation gets a DynamoDB Local of its own: one that has served thousands of
         * warm invocations writes much more slowly, which made seeding 100,000 items take minutes.
         */
        void growth(java.util.function.Supplier<LocalDynamo> fresh, List<Growth> rows) {
            for (Growth g : rows) {
                if (g.built() == null) {
                    growth(null, g);
                    continue;
                }
                try (LocalDynamo own = fresh.get()) {
                    growth(own, g);
                }
            }
        }

        private void growth(LocalDynamo db, Growth g) {
            {
                int seeded = 0;
                if (g.built() == null) {
                    report.notBuilt("growth", g.operation() + ", " + g.sizes().stream()
                            .map(n -> String.format(Locale.ROOT, "%,d", n)).collect(Collectors.joining(" / ")) + " "
                            + g.unit() + (g.due() > 0 ? ", " + g.due() + " " + g.dueMeaning() : ""), "items read",
                            g.budgetRule());
                    return;
                }
                for (int size : g.sizes()) {
                    String subject = g.operation() + ", " + String.format(Locale.ROOT, "%,d", size) + " " + g.unit()
                            + (g.due() > 0 ? ", " + g.due() + " " + g.dueMeaning() : "");
                    if (g.built() == null) {
                        report.notBuilt("growth", subject, "items read", g.budgetRule());
                        continue;
                    }
                    Growth.Built b = g.built();
                    long t = System.nanoTime();
                    b.seed().seed(db, seeded, size, g.due());
                    double seedSeconds = (System.nanoTime() - t) / 1e9;
                    log(String.format(Locale.ROOT, "growth: %s, seeded %,d → %,d %s in %.1f s", g.operation(),
                            seeded, size, g.unit(), seedSeconds));
                    seeded = size;
                    long base = seq;
                    seq += 1_000_000;
                    ChildJvm.Result r = jvm.run(b.target(), envFor.env(b.target().handler(), b.target().name(), db.endpoint()),
                            List.of(b.event()), base, "growth-" + b.target().name() + "-" + size, false,
                            ChildJvm.Meter.CAPACITY);
                    if (!r.invocations().get(0).status().startsWith("2")) {
                        throw new IllegalStateException("growth " + subject + ": answered " + r.invocations().get(0).status()
                                + "; see " + r.stdout());
                    }
                    Cost.Invocation inv = Cost.read(r).get(0);
                    long limit = (long) b.perDue() * g.due() + b.constant();
                    report.add("growth", subject, "items read (" + inv.readRequests() + " read requests, "
                            + cu(inv.estRcu()) + " RCU on AWS" + (inv.itemsChecked() > 0 ? "; " + inv.itemsChecked()
                            + " condition checks, billed as writes" : "") + ")", inv.itemsRead(), null, "",
                            new Report.Budget(g.budgetRule(), inv.itemsRead() <= limit));
                    ObjectNode d = report.details().withArrayProperty("growth").addObject();
                    d.put("operation", g.operation());
                    d.put("participants", size);
                    d.put("due", g.due());
                    d.put("itemsRead", inv.itemsRead());
                    d.put("readRequests", inv.readRequests());
                    d.put("rcu", inv.rcu());
                    d.put("awsEstimateRcu", inv.estRcu());
                    d.put("seedSeconds", seedSeconds);
                }
            }
        }
    }

    /** The time from a session's cutoff to its SMS being handed to SNS, on the local clock ({@link CutoffToSms}). */
    static void cutoffToSms(SamTemplate template, String settingsJson, Report report) {
        log("latency: cutoff → SMS on the local clock, " + CutoffToSms.class.getSimpleName());
        CutoffToSms.Result r = CutoffToSms.measure(template, settingsJson);
        double max = r.max().toMillis() / 1000.0;
        report.add("latency", "absence detection: cutoff → SMS handed to SNS", "local clock, detection every minute"
                + " (the longest of " + r.lags().size() + " mornings, its schedule at :" + r.phases().stream()
                .map(p -> String.format(Locale.ROOT, "%02d", p)).collect(Collectors.joining(", :")) + " of the minute)",
                max, null, "s", new Report.Budget("≤ " + CutoffToSms.BUDGET.toSeconds() + " s",
                        r.max().compareTo(CutoffToSms.BUDGET) <= 0));
        ArrayNode d = report.details().putArray("cutoffToSms");
        for (int i = 0; i < r.lags().size(); i++) {
            ObjectNode o = d.addObject();
            o.put("scheduleSecond", r.phases().get(i));
            o.put("seconds", r.lags().get(i).toMillis() / 1000.0);
            report.addDetail("latency", "absence detection: cutoff → SMS handed to SNS", "  schedule at :"
                    + String.format(Locale.ROOT, "%02d", r.phases().get(i)), r.lags().get(i).toMillis() / 1000.0, null, "s");
        }
        report.note("latency: one participant planned 09:00 Monday to Friday with nothing registered; the local runner's"
                + " clock and scheduler fire the template's schedules, the detection runs in the harness against DynamoDB"
                + " Local, the outbox dispatcher (the stream's stand-in) every second sends through the SNS sender to a stub"
                + " that notes the local time; the clock moves a second at a time and the functions' own time is on it.");
    }

    // ---------------------------------------------------------------------------------------------

    /** The template's global secondary indexes and their key attributes, for the meter's estimate. */
    @SuppressWarnings("unchecked")
    static String indexKeys(SamTemplate t) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> table : t.resourcesOfType("AWS::DynamoDB::Table").values()) {
            Object gsis = SamTemplate.properties(table).get("GlobalSecondaryIndexes");
            if (!(gsis instanceof List<?> list)) continue;
            for (Object g : list) {
                Map<String, Object> gsi = (Map<String, Object>) g;
                List<Map<String, Object>> keys = (List<Map<String, Object>>) gsi.get("KeySchema");
                out.add(gsi.get("IndexName") + ":" + keys.stream().map(k -> String.valueOf(k.get("AttributeName")))
                        .collect(Collectors.joining(",")));
            }
        }
        return String.join(";", out);
    }

    static double medianMs(List<ChildJvm.Result> runs, java.util.function.ToLongFunction<ChildJvm.Result> f) {
        return Stats.medianMs(runs.stream().map(r -> f.applyAsLong(r)).collect(Collectors.toList()));
    }

    static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    static String cu(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static int classFiles(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return (int) z.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }

    @SuppressWarnings("unchecked")
    static int memoryMb(SamTemplate t) {
        Object globals = t.root().get("Globals");
        if (globals instanceof Map<?, ?> g && g.get("Function") instanceof Map<?, ?> f && f.get("MemorySize") instanceof Number n) {
            return n.intValue();
        }
        return 1024;
    }

    /**
     * The flags the Lambda java21 runtime starts its JVM with, as far as they apply here (heap,
     * metaspace and code cache as shares of the function's memory; serial GC; CDS), then the
     * template's JAVA_TOOL_OPTIONS (C1 only).
     */
    static List<String> lambdaFlags(int memoryMb, String javaToolOptions) {
        long kb = memoryMb * 1024L;
        List<String> flags = new ArrayList<>(List.of(
                "-XX:MaxHeapSize=" + (kb * 85 / 100) + "k",
                "-XX:MaxMetaspaceSize=" + (kb * 10 / 100) + "k",
                "-XX:ReservedCodeCacheSize=" + (kb * 5 / 100) + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true"));
        for (String f : javaToolOptions.strip().split("\\s+")) if (!f.isBlank()) flags.add(f);
        return flags;
    }

    /**
     * The environment Lambda gives the function: the template's variables for it (table names
     * pointed at the local tables, parameters at their defaults; JAVA_TOOL_OPTIONS becomes flags),
     * Lambda's own variables, and the endpoint of DynamoDB Local. Nothing from this shell.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> childEnv(SamTemplate t, String handlerClass, String endpoint, int memoryMb, String name) {
        Map<String, Object> function = Map.of();
        if (handlerClass != null) {
            for (Map<String, Object> r : t.resourcesOfType("AWS::Serverless::Function").values()) {
                Object h = SamTemplate.properties(r).get("Handler");
                if (h instanceof String s && s.startsWith(handlerClass)) function = r;
            }
        }
        Map<String, Object> params = t.root().get("Parameters") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", "eu-north-1");
        env.put("AWS_DEFAULT_REGION", "eu-north-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "rampe-" + name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
        if (handlerClass != null && handlerClass.startsWith("dk.rampe.dispatch.")) env.putAll(senders);
        if (handlerClass != null && handlerClass.startsWith("dk.rampe.monthlyreport.")) env.putAll(reports);
        t.environment(function).forEach((k, v) -> {
            if (k.equals("JAVA_TOOL_OPTIONS")) return;
            if (LocalDynamo.TABLES.containsKey(k)) {
                env.put(k, LocalDynamo.TABLES.get(k));
            } else if (String.valueOf(v).contains("resolve:secretsmanager")) {
                // a secret, as Secrets Manager gives it in AWS: a value of the bench's own (the functions refuse the
                // published development values when AWS_LAMBDA_FUNCTION_NAME is set, as it is here)
                env.put(k, benchSecret(k));
            } else if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                env.put(k, String.valueOf(v));
            } else if (v instanceof Map<?, ?> m && m.get("Ref") instanceof String ref && params.get(ref) instanceof Map<?, ?> pm
                    && pm.get("Default") != null) {
                env.put(k, String.valueOf(pm.get("Default")));
            }
            // anything else (secrets, URLs of the stack) keeps its local default from RampeConfig
        });
        return env;
    }

    static void machine(Report report, Repo repo, Path java, List<String> flags, int memoryMb, Options o) {
        report.machine("date", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.machine("commit", run(repo.root(), "git", "rev-parse", "--short", "HEAD")
                + (run(repo.root(), "git", "status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)"));
        report.machine("cpus (nproc)", Runtime.getRuntime().availableProcessors());
        report.machine("cpu", firstMatching(Path.of("/proc/cpuinfo"), "model name").replaceFirst("^model name\\s*:\\s*", ""));
        report.machine("memory", firstMatching(Path.of("/proc/meminfo"), "MemTotal").replaceFirst("^MemTotal:\\s*", ""));
        report.machine("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.machine("child JVM", run(repo.root(), java.toString(), "-version").lines().collect(Collectors.joining(" / ")));
        report.machine("child JVM flags", String.join(" ", flags) + "  (Lambda java21 runtime's launch flags for "
                + memoryMb + " MB from the template, + its JAVA_TOOL_OPTIONS)");
        report.machine("harness JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.machine("runs", o.classRuns + " cold starts with -Xlog:class+load and " + o.coldRuns
                + " without, per function; warm: " + o.warmup + " warm-up + " + o.warm
                + " measured invocations (nudge-dispatcher: 1/" + WARM_DIVISOR_DISPATCHER + " of that, 2 messages each; the report"
                + " functions: 1/" + WARM_DIVISOR_REPORT + ")");
    }

    /** The 1-minute load average (/proc/loadavg), or "?". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String firstMatching(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?").strip();
        } catch (IOException e) {
            return "?";
        }
    }

    static String run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Replaces everything between the markers: every figure in BENCHMARKS.md comes from this run. */
    static void updateBenchmarksMd(Path file, String generated) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        s = replaceBetween(s, "<!-- bench:generated (written by the harness: --update-md) -->", "<!-- /bench:generated -->",
                generated);
        Files.writeString(file, s, StandardCharsets.UTF_8);
    }

    static String replaceBetween(String s, String begin, String end, String content) {
        int a = s.indexOf(begin);
        int b = s.indexOf(end);
        if (a < 0 || b < a) throw new IllegalStateException("BENCHMARKS.md lacks " + begin + " … " + end);
        return s.substring(0, a + begin.length()) + "\n" + content + s.substring(b);
    }

    static void log(String s) {
        System.err.println("[bench] " + s);
    }

    /**
     * Command-line options. The defaults are the full run: every growth row at the issues' sizes, 1,000 and
     * 10,000 participants (the report's in a table of 100,000 items, the absence sweep's too), in about
     * 15 minutes on 2 cores shared with other work (909 s at a load average of 22-26); so 2 timed cold starts
     * and primed first invocations per function, one with the class log, 100 measured warm invocations
     * (their median moves less between runs than the machine's load moves it). More by option
     * ({@code --cold-runs 5 --class-runs 3 --warm 1000}, {@code --sweep-growth 1000,10000,100000}).
     */
    static final class Options {
        int coldRuns = 2;
        int classRuns = 1;
        int warm = 100;
        int warmup = 30;
        Path java;
        boolean updateMd;
        List<Integer> intakeGrowthSizes = List.of(1_000, 10_000);
        List<Integer> sweepGrowthSizes = List.of(1_000, 10_000);
        List<Integer> absenceGrowthSizes = List.of(1_000, 10_000);
        List<Integer> aftercareGrowthSizes = List.of(1_000, 10_000);
        List<Integer> reportGrowthSizes = List.of(1_000, 10_000);
        int reportTableItems = 100_000;
        static final List<String> SECTIONS = List.of("cold", "size", "warm", "cost", "growth", "latency", "warning");
        List<String> only = SECTIONS;
        /** {@code --functions a,b}: the cold, warm and cost rows of these functions only (with the baseline); null: all. */
        List<String> functions;

        boolean runs(String section) {
            return only.contains(section);
        }

        /** Whether a section runs the functions' jars (the early warning's evidence runs the rule alone). */
        boolean runsChildren() {
            return only.stream().anyMatch(s -> !s.equals("warning"));
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> {
                        o.coldRuns = 1;
                        o.classRuns = 1;
                        o.warm = 50;
                        o.warmup = 20;
                        o.intakeGrowthSizes = List.of(1_000);
                        o.sweepGrowthSizes = List.of(1_000);
                        o.absenceGrowthSizes = List.of(1_000);
                        o.aftercareGrowthSizes = List.of(1_000);
                        o.reportGrowthSizes = List.of(100, 1_000);
                        o.reportTableItems = 10_000;
                    }
                    case "--report-growth" -> o.reportGrowthSizes = Arrays.stream(args[++i].split(","))
                            .map(String::trim).map(Integer::parseInt).toList();
                    case "--report-table" -> o.reportTableItems = Integer.parseInt(args[++i]);
                    case "--intake-growth" -> o.intakeGrowthSizes = Arrays.stream(args[++i].split(","))
                            .map(String::strip).map(Integer::valueOf).toList();
                    case "--absence-growth" -> o.absenceGrowthSizes = Arrays.stream(args[++i].split(","))
                            .map(String::trim).map(Integer::parseInt).toList();
                    case "--aftercare-growth" -> o.aftercareGrowthSizes = Arrays.stream(args[++i].split(","))
                            .map(String::trim).map(Integer::parseInt).toList();
                    case "--sweep-growth" -> o.sweepGrowthSizes = Arrays.stream(args[++i].split(","))
                            .map(String::strip).map(Integer::valueOf).toList();
                    case "--only" -> o.only = Arrays.stream(args[++i].split(",")).map(String::strip).toList();
                    case "--functions" -> o.functions = Arrays.stream(args[++i].split(",")).map(String::strip).toList();
                    case "--cold-runs" -> o.coldRuns = Integer.parseInt(args[++i]);
                    case "--class-runs" -> o.classRuns = Integer.parseInt(args[++i]);
                    case "--warm" -> o.warm = Integer.parseInt(args[++i]);
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--java" -> o.java = Path.of(args[++i]);
                    case "--update-md" -> o.updateMd = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --quick, --cold-runs N, --class-runs N, --warm N, --warmup N, --intake-growth N,N,…, --sweep-growth N,N,…, --absence-growth N,N,…, --aftercare-growth N,N,…, --report-growth N,N, --report-table N, --only cold,size,warm,cost,growth,latency,warning, --functions NAME,NAME, --java PATH, --update-md; or --render-md alone)");
                }
            }
            if (o.updateMd && (!o.only.containsAll(SECTIONS) || o.functions != null)) {
                throw new IllegalArgumentException("--update-md writes the whole table: not with --only or --functions");
            }
            return o;
        }
    }
}
