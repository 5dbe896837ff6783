package dk.rampe.dispatch;

import dk.rampe.followup.OutboxDispatcher;
import java.time.Instant;
import java.util.Map;

/**
 * CloudWatch metrics through the Embedded Metric Format: one JSON log line, no SDK call. The
 * template alarms on {@code Rampe/Nudges MessagesFailed}.
 */
final class Metrics {
    static final String NAMESPACE = "Rampe/Nudges";

    private Metrics() {
    }

    static void emit(String source, Map<OutboxDispatcher.Result, Integer> counts, int errors) {
        int sent = counts.getOrDefault(OutboxDispatcher.Result.SENT, 0);
        int failed = counts.getOrDefault(OutboxDispatcher.Result.FAILED, 0);
        int retries = counts.getOrDefault(OutboxDispatcher.Result.RETRY_SCHEDULED, 0);
        System.out.println("{\"_aws\":{\"Timestamp\":" + Instant.now().toEpochMilli()
                + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE + "\",\"Dimensions\":[[]],\"Metrics\":["
                + "{\"Name\":\"MessagesSent\",\"Unit\":\"Count\"},{\"Name\":\"MessagesFailed\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"RetriesScheduled\",\"Unit\":\"Count\"},{\"Name\":\"DispatchErrors\",\"Unit\":\"Count\"}]}]},"
                + "\"source\":\"" + source + "\",\"MessagesSent\":" + sent + ",\"MessagesFailed\":" + failed
                + ",\"RetriesScheduled\":" + retries + ",\"DispatchErrors\":" + errors + "}");
    }
}
