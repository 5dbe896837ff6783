package dk.rampe.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real AWS-protocol peer that nobody here wrote: {@code moto_server} (the Python moto
 * library's stand-alone server; SES v2, SNS, S3, Secrets Manager, EventBridge Scheduler, ...)
 * started on a free port of 127.0.0.1, waited for, and stopped again. Its backends can be read
 * ({@code GET /moto-api/data.json}) and the requests it received can be recorded, so a test sees
 * what the peer really took in. {@link #missing()} says why it cannot run, for a JUnit assumption.
 *
 * <p>Set {@code RAMPE_MOTO_SERVER} to a moto_server executable to use one that is not on the PATH.
 */
public final class MotoServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static String missing;
    private static boolean checked;

    private final Process process;
    private final int port;
    private final Path log;
    private final Path recording;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, int port, Path log, Path recording) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.recording = recording;
    }

    /** The moto_server executable: {@code RAMPE_MOTO_SERVER}, else the first on the PATH; null when none. */
    public static Path executable() {
        return Executables.find("moto_server", "RAMPE_MOTO_SERVER");
    }

    /** Null when moto_server can run here; otherwise why not (for {@code Assumptions.assumeTrue}). */
    public static synchronized String missing() {
        if (checked) return missing;
        checked = true;
        Path exe = executable();
        if (exe == null) {
            missing = "moto_server not on PATH: install moto to run this suite (pip install 'moto[server]'),"
                    + " or set RAMPE_MOTO_SERVER";
            return missing;
        }
        // a pyenv shim can be on the PATH while the active Python has no moto: ask it once
        try {
            Process p = new ProcessBuilder(exe.toString(), "--help").redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                missing = exe + " --help did not answer within 60 s";
            } else if (p.exitValue() != 0) {
                byte[] out = p.getInputStream().readAllBytes();
                missing = exe + " does not run (exit " + p.exitValue() + "): install moto to run this suite: "
                        + new String(out, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            missing = exe + " cannot be started: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            missing = "interrupted while checking moto_server";
        }
        return missing;
    }

    /** Starts moto_server on a free port of 127.0.0.1 and returns once it answers (at most 60 s). */
    public static MotoServer start() {
        String why = missing();
        if (why != null) throw new IllegalStateException(why);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between finding and binding it
            try {
                return startOnce(freePort());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static MotoServer startOnce(int port) {
        try {
            Path log = Files.createTempFile("moto-server-", ".log");
            Path recording = Files.createTempFile("moto-recording-", ".jsonl");
            ProcessBuilder pb = new ProcessBuilder(executable().toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("MOTO_RECORDER_FILEPATH", recording.toString());
            pb.environment().remove("MOTO_ENABLE_RECORDING");
            MotoServer server = new MotoServer(pb.start(), port, log, recording);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String printed = log();
                close();
                throw new IllegalStateException("moto_server exited (" + process.exitValue() + ") before answering: "
                        + printed);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        String printed = log();
        close();
        throw new IllegalStateException("moto_server did not answer on port " + port + " within " + START_TIMEOUT
                + ": " + printed);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint override for every SDK client, e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Every model instance moto holds, by service and model: {@code GET /moto-api/data.json}. */
    public JsonNode backends() {
        return parse(call("GET", "/moto-api/data.json"));
    }

    /** The instances of one model, e.g. {@code ("ses", "Message")} or {@code ("sns", "SMS")}; empty if none. */
    public List<JsonNode> models(String service, String model) {
        List<JsonNode> out = new ArrayList<>();
        backends().path(service).path(model).forEach(out::add);
        return out;
    }

    /** Forgets everything moto holds (all services). */
    public void reset() {
        call("POST", "/moto-api/reset");
    }

    /** From now on moto writes down every request it receives (see {@link #recorded()}); clears earlier ones. */
    public void startRecording() {
        call("POST", "/moto-api/recorder/reset-recording");
        call("POST", "/moto-api/recorder/start-recording");
    }

    /** A request as moto received it. */
    public record Recorded(String method, String url, JsonNode headers, String body) {
    }

    /** The requests received since {@link #startRecording()}, in order, bodies decoded as UTF-8. */
    public List<Recorded> recorded() {
        List<Recorded> out = new ArrayList<>();
        for (String line : call("GET", "/moto-api/recorder/download-recording").split("\n")) {
            if (line.isBlank()) continue;
            JsonNode e = parse(line);
            String body = e.path("body").isNull() ? "" : e.path("body").asText("");
            if (e.path("body_encoded").asBoolean(false)) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            out.add(new Recorded(e.path("method").asText(), e.path("url").asText(), e.path("headers"), body));
        }
        return out;
    }

    private String call(String method, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint() + path))
                    .timeout(CALL_TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException("moto answered with something that is not JSON: " + text, e);
        }
    }

    /** What moto_server printed so far (its request log and any error). */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server (and anything it started), waits for it to end and removes its temporary files. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // temporary files only
        }
    }
}
