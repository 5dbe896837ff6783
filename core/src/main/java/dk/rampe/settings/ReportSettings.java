package dk.rampe.settings;

import dk.rampe.core.EmailAddress;

import java.util.List;

/**
 * A programme's monthly report: who receives it, how many starts a consultant can carry in four
 * weeks (more warns), and the targets it is measured against.
 */
public record ReportSettings(List<EmailAddress> recipients, int maxStartsPerConsultant4Weeks, List<Target> targets) {

    public ReportSettings {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public static ReportSettings none() {
        return new ReportSettings(List.of(), 0, List.of());
    }

    /** A target's unit: a count of people, or a share in percent (0-100). */
    public enum Unit {
        COUNT, SHARE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a target measures; shares are 0-100 (percent), counts are people: the kind declares its unit. */
    public enum TargetKind {
        /** Share of participants who reached an internship or paid hours/job. */
        EMPLOYER_BASED_SHARE,
        /** Number who left with a job or education. */
        EXITS_TO_WORK_OR_EDUCATION,
        /** Share of job starts still employed six months later (needs aftercare). */
        KEPT_JOB_6_MONTHS_SHARE,
        /** Number employed or in education six months after leaving (needs aftercare). */
        EMPLOYED_6_MONTHS_AFTER_EXIT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** A share ({@code …_share}) or a count of people. */
        public Unit unit() {
            return this == EMPLOYER_BASED_SHARE || this == KEPT_JOB_6_MONTHS_SHARE ? Unit.SHARE : Unit.COUNT;
        }

        public static java.util.Optional<TargetKind> fromWire(String s) {
            return java.util.Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
        }
    }

    public record Target(TargetKind kind, double value) {
    }
}
