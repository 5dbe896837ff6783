package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.HttpApi;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.json.Json;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;

/**
 * {@code GET /v1/referrals/{referralId}/notices}: the caseworker's notices about absence, for the
 * referring jobcentre (which can poll instead of reading email) and the programme's staff; 404 for anyone else.
 */
final class NoticesRoute implements Route {
    static final String KEY = "GET /v1/referrals/{referralId}/notices";

    private final ReferralService referrals;
    private final AttendanceService attendance;

    NoticesRoute(ReferralService referrals, AttendanceService attendance) {
        this.referrals = referrals;
        this.attendance = attendance;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        Referral referral = referrals.read(req.caller(), Requests.referralId(req.event()));
        ObjectNode out = Json.object();
        out.put("referralId", referral.id());
        ArrayNode list = out.putArray("notices");
        attendance.notices(referral).forEach(n -> list.add(AttendanceJson.notice(n)));
        return HttpApi.json(200, out);
    }
}
