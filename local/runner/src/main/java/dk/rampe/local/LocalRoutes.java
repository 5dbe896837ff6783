package dk.rampe.local;

import dk.rampe.local.embedded.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API routes exactly as the SAM template declares them: method, path with
 * {parameters}, the handler class, and whether the route needs the JWT authorizer.
 */
public final class LocalRoutes {

    public record Route(String method, String path, String handlerClass, String functionId, boolean authorized,
                        Pattern pattern, List<String> parameterNames, List<String> scopes) {
        public String routeKey() {
            return method + " " + path;
        }

        /** Path parameters when {@code rawPath} matches this route, else null. */
        public Map<String, String> match(String rawPath) {
            Matcher m = pattern.matcher(rawPath);
            if (!m.matches()) return null;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < parameterNames.size(); i++) {
                params.put(parameterNames.get(i), java.net.URLDecoder.decode(m.group(i + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return params;
        }
    }

    private LocalRoutes() {
    }

    @SuppressWarnings("unchecked")
    public static List<Route> fromTemplate(SamTemplate template) {
        List<Route> routes = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, fn) -> {
            Map<String, Object> props = SamTemplate.properties(fn);
            String handler = ((String) props.get("Handler")).split("::")[0];
            Object events = props.get("Events");
            if (!(events instanceof Map<?, ?> evs)) return;
            for (Object e : evs.values()) {
                Map<String, Object> ev = (Map<String, Object>) e;
                if (!"HttpApi".equals(ev.get("Type"))) continue;
                Map<String, Object> p = (Map<String, Object>) ev.get("Properties");
                String method = ((String) p.get("Method")).toUpperCase(java.util.Locale.ROOT);
                String path = (String) p.get("Path");
                boolean authorized = true;
                if (p.get("Auth") instanceof Map<?, ?> auth && "NONE".equals(auth.get("Authorizer"))) authorized = false;
                // the JWT authorizer's AuthorizationScopes: the token's scope claim must hold one of them
                List<String> scopes = p.get("Auth") instanceof Map<?, ?> auth && auth.get("AuthorizationScopes") instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList() : List.of();
                List<String> names = new ArrayList<>();
                Matcher m = Pattern.compile("\\{([A-Za-z0-9_]+)\\+?}").matcher(path);
                StringBuilder regex = new StringBuilder("^");
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(path.substring(last, m.start())));
                    regex.append(m.group().endsWith("+}") ? "(.+)" : "([^/]+)");
                    names.add(m.group(1));
                    last = m.end();
                }
                regex.append(Pattern.quote(path.substring(last))).append("$");
                routes.add(new Route(method, path, handler, id, authorized, Pattern.compile(regex.toString()), names, scopes));
            }
        });
        return routes;
    }
}
