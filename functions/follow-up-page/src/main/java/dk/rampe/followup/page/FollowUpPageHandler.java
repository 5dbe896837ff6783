package dk.rampe.followup.page;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.HttpRequests;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.AttentionView;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpPageService;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.NudgeService;
import dk.rampe.log.Log;
import dk.rampe.log.Metrics;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one-tap follow-up page, public (no JWT: the signed token in the link is the capability):
 * <ul>
 * <li>{@code GET /f/{token}} shows what is due, with the form (or who closed it and when);
 *     {@code HEAD} answers as GET without the body;</li>
 * <li>{@code POST /f/{token}} records the outcome in one form post and closes the task;
 *     posting again changes nothing.</li>
 * </ul>
 * A tampered, expired or other-task token gets a plain refusal page and no data. Every view and
 * post is written to the audit log (the rules live in {@link FollowUpPageService}; this class parses
 * the form and renders). An unexpected failure answers 500 and is counted as the EMF metric
 * {@code UnexpectedErrors}, which the SAM template alarms on. Plain HTML, no JavaScript.
 * <p>The same function serves today's list at {@code /t/{token}} ({@link TodaysListPageHandler}),
 * built on its first request so the follow-up page's cold start does not pay for it.
 */
public final class FollowUpPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Primed {
    static final int MAX_FORM_BYTES = 8192;

    private final FollowUpPageService service;
    private final Page page;
    private final java.util.function.Supplier<TodaysListPageHandler> lists;
    private volatile TodaysListPageHandler listsBuilt;
    private final Priming priming;
    private final AttendanceStore attendance;
    /** Public holidays and the programmes' closing days (the settings read only when an attention page shows days). */
    private final dk.rampe.schedule.WorkingDays workingDays;
    private final Clock clock;

