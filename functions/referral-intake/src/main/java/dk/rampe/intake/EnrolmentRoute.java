package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.PathService;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import java.util.Set;

/** {@code POST /v1/referrals/{referralId}/enrolment}: the participant starts; the body, if any, is an empty object. */
final class EnrolmentRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/enrolment";

    private final ReferralService service;
    private final int maxBodyBytes;
    private final PathService paths;

    EnrolmentRoute(ReferralService service, int maxBodyBytes, PathService paths) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
        this.paths = paths;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        String body = req.event().getBody();
        if (body != null && !body.isBlank()) Requests.objectBody(req.event(), maxBodyBytes, Set.of());
        Referral r = service.enrol(req.caller(), Requests.referralId(req.event()));
        paths.statusChanged(r, MilestoneType.ENROLLED, req.caller().id(), null); // the path's first step
        return Requests.staffView(r);
    }
}
