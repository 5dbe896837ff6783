package dk.rampe.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTest {
    private static String captured(Runnable r) {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
        return buf.toString(StandardCharsets.UTF_8).strip();
    }

    private static void failDeep(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("citizen 010190-1234 said something",
                    new java.io.UncheckedIOException(new java.io.IOException("secret 010190-1234")));
        }
        failDeep(depth - 1);
    }

    @Test
    void anErrorLineCarriesClassFramesAndRootCauseButNeverTheMessage() {
        RuntimeException e;
        try {
            failDeep(20);
            throw new AssertionError();
        } catch (IllegalStateException x) {
            e = x;
        }
        RuntimeException failure = e;
        String line = captured(() -> Log.error("thing.failed", failure, "requestId", "r1"));
        assertTrue(line.startsWith("{\"ts\":\""), line);
        assertTrue(line.contains("\"level\":\"ERROR\",\"event\":\"thing.failed\",\"requestId\":\"r1\""), line);
        assertTrue(line.contains("\"exception\":\"java.lang.IllegalStateException\""), line);
        assertTrue(line.contains("\"frames\":\"dk.rampe.log.LogTest.failDeep:"), line);
        assertTrue(line.contains("\"cause\":\"java.io.IOException\""), line);
        assertFalse(line.contains("010190") || line.contains("secret") || line.contains("citizen"), line);
        String frames = line.replaceAll(".*\"frames\":\"([^\"]*)\".*", "$1");
        assertEquals(Log.MAX_FRAMES, frames.split(" < ").length, frames);
    }

    @Test
    void framesSkipLibraryInternalsButKeepOurOwnCallers() {
        Throwable t = new RuntimeException();
        t.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("lib.A", "a", "A.java", 1), new StackTraceElement("lib.B", "b", "B.java", 2),
            new StackTraceElement("lib.C", "c", "C.java", 3), new StackTraceElement("lib.D", "d", "D.java", 4),
            new StackTraceElement("dk.rampe.x.Ours", "call", "Ours.java", 42)});
        assertEquals("lib.A.a:1 < lib.B.b:2 < lib.C.c:3 < ... < dk.rampe.x.Ours.call:42", Log.frames(t));
    }
}
