package dk.rampe.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny stand-in for API Gateway in the browser test: each request under /app becomes the
 * APIGatewayV2HTTPEvent AWS would send (cookies in the event's list, form bodies base64-encoded),
 * and the response's cookies become Set-Cookie headers. (The local runner has the full version.)
 */
final class LocalAppServer implements AutoCloseable {
    private final HttpServer server;
    private final WebAppHandler handler;

    LocalAppServer(WebAppHandler handler) {
        this.handler = handler;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/app", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        Map<String, String> headers = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            if (k.equalsIgnoreCase("cookie")) {
                for (String c : v) for (String part : c.split(";")) cookies.add(part.strip());
            } else {
                headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v));
            }
        });
        Map<String, String> query = null;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            query = new HashMap<>();
            for (String kv : rawQuery.split("&")) {
                String[] p = kv.split("=", 2);
                query.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        String routeKey = path.equals("/app") ? method + " /app" : method + " /app/{proxy+}";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery).withHeaders(headers)
                .withQueryStringParameters(query).withCookies(cookies.isEmpty() ? null : cookies)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withStage("$default").withRequestId("local-" + System.nanoTime())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build())
                        .build())
                .withBody(body.length == 0 ? null : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0)
                .build();
        APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
        byte[] out = r.getBody() == null ? new byte[0] : r.getBody().getBytes(StandardCharsets.UTF_8);
        if (r.getHeaders() != null) r.getHeaders().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (r.getCookies() != null) r.getCookies().forEach(c -> ex.getResponseHeaders().add("Set-Cookie", c));
        ex.sendResponseHeaders(r.getStatusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) ex.getResponseBody().write(out);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
