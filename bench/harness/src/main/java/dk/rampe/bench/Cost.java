package dk.rampe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each invocation of a metered child cost in DynamoDB: the meter's one line per request
 * (see dk.rampe.bench.meter.CapacityMeter), grouped by the invocation it happened in.
 */
final class Cost {
    private Cost() {
    }

    /**
     * One request as the meter saw it; {@code checked} counts a transaction's condition checks, which
     * DynamoDB bills as writes (in {@code estW}) and which are neither items read nor written.
     */
    record Request(String op, String table, boolean consistent, long read, long written, long checked, double rcu,
                   double wcu, double cu, boolean reported, String split, double estR, double estW) {
        String describe() {
            StringBuilder sb = new StringBuilder(op);
            if (!table.equals("-")) sb.append(' ').append(table);
            if (consistent && !op.startsWith("Transact")) sb.append(" (consistent)");
            if (read > 0 || op.contains("Get") || op.equals("Query") || op.equals("Scan")) sb.append(", read ").append(read);
            if (written > 0) sb.append(", wrote ").append(written);
            if (checked > 0) sb.append(", checked ").append(checked);
            if (reported) {
                if (rcu > 0) sb.append(String.format(Locale.ROOT, ", %.1f RCU", rcu));
                if (wcu > 0) sb.append(String.format(Locale.ROOT, ", %.1f WCU", wcu));
                if (rcu == 0 && wcu == 0) sb.append(String.format(Locale.ROOT, ", %.1f CU", cu));
                if (split.contains("+") || split.contains("gsi")) sb.append(" (").append(split.replace("+", ", ")).append(')');
            }
            if (estR > 0 || estW > 0) {
                sb.append(String.format(Locale.ROOT, "; AWS estimate %s", estR > 0 ? fmt(estR) + " RCU" : fmt(estW) + " WCU"));
            }
            return sb.toString();
        }
    }

    /** One invocation: its label and the DynamoDB requests it made, in order. */
    record Invocation(String label, int index, List<Request> requests) {
        long itemsRead() {
            return requests.stream().mapToLong(Request::read).sum();
        }

        long itemsWritten() {
            return requests.stream().mapToLong(Request::written).sum();
        }

        /** Items a transaction's condition checks looked at: billed as writes, not counted as read. */
        long itemsChecked() {
            return requests.stream().mapToLong(Request::checked).sum();
        }

        double estRcu() {
            return requests.stream().mapToDouble(Request::estR).sum();
        }

        double estWcu() {
            return requests.stream().mapToDouble(Request::estW).sum();
        }

        double rcu() {
            // DynamoDB reports ReadCapacityUnits/WriteCapacityUnits, and always the total CapacityUnits
            return requests.stream().mapToDouble(r -> r.rcu() > 0 ? r.rcu() : r.wcu() == 0 && r.written() == 0 ? r.cu() : 0).sum();
        }

        double wcu() {
            return requests.stream().mapToDouble(r -> r.wcu() > 0 ? r.wcu() : r.rcu() == 0 && r.written() > 0 ? r.cu() : 0).sum();
        }

        boolean reported() {
            return !requests.isEmpty() && requests.stream().allMatch(Request::reported);
        }

        /** Read requests (GetItem, Query, …) and write requests, counted separately. */
        long readRequests() {
            return requests.stream().filter(r -> r.written() == 0).count();
        }

        long writeRequests() {
            return requests.stream().filter(r -> r.written() > 0).count();
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Each invocation of a child run with {@code Meter.CAPACITY}, with the requests the meter saw in it (by trace header). */
    static List<Invocation> read(ChildJvm.Result run) {
        try {
            Map<String, List<Request>> byTrace = new HashMap<>();
            for (String line : Files.readAllLines(run.stderr(), StandardCharsets.UTF_8)) {
                int at = line.indexOf("METER trace=");
                if (at < 0) continue;
                Map<String, String> kv = new HashMap<>();
                for (String part : line.substring(at + 6).split(" ")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) kv.put(part.substring(0, eq), part.substring(eq + 1));
                }
                byTrace.computeIfAbsent(kv.get("trace"), k -> new ArrayList<>()).add(new Request(kv.get("op"), kv.get("table"),
                        Boolean.parseBoolean(kv.get("consistent")),
                        Long.parseLong(kv.get("read")), Long.parseLong(kv.get("written")),
                        Long.parseLong(kv.getOrDefault("checked", "0")),
                        Double.parseDouble(kv.get("rcu")), Double.parseDouble(kv.get("wcu")),
                        Double.parseDouble(kv.get("cu")), Boolean.parseBoolean(kv.get("reported")),
                        kv.getOrDefault("split", "-"), Double.parseDouble(kv.getOrDefault("estR", "0")),
                        Double.parseDouble(kv.getOrDefault("estW", "0"))));
            }
            List<Invocation> out = new ArrayList<>();
            for (ChildJvm.Invocation i : run.invocations()) {
                out.add(new Invocation(i.label(), i.index(), byTrace.getOrDefault(i.trace(), List.of())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
