package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.platform.RampeConfig;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.Events;
import dk.rampe.testkit.RampeFixture;
import dk.rampe.testkit.TestClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The intake handler on {@link RampeFixture} (DynamoDB Local over HTTP, fresh tables from the SAM
 * template, a clock the test moves), with the sample settings loaded.
 */
final class IntakeFixture {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Map<String, String> AARHUS = claims("client_id", "jobcenter-aarhus-client");
    static final Map<String, String> ODDER = claims("client_id", "jobcenter-odder-client");
    static final Map<String, String> ANNA = claims("username", "c-anna", "cognito:groups", "[rampe-staff]");
    static final Map<String, String> DORTHE = claims("username", "po-dorthe", "cognito:groups", "[rampe-staff]");
    static final Map<String, String> STRANGER = claims("username", "x-other", "cognito:groups", "[rampe-staff]");
    static final Map<String, String> ADMIN = claims("username", "admin", "cognito:groups", "[rampe-admin]");

    final RampeFixture rampe;
    final TestClock clock;
    final DynamoDbClient dynamo;
    final RampeConfig config;
    final ReferralIntakeHandler handler;

    IntakeFixture(DynamoLocal local) {
        this.rampe = new RampeFixture(local, NOW, Map.of("RAMPE_MATCH_KEY_SECRET", "test-pepper-0123456789abcdef"));
        this.clock = rampe.clock;
        this.dynamo = rampe.dynamo;
        this.config = rampe.config;
        loadSettings(Events.text("settings-sample.json"));
        this.handler = new ReferralIntakeHandler(config, dynamo, clock);
    }

    void loadSettings(String json) {
        rampe.loadSettings(json);
    }

    static Map<String, String> claims(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        m.put("token_use", "access");
        return m;
    }

    /** The sample referral body (events/referral-intake/referral.json) as a tree to change. */
    static ObjectNode referral() {
        try {
            return (ObjectNode) Json.parse(Events.text("referral-intake/referral.json"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample POST event with another body, caller and headers. */
    static APIGatewayV2HTTPEvent post(String body, Map<String, String> claims, String... headers) {
        APIGatewayV2HTTPEvent e = Events.read("referral-intake/post-referral.json", APIGatewayV2HTTPEvent.class);
        e.setBody(body);
        Map<String, String> h = new HashMap<>(e.getHeaders());
        h.remove("idempotency-key");
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) h.remove(headers[i]);
            else h.put(headers[i], headers[i + 1]);
        }
        e.setHeaders(h);
        e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return e;
    }

    static APIGatewayV2HTTPEvent post(JsonNode body, Map<String, String> claims, String... headers) {
        return post(Json.write(body), claims, headers);
    }

    /** Any other route of the function, shaped like the GET sample. */
    static APIGatewayV2HTTPEvent call(String method, String path, String referralId, String body,
                                      Map<String, String> claims, String... headers) {
        APIGatewayV2HTTPEvent e = Events.read("referral-intake/get-referral.json", APIGatewayV2HTTPEvent.class);
        e.setRouteKey(method + " " + path);
        e.getRequestContext().setRouteKey(method + " " + path);
        e.getRequestContext().getHttp().setMethod(method);
        String raw = referralId == null ? path : path.replace("{referralId}", referralId);
        e.setRawPath(raw);
        e.setPathParameters(referralId == null ? null : Map.of("referralId", referralId));
        Map<String, String> h = new HashMap<>(e.getHeaders());
        if (body != null) {
            e.setBody(body);
            h.put("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i], headers[i + 1]);
        e.setHeaders(h);
        e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return e;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent e) {
        return handler.handleRequest(e, null);
    }

    static JsonNode json(APIGatewayV2HTTPResponse r) {
        try {
            return Json.parse(r.getBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(r.getBody(), e);
        }
    }
}
