package dk.rampe.report;

import java.util.Locale;

/** Where an enrolled participant is on the path at a moment (the report's flow section). */
public enum Phase {
    COURSE, INTERNSHIP, PAID_HOURS_OR_JOB, EDUCATION, EXITED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
