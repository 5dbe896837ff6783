package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.referral.ReferralService;
import java.util.Set;

/** {@code POST /v1/referrals/{referralId}/enrolment}: the participant starts; the body, if any, is an empty object. */
final class EnrolmentRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/enrolment";

    private final ReferralService service;
    private final int maxBodyBytes;

    EnrolmentRoute(ReferralService service, int maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        String body = req.event().getBody();
        if (body != null && !body.isBlank()) Requests.objectBody(req.event(), maxBodyBytes, Set.of());
        return Requests.staffView(service.enrol(req.caller(), Requests.referralId(req.event())));
    }
}
