package dk.rampe.path;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of paid work a job start records. */
public enum JobKind {
    ORDINARY, FLEXJOB, WAGE_SUBSIDY, SOCIAL_ECONOMY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JobKind> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(JobKind::wireName).toList());
    }
}
