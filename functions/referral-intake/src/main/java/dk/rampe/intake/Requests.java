package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.api.HttpApi;
import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.json.JsonReader;
import dk.rampe.json.ReferralCodec;
import dk.rampe.referral.Referral;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing and rendering the routes share: object bodies with known fields, the path's referral id. */
final class Requests {
    private static final Pattern REFERRAL_ID = Pattern.compile("^R[0-9A-HJKMNP-TV-Z]{12}$");

    private Requests() {
    }

    /** The body as a JSON object holding only {@code fields}; anything else is a 400 naming it. */
    static JsonNode objectBody(APIGatewayV2HTTPEvent event, int maxBytes, Set<String> fields) {
        JsonNode body = HttpApi.jsonBody(event, maxBytes);
        JsonReader r = new JsonReader();
        if (!body.isObject()) r.add("body", "type.object");
        else r.onlyKnown(body, "", fields);
        r.throwIfAny();
        return body;
    }

    /** The path's referral id; one that cannot be a referral id is simply not found. */
    static String referralId(APIGatewayV2HTTPEvent event) {
        String id = HttpApi.pathParameter(event, "referralId");
        if (id == null || !REFERRAL_ID.matcher(id).matches()) throw DomainException.notFound("referral.notFound");
        return id;
    }

    static APIGatewayV2HTTPResponse staffView(Referral r) {
        return HttpApi.json(200, ReferralCodec.view(r, false));
    }

    static void requireAdmin(Caller caller) {
        if (caller.role() != Caller.Role.ADMIN) throw DomainException.forbidden("role.adminOnly");
    }
}
