package dk.rampe.bench.crac;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM's main class for the primed first invocation: starts the runtime interface client
 * (AWSLambda) as Lambda does, and beside it waits until the harness's Runtime API writes
 * {@code init-done} into {@code -Dbench.primeDir} (the client asked for its first event, so the
 * handler is built and registered); then runs the global context's {@code beforeCheckpoint} and
 * {@code afterRestore}, in SnapStart's order, and writes {@code primed} (with the failure, if a
 * hook threw), on which the harness hands out the first event.
 */
public final class PrimedStart {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private PrimedStart() {
    }

    public static void main(String[] args) throws Throwable {
        Path dir = Path.of(System.getProperty("bench.primeDir"));
        Thread snapshot = new Thread(() -> prime(dir), "bench-snapshot");
        snapshot.setDaemon(true);
        snapshot.start();
        try {
            Class.forName(RIC_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static void prime(Path dir) {
        String outcome = "ok";
        try {
            while (!Files.exists(dir.resolve("init-done"))) Thread.sleep(1);
            Context<Resource> global = Core.getGlobalContext();
            global.beforeCheckpoint(null);
            global.afterRestore(null);
            outcome = "ok " + global.size();
            System.out.println("bench: checkpoint hooks ran, " + global.size() + " registered");
        } catch (Exception e) {
            outcome = "failed " + e;
        } finally {
            try {
                Files.writeString(dir.resolve("primed.tmp"), outcome, StandardCharsets.UTF_8);
                Files.move(dir.resolve("primed.tmp"), dir.resolve("primed"));
            } catch (java.io.IOException e) {
                System.err.println("bench: could not write " + dir.resolve("primed") + ": " + e);
            }
        }
    }
}
