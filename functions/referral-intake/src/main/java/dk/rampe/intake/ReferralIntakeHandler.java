package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import dk.rampe.api.Messages;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.platform.RampeConfig;
import dk.rampe.core.Caller;
import dk.rampe.referral.CitizenMatchKey;
import dk.rampe.core.DomainException;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.core.Language;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralService;
import dk.rampe.settings.Settings;
import dk.rampe.json.Json;
import dk.rampe.json.JsonReader;
import dk.rampe.json.ReferralCodec;
import dk.rampe.json.SettingsCodec;
import dk.rampe.log.Log;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.FollowUpStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import dk.rampe.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The referral API: jobcentres post referrals and read them back; programme staff record the
 * visitation decision, enrolment, exit and the named consultant; administrators load settings.
 * A thin handler: it parses the event, calls {@link ReferralService}, shapes the answer.
 */
public final class ReferralIntakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Pattern REFERRAL_ID = Pattern.compile("^R[0-9A-HJKMNP-TV-Z]{12}$");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private final RampeConfig config;
    private final SettingsStore settings;
    private final ReferralService service;
    private final NudgeService nudges;
    private final PlanRoute plan;

    /** Used by Lambda: everything from the environment, built once per execution environment. */
    public ReferralIntakeHandler() {
        this(RampeConfig.fromEnvironment());
    }

    private ReferralIntakeHandler(RampeConfig config) {
        this(config, NudgeConfig.fromEnvironment(), DynamoClients.create(config), Clock.systemUTC());
        // Jackson's set-up in init (snapshotted by SnapStart) instead of in the first request; BENCHMARKS.md
        Json.prime();
    }

    /** Used by tests and the local runner: the same handler with a given client and clock. */
    public ReferralIntakeHandler(RampeConfig config, DynamoDbClient dynamo, Clock clock) {
        this(config, NudgeConfig.fromEnvironment(), dynamo, clock);
    }

    public ReferralIntakeHandler(RampeConfig config, NudgeConfig nudgeConfig, DynamoDbClient dynamo, Clock clock) {
        this.config = config;
        this.settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        this.nudges = FollowUps.service(config, nudgeConfig, dynamo, clock, settings);
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        this.service = new ReferralService(new DynamoReferralStore(dynamo, config.table(), audit), settings, audit,
                clock, config.zone(), new CitizenMatchKey(config.matchKeySecret()), config.retentionAfterExit());
        this.plan = new PlanRoute(new dk.rampe.plan.PlanService(
                new dk.rampe.dynamodb.DynamoPlanStore(dynamo, config.table(), audit), service, clock));
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
            response = route(event, caller, language);
        } catch (RuntimeException e) {
            response = HttpApi.problem(e, language, requestId);
        }
        Log.info("request", "requestId", requestId, "route", String.valueOf(event.getRouteKey()), "role", role,
                "status", Integer.toString(response.getStatusCode()),
                "ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        return response;
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event, Caller caller, Language language) {
        String routeKey = event.getRouteKey() == null ? "" : event.getRouteKey();
        return switch (routeKey) {
            case "POST /v1/referrals" -> submit(event, caller, language);
            case "GET /v1/referrals/{referralId}" -> {
                Referral r = service.read(caller, referralId(event));
                yield HttpApi.json(200, ReferralCodec.view(r, caller.role() == Caller.Role.JOBCENTRE));
            }
            case "GET /v1/referrals/{referralId}/plan" -> plan.get(caller, referralId(event));
            case "POST /v1/referrals/{referralId}/visitation" -> visitation(event, caller);
            case "PUT /v1/referrals/{referralId}/consultant" -> {
                JsonNode body = objectBody(event, Set.of("consultantId"));
                JsonReader r = new JsonReader();
                String consultantId = r.text(body, "", "consultantId", true, 64);
                r.throwIfAny();
                yield staffView(service.assignConsultant(caller, referralId(event), consultantId));
            }
            case "POST /v1/referrals/{referralId}/enrolment" -> {
                if (event.getBody() != null && !event.getBody().isBlank()) objectBody(event, Set.of());
                yield staffView(service.enrol(caller, referralId(event)));
            }
            case "POST /v1/referrals/{referralId}/exit" -> exit(event, caller);
            case "POST /v1/referrals/{referralId}/follow-ups" -> followUp(event, caller);
            case "GET /v1/admin/settings" -> {
                requireAdmin(caller);
                yield HttpApi.json(200, SettingsCodec.write(settings.current()));
            }
            case "PUT /v1/admin/settings" -> {
                requireAdmin(caller);
                Settings parsed = SettingsCodec.parse(HttpApi.jsonBody(event, config.maxBodyBytes() * 4));
                settings.replace(parsed, caller.id());
                Log.info("settings.replaced", "by", caller.id(), "programmes", Integer.toString(parsed.programmes().size()));
                yield HttpApi.json(200, SettingsCodec.write(parsed));
            }
            default -> throw ApiError.of(404, "route.notFound");
        };
    }

    private APIGatewayV2HTTPResponse submit(APIGatewayV2HTTPEvent event, Caller caller, Language language) {
        String key = HttpApi.header(event, "idempotency-key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key.strip()).matches()) {
            throw ApiError.field(400, "Idempotency-Key", "header.invalid");
        }
        ReferralDetails details = ReferralCodec.parse(HttpApi.jsonBody(event, config.maxBodyBytes()));
        ReferralService.IntakeResult result = service.submit(caller, details, key == null ? null : key.strip(),
                fingerprint(details));
        ObjectNode body = Json.object();
        body.put("referralId", result.answer().referralId());
        body.put("status", "received");
        body.put("consultantId", result.answer().consultantId());
        body.put("overQuota", result.answer().overQuota());
        body.put("receivedAt", result.answer().receivedAt().toString());
        ArrayNode warnings = body.putArray("warnings");
        for (String w : result.warnings()) {
            warnings.addObject().put("code", w).put("message", Messages.text(w, language));
        }
        body.putObject("links").put("self", "/v1/referrals/" + result.answer().referralId());
        Map<String, String> headers = result.replayed()
                ? Map.of("location", "/v1/referrals/" + result.answer().referralId(), "idempotent-replayed", "true")
                : Map.of("location", "/v1/referrals/" + result.answer().referralId());
        return HttpApi.json(201, body, headers);
    }

    private APIGatewayV2HTTPResponse visitation(APIGatewayV2HTTPEvent event, Caller caller) {
        JsonNode body = objectBody(event, Set.of("decision", "reason"));
        JsonReader r = new JsonReader();
        String decisionText = r.text(body, "", "decision", true, 32);
        String reason = r.text(body, "", "reason", false, 1000);
        ReferralService.VisitationDecision decision = null;
        if (decisionText != null) {
            decision = ReferralService.VisitationDecision.fromWire(decisionText).orElse(null);
            if (decision == null) r.add("decision", "enum", "accepted, declined, outside_target_group");
        }
        r.throwIfAny();
        return staffView(service.recordVisitation(caller, referralId(event), decision, reason));
    }

    private APIGatewayV2HTTPResponse exit(APIGatewayV2HTTPEvent event, Caller caller) {
        JsonNode body = objectBody(event, Set.of("outcome", "note"));
        JsonReader r = new JsonReader();
        String outcomeText = r.text(body, "", "outcome", true, 32);
        String note = r.text(body, "", "note", false, 2000);
        ExitOutcome outcome = null;
        if (outcomeText != null) {
            outcome = ExitOutcome.fromWire(outcomeText).orElse(null);
            if (outcome == null) r.add("outcome", "enum", ExitOutcome.wireNames());
        }
        r.throwIfAny();
        return staffView(service.exit(caller, referralId(event), outcome, note));
    }

    /**
     * Staff plan a follow-up for the referral's consultant: the task and its nudges (email and/or
     * SMS, as the consultant prefers) are written in one transaction. The same kind and due time
     * for the same referral is the same decision: posting it again creates and sends nothing.
     */
    private APIGatewayV2HTTPResponse followUp(APIGatewayV2HTTPEvent event, Caller caller) {
        JsonNode body = objectBody(event, Set.of("kind", "dueAt"));
        JsonReader r = new JsonReader();
        String kindText = r.text(body, "", "kind", true, 32);
        String dueText = r.text(body, "", "dueAt", true, 40);
        FollowUpKind kind = null;
        if (kindText != null) {
            kind = FollowUpKind.fromWire(kindText).orElse(null);
            if (kind == null) r.add("kind", "enum", "follow_up_due, absence_today, aftercare_call_due, generic");
        }
        Instant dueAt = null;
        if (dueText != null) {
            try {
                dueAt = OffsetDateTime.parse(dueText).toInstant();
            } catch (DateTimeParseException e) {
                r.add("dueAt", "dateTime.invalid");
            }
        }
        r.throwIfAny();
        Referral referral = service.activeReferralForStaff(caller, referralId(event));
        FollowUpStore.CreateResult result = nudges.create(new NudgeService.NewFollowUp(kind, referral.programmeId(),
                referral.id(), referral.consultantId(), dueAt, null, "planned:" + dueAt), caller.id());
        boolean created = result instanceof FollowUpStore.Created;
        FollowUpTask task = created ? ((FollowUpStore.Created) result).task() : ((FollowUpStore.AlreadyExists) result).task();
        ObjectNode out = Json.object();
        out.put("taskId", task.taskId());
        out.put("referralId", task.referralId());
        out.put("kind", task.kind().wireName());
        out.put("consultantId", task.consultantId());
        out.put("dueAt", task.dueAt().toString());
        out.put("status", task.isOpen() ? "open" : "closed");
        return HttpApi.json(created ? 201 : 200, out);
    }

    private JsonNode objectBody(APIGatewayV2HTTPEvent event, Set<String> fields) {
        JsonNode body = HttpApi.jsonBody(event, config.maxBodyBytes());
        JsonReader r = new JsonReader();
        if (!body.isObject()) r.add("body", "type.object");
        else r.onlyKnown(body, "", fields);
        r.throwIfAny();
        return body;
    }

    private static APIGatewayV2HTTPResponse staffView(Referral r) {
        return HttpApi.json(200, ReferralCodec.view(r, false));
    }

    private static String referralId(APIGatewayV2HTTPEvent event) {
        String id = HttpApi.pathParameter(event, "referralId");
        if (id == null || !REFERRAL_ID.matcher(id).matches()) throw DomainException.notFound("referral.notFound");
        return id;
    }

    private static void requireAdmin(Caller caller) {
        if (caller.role() != Caller.Role.ADMIN) throw DomainException.forbidden("role.adminOnly");
    }

    /** SHA-256 of the normalised referral: the same referral, however it was formatted, gives the same value. */
    static String fingerprint(ReferralDetails details) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(ReferralCodec.write(details)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
