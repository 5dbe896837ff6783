package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The API reference stays a valid document and lists every route the template serves under
 * /v1, /f, /t and /app (the web app's pages under /app/{proxy+} as the one entry /app/{page}), so a route added to
 * the template without its documentation fails the build.
 */
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyApiRouteOfTheTemplateIsDocumentedWithItsMethod() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Events.projectRoot().resolve("docs/openapi.yaml")));
        assertTrue(String.valueOf(doc.get("openapi")).startsWith("3."), "an OpenAPI 3 document");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        TreeSet<String> documented = new TreeSet<>();
        paths.forEach((path, ops) -> ops.keySet().forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));

        TreeSet<String> missing = new TreeSet<>();
        SamTemplate template = SamTemplate.read(Events.projectRoot().resolve("infra/sam-template.yaml"));
        for (LocalRoutes.Route r : LocalRoutes.fromTemplate(template)) {
            if (r.method().equals("HEAD")) continue; // answered as GET without a body
            // OpenAPI has no greedy path parameter: the web app's /app/{proxy+} is documented as /app/{page}
            String routeKey = r.routeKey().replace("{proxy+}", "{page}");
            if (!documented.contains(routeKey)) missing.add(routeKey);
        }
        assertEquals(new TreeSet<>(), missing, "routes of infra/sam-template.yaml missing from docs/openapi.yaml");
    }
}
