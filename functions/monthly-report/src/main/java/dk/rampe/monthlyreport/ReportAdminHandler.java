package dk.rampe.monthlyreport;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.ApiError;
import dk.rampe.api.Callers;
import dk.rampe.api.HttpRequests;
import dk.rampe.api.Problems;
import dk.rampe.archive.S3ReportArchive;
import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.followup.Notifier;
import dk.rampe.log.Log;
import dk.rampe.platform.AwsClients;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.report.ReportArchive;
import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The admin routes: {@code POST /v1/admin/reports} ({@code {"programmeId": "p1", "month": "2026-10"}})
 * makes, keeps and emails the report of a month that has ended; {@code GET /v1/admin/reports}
 * ({@code ?programmeId=p1}, or every programme) lists the reports kept. Administrators only.
 * <p>It reads the HTTP API's event and writes its answer itself ({@link HttpEvent}): the runtime's serializer
 * for the HTTP event types would load its own Jackson at every cold start.
 */
public final class ReportAdminHandler implements RequestStreamHandler, Primed {
    static final String POST = "POST /v1/admin/reports";
    static final String GET = "GET /v1/admin/reports";

    private final RampeConfig config;
    private final SettingsStore settings;
    private final ReportRun run;
    private final ReportArchive archive;
    private final DynamoDbClient dynamo;
    private final Notifier notifier;
    private final Clock clock;
    /** Built when first asked for (before the snapshot): a cold start without SnapStart never builds it. */
    private Priming priming;

