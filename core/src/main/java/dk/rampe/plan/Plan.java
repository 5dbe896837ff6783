package dk.rampe.plan;

import dk.rampe.referral.Referral;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The participant's plan (indsatsplan): the small steps the participant sets, each with its
 * status (starting from the referral's sub-goals); what was agreed at the last meeting and who
 * does what; who holds the thread (tovholder); the people around the participant who help.
 * Versioned: each saved change is a new version, and the list of changes is the plan's history.
 */
public record Plan(String referralId, List<Step> steps, String agreements, String tovholder,
                   List<Supporter> supporters, long version, List<Change> changes) {

    public static final int MAX_STEPS = 12;
    public static final int MAX_SUPPORTERS = 6;

    public Plan {
        steps = List.copyOf(steps);
        supporters = List.copyOf(supporters);
        changes = List.copyOf(changes);
    }

    public enum StepStatus {
        OPEN, UNDERWAY, DONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<StepStatus> fromWire(String s) {
            for (StepStatus v : values()) if (v.wireName().equals(s)) return Optional.of(v);
            return Optional.empty();
        }
    }

    public enum SupporterRole {
        /** A volunteer mentor. */
        MENTOR,
        /** A relative: only when the participant has agreed (the referral's relativesConsent). */
        RELATIVE,
        OTHER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<SupporterRole> fromWire(String s) {
            for (SupporterRole v : values()) if (v.wireName().equals(s)) return Optional.of(v);
            return Optional.empty();
        }
    }

    public record Step(String text, StepStatus status) {
    }

    public record Supporter(String name, SupporterRole role) {
    }

    /** One saved change: when, by whom, which version it made. */
    public record Change(Instant at, String by, long version) {
    }

    /** The plan before anything is saved: the referral's sub-goals as open steps (version 0). */
    public static Plan initial(Referral r) {
        List<Step> steps = new ArrayList<>();
        for (String g : r.details().subGoals()) steps.add(new Step(g, StepStatus.OPEN));
        return new Plan(r.id(), steps, null, null, List.of(), 0, List.of());
    }

    @Override
    public String toString() {
        return "Plan[referral=" + referralId + ", version=" + version + "]";
    }
}
