package dk.rampe.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01), served on 127.0.0.1 to one child JVM at a time: the real
 * runtime interface client in the child asks for the next event, gets the script's events one by
 * one, and posts each answer back. The times are taken here, in the parent, on the same clock as
 * the child's start: when the child first asks for an event (its init is over), when each event
 * was handed out and when its answer arrived.
 *
 * <p>After the script's last answer the child's next request is held unanswered: the child is
 * then idle, waiting, and the harness ends it.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime";

    private final HttpServer server;
    private final ExecutorService threads;
    private volatile Session current;
    private long traceCounter;

    RuntimeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext(BASE + "/", this::handle);
        server.start();
    }

    /** For AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** One invocation as the Runtime API saw it; {@code status} is the answer's statusCode, or "error: …". */
    record Served(String label, int index, String trace, long deliveredAt, long answeredAt, String status, String answer) {
        long nanos() {
            return answeredAt - deliveredAt;
        }
    }

    /** Serves {@code script} to the next child; {@code seqBase} is its first {{SEQ}}. */
    synchronized Session begin(List<ChildJvm.Step> script, long seqBase, String functionName) {
        return begin(script, seqBase, functionName, null);
    }

    /**
     * As {@link #begin(List, long, String)}; with a {@code primeDir}, the child's first request for an event
     * writes {@code init-done} there and is held until the child writes {@code primed} (its checkpoint hooks
     * ran, see bench/crac-hooks), as SnapStart restores a snapshot taken after them.
     */
    synchronized Session begin(List<ChildJvm.Step> script, long seqBase, String functionName, Path primeDir) {
        Session s = new Session(script, seqBase, functionName);
        s.primeDir = primeDir;
        current = s;
        return s;
    }

    /** A number for each event handed out, unique in the run: its request id and trace id are made from it. */
    private synchronized long nextInvocation() {
        return ++traceCounter;
    }

    private void handle(HttpExchange x) throws IOException {
        Session s = current;
        String path = x.getRequestURI().getPath().substring(BASE.length());
        byte[] body = x.getRequestBody().readAllBytes();
        try {
            if (s == null) {
                reply(x, 500, "{\"errorMessage\":\"no session\"}");
            } else if (x.getRequestMethod().equals("GET") && path.equals("/invocation/next")) {
                s.next(x);
            } else if (x.getRequestMethod().equals("POST") && path.startsWith("/invocation/") && path.endsWith("/response")) {
                s.answered(new String(body, StandardCharsets.UTF_8), null);
                reply(x, 202, "{\"status\":\"OK\"}");
            } else if (x.getRequestMethod().equals("POST") && path.startsWith("/invocation/") && path.endsWith("/error")) {
                s.answered(new String(body, StandardCharsets.UTF_8), errorType(x));
                reply(x, 202, "{\"status\":\"OK\"}");
            } else if (x.getRequestMethod().equals("POST") && path.equals("/init/error")) {
                s.initError(errorType(x) + " " + new String(body, StandardCharsets.UTF_8));
                reply(x, 202, "{\"status\":\"OK\"}");
            } else {
                reply(x, 404, "{\"errorMessage\":\"unknown path\"}");
            }
        } catch (IOException | RuntimeException e) {
            // the child went away (it is ended after its script) or asked something odd: nothing to do
            x.close();
        }
    }

    private static String errorType(HttpExchange x) {
        String t = x.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return t == null ? "error" : t;
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        Session s = current;
        if (s != null) s.release();
        server.stop(0);
        threads.shutdownNow();
    }

    /** One child's script, served in order. */
    final class Session {
        private final List<String[]> plan = new ArrayList<>(); // label, index, template, same
        private final String functionArn;
        private final long seqBase;
        private final List<Served> served = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch finished = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final java.util.Map<Path, String> templates = new java.util.HashMap<>();
        private long currentSeq;
        private String previousAnswer = "";
        private int cursor;
        private String[] inFlight;
        private String inFlightTrace;
        private long deliveredAt;
        volatile long firstNextAt = -1;
        volatile long finishedAt = -1;
        volatile String initError;
        private Path primeDir;
        private boolean primeAsked;
        /** What the child's checkpoint hooks wrote ("ok N", N the resources registered; or "failed …"). */
        volatile String primed;

        Session(List<ChildJvm.Step> script, long seqBase, String functionName) {
            for (ChildJvm.Step step : script) {
                for (int i = 0; i < step.count(); i++) {
                    plan.add(new String[] {step.label(), Integer.toString(i), step.template().toString(),
                        Boolean.toString(step.same())});
                }
            }
            this.seqBase = seqBase;
            this.currentSeq = seqBase - 1;
            this.functionArn = "arn:aws:lambda:eu-north-1:000000000000:function:rampe-" + functionName;
        }

        private void next(HttpExchange x) throws IOException {
            long now = System.nanoTime();
            if (awaitPrimed(now)) now = System.nanoTime();
            String[] step;
            String event;
            long n = nextInvocation();
            String trace = String.format(Locale.ROOT, "Root=1-%08x-%024x;Parent=%016x;Sampled=0",
                    System.currentTimeMillis() / 1000, n, n);
            synchronized (this) {
                if (firstNextAt < 0) firstNextAt = now;
                if (cursor >= plan.size()) {
                    step = null;
                    event = null;
                    finishedAt = now;
                } else {
                    step = plan.get(cursor++);
                    if (!Boolean.parseBoolean(step[3]) || currentSeq < seqBase) currentSeq++;
                    event = Templates.fill(template(Path.of(step[2])), currentSeq, previousAnswer);
                    inFlight = step;
                    inFlightTrace = trace;
                }
            }
            if (step == null) {
                finished.countDown();
                try {
                    released.await(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                x.close();
                return;
            }
            byte[] b = event.getBytes(StandardCharsets.UTF_8);
            var h = x.getResponseHeaders();
            h.set("Content-Type", "application/json");
            h.set("Lambda-Runtime-Aws-Request-Id", String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", n));
            h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 15_000));
            h.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
            h.set("Lambda-Runtime-Trace-Id", trace);
            synchronized (this) {
                deliveredAt = System.nanoTime();
            }
            x.sendResponseHeaders(200, b.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        }

        /** In a primed session, the first request: init is over; waits for the child's hooks. Whether it waited. */
        private boolean awaitPrimed(long now) throws IOException {
            synchronized (this) {
                if (primeDir == null || primeAsked) return false;
                primeAsked = true;
                firstNextAt = now;
            }
            Path done = primeDir.resolve("primed");
            Files.deleteIfExists(done);
            Files.writeString(primeDir.resolve("init-done"), "", StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.exists(done) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            primed = Files.exists(done) ? Files.readString(done, StandardCharsets.UTF_8) : "failed: no answer in 2 minutes";
            return true;
        }

        private void answered(String answer, String errorType) {
            long now = System.nanoTime();
            synchronized (this) {
                String status = errorType != null ? "error: " + errorType : status(answer);
                served.add(new Served(inFlight[0], Integer.parseInt(inFlight[1]), inFlightTrace, deliveredAt, now, status, answer));
                previousAnswer = answer;
            }
        }

        private void initError(String text) {
            initError = text;
            finishedAt = System.nanoTime();
            finished.countDown();
        }

        private String template(Path p) {
            return templates.computeIfAbsent(p, k -> {
                try {
                    return Files.readString(k, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** Waits until the script is done (the child asked for one more event) or the init failed. */
        boolean awaitFinished(long millis) throws InterruptedException {
            return finished.await(millis, TimeUnit.MILLISECONDS);
        }

        /** Lets the held request go (the child is ended by then). */
        void release() {
            released.countDown();
        }

        int planned() {
            return plan.size();
        }

        List<Served> served() {
            synchronized (served) {
                return List.copyOf(served);
            }
        }
    }

    /**
     * The answer's status: its statusCode (an HTTP API answer); an answer without one (a stream batch's
     * or a sweep's summary) counts as 200 unless it reports failed records or errors.
     */
    static String status(String answer) {
        String status = Templates.field(answer, "statusCode");
        if (status != null) return status;
        String errors = Templates.field(answer, "errors");
        boolean failed = answer.contains("\"batchItemFailures\":[{") || (errors != null && !errors.equals("0"));
        return failed ? "500" : "200";
    }
}
