package dk.rampe.intake;

import dk.rampe.api.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The routes by the route keys of infra/sam-template.yaml ("POST /v1/referrals"); unknown keys answer 404. */
final class RouteTable {
    private final Map<String, Route> routes = new LinkedHashMap<>();

    RouteTable add(String routeKey, Route route) {
        if (routes.putIfAbsent(routeKey, route) != null) throw new IllegalArgumentException("twice: " + routeKey);
        return this;
    }

    Route find(String routeKey) {
        Route r = routeKey == null ? null : routes.get(routeKey);
        if (r == null) throw ApiError.of(404, "route.notFound");
        return r;
    }

    Set<String> routeKeys() {
        return routes.keySet();
    }
}
