package dk.rampe.intake;

import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoDueWork;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.HttpApi;
import dk.rampe.core.Caller;
import dk.rampe.core.Language;
import dk.rampe.calendar.DanishHolidays;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.followup.NudgeService;
import dk.rampe.json.Json;
import dk.rampe.log.Log;
import dk.rampe.path.ExitNotice;
import dk.rampe.path.PathService;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import dk.rampe.platform.RampeConfig;
import dk.rampe.referral.CitizenMatchKey;
import dk.rampe.referral.FollowUpPlanning;
import dk.rampe.referral.ReferralService;
import dk.rampe.settings.SettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The referral API: jobcentres post referrals and read them back; programme staff record the
 * visitation decision, enrolment, exit and the named consultant; administrators load settings.
 * A thin handler: it authenticates the caller, finds the route by the template's route key and
 * logs the request; each route class parses, calls {@link ReferralService} and renders.
 */
public final class ReferralIntakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        Primed {
    private final RampeConfig config;
    private final Priming priming;
    private final SettingsStore settings;
    private final RouteTable routes;
    private final dk.rampe.dynamodb.DynamoRequestKeys requestKeys;

    /** Used by Lambda: everything from the environment, built once per execution environment. */
    public ReferralIntakeHandler() {
        this(RampeConfig.fromEnvironment());
    }

    private ReferralIntakeHandler(RampeConfig config) {
        this(config, NudgeConfig.fromEnvironment(), DynamoClients.create(config), Clock.systemUTC());
        Priming.register(this);
    }

    /** Used by tests and the local runner: the same handler with a given client and clock. */
    public ReferralIntakeHandler(RampeConfig config, DynamoDbClient dynamo, Clock clock) {
        this(config, NudgeConfig.fromEnvironment(), dynamo, clock);
    }

    public ReferralIntakeHandler(RampeConfig config, NudgeConfig nudgeConfig, DynamoDbClient dynamo, Clock clock) {
        this.config = config;
        this.requestKeys = new dk.rampe.dynamodb.DynamoRequestKeys(dynamo, config.table(), clock);
        this.settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        // the one working-day calendar of this function: Danish public holidays and the programmes' closing days
        dk.rampe.schedule.WorkingDays calendar = DanishHolidays.workingDays(settings::current);
        NudgeService nudges = FollowUps.service(config, nudgeConfig, dynamo, clock, settings)
                .withLinkWorkingDays(calendar);
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        DynamoReferralStore referralStore = new DynamoReferralStore(dynamo, config.table(), audit);
        ReferralService service = new ReferralService(referralStore, settings,
                audit, clock, config.zone(), new CitizenMatchKey(config.matchKeySecret()), config.retentionAfterExit())
                .withConsultantHandover(nudges::handOver);
        int max = config.maxBodyBytes();
        // the working-day calendar (holidays, closing days) also refuses an agreement on a day without sessions
        DynamoAttendanceStore attendanceStore = new DynamoAttendanceStore(dynamo, config.table());
        AttendanceService attendance = new AttendanceService(attendanceStore, calendar,
                programmeId -> AttendanceRules.of(settings::current, programmeId), clock, audit);
        // a registration after the nudge closes the day's absence follow-up; a correction to absent opens it
        dk.rampe.attendance.AbsenceDetection afterRegistration = new dk.rampe.attendance.AbsenceDetection(
                new DynamoReferralStore(dynamo, config.table(), audit), attendanceStore, null,
                calendar, nudges,
                programmeId -> AttendanceRules.of(settings::current, programmeId), config.publicBaseUrl(),
                settings::current);
        attendance.afterRegistration((referral, registration) ->
                afterRegistration.registered(referral, registration, clock.instant()));
        PathService paths = new PathService(new DynamoPathStore(dynamo, config.table()), service,
                new DynamoDueWork(dynamo, config.table()), calendar, clock,
                config.retentionAfterExit());
        ReferralsRoute referrals = new ReferralsRoute(service, max, attendance, clock, paths);
        SettingsRoute admin = new SettingsRoute(settings, max * 4, referralStore);
        ExitNotice exitNotice = new ExitNotice(new DynamoOutbox(dynamo, config.table()), config.publicBaseUrl());
        this.routes = new RouteTable()
                .add(ReferralsRoute.POST, referrals::submit)
                .add(ReferralsRoute.GET, referrals::read)
                .add(VisitationRoute.KEY, new VisitationRoute(service, max))
                .add(ConsultantRoute.KEY, new ConsultantRoute(service, max))
                .add(EnrolmentRoute.KEY, new EnrolmentRoute(new dk.rampe.path.ParticipantEnrolment(service, paths, attendance),
                        max))
                .add(ExitRoute.KEY, new ExitRoute(service, max, paths, exitNotice, clock))
                .add(FollowUpsRoute.KEY, new FollowUpsRoute(new FollowUpPlanning(service, nudges, clock), max))
                .add(PlanRoute.KEY, new PlanRoute(new dk.rampe.plan.PlanService(
                        new dk.rampe.dynamodb.DynamoPlanStore(dynamo, config.table(), audit), service, clock)))
                .add(SettingsRoute.GET, admin::read)
                .add(SettingsRoute.PUT, admin::replace)
                .add(AttendancePlanRoute.KEY, new AttendancePlanRoute(service, attendance, clock, max))
                .add(AttendanceAgreementsRoute.KEY, new AttendanceAgreementsRoute(service, attendance, clock, max))
                .add(AttendanceRoute.KEY, new AttendanceRoute(service, attendance, clock, max))
                .add(NoticesRoute.KEY, new NoticesRoute(service, attendance))
                .add(MilestonesRoute.KEY, new MilestonesRoute(paths, max))
                .add(ExitDescriptionRoute.KEY, new ExitDescriptionRoute(paths))
                .add(ImportsRoute.KEY, new ImportsRoute(new dk.rampe.path.HistoryImport(service, paths,
                        new dk.rampe.path.ParticipantExit(service, paths, exitNotice, clock),
                        settings::current, audit, clock), max * 16));
        // before SnapStart's snapshot: Jackson's set-up, the settings read, a referral read by a key that
        // does not exist, and a request refused before any route runs (no caller: 401 problem+json)
        this.priming = new Priming("referral-intake")
                .step("json", Json::prime)
                .step("settings", settings::current)
                .step("referral", () -> referralStore.find(PRIME_ID))
                .step("request", () -> handleRequest(primeRequest(), null));
    }

