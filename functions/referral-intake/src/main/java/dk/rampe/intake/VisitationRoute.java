package dk.rampe.intake;

import dk.rampe.core.InputFields;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.DeclineReason;
import dk.rampe.referral.ReferralService;
import dk.rampe.referral.ReferralService.VisitationDecision;
import java.util.Set;

/** {@code POST /v1/referrals/{referralId}/visitation}: the visitation meeting's decision. */
final class VisitationRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/visitation";

    private final ReferralService service;
    private final int maxBodyBytes;

    VisitationRoute(ReferralService service, int maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("decision", "reason", "reasonCode", "decidedOn"));
        JsonReader r = new JsonReader();
        String decisionText = r.text(body, "", "decision", true, 32);
        String reason = r.field(body, "", InputFields.VISITATION_REASON, false);
        String codeText = r.text(body, "", "reasonCode", false, 32);
        DeclineReason code = null;
        if (codeText != null) {
            code = DeclineReason.fromWire(codeText).orElse(null);
            if (code == null) r.add("reasonCode", "enum", DeclineReason.wireNames());
        }
        VisitationDecision decision = null;
        if (decisionText != null) {
            decision = VisitationDecision.fromWire(decisionText).orElse(null);
            if (decision == null) r.add("decision", "enum", VisitationDecision.wireNames());
        }
        java.time.LocalDate decidedOn = r.date(body, "", "decidedOn", false);
        r.throwIfAny();
        return Requests.staffView(service.recordVisitation(req.caller(), Requests.referralId(req.event()), decision, reason,
                code, decidedOn));
    }
}
