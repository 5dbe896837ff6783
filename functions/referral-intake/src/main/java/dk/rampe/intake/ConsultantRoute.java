package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.ReferralService;
import java.util.Set;

/** {@code PUT /v1/referrals/{referralId}/consultant}: names the participant's consultant. */
final class ConsultantRoute implements Route {
    static final String KEY = "PUT /v1/referrals/{referralId}/consultant";

    private final ReferralService service;
    private final int maxBodyBytes;

    ConsultantRoute(ReferralService service, int maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("consultantId"));
        JsonReader r = new JsonReader();
        String consultantId = r.text(body, "", "consultantId", true, 64);
        r.throwIfAny();
        return Requests.staffView(service.assignConsultant(req.caller(), Requests.referralId(req.event()), consultantId));
    }
}
