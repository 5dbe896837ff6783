package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.extra.HelloHandler;
import dk.rampe.local.extra.TickHandler;
import dk.rampe.local.extra.UnbuildableHandler;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function added to the template is served and scheduled with no edit to the runner: the
 * handler classes here live only in the test sources and are named only in the template.
 */
class LocalHandlersTest {

    /** The bundled template plus one function resource, as a newcomer would add it. */
    @SuppressWarnings("unchecked")
    private static SamTemplate withFunction(String id, Class<?> handler, Map<String, Object> events,
                                            Map<String, Object> extraResources) {
        SamTemplate template = SamTemplate.bundled();
        Map<String, Object> resources = (Map<String, Object>) template.root().get("Resources");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("CodeUri", "../functions/" + id + "/target/" + id + ".jar");
        props.put("Handler", handler.getName() + "::handleRequest");
        props.put("Events", events);
        resources.put(id, new LinkedHashMap<>(Map.of("Type", "AWS::Serverless::Function", "Properties", props)));
        resources.putAll(extraResources);
        return template;
    }

    private static LocalRunner.Options options(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("RAMPE_LOCAL_PORT", "0");
        env.put("RAMPE_LOCAL_DATA", "memory");
        env.put("RAMPE_OUTBOX_DIR", dir.resolve("outbox").toString());
        return LocalRunner.Options.fromEnvironment(env);
    }

    @Test
    void aFunctionOnlyTheTemplateNamesIsServedWithTheLocalClock(@TempDir Path dir) throws Exception {
        SamTemplate template = withFunction("HelloFunction", HelloHandler.class, Map.of("Hello", Map.of(
                "Type", "HttpApi",
                "Properties", Map.of("Method", "GET", "Path", "/v1/hello/{name}", "Auth", Map.of("Authorizer", "NONE")))),
                Map.of());
        try (LocalRunner runner = LocalRunner.start(options(dir), template)) {
            runner.clock().advance(Duration.ofDays(400));
            HttpResponse<String> r = send("GET", runner.baseUrl() + "/v1/hello/world", null, null, null);
            assertEquals(200, r.statusCode(), r.body());
            // the two-parameter constructor won over the one-parameter and the no-argument ones
            assertTrue(r.body().startsWith("hello world table=rampe now="), r.body());
            String now = r.body().substring(r.body().indexOf("now=") + 4);
            assertTrue(java.time.Instant.parse(now).isAfter(java.time.Instant.now().plus(Duration.ofDays(399))), now);
            assertTrue(runner.banner().contains("/v1/hello/{name}"), runner.banner());
            // the template's own functions are still there
            assertEquals(401, send("GET", runner.baseUrl() + "/v1/referrals/x", null, null, null).statusCode());
        }
    }

    @Test
    void aScheduleOnANewFunctionFiresOnTheLocalClock(@TempDir Path dir) throws Exception {
        SamTemplate template = withFunction("TickFunction", TickHandler.class, Map.of(), Map.of("TickSchedule",
                new LinkedHashMap<>(Map.of("Type", "AWS::Scheduler::Schedule", "Properties", Map.of(
                        "ScheduleExpression", "rate(1 hour)",
                        "State", "ENABLED",
                        "Target", Map.of("Arn", Map.of("Ref", "TickFunction.Alias"), "Input", "{\"tick\":\"hourly\"}"))))));
        TickHandler.FIRED.clear();
        try (LocalRunner runner = LocalRunner.start(options(dir), template)) {
            assertTrue(runner.scheduler().schedules().stream().anyMatch(s -> s.id().equals("TickSchedule")));
            runner.clock().advance(Duration.ofHours(2));
            List<String> fired = runner.scheduler().fireDue();
            assertTrue(fired.contains("TickSchedule"), fired.toString());
            assertTrue(TickHandler.FIRED.stream().anyMatch(f -> f.startsWith("hourly@")), TickHandler.FIRED.toString());
        }
    }

    @Test
    void aHandlerOnlyInItsFunctionsJarIsLoadedFromTheCodeUri(@TempDir Path dir) throws Exception {
        String name = "dk.rampe.outside.JarOnlyHandler";
        Path jar = compileToJar(dir, name, """
                package dk.rampe.outside;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
                import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
                import java.time.Clock;

                public final class JarOnlyHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
                    private final Clock clock;

                    public JarOnlyHandler(Clock clock) {
                        this.clock = clock;
                    }

                    @Override
                    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent e, Context c) {
                        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                                .withBody("from the jar at " + clock.instant().getEpochSecond()).build();
                    }
                }
                """);
        assertThrows(ClassNotFoundException.class, () -> Class.forName(name));
        SamTemplate template = SamTemplate.bundled();
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) template.root().get("Resources");
        resources.put("JarOnlyFunction", new LinkedHashMap<>(Map.of("Type", "AWS::Serverless::Function",
                "Properties", Map.of("CodeUri", jar.toString(), "Handler", name + "::handleRequest",
                        "Events", Map.of("Get", Map.of("Type", "HttpApi", "Properties", Map.of("Method", "GET",
                                "Path", "/v1/jar-only", "Auth", Map.of("Authorizer", "NONE"))))))));
        try (LocalRunner runner = LocalRunner.start(options(dir), template)) {
            HttpResponse<String> r = send("GET", runner.baseUrl() + "/v1/jar-only", null, null, null);
            assertEquals(200, r.statusCode(), r.body());
            // built with the runner's Clock: the class from the jar shares the runner's types
            assertTrue(r.body().startsWith("from the jar at "), r.body());
            long at = Long.parseLong(r.body().substring("from the jar at ".length()));
            assertTrue(Math.abs(at - runner.clock().instant().getEpochSecond()) < 30, r.body());
        }
    }

    /** Compiles one source file against the Lambda types and packs it alone into a jar, like a function's jar. */
    private static Path compileToJar(Path dir, String className, String source) throws Exception {
        Path src = dir.resolve("src/" + className.replace('.', '/') + ".java");
        java.nio.file.Files.createDirectories(src.getParent());
        java.nio.file.Files.writeString(src, source);
        Path classes = java.nio.file.Files.createDirectories(dir.resolve("classes"));
        String classpath = java.util.stream.Stream.of(com.amazonaws.services.lambda.runtime.RequestHandler.class,
                        com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), "-cp", classpath, src.toString());
        assertEquals(0, rc, "javac");
        Path jar = dir.resolve("jar-only-function.jar");
        String entry = className.replace('.', '/') + ".class";
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.write(java.nio.file.Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aHandlerWithoutAUsableConstructorFailsAtStartNamingWhatItLacks(@TempDir Path dir) {
        SamTemplate template = withFunction("OddFunction", UnbuildableHandler.class, Map.of(), Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalRunner.start(options(dir), template));
        assertTrue(e.getMessage().contains(UnbuildableHandler.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("lacks [StringBuilder]"), e.getMessage());
        assertTrue(e.getMessage().contains("RampeConfig"), e.getMessage());
    }
}