    public ReportAdminHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private ReportAdminHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), MonthlyReportHandler.mailer(nudges, config.region()),
                new S3ReportArchive(S3ReportArchive.client(config.region(), System.getenv("AWS_ENDPOINT_URL_S3"),
                        AwsClients.credentials()), System.getenv("RAMPE_REPORT_BUCKET")),
                Clock.systemUTC());
        Priming.register(this);
    }

    public ReportAdminHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Notifier notifier,
                              ReportArchive archive, Clock clock) {
        this.config = config;
        this.settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        this.run = MonthlyReportHandler.runFor(config, dynamo, notifier, archive, clock);
        this.archive = archive;
        this.dynamo = dynamo;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The reports' list as API Gateway passes it, without a caller; named "prime" in the request log. */
    static final String PRIME_EVENT = "{\"version\":\"2.0\",\"routeKey\":\"" + GET + "\",\"rawPath\":\"/v1/admin/reports\","
            + "\"rawQueryString\":\"\",\"headers\":{\"accept-language\":\"da\"},\"requestContext\":{\"requestId\":\""
            + MonthlyReportHandler.PRIME_PROGRAMME + "\",\"routeKey\":\"" + GET + "\",\"timeEpoch\":0,"
            + "\"http\":{\"method\":\"GET\",\"path\":\"/v1/admin/reports\"}},\"isBase64Encoded\":false}";

    @Override
    public synchronized Priming priming() {
        if (priming == null) {
            // the report's reads, the request body's parser and a request refused before any route runs (no caller: 401)
            priming = MonthlyReportHandler.keptAndSent(MonthlyReportHandler.primingFor("report-admin", config, dynamo, clock),
                            archive, notifier)
                    .step("json", () -> AdminRequestBody.read("{\"programmeId\":\"prime\",\"month\":\"1970-01\",\"resend\":false,"
                            + "\"n\":[1,1.5,null,{\"k\":\"æøå\"}]}"))
                    .step("request", () -> {
                        try {
                            handleRequest(new ByteArrayInputStream(PRIME_EVENT.getBytes(StandardCharsets.UTF_8)),
                                    new ByteArrayOutputStream(), null);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return priming;
    }

    /**
     * Reads the HTTP API's event and writes the answer. An event that cannot be read is answered with a
     * problem (500, as any unexpected failure, logged by its type only).
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPResponse response;
        try {
            APIGatewayV2HTTPEvent event = HttpEvent.read(input.readAllBytes());
            if (event == null) throw new IllegalArgumentException("not an HTTP API event: null");
            response = answer(event, context);
        } catch (IllegalArgumentException unreadable) {
            response = Problems.problem(unreadable, Language.DA, context != null ? context.getAwsRequestId() : "-");
        }
        output.write(HttpEvent.write(response).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers the event (see the class comment); used by tests and the local runner. */
    public APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context != null ? context.getAwsRequestId()
                : event.getRequestContext() != null ? event.getRequestContext().getRequestId() : "-";
        Language language = HttpRequests.language(event);
        APIGatewayV2HTTPResponse response;
        try {
            Caller caller = Callers.caller(event, config, settings::current);
            if (caller.role() != Caller.Role.ADMIN) throw DomainException.forbidden("role.adminOnly");
            response = switch (String.valueOf(event.getRouteKey())) {
                case POST -> make(event, caller);
                case GET -> list(event);
                default -> throw ApiError.of(404, "notFound");
            };
        } catch (RuntimeException e) {
            response = Problems.problem(e, language, requestId);
        }
        Log.info("request", "requestId", requestId, "route", String.valueOf(event.getRouteKey()),
                "status", Integer.toString(response.getStatusCode()));
        return response;
    }

    private APIGatewayV2HTTPResponse make(APIGatewayV2HTTPEvent event, Caller caller) {
        AdminRequestBody body = AdminRequestBody.read(event, config.maxBodyBytes());
        String programmeId = body.programmeId();
        if (programmeId == null || programmeId.isBlank()) throw ApiError.field(400, "programmeId", "required");
        String month = body.month();
        if (month == null) throw ApiError.field(400, "month", "required");
        YearMonth ym;
        try {
            ym = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ApiError.field(400, "month", "month.invalid");
        }
        // no report for a month before the programme opened (1969-12, 0000-01): the month is wrong, not the server
        YearMonth opened = settings.current().programme(programmeId.strip()).map(p -> YearMonth.from(p.intakeOpens()))
                .orElse(null);
        if (opened != null && ym.isBefore(opened)) {
            throw ApiError.field(400, "month", "report.monthBeforeProgramme", opened.toString());
        }
        if (body.resend() == AdminRequestBody.Flag.OTHER) throw ApiError.field(400, "resend", "type.boolean");
        // made and kept again; emailed only if never sent, or when the admin asks to resend (audited)
        ReportRun.Made made = run.make(programmeId.strip(), ym, body.resend() == AdminRequestBody.Flag.TRUE ? caller.id() : null);
        StringBuilder o = stored(new StringBuilder(), made.stored());
        o.append(",\"emailed\":").append(made.emailId() != null);
        o.append(",\"recipients\":").append(made.recipients());
        if (made.sentBefore() != null) Problems.field(o.append(','), "sentBefore", made.sentBefore().sentAt().toString());
        return Problems.json(201, o.append('}').toString());
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        Map<String, String> q = event.getQueryStringParameters();
        String only = q == null ? null : q.get("programmeId");
        StringBuilder root = new StringBuilder("{\"reports\":[");
        boolean first = true;
        for (Settings.Programme p : settings.current().programmes()) {
            if (only != null && !only.equals(p.id())) continue;
            for (ReportArchive.Stored s : archive.list(p.id())) {
                if (!first) root.append(',');
                first = false;
                stored(root, s).append('}');
            }
        }
        return Problems.json(200, root.append("]}").toString());
    }

    /** A kept report's fields, in an object left open for more: {@code {"programmeId":…,"key":…}. */
    private static StringBuilder stored(StringBuilder o, ReportArchive.Stored s) {
        o.append('{');
        Problems.field(o, "programmeId", s.programmeId()).append(',');
        Problems.field(o, "month", s.month()).append(',');
        Problems.field(o, "madeAt", s.madeAt()).append(',');
        return Problems.field(o, "key", s.key());
    }
}
