package dk.rampe.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a participant left the programme. */
public enum ExitOutcome {
    ORDINARY_JOB, FLEXJOB, WAGE_SUBSIDY, SOCIAL_ECONOMY_JOB, EDUCATION,
    PENSION_PROCESS, FURTHER_ASSESSMENT, MOVED, DROPPED_ABSENCE, OTHER;

    /** Left with a job or education (counts as a result against targets). */
    public boolean employmentOrEducation() {
        return this == ORDINARY_JOB || this == FLEXJOB || this == WAGE_SUBSIDY
                || this == SOCIAL_ECONOMY_JOB || this == EDUCATION;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExitOutcome> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(ExitOutcome::wireName).toList());
    }
}
