package dk.rampe.web;

import dk.rampe.web.WebAppHandler.Answer;
import dk.rampe.web.WebAppHandler.Request;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app's routes, one table: method, path, who may call it, and what answers it. {@link WebAppHandler}
 * finds the first route that matches, answers an {@link Access#ANYONE} route before it looks at the session,
 * and checks every other route's access before its answer runs: a caller of another role gets 404 (the page
 * does not exist for them), a staff member who is not a project owner 403 on the owner's pages, anyone but an
 * administrator 403 on the settings. A path that matches no route is 404 (GET without a session: the login).
 */
final class Routes {
    /** Who may call a route. */
    enum Access {
        /** No session needed: the login, its callback, the logged-out page, the choice of language. */
        ANYONE,
        /** Anyone signed in; a referral's pages are scoped by the referral service to what the caller may see. */
        SIGNED_IN,
        /** A caseworker of a jobcentre. */
        JOBCENTRE,
        /** Staff of a programme (a consultant, a project owner). */
        STAFF,
        /** Staff who are project owners (Cognito group rampe-owner). */
        OWNER,
        /** An administrator of the settings (rampe-admin). */
        ADMIN
    }

    /** What answers a route: the handler, the request, the path as matched (its groups) and the time. */
    @FunctionalInterface
    interface Handler {
        Answer answer(WebAppHandler app, Request req, Matcher path, Instant now);
    }

    /**
     * One route. {@code method} null takes GET and POST (the settings pages route their own parts);
     * {@code refusal} is the text of the 403 page for staff who are not project owners.
     */
    record Route(String method, Pattern path, Access access, String refusal, Handler handler) {
        String describe() {
            return (method == null ? "GET|POST" : method) + " " + path.pattern();
        }
    }

    /** A route found for a request, with the path as matched. */
    record Found(Route route, Matcher path) {
    }

    private static final String ID = "(R[0-9A-HJKMNP-TV-Z]{12})";
    private static final String REPORT = "/app/reports/([A-Za-z0-9_-]{1,64})/([0-9]{4}-[0-9]{2})/([0-9A-Za-z.:_-]{1,40})";
    /** The participant's tasks, each a page (GET, staff) and a form (POST, staff). */
    private static final String TASKS = "(visitation|enrolment|exit|plan|plan/print|attendance-plan|attendance-agreement"
            + "|attendance|milestone|follow-up|follow-up-plan|follow-ups)";
    /** A referral's pages, with or without a task (the log names the referral {id}). */
    static final Pattern REFERRAL_PATH = Pattern.compile("^/app/referrals/" + ID + "(/" + TASKS + ")?$");

    static final List<Route> TABLE = List.of(
            route("GET", "/app/login", Access.ANYONE, (app, req, m, now) -> app.loginPage(req)),
            route("POST", "/app/login", Access.ANYONE, (app, req, m, now) -> app.login(req, now)),
            route("GET", "/app/auth/callback", Access.ANYONE, (app, req, m, now) -> app.callback(req, req.cookies(), now)),
            route("GET", CognitoLogin.LOGGED_OUT, Access.ANYONE, (app, req, m, now) -> app.loggedOut(req)),
            route("GET", "/app/lang", Access.ANYONE, (app, req, m, now) -> app.language(req)),

            route("GET", "/app", Access.SIGNED_IN, (app, req, m, now) -> app.start(req)),
            route("POST", "/app/logout", Access.SIGNED_IN, (app, req, m, now) -> app.logout(req, now)),

            route("GET", "/app/referrals", Access.JOBCENTRE, (app, req, m, now) -> app.jobcentreList(req)),
            route("GET", "/app/referrals/new", Access.JOBCENTRE, (app, req, m, now) -> app.referralForm(req)),
            route("POST", "/app/referrals", Access.JOBCENTRE, (app, req, m, now) -> app.submitReferral(req, req.csrf(app.sessionKey()))),

            route("GET", "/app/queue", Access.STAFF, (app, req, m, now) -> app.queue(req)),
            route("GET", "/app/today", Access.STAFF, (app, req, m, now) -> app.today(req)),
            route("GET", "/app/participants", Access.STAFF, (app, req, m, now) -> app.participants(req)),

            new Route("GET", Pattern.compile("^/app/overview$"), Access.OWNER, "error.ownerOnly",
                    (app, req, m, now) -> app.overview(req, now)),
            route("GET", "/app/reports", Access.OWNER, (app, req, m, now) -> app.reports(req)),
            pattern("GET", "^" + REPORT + "/figures\\.csv$", Access.OWNER, (app, req, m, now) -> app.reportCsv(req, m, now)),
            pattern("GET", "^" + REPORT + "$", Access.OWNER, (app, req, m, now) -> app.report(req, m, now)),

            pattern("GET", "^/app/referrals/" + ID + "$", Access.SIGNED_IN,
                    (app, req, m, now) -> app.referralPage(req, m.group(1))),
            pattern("GET", "^/app/referrals/" + ID + "/plan/print$", Access.SIGNED_IN,
                    (app, req, m, now) -> app.planPrint(req, m.group(1))),
            pattern("GET", "^/app/referrals/" + ID + "/" + TASKS + "$", Access.STAFF,
                    (app, req, m, now) -> app.taskForm(req, m.group(1), m.group(2))),
            pattern("POST", "^/app/referrals/" + ID + "/" + TASKS + "$", Access.STAFF,
                    (app, req, m, now) -> app.act(req, req.csrf(app.sessionKey()), m.group(1), m.group(2))),

            // the settings pages and the import route their own parts (AdminPages, ImportPage)
            pattern(null, "^" + Pattern.quote(AdminPages.ROOT) + "(/.*)?$", Access.ADMIN,
                    (app, req, m, now) -> app.admin(req)));

    private Routes() {
    }

    /** The first route for this method and path, if any. */
    static Optional<Found> find(String method, String path) {
        for (Route r : TABLE) {
            if (r.method() != null && !r.method().equals(method)) continue;
            Matcher m = r.path().matcher(path);
            if (m.matches()) return Optional.of(new Found(r, m));
        }
        return Optional.empty();
    }

    private static Route route(String method, String path, Access access, Handler handler) {
        return new Route(method, Pattern.compile("^" + Pattern.quote(path) + "$"), access, "error.role", handler);
    }

    private static Route pattern(String method, String regex, Access access, Handler handler) {
        return new Route(method, Pattern.compile(regex), access, "error.role", handler);
    }
}
