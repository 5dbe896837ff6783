package dk.rampe.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.followup.Notifier;
import dk.rampe.local.embedded.LocalOutbox;
import dk.rampe.messaging.Notifiers;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.local.embedded.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds each function's handler for local use: the same classes Lambda runs, given the local
 * DynamoDB client, the local clock and the local outbox instead of what they build from the
 * environment in AWS. One instance per class, like one warm Lambda.
 *
 * <p>There is no list of handler classes here: a handler named in the template is built through
 * its public constructor with the most parameters whose types are all in the registry of local
 * dependencies below ({@link #dependencies()}). The no-argument constructor (the one Lambda uses)
 * is never chosen: it would reach for AWS. A handler with no such constructor fails at start,
 * naming the class and the types it lacks. Reflection is for this runner only, never in Lambda code.
 */
final class LocalHandlers {
    private final Map<Class<?>, Object> registry = new LinkedHashMap<>();
    private final Map<String, Object> built = new ConcurrentHashMap<>();
    private final Map<String, Path> jars = new ConcurrentHashMap<>();
    private final Map<Path, ClassLoader> loaders = new ConcurrentHashMap<>();

    LocalHandlers(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        register(RampeConfig.class, config);
        register(NudgeConfig.class, nudges);
        register(DynamoDbClient.class, dynamo);
        register(Clock.class, clock);
        // the outbox folder, or SES/SNS when AWS_ENDPOINT_URL_SES / AWS_ENDPOINT_URL_SNS are set
        register(Notifier.class, Notifiers.create(nudges, config.region(),
                new LocalOutbox(nudges.outboxDir(), nudges.emailSender(), clock)));
        // the monthly report's archive: .rampe/reports next to the outbox folder (S3 in AWS)
        register(dk.rampe.report.ReportArchive.class,
                new dk.rampe.local.embedded.FolderReportArchive(nudges.outboxDir().toAbsolutePath().getParent().resolve("reports")));
    }

    /** Adds (or replaces) the local value handlers get for constructor parameters of {@code type}. */
    <T> LocalHandlers register(Class<T> type, T value) {
        registry.put(type, type.cast(value));
        return this;
    }

    /**
     * Where to find handler classes the runner's own classpath lacks: each function's CodeUri jar
     * (its shaded jar, built by {@code mvn package}), relative to the template's folder. A function
     * added to the template is then served without adding its module to local/runner/pom.xml.
     */
    LocalHandlers codeFrom(SamTemplate template, Path templateDir) {
        template.resourcesOfType("AWS::Serverless::Function").values().forEach(fn -> {
            Map<String, Object> props = SamTemplate.properties(fn);
            if (props.get("Handler") instanceof String h && props.get("CodeUri") instanceof String uri
                    && uri.endsWith(".jar")) {
                jars.put(h.split("::")[0], templateDir.resolve(uri).normalize());
            }
        });
        return this;
    }

    /** The types a handler constructor may ask for, in registration order. */
    List<Class<?>> dependencies() {
        return List.copyOf(registry.keySet());
    }

    NudgeConfig nudges() {
        return (NudgeConfig) registry.get(NudgeConfig.class);
    }

    Notifier notifier() {
        return (Notifier) registry.get(Notifier.class);
    }

    /** Every handler class a route or schedule of the template names, built. */
    void buildAll(java.util.Collection<String> classNames) {
        classNames.forEach(this::get);
    }

    Object get(String className) {
        return built.computeIfAbsent(className, this::build);
    }

    /**
     * The route's handler taking and answering the HTTP API's types; a stream handler is handed the event as the
     * runtime hands it (JSON written by the runtime's serializer) and its answer read back the same way.
     */
    @SuppressWarnings("unchecked")
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api(String className) {
        Object handler = get(className);
        if (handler instanceof RequestStreamHandler stream) {
            PojoSerializer<APIGatewayV2HTTPEvent> events = JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPEvent.class);
            PojoSerializer<APIGatewayV2HTTPResponse> answers =
                    JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPResponse.class);
            return (event, context) -> {
                ByteArrayOutputStream in = new ByteArrayOutputStream();
                events.toJson(event, in);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    stream.handleRequest(new ByteArrayInputStream(in.toByteArray()), out, context);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return answers.fromJson(new ByteArrayInputStream(out.toByteArray()));
            };
        }
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
    }

    private Object build(String className) {
        Class<?> type = load(className);
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalStateException("cannot build handler " + className + ": it must be a public concrete class");
        }
        List<Constructor<?>> candidates = Arrays.stream(type.getConstructors())
                .filter(c -> c.getParameterCount() > 0)
                .sorted(Comparator.comparingInt((Constructor<?> c) -> c.getParameterCount()).reversed())
                .toList();
        for (Constructor<?> c : candidates) {
            if (missing(c).isEmpty()) return construct(c);
        }
        StringBuilder why = new StringBuilder("cannot build handler " + className
                + " locally: it needs a public constructor whose parameter types are all among "
                + names(dependencies()));
        if (candidates.isEmpty()) {
            why.append("; it has none with parameters");
        } else {
            for (Constructor<?> c : candidates) {
                why.append("; constructor ").append(names(Arrays.asList(c.getParameterTypes())))
                        .append(" lacks ").append(names(missing(c)));
            }
        }
        throw new IllegalStateException(why.toString());
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, true, LocalHandlers.class.getClassLoader());
        } catch (ClassNotFoundException notHere) {
            Path jar = jars.get(className);
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new IllegalStateException("the template names handler " + className + ", which is neither on"
                        + " the local runner's classpath nor in " + (jar == null ? "a CodeUri jar" : jar
                        + " (build it: mvn -B -DskipTests package)"), notHere);
            }
            // parent first: the shared types (RampeConfig, DynamoDbClient, Clock …) stay the runner's own,
            // so the registry's values fit the constructor; only the function's own classes come from its jar
            ClassLoader loader = loaders.computeIfAbsent(jar, j -> {
                try {
                    return new URLClassLoader(new URL[] {j.toUri().toURL()}, LocalHandlers.class.getClassLoader());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                return Class.forName(className, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("handler " + className + " is not in " + jar, e);
            }
        }
    }

    private List<Class<?>> missing(Constructor<?> c) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> p : c.getParameterTypes()) {
            if (lookup(p) == null) out.add(p);
        }
        return out;
    }

    /** The value registered for exactly {@code type}, else the one registered value that is one. */
    private Object lookup(Class<?> type) {
        Object exact = registry.get(type);
        if (exact != null) return exact;
        List<Object> fits = registry.values().stream().filter(type::isInstance).toList();
        return fits.size() == 1 ? fits.get(0) : null;
    }

    private Object construct(Constructor<?> c) {
        Object[] args = Arrays.stream(c.getParameterTypes()).map(this::lookup).toArray();
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException("building " + c.getDeclaringClass().getName() + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + c.getDeclaringClass().getName(), e);
        }
    }

    private static String names(List<Class<?>> types) {
        return types.stream().map(Class::getSimpleName).toList().toString();
    }
}
