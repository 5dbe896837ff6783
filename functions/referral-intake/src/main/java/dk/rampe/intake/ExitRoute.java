package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.ReferralService;
import java.util.Set;

/** {@code POST /v1/referrals/{referralId}/exit}: the participant leaves, with an outcome and a note. */
final class ExitRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/exit";

    private final ReferralService service;
    private final int maxBodyBytes;

    ExitRoute(ReferralService service, int maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("outcome", "note"));
        JsonReader r = new JsonReader();
        String outcomeText = r.text(body, "", "outcome", true, 32);
        String note = r.freeText(body, "", "note", false, 2000);
        ExitOutcome outcome = null;
        if (outcomeText != null) {
            outcome = ExitOutcome.fromWire(outcomeText).orElse(null);
            if (outcome == null) r.add("outcome", "enum", ExitOutcome.wireNames());
        }
        r.throwIfAny();
        return Requests.staffView(service.exit(req.caller(), Requests.referralId(req.event()), outcome, note));
    }
}
