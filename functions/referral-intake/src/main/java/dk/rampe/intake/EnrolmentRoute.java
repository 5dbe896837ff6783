package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.json.JsonReader;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.PathService;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import java.util.Set;

/**
 * {@code POST /v1/referrals/{referralId}/enrolment}: the participant starts, which is also the
 * first step of their path (issue 10). The body, if any, is an object with the optional
 * {@code absenceSmsConsent} (issue 9): whether the participant agrees to a neutral SMS when they
 * have not shown up (sent only if the programme turns it on). Enrolling again changes nothing but
 * records the consent given, so a retry after a failure completes it.
 */
final class EnrolmentRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/enrolment";
    static final String SMS_CONSENT = "absenceSmsConsent";
    /** The day the participant started, if before today (a step recorded late). */
    static final String STARTED_ON = "startedOn";

    private final ReferralService service;
    private final AttendanceService attendance;
    private final PathService paths;
    private final int maxBodyBytes;

    EnrolmentRoute(ReferralService service, AttendanceService attendance, PathService paths, int maxBodyBytes) {
        this.service = service;
        this.attendance = attendance;
        this.paths = paths;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        String body = req.event().getBody();
        Boolean consent = null;
        java.time.LocalDate startedOn = null;
        if (body != null && !body.isBlank()) {
            JsonNode json = Requests.objectBody(req.event(), maxBodyBytes,
                    attendance == null ? Set.of(STARTED_ON) : Set.of(SMS_CONSENT, STARTED_ON));
            JsonReader r = new JsonReader();
            consent = r.bool(json, "", SMS_CONSENT, false);
            startedOn = r.date(json, "", STARTED_ON, false);
            r.throwIfAny();
        }
        Referral enrolled = service.enrol(req.caller(), Requests.referralId(req.event()), startedOn);
        if (paths != null) paths.statusChanged(enrolled, MilestoneType.ENROLLED, req.caller().id(), null);
        if (consent != null) attendance.recordSmsConsent(enrolled, consent, req.caller().id());
        return Requests.staffView(enrolled);
    }
}
