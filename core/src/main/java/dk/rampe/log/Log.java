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
