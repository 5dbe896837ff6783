package dk.rampe.followup.page;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.HttpApi;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.NudgeService;
import dk.rampe.log.Log;
import dk.rampe.audit.AuditEntry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one-tap follow-up page, public (no JWT: the signed token in the link is the capability):
 * <ul>
 * <li>{@code GET /f/{token}} shows what is due, with the form (or that it is closed);</li>
 * <li>{@code POST /f/{token}} records the outcome in one form post and closes the task;
 *     posting again changes nothing.</li>
 * </ul>
 * A tampered, expired or other-task token gets a plain refusal page and no data. Every view and
 * post is written to the audit log. Plain HTML, no JavaScript.
 */
public final class FollowUpPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final int MAX_FORM_BYTES = 8192;
    private static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)\\d{6}[- ]?\\d{4}(?!\\d)");

    private final FollowUpTokens tokens;
    private final NudgeService service;
    private final DynamoAuditLog audit;
    private final Clock clock;
    private final Page page;

    /** Used by Lambda: everything from the environment. */
    public FollowUpPageHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private FollowUpPageHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Clock.systemUTC());
    }

    /** Used by tests and the local runner. */
    public FollowUpPageHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        this.tokens = FollowUps.tokens(nudges);
        this.service = FollowUps.service(config, nudges, dynamo, clock);
        this.audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        this.clock = clock;
        this.page = new Page(config.zone());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        Language language = HttpApi.language(event);
        String method = method(event);
        String token = token(event);
        APIGatewayV2HTTPResponse response;
        String outcome;
        try {
            if (!"GET".equals(method) && !"POST".equals(method)) {
                outcome = "methodNotAllowed";
                response = page.html(405, page.message(language, PageTexts.t("title", language),
                        PageTexts.t("methodNotAllowed", language)), language, Map.of("allow", "GET, POST"));
            } else {
                Result r = "GET".equals(method) ? view(token, language) : post(event, token, language);
                outcome = r.outcome();
                response = r.response();
            }
        } catch (RuntimeException e) {
            Log.error("followUpPage.failed", "exception", e.getClass().getName());
            outcome = "error";
            response = page.html(500, page.message(language, PageTexts.t("refusedTitle", language),
                    PageTexts.t("refused", language)), language, Map.of());
        }
        Log.info("followUpPage", "method", method, "outcome", outcome,
                "status", Integer.toString(response.getStatusCode()),
                "ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        return response;
    }

    private record Result(String outcome, APIGatewayV2HTTPResponse response) {
    }

    private Result view(String token, Language language) {
        Instant now = clock.instant();
        Optional<FollowUpTask> task = check(tokens.verify(token, now), "view", now);
        if (task.isEmpty()) return refused(language);
        FollowUpTask t = task.get();
        audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor(t), "followUp.viewed", now));
        if (!t.isOpen()) return new Result("viewedClosed", page.html(200, page.closed(language, t, false), language, Map.of()));
        return new Result("viewed", page.html(200, page.form(language, t, token, Map.of(), List.of()), language, Map.of()));
    }

    private Result post(APIGatewayV2HTTPEvent event, String token, Language language) {
        Instant now = clock.instant();
        Map<String, String> form = form(event);
        if (form == null) {
            check(new FollowUpTokens.Refused(FollowUpTokens.Reason.MALFORMED), "post", now);
            return new Result("badForm", page.html(400, page.message(language, PageTexts.t("refusedTitle", language),
                    PageTexts.t("refused", language)), language, Map.of()));
        }
        String formTask = form.getOrDefault("task", "");
        Optional<FollowUpTask> task = check(tokens.verifyFor(token, formTask, now), "post", now);
        if (task.isEmpty()) return refused(language);
        FollowUpTask t = task.get();
        if (!t.isOpen()) {
            audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor(t), "followUp.postRepeated", now));
            return new Result("alreadyClosed", page.html(200, page.closed(language, t, false), language, Map.of()));
        }
        List<String> errors = new ArrayList<>();
        Boolean reached = switch (form.getOrDefault("reached", "")) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
        if (reached == null) errors.add("error.reached");
        Optional<FollowUpOutcome.Cause> cause = FollowUpOutcome.Cause.fromWire(form.getOrDefault("cause", ""));
        if (cause.isEmpty()) errors.add("error.cause");
        Optional<FollowUpOutcome.NextStep> next = FollowUpOutcome.NextStep.fromWire(form.getOrDefault("next", ""));
        if (next.isEmpty()) errors.add("error.next");
        String note = form.getOrDefault("note", "").replace("\r\n", "\n").strip();
        if (note.length() > FollowUpOutcome.MAX_NOTE) errors.add("error.noteLength");
        if (CPR_LIKE.matcher(note).find()) errors.add("error.noteCpr");
        FollowUpOutcome.Aftercare aftercare = isPathFollowUp(t) ? aftercare(form, errors) : null;
        if (!errors.isEmpty()) {
            audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor(t), "followUp.postInvalid", now));
            return new Result("invalid", page.html(400, page.form(language, t, token, form, errors), language, Map.of()));
        }
        NudgeService.Recorded recorded = service.record(t.taskId(),
                new FollowUpOutcome(reached, cause.get(), next.get(), note, aftercare), actor(t));
        if (recorded == NudgeService.Recorded.ALREADY_CLOSED) {
            // closed meanwhile (a second tab, a double tap): the first outcome stands
            audit.record(new AuditEntry(NudgeService.SUBJECT + t.taskId(), actor(t), "followUp.postRepeated", now));
            FollowUpTask closed = service.find(t.taskId()).orElse(t);
            return new Result("alreadyClosed", page.html(200, page.closed(language, closed, false), language, Map.of()));
        }
        FollowUpTask closed = service.find(t.taskId()).orElseThrow();
        return new Result("recorded", page.html(200, page.closed(language, closed, true), language, Map.of()));
    }

    /** The task a token opens, or empty (after auditing the refusal) when the token or the task is not good. */
    private Optional<FollowUpTask> check(FollowUpTokens.Check check, String what, Instant now) {
        if (check instanceof FollowUpTokens.Refused r) {
            audit.record(new AuditEntry("followup-link:refused", "link:anonymous",
                    "followUp." + what + "Refused." + r.reason().name().toLowerCase(Locale.ROOT), now));
            Log.warn("followUpPage.refused", "what", what, "reason", r.reason().name());
            return Optional.empty();
        }
        FollowUpTokens.Valid v = (FollowUpTokens.Valid) check;
        Optional<FollowUpTask> task = service.find(v.taskId());
        if (task.isEmpty()) {
            audit.record(new AuditEntry(NudgeService.SUBJECT + v.taskId(), "link:anonymous",
                    "followUp." + what + "Refused.unknownTask", now));
        }
        return task;
    }

    private Result refused(Language language) {
        return new Result("refused", page.html(403, page.message(language, PageTexts.t("refusedTitle", language),
                PageTexts.t("refused", language)), language, Map.of()));
    }

    private static String actor(FollowUpTask t) {
        return "link:" + t.consultantId();
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
        String t = HttpApi.pathParameter(event, "token");
        if (t == null && event.getRawPath() != null && event.getRawPath().startsWith("/f/")) {
            t = event.getRawPath().substring(3);
        }
        return t;
    }

    /** The posted form, or null if it is not a urlencoded form within the size limit. */
    static Map<String, String> form(APIGatewayV2HTTPEvent event) {
        String contentType = HttpApi.header(event, "content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip()
                .startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        String raw = event.getBody() == null ? "" : event.getBody();
        byte[] bytes;
        try {
            bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length > MAX_FORM_BYTES) return null;
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        try {
            for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (seen.merge(k, 1, Integer::sum) > 1) return null;
                out.put(k, v);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return out;
    }

    // --- aftercare (issue 10) ---------------------------------------------------------------------

    /** The follow-ups of the participant's path, whose form also asks how, with whom, still employed, hours. */
    static boolean isPathFollowUp(FollowUpTask t) {
        return switch (t.kind()) {
            case AFTERCARE_CALL_DUE, WORKPLACE_CHECK_DUE, RETENTION_CHECK_DUE, OUTCOME_CHECK_DUE, JOB_ENDED_CALL_DUE -> true;
            default -> false;
        };
    }

    /** The optional aftercare fields; a value that is not one of the options is an error, never stored. */
    static FollowUpOutcome.Aftercare aftercare(Map<String, String> form, List<String> errors) {
        String method = form.getOrDefault("method", "");
        String with = form.getOrDefault("withWhom", "");
        String employed = form.getOrDefault("stillEmployed", "");
        String hoursText = form.getOrDefault("hours", "").strip().replace(',', '.');
        Optional<FollowUpOutcome.Method> m = FollowUpOutcome.Method.fromWire(method);
        Optional<FollowUpOutcome.WithWhom> w = FollowUpOutcome.WithWhom.fromWire(with);
        if ((!method.isEmpty() && m.isEmpty()) || (!with.isEmpty() && w.isEmpty())
                || !(employed.isEmpty() || employed.equals("yes") || employed.equals("no"))) {
            errors.add("error.aftercare");
        }
        java.math.BigDecimal hours = null;
        if (!hoursText.isEmpty()) {
            try {
                if (hoursText.length() > 6) throw new NumberFormatException();
                hours = new java.math.BigDecimal(hoursText);
                if (hours.signum() < 0 || hours.compareTo(java.math.BigDecimal.valueOf(80)) > 0 || hours.scale() > 2) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add("error.hours");
                hours = null;
            }
        }
        return new FollowUpOutcome.Aftercare(m.orElse(null), w.orElse(null),
                employed.isEmpty() ? null : employed.equals("yes"), hours);
    }
}
