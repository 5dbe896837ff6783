package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import dk.rampe.api.Messages;
import dk.rampe.core.Caller;
import dk.rampe.json.Json;
import dk.rampe.json.ReferralCodec;
import dk.rampe.path.PathService;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralService;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code POST /v1/referrals} (a jobcentre refers a citizen) and {@code GET /v1/referrals/{referralId}}. */
final class ReferralsRoute {
    static final String POST = "POST /v1/referrals";
    static final String GET = "GET /v1/referrals/{referralId}";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private final ReferralService service;
    private final int maxBodyBytes;
    private final dk.rampe.attendance.AttendanceService attendance;
    private final java.time.Clock clock;
    private final PathService paths;

    ReferralsRoute(ReferralService service, int maxBodyBytes) {
        this(service, maxBodyBytes, null, null, null);
    }

    /**
     * With attendance and the path: the read shows the current plan and the
     * last four weeks, and the participant's path.
     */
    ReferralsRoute(ReferralService service, int maxBodyBytes, dk.rampe.attendance.AttendanceService attendance,
                   java.time.Clock clock, PathService paths) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
        this.attendance = attendance;
        this.clock = clock;
        this.paths = paths;
    }

    APIGatewayV2HTTPResponse submit(Route.Request req) {
        String key = HttpApi.header(req.event(), "idempotency-key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key.strip()).matches()) {
            throw ApiError.field(400, "Idempotency-Key", "header.invalid");
        }
        com.fasterxml.jackson.databind.JsonNode json = HttpApi.jsonBody(req.event(), maxBodyBytes);
        ReferralDetails details = ReferralCodec.parse(json);
        ReferralService.IntakeResult result = service.submit(req.caller(), details, key == null ? null : key.strip(),
                ReferralCodec.receivedOn(json));
        ObjectNode body = Json.object();
        body.put("referralId", result.answer().referralId());
        body.put("status", "received");
        body.put("consultantId", result.answer().consultantId());
        body.put("overQuota", result.answer().overQuota());
        body.put("receivedAt", result.answer().receivedAt().toString());
        ArrayNode warnings = body.putArray("warnings");
        for (String w : result.warnings()) {
            warnings.addObject().put("code", w).put("message", Messages.text(w, req.language()));
        }
        body.putObject("links").put("self", "/v1/referrals/" + result.answer().referralId());
        Map<String, String> headers = result.replayed()
                ? Map.of("location", "/v1/referrals/" + result.answer().referralId(), "idempotent-replayed", "true")
                : Map.of("location", "/v1/referrals/" + result.answer().referralId());
        return HttpApi.json(201, body, headers);
    }

    APIGatewayV2HTTPResponse read(Route.Request req) {
        Referral r = service.read(req.caller(), Requests.referralId(req.event()));
        boolean jobcentre = req.caller().role() == Caller.Role.JOBCENTRE;
        ObjectNode view = ReferralCodec.view(r, jobcentre);
        if (attendance != null) {
            view.set("attendance", AttendanceJson.view(attendance.recent(r), dk.rampe.schedule.WorkingDays.today(clock)));
        }
        if (paths != null) PathViews.write(view, paths.path(r.id()), !jobcentre);
        return HttpApi.json(200, view);
    }
}
