package dk.rampe.path;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A step of the participant's path. Enrolment and exit are recorded by their own routes. */
public enum MilestoneType {
    ENROLLED, INTERNSHIP_STARTED, INTERNSHIP_ENDED, JOB_STARTED, HOURS_CHANGED, JOB_ENDED, EDUCATION_STARTED, EXITED;

    /** The types the milestones route takes (enrolment and exit have routes of their own). */
    public boolean recordedOnMilestonesRoute() {
        return this != ENROLLED && this != EXITED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MilestoneType> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).filter(MilestoneType::recordedOnMilestonesRoute)
                .map(MilestoneType::wireName).toList());
    }
}
