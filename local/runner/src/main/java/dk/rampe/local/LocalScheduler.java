package dk.rampe.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * EventBridge Scheduler on the local clock: every {@code AWS::Scheduler::Schedule} of the SAM
 * template fires its target function's handler with the schedule's Input, at the times its
 * expression and time zone give. Like the real scheduler it does not catch up missed firings:
 * when the local clock jumps ahead, each schedule fires once and continues from there.
 */
public final class LocalScheduler implements AutoCloseable {

    public record Schedule(String id, ScheduleExpression expression, String functionId, String handlerClass,
                           String input) {
    }

    private final List<Schedule> schedules;
    private final Map<String, Instant> nextFiring = new LinkedHashMap<>();
    private final Function<String, Object> handlers;
    private final Clock clock;
    private final ScheduledExecutorService ticker;

    private LocalScheduler(List<Schedule> schedules, Function<String, Object> handlers, Clock clock, boolean tick) {
        this.schedules = schedules;
        this.handlers = handlers;
        this.clock = clock;
        Instant now = clock.instant();
        for (Schedule s : schedules) nextFiring.put(s.id(), s.expression().next(now));
        if (tick) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rampe-local-scheduler");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::fireDue, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    /** Starts ticking once a second; {@code handlers} builds a handler from its class name. */
    public static LocalScheduler start(SamTemplate template, Function<String, Object> handlers, Clock clock) {
        return new LocalScheduler(fromTemplate(template), handlers, clock, true);
    }

    /** A scheduler that fires only when {@link #fireDue()} is called (tests). */
    public static LocalScheduler manual(SamTemplate template, Function<String, Object> handlers, Clock clock) {
        return new LocalScheduler(fromTemplate(template), handlers, clock, false);
    }

    @SuppressWarnings("unchecked")
    public static List<Schedule> fromTemplate(SamTemplate template) {
        Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");
        List<Schedule> out = new ArrayList<>();
        template.resourcesOfType("AWS::Scheduler::Schedule").forEach((id, resource) -> {
            Map<String, Object> p = SamTemplate.properties(resource);
            if ("DISABLED".equals(p.get("State"))) return;
            Object tz = p.get("ScheduleExpressionTimezone");
            ZoneId zone = tz instanceof String s ? ZoneId.of(s) : ZoneId.of("UTC");
            Map<String, Object> target = (Map<String, Object>) p.get("Target");
            String functionId = functionOf(target.get("Arn"));
            Map<String, Object> fn = functions.get(functionId);
            if (fn == null) throw new IllegalStateException(id + " targets " + target.get("Arn") + ", not a function");
            String handler = ((String) SamTemplate.properties(fn).get("Handler")).split("::")[0];
            Object input = target.get("Input");
            out.add(new Schedule(id, ScheduleExpression.parse((String) p.get("ScheduleExpression"), zone), functionId,
                    handler, input instanceof String s ? s : "{}"));
        });
        return out;
    }

    /** {@code !Ref Fn.Alias}, {@code !Ref Fn}, {@code !GetAtt Fn.Arn} all name the function Fn. */
    @SuppressWarnings("unchecked")
    static String functionOf(Object arn) {
        if (arn instanceof Map<?, ?> m) {
            if (m.get("Ref") instanceof String ref) return ref.split("\\.")[0];
            if (m.get("Fn::GetAtt") instanceof List<?> l) return (String) l.get(0);
        }
        throw new IllegalArgumentException("cannot tell the target function of " + arn);
    }

    public List<Schedule> schedules() {
        return schedules;
    }

    /** Fires every schedule whose time has come on the local clock; returns the ids fired. */
    public synchronized List<String> fireDue() {
        Instant now = clock.instant();
        List<String> fired = new ArrayList<>();
        for (Schedule s : schedules) {
            if (now.isBefore(nextFiring.get(s.id()))) continue;
            nextFiring.put(s.id(), s.expression().next(now));
            try {
                invoke(s);
                fired.add(s.id());
            } catch (RuntimeException | IOException e) {
                // the real scheduler retries per RetryPolicy; locally we say so and go on
                System.out.println("{\"event\":\"local.schedule.failed\",\"schedule\":\"" + s.id() + "\",\"exception\":\""
                        + e.getClass().getName() + "\"}");
            }
        }
        return fired;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void invoke(Schedule s) throws IOException {
        Object handler = handlers.apply(s.handlerClass());
        LocalContext context = new LocalContext(UUID.randomUUID().toString(), s.functionId());
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(s.input().getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), context);
            return;
        }
        JsonNode input = Json.parse(s.input());
        Map<String, Object> event = Json.MAPPER.convertValue(input, Map.class);
        ((RequestHandler) handler).handleRequest(event, context);
    }

    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
    }
}
