package dk.rampe.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;


/** Starting the local runner as README does (on a free port) and calling it over real HTTP. */
final class LocalCalls {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalCalls() {
    }

    /** A runner with its DynamoDB data in {@code dbDir} (or in memory when null) and its outbox in {@code outboxDir}. */
    static LocalRunner start(Path dbDir, Path outboxDir) throws Exception {
        return start(dbDir, outboxDir, null);
    }

    /**
     * The same with the local clock started at {@code clockStart} (RAMPE_LOCAL_CLOCK_START): the
     * scripted tests keep the issues' dates and run the same on any day the build runs.
     */
    static LocalRunner start(Path dbDir, Path outboxDir, String clockStart) throws Exception {
        Map<String, String> env = new HashMap<>();
        if (clockStart != null) env.put("RAMPE_LOCAL_CLOCK_START", clockStart);
        env.put("RAMPE_LOCAL_PORT", "0");
        env.put("RAMPE_LOCAL_DATA", dbDir == null ? "memory" : dbDir.toString());
        env.put("RAMPE_OUTBOX_DIR", outboxDir.toString());
        return LocalRunner.start(LocalRunner.Options.fromEnvironment(env));
    }

    static HttpResponse<String> send(String method, String url, String token, String body, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
