package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.JsonReader;
import dk.rampe.path.ParticipantEnrolment;
import java.util.Set;

/**
 * {@code POST /v1/referrals/{referralId}/enrolment}: the participant starts, which is also the
 * first step of their path. The body, if any, is an object with the optional
 * {@code absenceSmsConsent}: whether the participant agrees to a neutral SMS when they
 * have not shown up (sent only if the programme turns it on). Enrolling again changes nothing but
 * records the consent given, so a retry after a failure completes it ({@link ParticipantEnrolment},
 * shared with the web app's enrolment form).
 */
final class EnrolmentRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/enrolment";
    static final String SMS_CONSENT = "absenceSmsConsent";
    /** The day the participant started, if before today (a step recorded late). */
    static final String STARTED_ON = "startedOn";

    private final ParticipantEnrolment enrolment;
    private final int maxBodyBytes;

    EnrolmentRoute(ParticipantEnrolment enrolment, int maxBodyBytes) {
        this.enrolment = enrolment;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        String body = req.event().getBody();
        Boolean consent = null;
        java.time.LocalDate startedOn = null;
        if (body != null && !body.isBlank()) {
            JsonNode json = Requests.objectBody(req.event(), maxBodyBytes, Set.of(SMS_CONSENT, STARTED_ON));
            JsonReader r = new JsonReader();
            consent = r.bool(json, "", SMS_CONSENT, false);
            startedOn = r.date(json, "", STARTED_ON, false);
            r.throwIfAny();
        }
        return Requests.staffView(enrolment.enrol(req.caller(), Requests.referralId(req.event()), startedOn, consent));
    }
}
