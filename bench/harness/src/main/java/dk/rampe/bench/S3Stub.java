package dk.rampe.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * S3 on loopback, enough for the report archive (path-style PutObject, GetObject, ListObjectsV2), so
 * the report functions run in the bench without a real S3 or moto. Objects are kept in memory. A body
 * sent aws-chunked (the SDK's streaming upload with a checksum trailer, signed or not) is decoded.
 */
final class S3Stub implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

    S3Stub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int objects() {
        return objects.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String rest = path.startsWith("/") ? path.substring(1) : path;
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            byte[] body = ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("x-amz-request-id", "bench-s3");
            switch (ex.getRequestMethod()) {
                case "PUT" -> {
                    String sha = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
                    String encoding = ex.getRequestHeaders().getFirst("content-encoding");
                    boolean chunked = (sha != null && sha.startsWith("STREAMING-"))
                            || (encoding != null && encoding.contains("aws-chunked"));
                    objects.put(bucket + "/" + key, chunked ? unchunk(body) : body);
                    ex.getResponseHeaders().add("ETag", "\"bench\"");
                    ex.sendResponseHeaders(200, -1);
                }
                case "GET", "HEAD" -> {
                    if (key.isEmpty()) {
                        list(ex, bucket, query(ex.getRequestURI().getRawQuery()).getOrDefault("prefix", ""));
                        return;
                    }
                    byte[] o = objects.get(bucket + "/" + key);
                    if (o == null) {
                        send(ex, 404, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                                + "<Message>The specified key does not exist.</Message></Error>");
                        return;
                    }
                    ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    ex.getResponseHeaders().add("ETag", "\"bench\"");
                    if (ex.getRequestMethod().equals("HEAD")) {
                        ex.sendResponseHeaders(200, -1);
                    } else {
                        ex.sendResponseHeaders(200, o.length == 0 ? -1 : o.length);
                        if (o.length > 0) ex.getResponseBody().write(o);
                    }
                }
                default -> send(ex, 405, "application/xml", "<Error><Code>MethodNotAllowed</Code></Error>");
            }
        }
    }

    private void list(HttpExchange ex, String bucket, String prefix) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>").append(esc(bucket))
                .append("</Name><Prefix>").append(esc(prefix)).append("</Prefix>");
        int n = 0;
        StringBuilder contents = new StringBuilder();
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            if (!e.getKey().startsWith(bucket + "/")) continue;
            String key = e.getKey().substring(bucket.length() + 1);
            if (!key.startsWith(prefix)) continue;
            n++;
            contents.append("<Contents><Key>").append(esc(key)).append("</Key><LastModified>").append(Instant.EPOCH)
                    .append("</LastModified><ETag>\"bench\"</ETag><Size>").append(e.getValue().length)
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        xml.append("<KeyCount>").append(n).append("</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>")
                .append(contents).append("</ListBucketResult>");
        send(ex, 200, "application/xml", xml.toString());
    }

    /** aws-chunked: {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n} … {@code 0…\r\n<trailers>\r\n\r\n}. */
    static byte[] unchunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            int eol = indexOfCrlf(in, i);
            if (eol < 0) break;
            String header = new String(in, i, eol - i, StandardCharsets.US_ASCII);
            int semi = header.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? header : header.substring(0, semi)).strip(), 16);
            i = eol + 2;
            if (size == 0) break;
            out.write(in, i, size);
            i += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
