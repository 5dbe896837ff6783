package dk.rampe.followup.page;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.HttpRequests;
import dk.rampe.attendance.AbsenceDetection;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.attendance.TodaysList;
import dk.rampe.attendance.TodaysListPage;
import dk.rampe.attendance.TodaysListTokens;
import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.log.Log;
import dk.rampe.log.Metrics;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Today's list on the public page function, next to the follow-up page:
 * <ul>
 * <li>{@code GET /t/{token}}: the consultant's participants expected today, each with one-tap
 *     buttons and what is registered so far; {@code HEAD} answers as GET without the body (and is not
 *     audited as a view: no data went out);</li>
 * <li>{@code POST /t/{token}}: one tap (a urlencoded form: {@code list}, {@code referral},
 *     {@code status} present|late|sick|absent, {@code arrival} for late) or the undo ({@code undo}
 *     = the tap's registration id), answered 303 to the list with a banner (POST-redirect-GET);
 *     an invalid form answers the list with the error and writes nothing.</li>
 * </ul>
 * The signed link is the key (as for {@code /f/}); the form also carries the list id, and a POST
 * the browser says came from another site is refused. Danish by default; English by the switch on
 * the page ({@code ?lang=en}), else the consultant's language in the settings, else Accept-Language.
 * The rules live in {@link TodaysListPage} (core); this class parses and renders.
 * <p>The page trusts the 07:30 run for the holiday calendar (no list is sent on a public holiday), so
 * this function carries no holiday library: its calendar knows weekends and closing days.
 */
final class TodaysListPageHandler {
    static final String PREFIX = "/t/";

    private final TodaysListPage service;
    private final Page headers;
    private final ListPage page;
    private final Clock clock;

    TodaysListPageHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock, Page headers) {
        DynamoSettingsStore settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        DynamoAttendanceStore store = new DynamoAttendanceStore(dynamo, config.table());
        // the one working-day calendar, as every function decides days (public holidays and closing days)
        dk.rampe.schedule.WorkingDays calendar = dk.rampe.calendar.DanishHolidays.workingDays(settings::current);
        DynamoReferralStore referrals = new DynamoReferralStore(dynamo, config.table(), audit);
        TodaysList lists = new TodaysList(settings::current, referrals, store,
                calendar, programmeId -> AttendanceRules.of(settings::current, programmeId));
        // a tap after the nudge closes the day's absence follow-up, and a correction back to absent after the
        // cutoff opens it again with its escalation rules: the same rule as the API's and the web app's taps
        AbsenceDetection afterTap = new AbsenceDetection(referrals, store, null, calendar,
                FollowUps.service(config, nudges, dynamo, clock, settings).withLinkWorkingDays(calendar),
                programmeId -> AttendanceRules.of(settings::current, programmeId), config.publicBaseUrl(),
                settings::current);
        AttendanceService attendance = new AttendanceService(store, calendar,
                programmeId -> AttendanceRules.of(settings::current, programmeId), clock, audit)
                .afterRegistration((referral, registration) -> afterTap.registered(referral, registration, clock.instant()));
        this.service = new TodaysListPage(lists, new TodaysListTokens(nudges.tokenKey()), attendance, settings::current,
                audit, clock);
        this.headers = headers;
        this.page = new ListPage(config.zone(), nudges.productName());
        this.clock = clock;
    }

    static boolean isListRoute(APIGatewayV2HTTPEvent event) {
        String rk = event.getRouteKey();
        if (rk != null && rk.endsWith(" /t/{token}")) return true;
        return rk == null && event.getRawPath() != null && event.getRawPath().startsWith(PREFIX);
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        String method = FollowUpPageHandler.method(event);
        String token = token(event);
        String chosen = chosenLanguage(event);
        Language fallback = chosen != null ? Language.from(chosen) : HttpRequests.language(event);
        APIGatewayV2HTTPResponse response;
        String outcome;
        try {
            if ("GET".equals(method) || "HEAD".equals(method)) {
                TodaysListPage.View v = service.view(token, query(event, "done"), query(event, "undone"),
                        "GET".equals(method));
                outcome = v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
                response = render(v, token, chosen, fallback);
            } else if ("POST".equals(method)) {
                TodaysListPage.Post p = post(event, token);
                if (p == null) {
                    // a form that cannot be read (bytes that are not UTF-8, a field twice): 400, as the follow-up page
                    outcome = "badForm";
                    response = headers.html(400, page.message(fallback, PageTexts.t("refusedTitle", fallback),
                            PageTexts.t("refused", fallback)), fallback, Map.of());
                } else {
                    outcome = p.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
                    response = render(p, token, chosen, fallback);
                }
            } else {
                outcome = "methodNotAllowed";
                response = headers.html(405, page.message(fallback, PageTexts.t("list.title", fallback),
                        PageTexts.t("methodNotAllowed", fallback)), fallback, Map.of("allow", "GET, HEAD, POST"));
            }
        } catch (RuntimeException e) {
            Log.error("todaysListPage.failed", e, "method", method);
            Metrics.count("UnexpectedErrors");
            outcome = "error";
            response = headers.html(500, page.message(fallback, PageTexts.t("refusedTitle", fallback),
                    PageTexts.t("failed", fallback)), fallback, Map.of());
        }
        if ("HEAD".equals(method)) response = Page.withoutBody(response);
        Log.info("todaysListPage", "method", method, "outcome", outcome,
                "status", Integer.toString(response.getStatusCode()),
                "ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        return response;
    }

    /** The post's answer; null for a form that cannot be read (refused and audited as such). */
    private TodaysListPage.Post post(APIGatewayV2HTTPEvent event, String token) {
        if (crossSite(event)) return service.refusedPost("crossSite");
        Map<String, String> form = HttpRequests.form(event, FollowUpPageHandler.MAX_FORM_BYTES);
        if (form == null) {
            service.refusedPost("unreadableForm");
            return null;
        }
        return service.post(token, form);
    }

    private APIGatewayV2HTTPResponse render(Object answer, String token, String chosen, Language fallback) {
        if (answer instanceof TodaysListPage.Show s) {
            Language l = language(chosen, s.context(), fallback);
            return headers.html(200, page.list(l, s.context(), token, query(chosen), s.banner(), null, clock.instant()),
                    l, Map.of());
        }
        if (answer instanceof TodaysListPage.Done d) {
            String q = (d.undo() ? "?undone=" : "?done=") + d.registrationId()
                    + (chosen == null ? "" : "&lang=" + chosen);
            return headers.html(303, "", fallback, Map.of("location", PREFIX + token + q));
        }
        if (answer instanceof TodaysListPage.Invalid i) {
            Language l = language(chosen, i.context(), fallback);
            return headers.html(i.status(), page.list(l, i.context(), token, query(chosen), null, i, clock.instant()),
                    l, Map.of());
        }
        if (answer instanceof TodaysListPage.Expired x) {
            return headers.html(410, page.expired(fallback, x.date()), fallback, Map.of());
        }
        return headers.html(403, page.message(fallback, PageTexts.t("refusedTitle", fallback),
                PageTexts.t("refused", fallback)), fallback, Map.of());
    }

    /** The switch on the page, else the consultant's language, else the browser's. */
    private static Language language(String chosen, TodaysListPage.Context c, Language fallback) {
        if (chosen != null) return Language.from(chosen);
        return c.consultantLanguage() != null ? c.consultantLanguage() : fallback;
    }

    private static String query(String chosen) {
        return chosen == null ? "" : "?lang=" + chosen;
    }

    /** {@code ?lang=da|en} when the page's switch was used; anything else is ignored. */
    static String chosenLanguage(APIGatewayV2HTTPEvent event) {
        String l = query(event, "lang");
        return "da".equals(l) || "en".equals(l) ? l : null;
    }

    static String query(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> q = event.getQueryStringParameters();
        String v = q == null ? null : q.get(name);
        return v == null || v.length() > 64 ? null : URLEncoder.encode(v, StandardCharsets.UTF_8).equals(v) ? v : null;
    }

    static String token(APIGatewayV2HTTPEvent event) {
        String t = HttpRequests.pathParameter(event, "token");
        if (t == null && event.getRawPath() != null && event.getRawPath().startsWith(PREFIX)) {
            t = event.getRawPath().substring(PREFIX.length());
        }
        return t;
    }

    /** A POST the browser made for another site (Sec-Fetch-Site), or whose Origin names another host. */
    static boolean crossSite(APIGatewayV2HTTPEvent event) {
        String site = HttpRequests.header(event, "sec-fetch-site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) return true;
        String origin = HttpRequests.header(event, "origin");
        String host = HttpRequests.header(event, "host");
        // with Referrer-Policy no-referrer a browser sends "Origin: null" for the page's own forms
        if (origin == null || host == null || origin.equals("null")) return false;
        return !origin.replaceFirst("^[a-z]+://", "").equalsIgnoreCase(host);
    }
}
