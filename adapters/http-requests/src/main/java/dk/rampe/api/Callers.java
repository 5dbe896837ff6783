package dk.rampe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.rampe.core.Caller;
import dk.rampe.platform.RampeConfig;
import dk.rampe.settings.Settings;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Who is calling an HTTP API route, from the JWT authorizer's claims; without Jackson (see {@code HttpApi#caller}). */
public final class Callers {
    /** The resource-server scope every /v1/admin route requires (the template's AuthorizationScopes). */
    public static final String ADMIN_SCOPE = "rampe/admin";

    private Callers() {
    }

    /**
     * Who is calling. In AWS the HTTP API's JWT authorizer has verified the token; its claims
     * arrive as strings. A jobcentre is known by its OAuth2 client id (claim
     * {@code RAMPE_JOBCENTRE_CLAIM}), staff and administrators by their Cognito group.
     */
    public static Caller caller(APIGatewayV2HTTPEvent event, RampeConfig config, Supplier<Settings> settings) {
        Map<String, String> claims = claims(event);
        if (claims.isEmpty()) throw ApiError.of(401, "auth.missing");
        List<String> groups = groups(claims.get("cognito:groups"));
        String username = claims.getOrDefault("username", claims.get("sub"));
        if (groups.contains(config.adminGroup()) && username != null) return Caller.admin(username);
        if (groups.contains(config.staffGroup()) && username != null) return Caller.staff(username);
        String client = claims.get(config.jobcentreClaim());
        // an administrator's tool: a client-credentials token with the admin scope (no user, no group)
        if (client != null && username == null && groups.isEmpty() && scopes(claims.get("scope")).contains(ADMIN_SCOPE)) {
            return Caller.admin("client:" + client);
        }
        if (client != null) {
            return settings.get().jobcentreByClientId(client).map(j -> Caller.jobcentre(j.id()))
                    .orElseThrow(() -> ApiError.of(403, "auth.missing"));
        }
        throw ApiError.of(401, "auth.missing");
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) return Map.of();
        Map<String, String> c = ctx.getAuthorizer().getJwt().getClaims();
        return c == null ? Map.of() : c;
    }

    /** The space-separated scope claim of an access token. */
    static List<String> scopes(String claim) {
        return claim == null || claim.isBlank() ? List.of() : List.of(claim.strip().split("\\s+"));
    }

    /** Array claims come through the HTTP API as "[a b]" or "a,b". */
    static List<String> groups(String claim) {
        if (claim == null || claim.isBlank()) return List.of();
        String s = claim.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        return List.of(s.replace("\"", "").split("[,\\s]+"));
    }
}
