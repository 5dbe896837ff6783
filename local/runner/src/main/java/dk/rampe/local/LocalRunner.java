package dk.rampe.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.local.embedded.LocalDispatchLoop;
import dk.rampe.settings.Settings;
import dk.rampe.json.Json;
import dk.rampe.json.SettingsCodec;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.local.embedded.Tables;
import dk.rampe.local.embedded.TimeToLive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rampe on one machine, with nothing but a JDK: DynamoDB Local in-process (data kept in a
 * folder, so a restart keeps state), tables created from the SAM template, settings loaded
 * from a JSON file, and the template's HTTP routes served on 127.0.0.1 by the very same
 * handler classes that run in Lambda.
 */
public final class LocalRunner implements AutoCloseable {

    /** Where things live; every field has a default a newcomer never needs to change. */
    public record Options(String host, int port, Path dataDir, Path settingsFile, Path tokensFile, Path outboxDir,
                          Instant clockStart, Map<String, String> environment) {

        /** From environment variables (see README), with defaults under .rampe/ and events/. */
        public static Options fromEnvironment(Map<String, String> env) {
            Path events = Events.folder();
            return new Options(
                    "127.0.0.1",
                    Integer.parseInt(env.getOrDefault("RAMPE_LOCAL_PORT", "8787")),
                    "memory".equals(env.get("RAMPE_LOCAL_DATA")) ? null
                            : Path.of(env.getOrDefault("RAMPE_LOCAL_DATA", events.getParent().resolve(".rampe/data").toString())),
                    Path.of(env.getOrDefault("RAMPE_SETTINGS_FILE", events.resolve("settings-sample.json").toString())),
                    Path.of(env.getOrDefault("RAMPE_LOCAL_TOKENS_FILE", events.resolve("local-tokens.json").toString())),
                    Path.of(env.getOrDefault("RAMPE_OUTBOX_DIR", events.getParent().resolve(".rampe/outbox").toString())),
                    clockStart(env.get("RAMPE_LOCAL_CLOCK_START")),
                    env);
        }

        /** An ISO instant or offset date-time ({@code 2026-11-23T08:00:00+01:00}); unset: real time. */
        static Instant clockStart(String value) {
            if (value == null || value.isBlank()) return null;
            try {
                return java.time.OffsetDateTime.parse(value.trim()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("RAMPE_LOCAL_CLOCK_START is not a date-time with an offset "
                        + "(e.g. 2026-11-23T08:00:00+01:00)");
            }
        }
    }

    private final DynamoLocal dynamo;
    private final LocalApiServer api;
    private final LocalScheduler scheduler;
    private final LocalDispatchLoop dispatch;
    private final LocalClock clock;
    private final RampeConfig config;
    private final Options options;
    private final List<LocalRoutes.Route> routes;

    private LocalRunner(DynamoLocal dynamo, LocalApiServer api, LocalScheduler scheduler, LocalDispatchLoop dispatch,
                        LocalClock clock, RampeConfig config, Options options, List<LocalRoutes.Route> routes) {
        this.dispatch = dispatch;
        this.dynamo = dynamo;
        this.api = api;
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
        this.options = options;
        this.routes = routes;
    }

    public static LocalRunner start(Options options) throws IOException {
        return start(options, SamTemplate.bundled());
    }

    /**
     * Serves and schedules what {@code template} declares (tests pass a template with extra
     * functions; every handler is built by {@link LocalHandlers} from its class name alone).
     */
    public static LocalRunner start(Options options, SamTemplate template) throws IOException {
        DynamoLocal dynamo = options.dataDir() == null ? DynamoLocal.inMemory() : DynamoLocal.inFolder(options.dataDir(), 0);
        AutoCloseable[] started = new AutoCloseable[2];
        try {
            Map<String, String> env = new HashMap<>(options.environment());
            env.putIfAbsent("AWS_REGION", DynamoLocal.REGION);
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint());
            if (options.port() != 0) env.putIfAbsent("RAMPE_PUBLIC_BASE_URL", "http://" + options.host() + ":" + options.port());
            RampeConfig provisional = RampeConfig.from(env);
            Tables.createAll(template, dynamo.client(), Map.of("RAMPE_TABLE", provisional.table(),
                    "RAMPE_AUDIT_TABLE", provisional.auditTable()));
            LocalClock clock = new LocalClock(Clock.systemUTC(), options.clockStart());
            Settings settings = SettingsCodec.parse(readJson(options.settingsFile()));
            new DynamoSettingsStore(dynamo.client(), provisional.table(), clock, Duration.ZERO)
                    .replace(settings, "local-runner");
            Map<String, Map<String, String>> tokens = tokens(options.tokensFile());

            List<LocalRoutes.Route> routes = LocalRoutes.fromTemplate(template);
            // The port is known only once the server is bound when 0 was asked for, and the
            // handlers need it for the links they write: build them right after binding.
            Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> apiHandlers = new LinkedHashMap<>();
            LocalHandlers[] handlers = new LocalHandlers[1];
            LocalScheduler[] scheduler = new LocalScheduler[1];
            LocalApiServer api = new LocalApiServer(options.host(), options.port(), routes, apiHandlers, tokens::get,
                    exchange -> new LocalControl(clock, scheduler[0], () -> TimeToLive.expire(dynamo.client(),
                            provisional.table(), clock.instant()) + TimeToLive.expire(dynamo.client(),
                            provisional.auditTable(), clock.instant())).handle(exchange));
            started[0] = api;
            env.putIfAbsent("RAMPE_PUBLIC_BASE_URL", "http://" + options.host() + ":" + api.port());
            RampeConfig config = RampeConfig.from(env);
            env.put("RAMPE_OUTBOX_DIR", options.outboxDir().toString());
            NudgeConfig nudges = NudgeConfig.from(env);
            handlers[0] = new LocalHandlers(config, nudges, dynamo.client(), clock)
                    .codeFrom(template, Events.folder().getParent().resolve("infra"));
            for (LocalRoutes.Route r : routes) apiHandlers.computeIfAbsent(r.handlerClass(), handlers[0]::api);
            scheduler[0] = LocalScheduler.start(template, handlers[0]::get, clock);
            started[1] = scheduler[0];
            handlers[0].buildAll(template.resourcesOfType("AWS::Serverless::Function").values().stream()
                    .map(f -> ((String) SamTemplate.properties(f).get("Handler")).split("::")[0]).toList());
            // In AWS the table's stream invokes the dispatcher; locally a loop sends what is due.
            LocalDispatchLoop dispatch = LocalDispatchLoop.start(
                    FollowUps.dispatcher(config, nudges, dynamo.client(), handlers[0].notifier(), clock), 1000);
            return new LocalRunner(dynamo, api, scheduler[0], dispatch, clock, config, options, routes);
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable c : started) {
                if (c == null) continue;
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            dynamo.close();
            throw e;
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Map<String, Map<String, String>> tokens(Path file) {
        Map<String, Map<String, String>> out = new HashMap<>();
        JsonNode root = readJson(file).path("tokens");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> claims = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(c -> claims.put(c.getKey(), c.getValue().asText()));
            out.put(e.getKey(), claims);
        }
        return out;
    }

    public int port() {
        return api.port();
    }

    public String baseUrl() {
        return "http://" + options.host() + ":" + api.port();
    }

    public LocalClock clock() {
        return clock;
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    /** Sends what is due now instead of waiting for the next tick (tests). */
    public void dispatchNow() {
        dispatch.runOnce();
    }

    /** What it serves and how to try it. */
    public String banner() {
        StringBuilder sb = new StringBuilder();
        sb.append("Rampe is running locally\n");
        sb.append("  HTTP API      ").append(baseUrl()).append('\n');
        sb.append("  web app       ").append(baseUrl()).append("/app/login  (log in as a local caseworker, consultant or project owner)\n");
        sb.append("  DynamoDB      ").append(dynamo.endpoint()).append(options.dataDir() == null ? " (in memory)"
                : " (data in " + options.dataDir().toAbsolutePath().normalize() + ")").append('\n');
        sb.append("  tables        ").append(config.table()).append(", ").append(config.auditTable()).append('\n');
        sb.append("  settings      ").append(options.settingsFile().toAbsolutePath().normalize()).append('\n');
        sb.append("  outbox        ").append(options.outboxDir().toAbsolutePath().normalize())
                .append(" (one .eml per email, one JSON line per SMS)\n");
        sb.append("  local tokens  ").append(options.tokensFile().toAbsolutePath().normalize()).append('\n');
        sb.append("Routes (from infra/sam-template.yaml):\n");
        for (LocalRoutes.Route r : routes) {
            sb.append(String.format("  %-6s %-45s %s%n", r.method(), r.path(),
                    r.handlerClass().substring(r.handlerClass().lastIndexOf('.') + 1)));
        }
        Path sample = Events.folder().resolve("referral-intake/referral.json");
        for (LocalScheduler.Schedule s : scheduler.schedules()) {
            sb.append(String.format("  schedule      %s -> %s (local clock)%n", s.id(), s.functionId()));
        }
        sb.append("  local clock   ").append(baseUrl()).append("/_local/clock  (POST {\"advance\":\"P90D\"} to move it forward)")
                .append(options.clockStart() == null ? "" : "; started at " + options.clockStart()).append('\n');
        sb.append("Try it:\n");
        sb.append("  curl -s -X POST ").append(baseUrl()).append("/v1/referrals \\\n")
                .append("    -H 'Authorization: Bearer local-jobcenter-aarhus' -H 'Content-Type: application/json' \\\n")
                .append("    --data @").append(Path.of("").toAbsolutePath().relativize(sample.toAbsolutePath())).append('\n');
        sb.append("  curl -s ").append(baseUrl()).append("/v1/referrals/<referralId> -H 'Authorization: Bearer local-jobcenter-aarhus'\n");
        sb.append("Stop with Ctrl-C.");
        return sb.toString();
    }

    @Override
    public void close() {
        dispatch.close();
        scheduler.close();
        api.close();
        dynamo.close();
    }

    public static void main(String[] args) throws Exception {
        LocalRunner runner = start(Options.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "rampe-local-shutdown"));
        System.out.println(runner.banner());
        Thread.currentThread().join();
    }
}
