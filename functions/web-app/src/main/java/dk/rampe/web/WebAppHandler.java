package dk.rampe.web;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import dk.rampe.archive.S3ReportArchive;
import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.Expectations;
import dk.rampe.audit.AuditEntry;
import dk.rampe.calendar.DanishHolidays;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoDueWork;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.dynamodb.DynamoReportFigures;
import dk.rampe.dynamodb.DynamoSessionRevocations;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpPageService;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.NudgeService;
import dk.rampe.referral.FollowUpPlanning;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.InputFields;
import dk.rampe.core.TextField;
import dk.rampe.core.Language;
import dk.rampe.core.ValidationException;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.dynamodb.DynamoPlanStore;
import dk.rampe.path.AftercarePlan;
import dk.rampe.path.ExitNotice;
import dk.rampe.path.ParticipantExit;
import dk.rampe.path.ExitDescription;
import dk.rampe.path.Reminder;
import dk.rampe.path.PathService;
import dk.rampe.plan.Plan;
import dk.rampe.report.ReportArchive;
import dk.rampe.plan.PlanService;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.log.Log;
import dk.rampe.log.Metrics;
import dk.rampe.platform.AwsClients;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.referral.CitizenMatchKey;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The web app under /app/: server-rendered HTML for jobcentre caseworkers, consultants and
 * project owners, over the same {@link ReferralService} and the same authorization as the API.
 * <ul>
 * <li>Its own session (no JWT authorizer on these routes): a signed HttpOnly cookie, SameSite=Lax,
 *     Secure in AWS, made at login from the same claims the API reads ({@link HttpApi#caller});</li>
 * <li>every form carries a CSRF token derived from the session, and a cross-site POST is refused
 *     even before that (Origin / Sec-Fetch-Site);</li>
 * <li>every answer has a strict Content-Security-Policy (no script at all), frame-ancestors
 *     'none', Referrer-Policy no-referrer and Cache-Control no-store; ids only in URLs;</li>
 * <li>the routes are one table ({@link Routes}): each names who may call it, checked before its answer runs;</li>
 * <li>forms post, then redirect (303) to a page that can be reloaded safely.</li>
 * </ul>
 */
public final class WebAppHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Primed {
    static final int MAX_FORM_BYTES = 64 * 1024;
    /** The file of a kept report's figures, as the monthly report names it (ReportRun.CSV_FILE). */
    static final String REPORT_CSV = "figures.csv";
    private static final Pattern FORM_ID = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");

    private final RampeConfig config;
    private final WebConfig web;
    private final SettingsStore settings;
    private final ReferralService service;
    private final PlanService plans;
    private final DynamoAuditLog audit;
    private final Clock clock;
    private final Views views;
    /** The consultant's participant page: the overview with the next step, and a page per task. */
    private final ParticipantPage participantPage;
    private final ListsPage listsPage;
    private final OwnerPage ownerPage;
    private final CognitoLogin cognito;
    private final AttendanceStore attendanceStore;
    private final AttendanceService attendance;
    private final Expectations expectations;
    private final PathService paths;
    private final NudgeService followUps;
    /** The reminders a path calls for (the same plan the path service schedules), from the path already read. */
    private final AftercarePlan aftercarePlan;
    private final DynamoDbClient dynamo;
    private final WorkingDays workingDays;
    private final DynamoOutbox outbox;
    /** Sessions ended at logout, checked on every request that carries a session. */
    private final DynamoSessionRevocations revocations;
    private volatile DynamoReportFigures reportFigures;
    private final FollowUpPlanning planning;
    /** Signs today's attendance list for the logged-in consultant (the key the 07:30 nudge's links are signed with). */
    private final dk.rampe.attendance.TodaysListTokens todaysListTokens;
    /** The exit's rules, shared with the API's exit: the path's last step, the description, the caseworker's notice. */
    private final ParticipantExit exit;
    /** The enrolment's rules, shared with the API's POST …/enrolment. */
    private final dk.rampe.path.ParticipantEnrolment enrolment;
    /** The follow-up page's rules (the outcome form, its checks and audit entries), for the app's close form. */
    private final FollowUpPageService followUpRules;
    /** The monthly reports kept, for the owner's pages (S3 in AWS, .rampe/reports locally); null where there are none. */
    private final ReportArchive reports;
    private final Priming priming;
    /** The administrators' settings pages under /app/admin. */
    private final AdminPages admin;
    /** The early warning's participants at the top of "my participants". */
    private final WarningsList warningsList;

    /** Used by Lambda: everything from the environment. */
    public WebAppHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private WebAppHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Clock.systemUTC(),
                WebConfig.fromEnvironment(config.publicBaseUrl()), reportsFromEnvironment(config));
        Priming.register(this);
    }

    /**
     * The report archive in AWS: the template's bucket ({@code RAMPE_REPORT_BUCKET}), its S3 client
     * built on the first report page, so a cold start that shows none loads no S3 class. Null
     * (the owner's reports stay marked as not there) when no bucket is set.
     */
    static ReportArchive reportsFromEnvironment(RampeConfig config) {
        String bucket = System.getenv("RAMPE_REPORT_BUCKET");
        if (bucket == null || bucket.isBlank()) return null;
        return S3ReportArchive.lazy(config.region(), System.getenv("AWS_ENDPOINT_URL_S3"), AwsClients.credentials(),
                bucket.strip());
    }

    /**
     * Used by the local runner: local login from events/local-tokens.json when run from the project,
     * the reports it keeps in .rampe/reports, its local nudge settings (follow-up links as the page checks them).
     */
    public WebAppHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, ReportArchive reports,
                         Clock clock) {
        this(config, nudges, dynamo, clock, WebConfig.fromEnvironment(config.publicBaseUrl()), reports);
    }

    /** Used by tests. */
    public WebAppHandler(RampeConfig config, DynamoDbClient dynamo, Clock clock, WebConfig web) {
        this(config, dynamo, clock, web, null);
    }

    /** Used by tests, with the report archive. */
    public WebAppHandler(RampeConfig config, DynamoDbClient dynamo, Clock clock, WebConfig web, ReportArchive reports) {
        this(config, NudgeConfig.from(Map.of()), dynamo, clock, web, reports);
    }

    /** Everything given. */
    public WebAppHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock, WebConfig web,
                         ReportArchive reports) {
        this.config = config;
        this.reports = reports;
        this.web = web;
        this.clock = clock;
        this.settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        this.audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        ReferralStore store = new DynamoReferralStore(dynamo, config.table(), audit);
        this.service = new ReferralService(store, settings, audit, clock, config.zone(),
                new CitizenMatchKey(config.matchKeySecret()), config.retentionAfterExit());
        this.plans = new PlanService(new DynamoPlanStore(dynamo, config.table(), audit), service, clock);
        this.views = new Views(config.zone(), settings, clock);
        this.participantPage = new ParticipantPage(views, clock);
        this.listsPage = new ListsPage(views, clock);
        this.ownerPage = new OwnerPage(views, config.zone());
        // the one working-day calendar of this function: Danish public holidays (computed) and the closing days
        WorkingDays workingDays = DanishHolidays.workingDays(settings::current);
        this.attendanceStore = new DynamoAttendanceStore(dynamo, config.table());
        this.attendance = new AttendanceService(attendanceStore, workingDays, this::rules, clock, audit);
        this.expectations = new Expectations(workingDays);
        this.warningsList = new WarningsList(attendanceStore, expectations, p -> rules(p).grace());
        this.paths = new PathService(new DynamoPathStore(dynamo, config.table()), service,
                new DynamoDueWork(dynamo, config.table()), workingDays, clock, config.retentionAfterExit());
        this.aftercarePlan = new AftercarePlan(workingDays);
        this.dynamo = dynamo;
        this.workingDays = workingDays;
        this.outbox = new DynamoOutbox(dynamo, config.table());
        this.revocations = new DynamoSessionRevocations(dynamo, config.table());
        this.followUps = FollowUps.service(config, nudges, dynamo, clock, settings).withLinkWorkingDays(workingDays);
        // a registration after the nudge closes the day's absence follow-up; a correction to absent opens it
        dk.rampe.attendance.AbsenceDetection afterRegistration = new dk.rampe.attendance.AbsenceDetection(store,
                attendanceStore, null, workingDays, followUps, this::rules, config.publicBaseUrl(), settings::current);
        this.attendance.afterRegistration((referral, registration) ->
                afterRegistration.registered(referral, registration, clock.instant()));
        this.planning = new FollowUpPlanning(service, followUps, clock);
        this.todaysListTokens = new dk.rampe.attendance.TodaysListTokens(nudges.tokenKey());
        this.exit = new ParticipantExit(service, paths, new ExitNotice(outbox, config.publicBaseUrl()), clock);
        this.enrolment = new dk.rampe.path.ParticipantEnrolment(service, paths, attendance);
        // the admin pages' import runs the API's import (POST /v1/admin/imports) over the same use cases
        this.admin = new AdminPages(settings, store, views, new ImportPage(new dk.rampe.path.HistoryImport(service, paths,
                exit, settings::current, audit, clock), views));
        this.followUpRules = new FollowUpPageService(FollowUps.tokens(nudges), followUps, audit, clock);
        this.cognito = web.cognitoDomain() == null || web.cognitoClientId() == null ? null
                : new CognitoLogin(web.cognitoDomain(), web.cognitoClientId(), web.cognitoIssuer(), config.publicBaseUrl(),
                config.jobcentreClaim());
        // before SnapStart's snapshot: the settings read, a session's revocation and a referral read by keys
        // never issued, the login page's request (a page or the redirect to the sign-in; no session, nothing
        // written) and the signed-out page rendered in both languages. The S3 client stays lazy
        this.priming = new Priming("web-app")
                .step("settings", settings::current)
                .step("revocation", () -> revocations.isRevoked(PRIME_ID))
                .step("referral", () -> store.find(PRIME_ID))
                .step("request", () -> handleRequest(primeRequest(), null))
                .step("page", () -> {
                    for (Language language : Language.values()) LoginPage.loggedOut(language);
                });
    }

    /** A session nonce and referral id never issued. */
    static final String PRIME_ID = "prime";

    /** The login page's GET, without cookies, as API Gateway passes it. */
    static APIGatewayV2HTTPEvent primeRequest() {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        context.setHttp(http);
        context.setRequestId(PRIME_ID);
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey("GET /app/{proxy+}");
        e.setRawPath("/app/login");
        e.setHeaders(Map.of("accept-language", "da"));
        e.setRequestContext(context);
        return e;
    }

    @Override
    public Priming priming() {
        return priming;
    }

    /** A programme's attendance settings (grace, thresholds), as the detection and the API read them. */
    private AttendanceRules rules(String programmeId) {
        return AttendanceRules.of(settings::current, programmeId);
    }

    /**
     * One answer: status, body, extra headers and cookies; {@code base64}: the body is bytes as base64 (a download
     * handed on as it is kept).
     */
    record Answer(int status, String body, Map<String, String> headers, List<String> cookies, boolean base64) {
        Answer(int status, String body, Map<String, String> headers, List<String> cookies) {
            this(status, body, headers, cookies, false);
        }

        static Answer html(int status, String body) {
            return new Answer(status, body, Map.of(), List.of());
        }

        static Answer redirect(String location) {
            return new Answer(303, null, Map.of("location", location), List.of());
        }

        Answer withCookie(String cookie) {
            List<String> c = new ArrayList<>(cookies);
            c.add(cookie);
            return new Answer(status, body, headers, c, base64);
        }
    }

    /** A request as the app sees it. */
    record Request(String method, String path, Map<String, String> query, Map<String, String> form, Language lang,
                   Session session, Map<String, String> cookies, Upload upload) {
        Request(String method, String path, Map<String, String> query, Map<String, String> form, Language lang,
                Session session) {
            this(method, path, query, form, lang, session, Map.of(), null);
        }

        String csrf(byte[] key) {
            return session == null ? null : session.csrf(key);
        }

        /** The same request with other form values (what a page shows again after a refusal). */
        Request withForm(Map<String, String> other) {
            return new Request(method, path, query, other, lang, session, cookies, upload);
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String method = method(event);
        String path = path(event);
        Map<String, String> cookies = cookies(event);
        Language lang = "en".equals(cookies.get("rampe_lang")) ? Language.EN
                : "da".equals(cookies.get("rampe_lang")) ? Language.DA : HttpApi.language(event);
        Instant now = clock.instant();
        Session session = Session.decode(cookies.get(web.cookieName()), web.sessionKey(), now, web.sessionMax())
                .orElse(null);
        // a session ended at logout stays ended, however long its cookie would still be good
        if (session != null && revocations.isRevoked(session.nonce())) session = null;
        Answer answer;
        String outcome = "ok";
        try {
            answer = dispatch(event, method, path, lang, session, now);
        } catch (RuntimeException e) {
            outcome = "error";
            Log.error("webApp.failed", e); // with its stack frames, never the message
            Metrics.count("UnexpectedErrors");
            answer = Answer.html(500, views.message(lang, session, web, "error.internal.title", "error.internal"));
        }
        if (session != null && answer.status() < 400 && !"/app/logout".equals(path)
                && answer.cookies().stream().noneMatch(c -> c.startsWith(web.cookieName() + "="))) {
            // sliding expiry: each answer renews the session, up to its maximum age
            answer = answer.withCookie(sessionCookie(session.renewed(now, web.sessionIdle(), web.sessionMax())));
        }
        Log.info("webApp", "method", method, "path", pathForLog(path), "role",
                session == null ? "-" : session.caller().role().name(), "status", Integer.toString(answer.status()),
                "outcome", outcome, "ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        return response(answer, lang);
    }

    private Answer dispatch(APIGatewayV2HTTPEvent event, String method, String path, Language lang, Session session,
                            Instant now) {
        if (!"GET".equals(method) && !"POST".equals(method)) {
            return new Answer(405, views.message(lang, session, web, "error.method.title", "error.method"),
                    Map.of("allow", "GET, POST"), List.of());
        }
        Map<String, String> form = Map.of();
        Upload upload = null;
        if ("POST".equals(method)) {
            if (crossSite(event)) {
                Log.warn("webApp.refused", "reason", "crossSite");
                return Answer.html(403, views.message(lang, null, web, "error.forbidden.title", "error.csrf"));
            }
            // the import's upload is the one multipart form (a file, and the file carried on to be saved)
            upload = ImportPage.PATH.equals(path) && Upload.isMultipart(event) ? Upload.read(event,
                    config.maxBodyBytes() * 32, java.util.Set.of("csrf", "action", "csv"), "file") : null;
            form = upload != null ? upload.fields() : form(event);
            if (form == null) return Answer.html(400, views.message(lang, session, web, "error.form.title", "error.form"));
        }
        Request req = new Request(method, path, query(event), form, lang, session, cookies(event), upload);

        Routes.Found found = Routes.find(method, path).orElse(null);
        // what works without a session
        if (found != null && found.route().access() == Routes.Access.ANYONE) {
            return found.route().handler().answer(this, req, found.path(), now);
        }
        if (session == null) {
            if ("GET".equals(method)) return Answer.redirect("/app/login");
            Log.warn("webApp.refused", "reason", "noSession");
            return Answer.html(403, views.message(lang, null, web, "error.session.title", "error.session"));
        }
        if ("POST".equals(method) && !session.csrfMatches(web.sessionKey(), form.get("csrf"))) {
            Log.warn("webApp.refused", "reason", "csrf");
            audit.record(new AuditEntry("web:csrf", session.caller().id(), "web.csrfRefused", now));
            return Answer.html(403, views.message(lang, session, web, "error.forbidden.title", "error.csrf"));
        }
        try {
            if (found == null) throw DomainException.notFound("route.notFound");
            if (!allowed(found.route(), session)) {
                return Answer.html(403, views.message(lang, session, web, "error.forbidden.title", found.route().refusal()));
            }
            return found.route().handler().answer(this, req, found.path(), now);
        } catch (DomainException e) {
            return switch (e.kind()) {
                case NOT_FOUND -> Answer.html(404, views.message(lang, session, web, "error.notFound.title",
                        "error.notFound"));
                case FORBIDDEN -> Answer.html(403, views.message(lang, session, web, "error.forbidden.title",
                        "error.role"));
                default -> Answer.html(e.kind() == DomainException.Kind.CONFLICT ? 409 : 422,
                        views.messageText(lang, session, web, Texts.t(lang, "error.refused.title"),
                                Texts.api(e.code(), lang, e.args())));
            };
        } catch (ReferralStore.ConcurrentChange e) {
            return Answer.html(409, views.messageText(lang, session, web, Texts.t(lang, "error.refused.title"),
                    Texts.api("referral.changedMeanwhile", lang)));
        } catch (ApiError e) {
            return Answer.html(e.status(), views.messageText(lang, session, web, Texts.t(lang, "error.refused.title"),
                    Texts.api(e.code(), lang, e.args())));
        }
    }

    /**
     * Whether the session may call the route: a caller of another role is answered 404 (thrown: the page does
     * not exist for them), anyone but an administrator on the settings 403 (thrown); false for staff who are
     * not project owners on an owner's page (the route's refusal, 403).
     */
    private static boolean allowed(Routes.Route route, Session session) {
        Caller caller = session.caller();
        switch (route.access()) {
            case ANYONE, SIGNED_IN -> {
                return true;
            }
            case JOBCENTRE -> requireJobcentre(caller);
            case STAFF -> requireStaff(caller);
            case OWNER -> {
                requireStaff(caller);
                return session.owner();
            }
            // a caseworker, a consultant and a project owner alike: only an administrator changes the settings
            case ADMIN -> {
                if (caller.role() != Caller.Role.ADMIN) throw DomainException.forbidden("role.adminOnly");
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- the routes' answers (the table: Routes)

    byte[] sessionKey() {
        return web.sessionKey();
    }

    Answer loggedOut(Request req) {
        return Answer.html(200, LoginPage.loggedOut(req.lang()));
    }

    Answer language(Request req) {
        String to = req.query().getOrDefault("to", "da");
        return Answer.redirect("/app").withCookie("rampe_lang=" + ("en".equals(to) ? "en" : "da")
                + "; Path=/app; Max-Age=31536000; SameSite=Lax" + (web.secureCookies() ? "; Secure" : "")
                + "; HttpOnly");
    }

    Answer start(Request req) {
        return Answer.redirect(home(req.session()));
    }

    Answer logout(Request req, Instant now) {
        Caller caller = req.session().caller();
        // this login's session ends here (the same cookie, kept or copied, gets the login page);
        // the user's sessions on other devices are other logins and stay
        revocations.revoke(req.session().nonce(), now, req.session().issuedAt().plus(web.sessionMax()));
        audit.record(new AuditEntry("web:session", caller.id(), "web.logout", now));
        // in AWS through Cognito's /logout (its session ends too), then to /app/logged-out
        return Answer.redirect(cognito == null ? "/app/login" : cognito.logoutLocation()).withCookie(web.cookieName() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (web.secureCookies() ? "; Secure" : "")).withCookie(CaseworkerLogin.COOKIE
                + "=; Path=/app/referrals; Max-Age=0; HttpOnly; SameSite=Lax" + (web.secureCookies() ? "; Secure" : ""));
    }

    Answer jobcentreList(Request req) {
        Caller caller = req.session().caller();
        return Answer.html(200, listsPage.jobcentreList(req, req.csrf(web.sessionKey()), service.jobcentreReferrals(caller)));
    }

    Answer referralForm(Request req) {
        Caller caller = req.session().caller();
        // the caseworker's own name and email from their login, filled in (they can change them)
        Map<String, String> fromLogin = CaseworkerLogin.decode(req.cookies().get(CaseworkerLogin.COOKIE),
                web.sessionKey(), req.session()).map(CaseworkerLogin::formValues).orElse(Map.of());
        return Answer.html(200, views.referralForm(req, req.csrf(web.sessionKey()), partnerProgrammes(caller), fromLogin,
                Map.of(), newFormId()));
    }

    Answer queue(Request req) {
        Caller caller = req.session().caller();
        return Answer.html(200, listsPage.queue(req, req.csrf(web.sessionKey()), listForStaff(caller, ReferralStatus.RECEIVED)));
    }

    Answer today(Request req) {
        Caller caller = req.session().caller();
        // today's attendance: the very page the 07:30 nudge links to (its taps, rules and undo), signed for this
        // consultant and today; a day without sessions shows its empty list there
        return Answer.redirect("/t/" + todaysListTokens.issue(caller.id(), WorkingDays.today(clock)));
    }

    Answer participants(Request req) {
        Caller caller = req.session().caller();
        boolean all = "1".equals(req.query().get("all"));
        List<Views.ProgrammeReferrals> lists = listForStaff(caller, null);
        Map<String, AttendanceSummary> summaries = new HashMap<>();
        Map<String, Views.ParticipantLine> lines = participantLines(caller, lists, all, summaries);
        return Answer.html(200, listsPage.participants(req, req.csrf(web.sessionKey()), lists, all, summaries, lines,
                warningsList.warned(lists, lines, summaries)));
    }

    Answer overview(Request req, Instant now) {
        Caller caller = req.session().caller();
        List<Views.ProgrammeReferrals> programmes = service.programmesOf(caller).stream()
                .map(p -> new Views.ProgrammeReferrals(p, service.programmeReferrals(caller, p.id(), null)))
                .toList();
        Map<String, Views.MonthFigures> month = new HashMap<>();
        for (Views.ProgrammeReferrals pr : programmes) month.put(pr.programme().id(), monthFigures(pr));
        return Answer.html(200, ownerPage.overview(req, req.csrf(web.sessionKey()), programmes, month,
                ownerFigures(programmes, now), now, reports != null));
    }

    Answer reports(Request req) {
        Caller caller = req.session().caller();
        requireOwner(req);
        List<Views.ProgrammeReports> kept = new ArrayList<>();
        for (Settings.Programme p : service.programmesOf(caller)) {
            kept.add(new Views.ProgrammeReports(p, reports.list(p.id())));
        }
        return Answer.html(200, ownerPage.reports(req, req.csrf(web.sessionKey()), kept));
    }

    Answer reportCsv(Request req, Matcher cm, Instant now) {
        Caller caller = req.session().caller();
        ReportArchive.Stored stored = ownersReport(req, caller, cm.group(1), cm.group(2), cm.group(3));
        // the figures as the monthly report kept them, bytes handed on as they are
        byte[] csv = reports.read(stored, REPORT_CSV).orElseThrow(() -> DomainException.notFound("route.notFound"));
        audit.record(new AuditEntry("report:" + stored.programmeId() + ":" + stored.month(), caller.id(),
                "web.reportCsvRead", now));
        return new Answer(200, Base64.getEncoder().encodeToString(csv), Map.of(
                "content-type", "text/csv; charset=utf-8",
                "content-disposition", "attachment; filename=\"rampe-" + stored.programmeId() + "-" + stored.month()
                        + ".csv\""), List.of(), true);
    }

    Answer report(Request req, Matcher rm, Instant now) {
        Caller caller = req.session().caller();
        ReportArchive.Stored stored = ownersReport(req, caller, rm.group(1), rm.group(2), rm.group(3));
        String programmeId = stored.programmeId();
        byte[] html = reports.read(stored, "report.html").orElseThrow(() -> DomainException.notFound("route.notFound"));
        audit.record(new AuditEntry("report:" + programmeId + ":" + stored.month(), caller.id(), "web.reportRead", now));
        // the report is the e-mail's HTML (inline styles only, no script): its own, still script-free policy
        return new Answer(200, new String(html, StandardCharsets.UTF_8), Map.of("content-security-policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
                List.of());
    }

    /** A referral's page: the staff's participant page, or the referring caseworker's page. */
    Answer referralPage(Request req, String id) {
        Caller caller = req.session().caller();
        String csrf = req.csrf(web.sessionKey());
        PlanService.View v = plans.read(caller, id);
        if (caller.role() == Caller.Role.STAFF) {
            return Answer.html(200, participantPage.overview(req, csrf, participant(v)));
        }
        Referral r = v.referral();
        // the caseworker's page: the path and the attendance beside the notices, in one round of reads
        List<Object> read = Parallel.all(List.<java.util.function.Supplier<Object>>of(() -> attendance.notices(r),
                () -> exitDescription(caller, r), () -> paths.path(r.id()), () -> attendanceView(r)));
        @SuppressWarnings("unchecked")
        List<dk.rampe.attendance.Notice> notices = (List<dk.rampe.attendance.Notice>) read.get(0);
        return Answer.html(200, views.jobcentreReferral(req, csrf, r, v.plan(), notices,
                (ExitDescription) read.get(1), (dk.rampe.path.Path) read.get(2), (Views.AttendanceView) read.get(3)));
    }

    Answer planPrint(Request req, String id) {
        Caller caller = req.session().caller();
        PlanService.View v = plans.read(caller, id);
        Referral r = v.referral();
        // staff print it after a meeting: the attendance times and the next follow-up planned with the consultant
        Views.AttendanceView att = caller.role() == Caller.Role.STAFF ? attendanceView(r) : null;
        Instant next = caller.role() == Caller.Role.STAFF ? followUps.tasksOf(r.id()).stream()
                .filter(t -> t.isOpen() && t.kind() == dk.rampe.followup.FollowUpKind.FOLLOW_UP_DUE)
                .map(FollowUpTask::dueAt).filter(d -> d.isAfter(clock.instant())).min(Instant::compareTo).orElse(null)
                : null;
        return new Answer(200, views.planPrint(r, v.plan(), att, next),
                Map.of("content-security-policy", CSP + "; script-src " + Html.PRINT_SCRIPT_HASH), List.of());
    }

    /** A task's own page (the consultant's): its form, with a way back to the overview. */
    Answer taskForm(Request req, String id, String action) {
        Caller caller = req.session().caller();
        ParticipantPage.Task task = ParticipantPage.Task.ofPage(action)
                .orElseThrow(() -> DomainException.notFound("route.notFound"));
        return Answer.html(200, participantPage.task(req, req.csrf(web.sessionKey()), participant(plans.read(caller, id)),
                task, Views.Failed.NONE));
    }

    Answer admin(Request req) {
        return admin.handle(req, req.csrf(web.sessionKey()));
    }

    Answer act(Request req, String csrf, String id, String action) {
        Caller caller = req.session().caller();
        requireStaff(caller);
        Map<String, String> f = req.form();
        try {
            switch (action) {
                case "visitation" -> {
                    var decision = ReferralService.VisitationDecision.fromWire(f.getOrDefault("decision", ""));
                    if (decision.isEmpty()) throw new ValidationException(new FieldError("decision", "required"));
                    String code = f.getOrDefault("reasonCode", "");
                    var reasonCode = code.isEmpty() ? java.util.Optional.<dk.rampe.referral.DeclineReason>empty()
                            : dk.rampe.referral.DeclineReason.fromWire(code);
                    if (!code.isEmpty() && reasonCode.isEmpty()) {
                        throw new ValidationException(new FieldError("reasonCode", "enum",
                                dk.rampe.referral.DeclineReason.wireNames()));
                    }
                    service.recordVisitation(caller, id, decision.get(),
                            InputFields.VISITATION_REASON.require("reason", f.get("reason"), false),
                            reasonCode.orElse(null), FormDates.effective(f, "decidedOn"));
                }
                case "enrolment" -> {
                    String consent = f.getOrDefault("smsConsent", "");
                    if (!consent.isEmpty() && !consent.equals("yes") && !consent.equals("no")) {
                        throw new ValidationException(new FieldError("smsConsent", "enum", "yes, no"));
                    }
                    // with the participant's consent to a neutral SMS when absent (the API's absenceSmsConsent)
                    enrolment.enrol(caller, id, FormDates.effective(f, "startedOn"),
                            consent.isEmpty() ? null : consent.equals("yes"));
                }
                case "milestone" -> paths.record(caller, id, MilestoneForm.parse(f));
                case "follow-up" -> {
                    return closeFollowUp(req, csrf, id);
                }
                case "follow-up-plan" -> planning.plan(caller, id, FollowUpKind.FOLLOW_UP_DUE,
                        FollowUpForm.dueAt(f, WorkingDays.today(clock)));
                case "plan" -> plans.update(caller, id, PlanForm.parse(f));
                case "attendance-plan" -> {
                    AttendancePlan step = AttendanceForm.plan(f, caller.id(), clock.instant());
                    attendance.putPlan(service.activeReferralForStaff(caller, id), step);
                }
                case "attendance-agreement" -> {
                    Referral referral = service.activeReferralForStaff(caller, id);
                    Agreement a = AttendanceForm.agreement(f, attendance.recent(referral), WorkingDays.today(clock),
                            caller.id(), clock.instant());
                    attendance.addAgreement(referral, a);
                }
                case "attendance" -> {
                    AttendanceForm.NewRegistration g = AttendanceForm.registration(f, WorkingDays.today(clock));
                    attendance.register(service.activeReferralForStaff(caller, id), g.date(), g.status(), g.arrival(),
                            g.reason(), caller.id());
                }
                case "exit" -> exit.exit(caller, ExitForm.parse(id, f));
                default -> throw DomainException.notFound("route.notFound");
            }
        } catch (DomainException e) {
            // a path the rules refuse (an end without a start, a step after the exit): on the form's field
            if (!"milestone".equals(action) || e.kind() != DomainException.Kind.CONFLICT) throw e;
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(MilestoneForm.formField(e.field() == null ? "type" : e.field()),
                    Texts.api(e.code(), req.lang(), e.args()));
            return Answer.html(409, taskPage(req, csrf, id, new Views.Failed(action, errors, f)));
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError fe : e.errors()) {
                String field = "plan".equals(action) ? PlanForm.formField(fe.field(), f)
                        : "milestone".equals(action) ? MilestoneForm.formField(fe.field())
                        : "follow-up-plan".equals(action) ? FollowUpForm.formField(fe.field())
                        // the attendance service's own date rules, beside the form's field
                        : "attendance".equals(action) && "date".equals(fe.field()) ? "reg.date"
                        : "attendance-agreement".equals(action) && "date".equals(fe.field()) ? "ag.date"
                        : "attendance-plan".equals(action) && "validFrom".equals(fe.field()) ? "ap.validFrom"
                        : fe.field();
                errors.put(field, Texts.has(req.lang(), "code." + fe.code()) ? Texts.t(req.lang(), "code." + fe.code())
                        : Texts.api(fe.code(), req.lang(), fe.args()));
            }
            java.util.function.UnaryOperator<String> formField = field -> "plan".equals(action)
                    ? PlanForm.formField(field, f).replaceFirst("^(steps\\[[0-9]+\\])$", "$1.text")
                            .replaceFirst("^(supporters\\[[0-9]+\\])$", "$1.name")
                    : "milestone".equals(action) ? MilestoneForm.formField(field) : field;
            Map<String, String> shown = notEchoed(f, e.errors(), formField);
            return Answer.html(400, taskPage(req.withForm(shown), csrf, id, new Views.Failed(action, errors, shown)));
        } catch (ReferralStore.ConcurrentChange e) {
            // changed meanwhile by someone else (the plan saved from another screen, the referral moved on): the
            // task's page again with everything typed kept and the other change beside it, to save again
            String text = "plan".equals(action) ? Texts.t(req.lang(), "plan.conflict")
                    : Texts.api("referral.changedMeanwhile", req.lang());
            return Answer.html(409, taskPage(req, csrf, id, new Views.Failed(action, Map.of(), f, text)));
        }
        // done: back to the overview, which says so and names the next step
        return Answer.redirect("/app/referrals/" + id + "?done=" + action);
    }

    /** A refused form's task page, read afresh: what was typed, the errors, and what is stored now. */
    private String taskPage(Request req, String csrf, String id, Views.Failed failed) {
        return participantPage.task(req, csrf, participant(plans.read(req.session().caller(), id)),
                ParticipantPage.Task.ofAction(failed.action()), failed);
    }

    /**
     * Closes one of the participant's follow-ups with the follow-up page's rules and audit entries
     * ({@link FollowUpPageService#postFor}), as the staff member in the session: only a task of this
     * referral, which the staff member may act on (any status: a follow-up can outlive the exit).
     * Recorded, or closed meanwhile by someone else: back to the page (PRG) saying which.
     */
    private Answer closeFollowUp(Request req, String csrf, String id) {
        Caller caller = req.session().caller();
        Referral r = service.referralForStaff(caller, id);
        FollowUpTask task = followUps.find(req.form().getOrDefault("task", ""))
                .filter(t -> t.referralId().equals(r.id()))
                .orElseThrow(() -> DomainException.notFound("followUp.notFound"));
        FollowUpPageService.Post post = followUpRules.postFor(task, FollowUpForm.outcomeFields(req.form()), caller.id());
        if (post instanceof FollowUpPageService.Invalid invalid) {
            Map<String, String> errors = FollowUpForm.errors(invalid.errors(), req.lang());
            Map<String, String> values = new LinkedHashMap<>();
            invalid.values().forEach((k, v) -> values.put("fu." + k, v));
            values.put("task", task.taskId());
            return Answer.html(400, taskPage(req, csrf, id, new Views.Failed("follow-up", errors, values)));
        }
        String done = post instanceof FollowUpPageService.AlreadyClosed ? "follow-up-already" : "follow-up";
        return Answer.redirect("/app/referrals/" + id + "?done=" + done);
    }

    /** Everything the staff's participant page shows, read for one view (the referral read is audited). */
    private Views.Participant participant(PlanService.View v) {
        Referral r = v.referral();
        // the page's reads after the referral, in one round
        List<Object> read = Parallel.all(List.<java.util.function.Supplier<Object>>of(() -> attendanceView(r),
                () -> paths.path(r.id()), () -> followUps.tasksOf(r.id()), () -> attendance.notices(r)));
        dk.rampe.path.Path path = (dk.rampe.path.Path) read.get(1);
        @SuppressWarnings("unchecked")
        List<FollowUpTask> tasks = (List<FollowUpTask>) read.get(2);
        @SuppressWarnings("unchecked")
        List<dk.rampe.attendance.Notice> notices = (List<dk.rampe.attendance.Notice>) read.get(3);
        return new Views.Participant(r, v.plan(), (Views.AttendanceView) read.get(0), path, tasks,
                aftercarePlan.plan(r.id(), r.programmeId(), path), notices, WorkingDays.today(clock));
    }

    /** The exit description for the referring jobcentre, where there is one (an exit without job or education). */
    private ExitDescription exitDescription(Caller caller, Referral r) {
        if (r.status() != ReferralStatus.EXITED) return null;
        try {
            return paths.exitDescription(caller, r.id());
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) return null;
            throw e;
        }
    }

    // ---------------------------------------------------------------- attendance

    /** The participant page's attendance: the plan and the last four weeks up to and including today. */
    private Views.AttendanceView attendanceView(Referral r) {
        java.time.LocalDate today = WorkingDays.today(clock);
        Attendance a = attendance.recent(r);
        AttendanceSummary weeks = AttendanceSummary.of(a, r, expectations, rules(r.programmeId()).grace(),
                today.minusDays(27), today);
        return new Views.AttendanceView(a, weeks, today, AttendanceSummary.Today.of(a, r, expectations,
                rules(r.programmeId()).grace(), today));
    }

    /**
     * The owner's overview beyond intake and attendance: this month's aftercare so far, as the monthly
     * report counts it (its reader, as of now: follow-ups due this month and how they went), and the
     * nudges of the programme that could not be sent (the outbox's failed partition, newest first).
     */
    private Map<String, Views.OwnerFigures> ownerFigures(List<Views.ProgrammeReferrals> programmes, Instant now) {
        DynamoReportFigures figures = reportFigures();
        List<dk.rampe.followup.OutboxMessage> failed = outbox.failed(500);
        dk.rampe.report.ReportPeriod month = new dk.rampe.report.ReportPeriod(java.time.YearMonth.from(now.atZone(config.zone())),
                config.zone());
        Map<String, Views.OwnerFigures> out = new HashMap<>();
        for (Views.ProgrammeReferrals pr : programmes) {
            String id = pr.programme().id();
            long[] f = new long[5];
            dk.rampe.report.ReportSources.Sources sources = figures.open(id, month);
            sources.aftercare().month(id, month, now).ifPresent(a -> a.byJobcentre().values().forEach(j -> {
                f[0] += j.followUpsDue();
                f[1] += j.doneOnTime();
                f[2] += j.doneLate();
                f[3] += j.overdue();
                f[4] += j.jobsWithoutAftercareOutcome();
            }));
            out.put(id, new Views.OwnerFigures(new dk.rampe.report.AftercareFigures.PerJobcentre(f[0], f[1], f[2], f[3],
                    0, 0, 0, 0, 0, 0, 0, f[4], 0, 0, 0, 0, 0), failed.stream().filter(m -> id.equals(m.programmeId())).toList(),
                    sources.warnings().month(id, month, now).map(WarningsList::sum).orElse(null)));
        }
        return out;
    }

    /** The monthly report's reader of aftercare, built on the first overview (not at every cold start). */
    private DynamoReportFigures reportFigures() {
        DynamoReportFigures f = reportFigures;
        if (f == null) reportFigures = f = new DynamoReportFigures(dynamo, config.table(), workingDays, this::rules);
        return f;
    }

    /**
     * Beside each participant of "my participants", read in one round: the stability over four weeks
     * (one query set of the attendance partition per enrolled participant, into {@code summaries}), the
     * next reminder the path calls for (one query of the path), and the open follow-ups (one query of
     * the open-task index per programme and consultant: the caller, or each of the programme's
     * consultants for the whole programme).
     */
    private Map<String, Views.ParticipantLine> participantLines(Caller caller, List<Views.ProgrammeReferrals> lists,
                                                               boolean all, Map<String, AttendanceSummary> summaries) {
        java.time.LocalDate today = WorkingDays.today(clock);
        List<Referral> shown = new ArrayList<>();
        for (Views.ProgrammeReferrals pr : lists) {
            for (Referral r : pr.referrals()) {
                if (r.status() != ReferralStatus.ACCEPTED && r.status() != ReferralStatus.ENROLLED) continue;
                if (!all && !caller.id().equals(r.consultantId())) continue;
                shown.add(r);
            }
        }
        record Line(AttendanceSummary summary, Reminder next) {
        }
        List<java.util.function.Supplier<Object>> reads = new ArrayList<>();
        for (Referral r : shown) {
            reads.add(() -> {
                if (r.status() != ReferralStatus.ENROLLED) return new Line(null, null);
                Attendance a = attendanceStore.load(r.id(), today.minusDays(27), today);
                AttendanceSummary summary = AttendanceSummary.of(a, r, expectations, rules(r.programmeId()).grace(),
                        today.minusDays(27), today);
                Reminder next = aftercarePlan.plan(r.id(), r.programmeId(), paths.path(r.id())).stream()
                        .filter(x -> !x.notifyOn().isBefore(today))
                        .min(java.util.Comparator.comparing(Reminder::notifyOn)).orElse(null);
                return new Line(summary, next);
            });
        }
        for (Views.ProgrammeReferrals pr : lists) {
            List<String> consultants = all ? pr.programme().consultants().stream().map(Settings.Consultant::id).toList()
                    : List.of(caller.id());
            for (String c : consultants) reads.add(() -> followUps.openTasks(pr.programme().id(), c));
        }
        List<Object> read = Parallel.all(reads);
        Map<String, List<FollowUpTask>> open = new HashMap<>();
        for (int i = shown.size(); i < read.size(); i++) {
            @SuppressWarnings("unchecked")
            List<FollowUpTask> tasks = (List<FollowUpTask>) read.get(i);
            for (FollowUpTask t : tasks) open.computeIfAbsent(t.referralId(), k -> new ArrayList<>()).add(t);
        }
        Map<String, Views.ParticipantLine> out = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            Referral r = shown.get(i);
            Line line = (Line) read.get(i);
            if (line.summary() != null) summaries.put(r.id(), line.summary());
            List<FollowUpTask> tasks = new ArrayList<>(open.getOrDefault(r.id(), List.of()));
            tasks.sort(java.util.Comparator.comparing(FollowUpTask::dueAt));
            out.put(r.id(), new Views.ParticipantLine(tasks, line.next()));
        }
        return out;
    }

    /**
     * This month so far for one programme: every participant enrolled during the month, their
     * sessions from the 1st up to and including today, summed (one query set per participant); the
     * participants counted are those with sessions planned this month (enrolled without a plan: not counted).
     */
    private Views.MonthFigures monthFigures(Views.ProgrammeReferrals pr) {
        java.time.LocalDate today = WorkingDays.today(clock);
        java.time.LocalDate first = today.withDayOfMonth(1);
        Instant monthStart = first.atStartOfDay(WorkingDays.ZONE).toInstant();
        int participants = 0, expected = 0, attended = 0, excused = 0, absent = 0, detected = 0, flagged = 0;
        List<java.util.function.Supplier<AttendanceSummary>> reads = new ArrayList<>();
        for (Referral r : pr.referrals()) {
            boolean enrolledEver = r.history().stream().anyMatch(h -> h.status() == ReferralStatus.ENROLLED);
            boolean inMonth = r.status() == ReferralStatus.ENROLLED || (r.status() == ReferralStatus.EXITED
                    && r.history().stream().anyMatch(h -> h.status() == ReferralStatus.EXITED
                    && !h.at().isBefore(monthStart)));
            if (!enrolledEver || !inMonth) continue;
            reads.add(() -> AttendanceSummary.of(attendanceStore.load(r.id(), first, today), r, expectations,
                    rules(r.programmeId()).grace(), first, today));
        }
        for (AttendanceSummary s : Parallel.all(reads)) { // the participants' partitions in one round
            if (s.expected() > 0) participants++; // "with a plan": sessions were planned for them this month
            expected += s.expected();
            attended += s.attended();
            excused += s.excused();
            absent += s.absent();
            detected += s.detected();
            if (s.flagged()) flagged++;
        }
        return new Views.MonthFigures(first, participants, expected, attended, excused, absent, detected, flagged);
    }

    Answer submitReferral(Request req, String csrf) {
        Caller caller = req.session().caller();
        List<Settings.Programme> programmes = partnerProgrammes(caller);
        String formId = req.form().getOrDefault("formId", "");
        if (!FORM_ID.matcher(formId).matches()) formId = newFormId();
        ReferralForm.Parsed parsed = ReferralForm.parse(req.form(), WorkingDays.today(clock));
        if (!parsed.errors().isEmpty()) {
            Map<String, String> shown = notEchoed(req.form(), parsed.errors(), field -> field);
            return Answer.html(400, views.referralForm(req.withForm(shown), csrf, programmes, shown,
                    messages(parsed.errors(), req.lang()), formId));
        }
        try {
            ReferralService.IntakeResult result = service.submit(caller, parsed.details(), "web-" + formId,
                    parsed.receivedOn());
            String done = result.answer().overQuota() ? "sentOverQuota" : "sent";
            return Answer.redirect("/app/referrals/" + result.answer().referralId() + "?done=" + done);
        } catch (ValidationException e) {
            // the service's own rules (the desired start's window): beside the field, as the API names it
            return Answer.html(400, views.referralForm(req, csrf, programmes, notEchoed(req.form(), e.errors(), f -> f),
                    messages(e.errors(), req.lang()), formId));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) throw e;
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(e.field() == null ? "form" : e.field(), Texts.api(e.code(), req.lang(), e.args()));
            return Answer.html(e.kind() == DomainException.Kind.CONFLICT ? 409 : 422,
                    views.referralForm(req, csrf, programmes, req.form(), errors, formId));
        }
    }

    /**
     * The form's values to show again beside the errors, without a value refused for what it holds
     * (a CPR-like number, control characters): the page never echoes those back.
     */
    static Map<String, String> notEchoed(Map<String, String> form, List<FieldError> errors,
                                         java.util.function.UnaryOperator<String> formField) {
        Map<String, String> out = new LinkedHashMap<>(form);
        for (FieldError e : errors) {
            if (TextField.CPR_NUMBER.equals(e.code()) || TextField.CONTROL_CHARACTERS.equals(e.code())) {
                out.remove(formField.apply(e.field()));
            }
        }
        return out;
    }

    private static Map<String, String> messages(List<FieldError> errors, Language lang) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError e : errors) out.merge(e.field(), Texts.api(e.code(), lang, e.args()), (a, b) -> a);
        return out;
    }

    private List<Views.ProgrammeReferrals> listForStaff(Caller caller, ReferralStatus status) {
        return service.programmesOf(caller).stream()
                .map(p -> new Views.ProgrammeReferrals(p, service.programmeReferrals(caller, p.id(), status))).toList();
    }

    private List<Settings.Programme> partnerProgrammes(Caller caller) {
        return settings.current().programmes().stream().filter(p -> p.partner(caller.id()).isPresent()).toList();
    }

    private static String home(Session s) {
        return switch (s.caller().role()) {
            case JOBCENTRE -> "/app/referrals";
            case STAFF -> s.owner() ? "/app/overview" : "/app/participants";
            case ADMIN -> AdminPages.ROOT;
        };
    }

    private static void requireJobcentre(Caller caller) {
        if (caller.role() != Caller.Role.JOBCENTRE) throw DomainException.notFound("route.notFound");
    }

    /**
     * A report the archive lists for one of the owner's programmes (only those; no key is built from the URL),
     * else 404; a caller who is not the owner is refused first.
     */
    private ReportArchive.Stored ownersReport(Request req, Caller caller, String programmeId, String month,
                                              String madeAt) {
        requireOwner(req);
        if (service.programmesOf(caller).stream().noneMatch(p -> p.id().equals(programmeId))) {
            throw DomainException.notFound("route.notFound");
        }
        return reports.list(programmeId).stream().filter(x -> x.month().equals(month) && x.madeAt().equals(madeAt))
                .findFirst().orElseThrow(() -> DomainException.notFound("route.notFound"));
    }

    /** The owner's pages: 404 for anyone not staff, 403 for staff who are not project owners, 404 without reports. */
    private void requireOwner(Request req) {
        requireStaff(req.session().caller());
        if (!req.session().owner()) throw DomainException.forbidden("role.ownerOnly");
        if (reports == null) throw DomainException.notFound("route.notFound");
    }

    private static void requireStaff(Caller caller) {
        if (caller.role() != Caller.Role.STAFF) throw DomainException.notFound("route.notFound");
    }

    // ---------------------------------------------------------------- login

    Answer loginPage(Request req) {
        if (web.localUsers() == null && cognito != null) {
            CognitoLogin.Start start = cognito.start(web.sessionKey(), clock.instant());
            return Answer.redirect(start.location()).withCookie(CognitoLogin.COOKIE + "=" + start.cookieValue()
                    + "; Path=/app/auth; Max-Age=600; HttpOnly; SameSite=Lax" + (web.secureCookies() ? "; Secure" : ""));
        }
        if (web.localUsers() == null) {
            return Answer.html(200, views.message(req.lang(), null, web, "login.title", "login.notConfigured"));
        }
        return Answer.html(200, LoginPage.localLogin(req, LocalUsers.read(web.localUsers()), settings.current()));
    }

    Answer login(Request req, Instant now) {
        if (web.localUsers() == null) {
            return Answer.html(404, views.message(req.lang(), null, web, "error.notFound.title", "error.notFound"));
        }
        String name = req.form().getOrDefault("user", "");
        Optional<LocalUsers.User> user = LocalUsers.read(web.localUsers()).stream()
                .filter(u -> u.name().equals(name)).findFirst();
        if (user.isEmpty()) {
            return Answer.html(400, LoginPage.localLogin(req, LocalUsers.read(web.localUsers()), settings.current()));
        }
        return startSession(req, user.get().claims(), now);
    }

    private Answer startSession(Request req, Map<String, String> claims, Instant now) {
        Caller caller;
        try {
            caller = callerFrom(claims);
        } catch (ApiError e) {
            return Answer.html(403, views.message(req.lang(), null, web, "error.forbidden.title", "error.role"));
        }
        boolean owner = caller.role() == Caller.Role.STAFF && groups(claims.get("cognito:groups")).contains(web.ownerGroup());
        Session s = Session.start(caller, owner, now, web.sessionIdle());
        audit.record(new AuditEntry("web:session", caller.id(), "web.login", now));
        Answer a = Answer.redirect(home(s)).withCookie(sessionCookie(s));
        if (caller.role() != Caller.Role.JOBCENTRE) return a;
        // for the referral form: the caseworker's own name and email, if the login gave them
        return a.withCookie(CaseworkerLogin.COOKIE + "=" + CaseworkerLogin.from(claims).map(c -> c.encode(web.sessionKey(), s)
                .concat("; Max-Age=" + web.sessionMax().getSeconds())).orElse("; Max-Age=0")
                + "; Path=/app/referrals; HttpOnly; SameSite=Lax" + (web.secureCookies() ? "; Secure" : ""));
    }

    /** Back from Cognito's managed login: the code exchanged for the user's claims, then the same session as locally. */
    Answer callback(Request req, Map<String, String> cookies, Instant now) {
        // no login service configured (the local runner, tests): there is no such page
        if (cognito == null) {
            return Answer.html(404, views.message(req.lang(), req.session(), web, "error.notFound.title", "error.notFound"));
        }
        Map<String, String> claims;
        try {
            claims = cognito.finish(req.query().get("code"), req.query().get("state"), cookies.get(CognitoLogin.COOKIE),
                    web.sessionKey(), now);
        } catch (CognitoLogin.Refused e) {
            Log.warn("webApp.loginRefused", "reason", e.getMessage());
            return Answer.html(403, views.message(req.lang(), null, web, "error.forbidden.title", "error.login"));
        }
        Answer a = startSession(req, claims, now);
        return a.withCookie(CognitoLogin.COOKIE + "=; Path=/app/auth; Max-Age=0; HttpOnly; SameSite=Lax"
                + (web.secureCookies() ? "; Secure" : ""));
    }

    /** Exactly the API's rule (HttpApi.caller): the claims, as the JWT authorizer would pass them. */
    private Caller callerFrom(Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder().withAuthorizer(
                        APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(
                                APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(new HashMap<>(claims)).build()).build()).build()).build();
        return HttpApi.caller(e, config, settings::current);
    }

    static List<String> groups(String claim) {
        if (claim == null || claim.isBlank()) return List.of();
        String s = claim.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        return List.of(s.replace("\"", "").split("[,\\s]+"));
    }

    private String sessionCookie(Session s) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), s.expiresAt()).getSeconds());
        return web.cookieName() + "=" + s.encode(web.sessionKey()) + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Lax" + (web.secureCookies() ? "; Secure" : "");
    }

    private static String newFormId() {
        byte[] b = new byte[18];
        new java.security.SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---------------------------------------------------------------- HTTP plumbing

    static final String CSP = "default-src 'none'; style-src " + Html.STYLE_HASH + "; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static APIGatewayV2HTTPResponse response(Answer a, Language lang) {
        Map<String, String> headers = new HashMap<>(a.headers());
        if (a.body() != null) headers.putIfAbsent("content-type", "text/html; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("content-language", lang == Language.EN ? "en" : "da");
        headers.putIfAbsent("content-security-policy", CSP);
        headers.put("referrer-policy", "no-referrer");
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("x-robots-tag", "noindex, nofollow");
        headers.put("strict-transport-security", "max-age=31536000");
        headers.put("vary", "Cookie, Accept-Language");
        var b = APIGatewayV2HTTPResponse.builder().withStatusCode(a.status()).withHeaders(headers)
                .withBody(a.body() == null ? "" : a.body());
        if (!a.cookies().isEmpty()) b.withCookies(a.cookies());
        if (a.base64()) b.withIsBase64Encoded(true);
        return b.build();
    }

    /** A POST another site made the browser send: refused before anything else is looked at. */
    static boolean crossSite(APIGatewayV2HTTPEvent event) {
        String site = HttpApi.header(event, "sec-fetch-site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) return true;
        String origin = HttpApi.header(event, "origin");
        String host = HttpApi.header(event, "host");
        // with Referrer-Policy no-referrer a browser sends "Origin: null" even for its own forms:
        // then Sec-Fetch-Site (above) and the CSRF token decide
        if (origin == null || host == null || origin.equals("null")) return false;
        String authority = origin.replaceFirst("^[a-z]+://", "");
        return !authority.equalsIgnoreCase(host);
    }

    static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String rk = event.getRouteKey();
        return rk != null && rk.contains(" ") ? rk.substring(0, rk.indexOf(' ')).toUpperCase(Locale.ROOT) : "GET";
    }

    static String path(APIGatewayV2HTTPEvent event) {
        String p = event.getRawPath() == null ? "/app" : event.getRawPath();
        if (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    private static String pathForLog(String path) {
        return Routes.REFERRAL_PATH.matcher(path).matches() ? path.replaceFirst("R[0-9A-Z]{12}", "{id}") : path;
    }

    static Map<String, String> cookies(APIGatewayV2HTTPEvent event) {
        Map<String, String> out = new HashMap<>();
        List<String> raw = new ArrayList<>();
        if (event.getCookies() != null) raw.addAll(event.getCookies());
        String header = HttpApi.header(event, "cookie");
        if (header != null) raw.addAll(List.of(header.split(";")));
        for (String c : raw) {
            for (String part : c.split(";")) {
                int eq = part.indexOf('=');
                if (eq <= 0) continue;
                out.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return out;
    }

    static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        Map<String, String> q = event.getQueryStringParameters();
        return q == null ? Map.of() : q;
    }

    /** The posted form ({@link HttpApi#form}), or null if it is not a urlencoded form within the size limit. */
    static Map<String, String> form(APIGatewayV2HTTPEvent event) {
        return HttpApi.form(event, MAX_FORM_BYTES);
    }
}
