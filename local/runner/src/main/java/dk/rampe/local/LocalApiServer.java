package dk.rampe.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import dk.rampe.core.Language;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The local stand-in for the API Gateway HTTP API: each request becomes the same
 * {@link APIGatewayV2HTTPEvent} (payload format 2.0) that AWS would send, including the JWT
 * authorizer's claims, and goes to the very same handler class.
 */
public final class LocalApiServer implements AutoCloseable {
    /** What the HTTP API's JWT authorizer would do: a bearer token to its claims, or null (401). */
    public interface Authorizer extends Function<String, Map<String, String>> {
    }

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_BODY = 10 * 1024 * 1024; // API Gateway's own payload limit

    private final HttpServer server;
    private final RequestLineGuard guard;
    private final List<LocalRoutes.Route> routes;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final Authorizer authorizer;

    public LocalApiServer(String host, int port, List<LocalRoutes.Route> routes,
                          Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlersByClass,
                          Authorizer authorizer, com.sun.net.httpserver.HttpHandler localOnly) throws IOException {
        this.routes = routes;
        this.handlers = handlersByClass;
        this.authorizer = authorizer;
        // the JDK server listens on loopback only; the public port is the guard in front of it
        this.server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::serve);
        if (localOnly != null) server.createContext("/_local/", localOnly);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        this.guard = new RequestLineGuard(host, port, server.getAddress().getPort());
    }

    public int port() {
        return guard.port();
    }

    @Override
    public void close() {
        guard.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            LocalRoutes.Route route = null;
            Map<String, String> params = null;
            boolean pathKnown = false;
            for (LocalRoutes.Route r : routes) {
                Map<String, String> p = r.match(rawPath);
                if (p == null) continue;
                pathKnown = true;
                if (r.method().equals(method)) {
                    route = r;
                    params = p;
                    break;
                }
            }
            if (route == null) {
                // API Gateway answers unknown routes itself, before any function runs
                send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            Map<String, String> claims = null;
            if (route.authorized()) {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
                claims = token == null ? null : authorizer.apply(token);
                if (claims == null) {
                    send(exchange, 401, Map.of("content-type", "application/json", "www-authenticate", "Bearer"),
                            "{\"message\":\"Unauthorized\"}");
                    return;
                }
                if (!route.scopes().isEmpty() && java.util.Arrays.stream(claims.getOrDefault("scope", "").split("\\s+"))
                        .noneMatch(route.scopes()::contains)) {
                    // API Gateway answers a token without one of the route's scopes itself
                    send(exchange, 403, Map.of("content-type", "application/json"), "{\"message\":\"Forbidden\"}");
                    return;
                }
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                send(exchange, 413, Map.of("content-type", "application/json"), "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            APIGatewayV2HTTPEvent event;
            try {
                event = toEvent(exchange, route, params, claims, body);
            } catch (IllegalArgumentException e) {
                // a malformed %-escape in the query: API Gateway refuses it before any function runs
                sendProblem(exchange, ApiError.field(400, "query", "path.malformed"));
                return;
            }
            APIGatewayV2HTTPResponse response = handlers.get(route.handlerClass())
                    .handleRequest(event, new LocalContext(event.getRequestContext().getRequestId(), route.functionId()));
            Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
            // API Gateway turns the response's cookies into Set-Cookie headers, one each
            if (response.getCookies() != null) {
                response.getCookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            }
            byte[] out = response.getBody() == null ? new byte[0]
                    : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            send(exchange, response.getStatusCode(), headers, out);
        } catch (RuntimeException e) {
            e.printStackTrace();
            send(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        }
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, LocalRoutes.Route route, Map<String, String> params,
                                         Map<String, String> claims, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = null;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String k = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String v = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(route.method()).withPath(exchange.getRequestURI().getRawPath()).withProtocol("HTTP/1.1")
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", "")).build();
        var ctx = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000").withApiId("local").withDomainName("127.0.0.1").withDomainPrefix("local")
                .withHttp(http).withRequestId(requestId).withRouteKey(route.routeKey()).withStage("$default")
                .withTime(REQUEST_TIME.format(now)).withTimeEpoch(now.toEpochMilli());
        if (claims != null) {
            ctx.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(new HashMap<>(claims)).build()).build());
        }
        var b = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(route.routeKey()).withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery == null ? "" : rawQuery).withHeaders(headers)
                .withQueryStringParameters(query).withPathParameters(params.isEmpty() ? null : params)
                .withRequestContext(ctx.build());
        if (body.length > 0) {
            // As API Gateway: a text body goes as text only when it is valid UTF-8; otherwise (and
            // for binary types) as base64, so the handler sees the very bytes and can refuse them.
            String decoded = text ? strictUtf8(body) : null;
            b.withBody(decoded != null ? decoded : Base64.getEncoder().encodeToString(body))
                    .withIsBase64Encoded(decoded == null);
        }
        return b.build();
    }

    /** The bytes as text if they are valid UTF-8, else null (never replacement characters). */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** An answer in Rampe's own problem+json format (for what the runner itself refuses). */
    static void sendProblem(HttpExchange exchange, RuntimeException problem) throws IOException {
        APIGatewayV2HTTPResponse r = HttpApi.problem(problem, Language.from(
                exchange.getRequestHeaders().getFirst("Accept-Language")), "-");
        send(exchange, r.getStatusCode(), r.getHeaders(), r.getBody().getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        send(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
