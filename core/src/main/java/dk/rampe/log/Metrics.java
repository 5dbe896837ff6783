package dk.rampe.log;

/**
 * CloudWatch metrics through the Embedded Metric Format: one JSON log line, no SDK call, no
 * extra latency. The SAM template alarms on these (namespace {@value #NAMESPACE}).
 */
public final class Metrics {
    public static final String NAMESPACE = "Rampe";

    private Metrics() {
    }

    /** Counts one occurrence of {@code metric} for this function. */
    public static void count(String metric) {
        count(metric, 1);
    }

    /** Counts {@code n} occurrences of {@code metric} for this function (dimension {@code Function}). */
    public static void count(String metric, long n) {
        String function = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");
        System.out.println("{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis()
                + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE + "\",\"Dimensions\":[[\"Function\"]],"
                + "\"Metrics\":[{\"Name\":\"" + Log.escape(metric) + "\",\"Unit\":\"Count\"}]}]},"
                + "\"Function\":\"" + Log.escape(function) + "\",\"" + Log.escape(metric) + "\":" + n + "}");
    }
}