    /** The id primed reads: never issued (referral ids are ULIDs), so the read finds nothing. */
    static final String PRIME_ID = "prime";

    /** A GET of a referral without a caller, as API Gateway would pass it; named "prime" in the request log. */
    static APIGatewayV2HTTPEvent primeRequest() {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId(PRIME_ID);
        context.setRouteKey(ReferralsRoute.GET);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        context.setHttp(http);
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey(ReferralsRoute.GET);
        e.setRequestContext(context);
        e.setHeaders(java.util.Map.of("accept-language", "da"));
        e.setPathParameters(java.util.Map.of("referralId", PRIME_ID));
        return e;
    }

    @Override
    public Priming priming() {
        return priming;
    }

    /** The route keys this handler answers (the template's events for this function). */
    Set<String> routeKeys() {
        return routes.routeKeys();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String requestId = context != null ? context.getAwsRequestId()
                : event.getRequestContext() != null ? event.getRequestContext().getRequestId() : "-";
        Language language = HttpApi.language(event);
        APIGatewayV2HTTPResponse response;
        String role = "-";
        try {
            Caller caller = HttpApi.caller(event, config, settings::current);
            role = caller.role().name();
            Route route = routes.find(event.getRouteKey());
            // every POST route but the referral's own (its key is part of the referral's idempotency) takes the header
            if (event.getRouteKey().startsWith("POST ") && !ReferralsRoute.POST.equals(event.getRouteKey())) {
                route = new RequestKeyRoute(route, requestKeys);
            }
            response = route.handle(new Route.Request(event, caller, language));
        } catch (RuntimeException e) {
            response = HttpApi.problem(e, language, requestId);
        }
        Log.info("request", "requestId", requestId, "route", String.valueOf(event.getRouteKey()), "role", role,
                "status", Integer.toString(response.getStatusCode()),
                "ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        return response;
    }
}
