package dk.rampe.log;

import java.time.Instant;

/**
 * One JSON line per event on stdout (CloudWatch in AWS). Callers pass ids, codes and counts
 * only: there is deliberately no way to log a request body or a domain object.
 */
public final class Log {
    private Log() {
    }

    public static void info(String event, String... keyValues) {
        write("INFO", event, keyValues);
    }

    public static void warn(String event, String... keyValues) {
        write("WARN", event, keyValues);
    }

    public static void error(String event, String... keyValues) {
        write("ERROR", event, keyValues);
    }

    /** How many stack frames an error line carries. */
    public static final int MAX_FRAMES = 10;

    /**
     * An error line that can be found and alarmed on: the exception's class, its top
     * {@value #MAX_FRAMES} stack frames as {@code class.method:line} (joined by {@code " < "}) and
     * the class of its root cause. NEVER the exception's message, which may hold submitted data.
     */
    public static void error(String event, Throwable failure, String... keyValues) {
        String[] kv = new String[keyValues.length + 6];
        System.arraycopy(keyValues, 0, kv, 0, keyValues.length);
        int i = keyValues.length;
        kv[i] = "exception";
        kv[i + 1] = failure.getClass().getName();
        kv[i + 2] = "frames";
        kv[i + 3] = frames(failure);
        Throwable cause = failure.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        kv[i + 4] = "cause";
        kv[i + 5] = cause == null ? "" : cause.getClass().getName();
        write("ERROR", event, kv);
    }

    /**
     * Up to {@value #MAX_FRAMES} frames of {@code failure} as {@code class.method:line}, nearest
     * first: the top {@value #TOP_FRAMES} (where it was thrown), then Rampe's own ({@code dk.rampe.}),
     * so a failure deep in a library still names the line of ours that called it; {@code ...} marks
     * frames left out.
     */
    static String frames(Throwable failure) {
        StringBuilder sb = new StringBuilder(512);
        StackTraceElement[] trace = failure.getStackTrace();
        int written = 0;
        boolean skipped = false;
        for (int i = 0; i < trace.length && written < MAX_FRAMES; i++) {
            if (i >= TOP_FRAMES && !trace[i].getClassName().startsWith("dk.rampe.")) {
                skipped = true;
                continue;
            }
            if (written > 0) sb.append(skipped ? " < ... < " : " < ");
            skipped = false;
            sb.append(trace[i].getClassName()).append('.').append(trace[i].getMethodName()).append(':')
                    .append(trace[i].getLineNumber());
            written++;
        }
        return sb.toString();
    }

    private static final int TOP_FRAMES = 3;

    private static void write(String level, String event, String... kv) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("{\"ts\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"event\":\"").append(escape(event)).append('"');
        for (int i = 0; i + 1 < kv.length; i += 2) {
            sb.append(",\"").append(escape(kv[i])).append("\":\"").append(escape(kv[i + 1])).append('"');
        }
        sb.append('}');
        System.out.println(sb);
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
