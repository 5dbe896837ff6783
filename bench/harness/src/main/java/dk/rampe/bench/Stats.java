package dk.rampe.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics over nanosecond samples, reported in milliseconds. */
final class Stats {
    private Stats() {
    }

    static double medianMs(List<Long> nanos) {
        return percentileMs(nanos, 50);
    }

    /** Nearest-rank percentile. */
    static double percentileMs(List<Long> nanos, double p) {
        if (nanos.isEmpty()) return Double.NaN;
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        int rank = (int) Math.ceil(p / 100.0 * a.length);
        return a[Math.max(0, Math.min(a.length - 1, rank - 1))] / 1e6;
    }
}
