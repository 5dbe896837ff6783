package dk.rampe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dk.rampe.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.DateTimeException;
import dk.rampe.api.ApiError;
import java.util.List;
import java.util.Map;

/**
 * Local-only controls under {@code /_local/} (never deployed): read the local clock, move it
 * forward ({@code POST /_local/clock {"advance":"P90D"}}), and fire due schedules at once.
 */
final class LocalControl implements HttpHandler {
    /** Far enough for any programme (courses of a year, aftercare after months); far from overflowing an Instant. */
    static final Duration MAX_ADVANCE = Duration.ofDays(100 * 366);

    private final LocalClock clock;
    private final LocalScheduler scheduler;
    private final java.util.function.IntSupplier timeToLive;

    LocalControl(LocalClock clock, LocalScheduler scheduler) {
        this(clock, scheduler, () -> 0);
    }

    /** With {@code timeToLive}: deletes what DynamoDB's TTL would have deleted by now, after each advance. */
    LocalControl(LocalClock clock, LocalScheduler scheduler, java.util.function.IntSupplier timeToLive) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.timeToLive = timeToLive;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/_local/clock") && method.equals("GET")) {
                reply(exchange, 200, state(List.of()));
            } else if (path.equals("/_local/clock") && method.equals("POST")) {
                JsonNode body;
                try {
                    body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    Duration by = Duration.parse(body.path("advance").asText());
                    if (by.compareTo(MAX_ADVANCE) > 0) throw new IllegalArgumentException("too far");
                    clock.advance(by);
                } catch (IOException | DateTimeException | ArithmeticException | IllegalArgumentException e) {
                    // Rampe's problem+json, like the API's own 400s (an overflowing duration included)
                    LocalApiServer.sendProblem(exchange, ApiError.field(400, "advance", "duration.invalid"));
                    return;
                }
                List<String> fired = scheduler.fireDue();
                int expired = timeToLive.getAsInt(); // DynamoDB Local keeps expired items: delete them as AWS would
                reply(exchange, 200, state(fired).put("itemsExpired", expired));
            } else {
                reply(exchange, 404, Json.object().put("message", "Not Found"));
            }
        }
    }

    private ObjectNode state(List<String> fired) {
        ObjectNode o = Json.object();
        o.put("now", clock.instant().toString());
        o.put("offset", clock.offset().toString());
        var a = o.putArray("schedulesFired");
        fired.forEach(a::add);
        return o;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        LocalApiServer.send(exchange, status, Map.of("content-type", "application/json"), Json.write(body));
    }
}
