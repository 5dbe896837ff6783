package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import dk.rampe.dynamodb.DynamoRequestKeys;
import dk.rampe.schedule.DecisionIds;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header on a POST route (draft-ietf-httpapi-idempotency-key-header): without the
 * header the route runs as it is; with it, the key is claimed for the caller (scope: role and id, so two callers'
 * keys never meet) before the route runs, and
 * <ul>
 * <li>the same key with the same request (route, referral, body) answers the first answer again, with
 * {@code Idempotent-Replayed: true}, and runs nothing;</li>
 * <li>the same key with another request is a 422 {@code idempotency.keyReused};</li>
 * <li>the same key while its first request still runs is a 409 {@code idempotency.inProgress};</li>
 * <li>a first request that did not succeed (not 2xx) gives the key back: it had no effect, a retry runs again.</li>
 * </ul>
 * Keys are kept for {@link DynamoRequestKeys#KEPT}. The referral's own POST keeps its key rules
 * ({@link ReferralsRoute}: its key is part of the referral's idempotency, with the jobcentre's reference).
 */
final class RequestKeyRoute implements Route {
    static final String HEADER = "idempotency-key";
    static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private final Route route;
    private final DynamoRequestKeys keys;

    RequestKeyRoute(Route route, DynamoRequestKeys keys) {
        this.route = route;
        this.keys = keys;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        String key = HttpApi.header(req.event(), HEADER);
        if (key == null) return route.handle(req);
        key = key.strip();
        if (!KEY.matcher(key).matches()) throw ApiError.field(400, "Idempotency-Key", "header.invalid");
        String scope = req.caller().role().name().toLowerCase(java.util.Locale.ROOT) + ":" + req.caller().id();
        String fingerprint = fingerprint(req.event());
        Optional<DynamoRequestKeys.Stored> held = keys.claim(scope, key, fingerprint);
        if (held.isPresent()) {
            DynamoRequestKeys.Stored s = held.get();
            if (!s.fingerprint().equals(fingerprint)) throw ApiError.field(422, "Idempotency-Key", "idempotency.keyReused");
            if (!s.answered()) throw ApiError.field(409, "Idempotency-Key", "idempotency.inProgress");
            Map<String, String> headers = new HashMap<>(s.headers());
            headers.put("idempotent-replayed", "true");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(s.status()).withHeaders(headers)
                    .withBody(s.body()).build();
        }
        APIGatewayV2HTTPResponse answer;
        try {
            answer = route.handle(req);
        } catch (RuntimeException e) {
            keys.release(scope, key);
            throw e;
        }
        if (answer.getStatusCode() >= 200 && answer.getStatusCode() < 300) {
            keys.answer(scope, key, answer.getStatusCode(), answer.getBody(),
                    answer.getHeaders() == null ? Map.of() : answer.getHeaders());
        } else {
            keys.release(scope, key);
        }
        return answer;
    }

    /** The request as the key names it: the route, the referral and the body as sent. */
    static String fingerprint(APIGatewayV2HTTPEvent event) {
        String referralId = event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("referralId", "");
        String body = event.getBody() == null ? "" : event.getBody();
        return DecisionIds.of("K", 40, event.getRouteKey().replace('|', '/'), referralId.replace('|', '/'),
                event.getIsBase64Encoded() ? "base64" : "text", Integer.toString(body.length()),
                DecisionIds.base32(DecisionIds.sha256(body), 40));
    }
}
