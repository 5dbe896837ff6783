package dk.rampe.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * A local HTTP endpoint standing in for an AWS service (SES v2, SNS): it records every request
 * exactly as it arrived on the wire and answers with scripted responses (success, throttling,
 * a permanent error), so adapters are tested on the requests they really send.
 */
public final class FakeAwsEndpoint implements AutoCloseable {
    /** A request as received. Header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body as form fields (query protocol), in order. */
        public Map<String, String> form() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            }
            return out;
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Response> scripted = new ConcurrentLinkedDeque<>();
    private volatile Function<Request, Response> otherwise;

    private FakeAwsEndpoint(Function<Request, Response> otherwise) {
        this.otherwise = otherwise;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an endpoint answering every request with {@code otherwise} unless a response was scripted. */
    public static FakeAwsEndpoint start(Function<Request, Response> otherwise) {
        return new FakeAwsEndpoint(otherwise);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests get these answers, in order; then {@code otherwise} again. */
    public FakeAwsEndpoint thenAnswer(Response... responses) {
        for (Response r : responses) scripted.addLast(r);
        return this;
    }

    public void otherwise(Function<Request, Response> f) {
        this.otherwise = f;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), headers, body);
        requests.add(request);
        Response r = scripted.pollFirst();
        if (r == null) r = otherwise.apply(request);
        byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) ex.getResponseBody().write(out);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // Answers as SES v2 and SNS give them.

    public static Response sesSent(String messageId) {
        return new Response(200, Map.of("Content-Type", "application/json", "x-amzn-RequestId", "req-1"),
                "{\"MessageId\":\"" + messageId + "\"}");
    }

    public static Response sesThrottled() {
        return new Response(429, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "TooManyRequestsException",
                "x-amzn-RequestId", "req-2"), "{\"message\":\"Maximum sending rate exceeded.\"}");
    }

    public static Response sesRejected() {
        return new Response(400, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "MessageRejected",
                "x-amzn-RequestId", "req-3"), "{\"message\":\"Email address is not verified.\"}");
    }

    public static Response snsPublished(String messageId) {
        return new Response(200, Map.of("Content-Type", "text/xml"),
                "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                        + messageId + "</MessageId></PublishResult><ResponseMetadata><RequestId>req-4</RequestId>"
                        + "</ResponseMetadata></PublishResponse>");
    }

    public static Response snsError(int status, String code) {
        return new Response(status, Map.of("Content-Type", "text/xml"),
                "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>"
                        + code + "</Code><Message>" + code + "</Message></Error><RequestId>req-5</RequestId></ErrorResponse>");
    }
}