    /** Used by Lambda: everything from the environment. */
    public FollowUpPageHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private FollowUpPageHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Clock.systemUTC());
        Priming.register(this);
    }

    /** Used by tests and the local runner. */
    public FollowUpPageHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        this.service = new FollowUpPageService(FollowUps.tokens(nudges), FollowUps.service(config, nudges, dynamo, clock),
                new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention()), clock);
        this.page = new Page(config.zone(), nudges.productName());
        this.attendance = new DynamoAttendanceStore(dynamo, config.table());
        this.clock = clock;
        dk.rampe.dynamodb.DynamoSettingsStore settings = new dk.rampe.dynamodb.DynamoSettingsStore(dynamo, config.table(), clock,
                java.time.Duration.ofMinutes(1));
        this.workingDays = dk.rampe.calendar.DanishHolidays.workingDays(settings::current);
        this.lists = () -> new TodaysListPageHandler(config, nudges, dynamo, clock, page);
        // before SnapStart's snapshot: a link's request read (language, method, token), a token checked
        // (refused: it is not signed), a task read by an id never issued and the refusal page rendered in
        // both languages. Not the page's own request path: a refused link is audited, and priming writes nothing
        FollowUpTokens tokens = FollowUps.tokens(nudges);
        NudgeService tasks = FollowUps.service(config, nudges, dynamo, clock);
        this.priming = new Priming("follow-up-page")
                .step("request", () -> {
                    APIGatewayV2HTTPEvent e = primeRequest();
                    HttpRequests.language(e);
                    method(e);
                    token(e);
                })
                .step("token", () -> tokens.verify(PRIME_TOKEN, clock.instant()))
                .step("task", () -> tasks.find(PRIME_TOKEN))
                .step("page", () -> {
                    for (Language language : Language.values()) {
                        page.html(403, page.message(language, PageTexts.t("refusedTitle", language),
                                PageTexts.t("refused", language)), language, Map.of());
                    }
                });
    }

    /** A token and task id of no link: never signed, never issued. */
    static final String PRIME_TOKEN = "prime";

    /** A link's GET as API Gateway passes it. */
    static APIGatewayV2HTTPEvent primeRequest() {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        context.setHttp(http);
        context.setRequestId(PRIME_TOKEN);
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey("GET /f/{token}");
        e.setRawPath("/f/" + PRIME_TOKEN);
        e.setPathParameters(Map.of("token", PRIME_TOKEN));
        e.setHeaders(Map.of("accept-language", "da"));
        e.setRequestContext(context);
        return e;
    }

    @Override
    public Priming priming() {
        return priming;
    }

    private TodaysListPageHandler lists() {
        TodaysListPageHandler l = listsBuilt;
        if (l == null) {
            synchronized (this) {
                if (listsBuilt == null) listsBuilt = lists.get();
                l = listsBuilt;
            }
        }
        return l;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (TodaysListPageHandler.isListRoute(event)) return lists().handle(event);
        long started = System.nanoTime();
        Language language = HttpRequests.language(event);
        String method = method(event);
        String token = token(event);
        APIGatewayV2HTTPResponse response;
        String outcome;
        try {
            if (!"GET".equals(method) && !"HEAD".equals(method) && !"POST".equals(method)) {
                outcome = "methodNotAllowed";
                response = page.html(405, page.message(language, PageTexts.t("title", language),
                        PageTexts.t("methodNotAllowed", language)), language, Map.of("allow", "GET, HEAD, POST"));
            } else {
                Result r = "POST".equals(method) ? post(event, token, language) : view(token, language);
                outcome = r.outcome();
                response = r.response();
            }
        } catch (RuntimeException e) {
            Log.error("followUpPage.failed", e, "method", method);
            Metrics.count("UnexpectedErrors");
            outcome = "error";
            response = page.html(500, page.message(language, PageTexts.t("refusedTitle", language),
                    PageTexts.t("failed", language)), language, Map.of());
        }
        if ("HEAD".equals(method)) response = Page.withoutBody(response);
        Log.info("followUpPage", "method", method, "outcome", outcome,
                "status", Integer.toString(response.getStatusCode()),
                "ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        return response;
    }

    private record Result(String outcome, APIGatewayV2HTTPResponse response) {
    }

    private Result view(String token, Language language) {
        FollowUpPageService.View v = service.view(token);
        if (v instanceof FollowUpPageService.ShowForm f) {
            return new Result("viewed", page.html(200, page.form(language, f.task(), token, Map.of(), List.of(),
                    attention(f.task())), language, Map.of()));
        }
        if (v instanceof FollowUpPageService.ShowClosed c) {
            return new Result("viewedClosed", page.html(200, page.closed(language, c.task(), Page.Closed.VIEWED),
                    language, Map.of()));
        }
        return refused(language);
    }

    private Result post(APIGatewayV2HTTPEvent event, String token, Language language) {
        Map<String, String> form = form(event);
        if (form == null) {
            service.unreadableForm();
            return new Result("badForm", page.html(400, page.message(language, PageTexts.t("refusedTitle", language),
                    PageTexts.t("refused", language)), language, Map.of()));
        }
        FollowUpPageService.Post p = service.post(token, form);
        if (p instanceof FollowUpPageService.Invalid i) {
            return new Result("invalid", page.html(400, page.form(language, i.task(), token, i.values(), i.errors(),
                    attention(i.task())), language, Map.of()));
        }
        if (p instanceof FollowUpPageService.Recorded r) {
            return new Result("recorded", page.html(200, page.closed(language, r.task(), Page.Closed.JUST_NOW),
                    language, Map.of()));
        }
        if (p instanceof FollowUpPageService.AlreadyClosed c) {
            return new Result("alreadyClosed", page.html(200, page.closed(language, c.task(), Page.Closed.POSTED_AGAIN),
                    language, Map.of()));
        }
        return refused(language);
    }

    /** An {@code attention_due} follow-up's warning and the participant's last four weeks; null for other kinds. */
    private AttentionView attention(FollowUpTask task) {
        return AttentionView.of(attendance, task, dk.rampe.schedule.WorkingDays.today(clock), workingDays).orElse(null);
    }

    private Result refused(Language language) {
        return new Result("refused", page.html(403, page.message(language, PageTexts.t("refusedTitle", language),
                PageTexts.t("refused", language)), language, Map.of()));
    }

    static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String rk = event.getRouteKey();
        return rk != null && rk.contains(" ") ? rk.substring(0, rk.indexOf(' ')) : "GET";
    }

    static String token(APIGatewayV2HTTPEvent event) {
        String t = HttpRequests.pathParameter(event, "token");
        if (t == null && event.getRawPath() != null && event.getRawPath().startsWith("/f/")) {
            t = event.getRawPath().substring(3);
        }
        return t;
    }

    /** The posted form ({@link HttpRequests#form}), or null if it is not a urlencoded form within the size limit. */
    static Map<String, String> form(APIGatewayV2HTTPEvent event) {
        return HttpRequests.form(event, MAX_FORM_BYTES);
    }
}
