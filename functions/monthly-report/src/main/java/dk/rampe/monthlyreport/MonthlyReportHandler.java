package dk.rampe.monthlyreport;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dk.rampe.archive.S3ReportArchive;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.calendar.DanishHolidays;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoMonthlyFacts;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoReportDeliveries;
import dk.rampe.dynamodb.DynamoReportFigures;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.followup.Notifier;
import dk.rampe.log.Log;
import dk.rampe.messaging.Notifiers;
import dk.rampe.messaging.SesEmailSender;
import dk.rampe.platform.AwsClients;
import dk.rampe.platform.LambdaJson;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.report.ReportArchive;
import dk.rampe.report.ReportMaker;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run by EventBridge Scheduler at 07:00 Europe/Copenhagen on the 1st of each month: every
 * programme's report for the month just ended. Given {@code {"programmeId": "p1", "month": "2026-10"}}
 * it makes that one report instead.
 * <p>It reads the schedule's JSON input and writes its answer itself ({@link LambdaJson}): the runtime's
 * serializer for a {@code Map} would load its own Jackson at every cold start.
 */
public final class MonthlyReportHandler implements RequestStreamHandler, Primed {
    private final ReportRun run;
    private final RampeConfig config;
    private final DynamoDbClient dynamo;
    private final Notifier notifier;
    private final ReportArchive archive;
    private final Clock clock;
    /** Built when first asked for (before the snapshot): a cold start without SnapStart never builds it. */
    private Priming priming;

