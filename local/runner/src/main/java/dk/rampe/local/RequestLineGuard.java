package dk.rampe.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.ApiError;
import dk.rampe.api.HttpApi;
import dk.rampe.core.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The port the local runner listens on, in front of the JDK's HTTP server. The JDK server
 * answers a request target it cannot parse as a URI (a malformed %-escape such as {@code /%zz})
 * with its own HTML page, before any handler runs; API Gateway answers 400. This guard reads
 * each request's head, answers such a target with Rampe's own 400 problem+json, and passes
 * everything else through to the JDK server unchanged (bodies by Content-Length; a chunked
 * body ends the checking for that connection, which then is a plain pipe).
 */
final class RequestLineGuard implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket socket;
    private final int backendPort;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-request-guard");
        t.setDaemon(true);
        return t;
    });

    RequestLineGuard(String host, int port, int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(host, port), 64);
        pool.execute(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                if (socket.isClosed()) return;
            }
        }
    }

    private void serve(Socket client) {
        Socket backend;
        try {
            backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        // answers flow back on their own thread; when the server side ends, both sockets close
        pool.execute(() -> {
            try {
                backend.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException ignored) {
                // one side went away
            }
            closeQuietly(client);
            closeQuietly(backend);
        });
        try {
            InputStream in = client.getInputStream();
            OutputStream toBackend = backend.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) break;
                String text = new String(head, StandardCharsets.ISO_8859_1);
                int eol = text.indexOf("\r\n");
                String[] parts = (eol < 0 ? text : text.substring(0, eol)).split(" ");
                String refused = parts.length == 3 ? refusedTarget(parts[1]) : null;
                if (refused != null) {
                    refuse(client, text, refused);
                    closeQuietly(client);
                    closeQuietly(backend);
                    return;
                }
                toBackend.write(head);
                toBackend.flush();
                String headers = text.toLowerCase(Locale.ROOT);
                if (headers.contains("\r\ntransfer-encoding:")) {
                    in.transferTo(toBackend); // chunked: no further checks on this connection
                    break;
                }
                long length = contentLength(headers);
                if (copy(in, toBackend, length) < length) break;
                toBackend.flush();
            }
            backend.shutdownOutput(); // the server answers what it has, then closes
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(backend);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Null when the JDK server can parse the request target, else "path" or "query" (what is malformed). */
    static String refusedTarget(String target) {
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            int q = target.indexOf('?');
            if (q < 0) return "path";
            try {
                new URI(target.substring(0, q));
                return "query";
            } catch (URISyntaxException e2) {
                return "path";
            }
        }
    }

    private static void refuse(Socket client, String head, String field) throws IOException {
        String language = null;
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "accept-language:", 0, 16)) language = line.substring(16).strip();
        }
        APIGatewayV2HTTPResponse r = HttpApi.problem(ApiError.field(400, field, "path.malformed"),
                Language.from(language), "-");
        byte[] body = r.getBody().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("HTTP/1.1 400 Bad Request\r\n");
        r.getHeaders().forEach((k, v) -> out.append(k).append(": ").append(v).append("\r\n"));
        out.append("content-length: ").append(body.length).append("\r\nconnection: close\r\n\r\n");
        OutputStream o = client.getOutputStream();
        o.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        o.write(body);
        o.flush();
    }

    /** The request head up to and including the blank line, or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) return head.size() == 0 ? null : head.toByteArray();
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) return head.toByteArray();
        }
        return head.toByteArray(); // too long: the JDK server refuses it itself
    }

    private static long contentLength(String lowerHead) {
        int i = lowerHead.indexOf("\r\ncontent-length:");
        if (i < 0) return 0;
        int end = lowerHead.indexOf("\r\n", i + 2);
        try {
            return Long.parseLong(lowerHead.substring(i + 17, end).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < length) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, length - done));
            if (n < 0) break;
            out.write(buf, 0, n);
            done += n;
        }
        return done;
    }
}