    public MonthlyReportHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private MonthlyReportHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), mailer(nudges, config.region()),
                new S3ReportArchive(S3ReportArchive.client(config.region(), System.getenv("AWS_ENDPOINT_URL_S3"),
                        AwsClients.credentials()), System.getenv("RAMPE_REPORT_BUCKET")),
                Clock.systemUTC());
        Priming.register(this);
    }

    /**
     * The report's mailer: SES only where email goes through AWS (the report sends no SMS, so no SNS client
     * is built: about 150 classes less at a cold start), else the notifiers' local choice.
     */
    static Notifier mailer(NudgeConfig nudges, String region) {
        if (!nudges.emailThroughAws()) return Notifiers.create(nudges, region);
        return new SesEmailSender(SesEmailSender.client(region, nudges.sesEndpoint(), AwsClients.credentials()),
                nudges.emailSender(), nudges.sesConfigurationSet());
    }

    /** Used by tests and the local runner (the archive is then the {@code .rampe/reports} folder). */
    public MonthlyReportHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Notifier notifier,
                                ReportArchive archive, Clock clock) {
        this.run = runFor(config, dynamo, notifier, archive, clock);
        this.config = config;
        this.dynamo = dynamo;
        this.notifier = notifier;
        this.archive = archive;
        this.clock = clock;
    }

    /**
     * The run's keeping and sending, primed where they go to AWS: the report's S3 put and SES SendEmail, each made
     * in full by its client and stopped before it is sent ({@link dk.rampe.platform.DryRun}); nothing is kept or
     * sent (the answers' types are set up). The local archive and outbox have nothing to prime.
     */
    static Priming keptAndSent(Priming priming, ReportArchive archive, Notifier notifier) {
        return priming
                .step("archive", () -> {
                    if (archive instanceof S3ReportArchive s3) s3.primePut();
                })
                .step("email", () -> {
                    if (notifier instanceof SesEmailSender ses) {
                        ses.primeSend();
                        // the answer's type, which the stopped send never reaches
                        software.amazon.awssdk.services.sesv2.model.SendEmailResponse.builder().build();
                    }
                });
    }

    /**
     * The report's wiring: one snapshot per report ({@link DynamoReportFigures#open}) reads the programme's
     * referrals from gsi2 and each participant's attendance, path and follow-ups once,
     * by query and by key; the months kept ({@link DynamoMonthlyFacts}) are one more query.
     */
    static ReportRun runFor(RampeConfig config, DynamoDbClient dynamo, Notifier notifier, ReportArchive archive,
                            Clock clock) {
        // cached for a minute, as in every function: the calendar and the attendance rules ask for it per day
        DynamoSettingsStore settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        // the one working-day calendar of this function: Danish public holidays and the programmes' closing days
        dk.rampe.schedule.WorkingDays calendar = DanishHolidays.workingDays(settings::current);
        DynamoReportFigures figures = new DynamoReportFigures(dynamo, config.table(),
                calendar, p -> AttendanceRules.of(settings::current, p));
        // each ended month's de-identified figures, kept when first made: they outlive the participants' data
        DynamoMonthlyFacts facts = new DynamoMonthlyFacts(dynamo, config.table());
        return new ReportRun(settings, new ReportMaker(figures, facts, clock), archive, notifier, config.zone(), clock,
                new DynamoReportDeliveries(dynamo, config.table()),
                new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention()));
    }

    /**
     * Reads the schedule's input (JSON {@code null} or an object; anything else throws, and the scheduler's
     * invocation is retried) and writes the run's answer, {@code {"reports":[…]}}.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(answer(report(input(input.readAllBytes()), context)).getBytes(StandardCharsets.UTF_8));
    }

    /** The schedule's input as the runtime's serializer read it into a {@code Map}: JSON null is none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> input(byte[] json) {
        Object input = LambdaJson.read(json);
        if (input == null || input instanceof Map) return (Map<String, Object>) input;
        throw new IllegalArgumentException("the schedule's input is not a JSON object");
    }

    /** The run's answer as JSON. */
    static String answer(Map<String, Object> answer) {
        return LambdaJson.write(answer, new StringBuilder()).toString();
    }

    /** Makes the reports the input asks for (see the class comment); used by tests and the local runner. */
    public Map<String, Object> report(Map<String, Object> input, Context context) {
        List<ReportRun.Made> made;
        Object p = input == null ? null : input.get("programmeId");
        Object m = input == null ? null : input.get("month");
        if (p instanceof String programmeId && m instanceof String month) {
            YearMonth ym;
            try {
                ym = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("month must be YYYY-MM");
            }
            made = List.of(run.make(programmeId, ym));
        } else if (input != null && input.get("scheduledTime") instanceof String t && !t.startsWith("<")) {
            // EventBridge Scheduler fills in <aws.scheduler.scheduled-time>: the month follows the
            // schedule's time, not the moment a (retried) invocation runs
            java.time.Instant at;
            try {
                at = java.time.Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("scheduledTime must be an ISO instant");
            }
            made = run.monthBefore(at);
        } else {
            made = run.monthBefore();
        }
        List<Object> reports = new ArrayList<>();
        for (ReportRun.Made x : made) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("programmeId", x.programmeId());
            o.put("month", x.month());
            if (x.stored() != null) o.put("key", x.stored().key());
            o.put("emailed", x.emailId() != null);
            if (x.sentBefore() != null) o.put("sentBefore", x.sentBefore().sentAt().toString());
            reports.add(o);
        }
        Log.info("report.run", "reports", Integer.toString(made.size()));
        return Map.of("reports", reports);
    }

    /**
     * What both report functions prime before SnapStart's snapshot: the settings read, a programme's send
     * record, its month's figures and its months kept opened, for a programme id never issued, so every read
     * finds nothing; then a report of the month just ended made and rendered (HTML, CSV, the email's text) in
     * memory from those empty figures under the first programme's settings, replaying every month since its
     * intake opened as a real report does, with no facts kept. Reads only (a report run keeps, emails and
     * records, so it is not run).
     */
    static Priming primingFor(String function, RampeConfig config, DynamoDbClient dynamo, Clock clock) {
        DynamoSettingsStore settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        DynamoReportFigures figures = new DynamoReportFigures(dynamo, config.table(),
                DanishHolidays.workingDays(settings::current), p -> AttendanceRules.of(settings::current, p));
        DynamoReportDeliveries deliveries = new DynamoReportDeliveries(dynamo, config.table());
        DynamoMonthlyFacts kept = new DynamoMonthlyFacts(dynamo, config.table());
        // read as the report reads them, never kept
        dk.rampe.report.MonthlyFacts facts = new dk.rampe.report.MonthlyFacts() {
            @Override
            public java.util.NavigableMap<YearMonth, Month> months(String programmeId) {
                return kept.months(PRIME_PROGRAMME);
            }

            @Override
            public boolean keepFirst(String programmeId, Month month) {
                return false;
            }
        };
        YearMonth month = YearMonth.from(clock.instant().atZone(config.zone())).minusMonths(1);
        return new Priming(function)
                .step("settings", settings::current)
                .step("sent", () -> deliveries.sent(PRIME_PROGRAMME, month.toString()))
                .step("figures", () -> figures.open(PRIME_PROGRAMME, new dk.rampe.report.ReportPeriod(month, config.zone())))
                .step("report", () -> primeReport(settings.current(), figures, facts, month, config, clock))
                // the stream path's reading and writing (a scheduler's payload and an answer), nothing run
                .step("input", () -> answer(Map.of("reports", List.of(primeAnswer(input(
                        "{\"scheduledTime\":\"1970-01-01T06:00:00Z\",\"programmeId\":null,\"n\":[1.5e3,true,false]}"
                                .getBytes(StandardCharsets.UTF_8)))))));
    }

    /**
     * A report of no participants (the figures of a programme id never issued) under the first programme's
     * settings, made with no facts kept and rendered as the run renders it; nothing leaves memory.
     */
    static void primeReport(dk.rampe.settings.Settings settings, DynamoReportFigures figures,
                            dk.rampe.report.MonthlyFacts facts, YearMonth month, RampeConfig config, Clock clock) {
        if (settings.programmes().isEmpty()) return;
        Map<String, String> names = new LinkedHashMap<>();
        settings.jobcentres().forEach(j -> names.put(j.id(), j.name()));
        ReportMaker maker = new ReportMaker((programmeId, period) -> figures.open(PRIME_PROGRAMME, period), facts, clock);
        dk.rampe.report.MonthlyReport report = null;
        for (int i = 0; i < PRIME_REPORTS; i++) {
            report = maker.make(settings.programmes().get(0), names, new dk.rampe.report.ReportPeriod(month, config.zone()));
        }
        ReportHtml.render(report, config.zone());
        ReportCsv.write(report);
        ReportRun.text(report);
        ReportHtml.title(report);
    }

    /** A report's answer shaped as the run writes it, from the primed input's fields. */
    private static Map<String, Object> primeAnswer(Map<String, Object> input) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("programmeId", PRIME_PROGRAMME);
        o.put("month", String.valueOf(input.get("scheduledTime")));
        o.put("emailed", false);
        return o;
    }

    /**
     * How many times priming makes the report: the audit's solver is the hot path of a make, and the snapshot keeps
     * the code compiled by then (measured in BENCHMARKS.md: the primed first invocation).
     */
    static final int PRIME_REPORTS = 12;

    /** A programme id no settings name. */
    static final String PRIME_PROGRAMME = "prime";

    @Override
    public synchronized Priming priming() {
        if (priming == null) priming = keptAndSent(primingFor("monthly-report", config, dynamo, clock), archive, notifier);
        return priming;
    }
}
