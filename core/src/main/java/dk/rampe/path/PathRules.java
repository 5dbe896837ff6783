package dk.rampe.path;

import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules a path must keep. A new record is checked against the whole path it would give (so a
 * correction that breaks a later step is refused as well); a refusal names the rule:
 * <ul>
 * <li>{@code date.range} on {@code effectiveOn}: not before the referral was received, not after today;</li>
 * <li>{@code path.afterExit}: nothing after the exit;</li>
 * <li>{@code path.internshipNotStarted}, {@code path.jobNotStarted}: an end (or a change of hours)
 * needs a started internship or job that has not ended;</li>
 * <li>{@code path.internshipOpen}, {@code path.jobOpen}: one internship and one job at a time;</li>
 * <li>{@code path.endBeforeStart} on {@code expectedEnd};</li>
 * <li>{@code path.correctionTarget}: a correction points at the latest record of a step of the same type;</li>
 * <li>{@code path.notEnrolled}: steps are recorded for enrolled (or exited) participants.</li>
 * </ul>
 */
public final class PathRules {
    private PathRules() {
    }

    public static void check(Path before, Milestone candidate, LocalDate referralReceived, LocalDate today,
                             boolean enrolledOrExited) {
        if (candidate.effectiveOn().isBefore(referralReceived) || candidate.effectiveOn().isAfter(today)) {
            throw new ValidationException(new FieldError("effectiveOn", "date.range", referralReceived, today));
        }
        if (candidate.expectedEnd() != null && candidate.expectedEnd().isBefore(candidate.effectiveOn())) {
            throw new ValidationException(new FieldError("expectedEnd", "path.endBeforeStart"));
        }
        if (candidate.type().recordedOnMilestonesRoute() && !enrolledOrExited) {
            throw DomainException.conflict("path.notEnrolled", "type");
        }
        if (candidate.corrects() != null) {
            Milestone target = before.find(candidate.corrects()).orElse(null);
            if (target == null || target.type() != candidate.type() || before.isCorrected(target)) {
                throw DomainException.conflict("path.correctionTarget", "corrects");
            }
        }
        walk(before.with(candidate).steps());
    }

    /** Walks the steps in the order they took effect and refuses the first impossible one. */
    static void walk(List<Path.Step> steps) {
        boolean exited = false;
        boolean internship = false;
        boolean job = false;
        for (Path.Step s : steps) {
            if (exited) throw DomainException.conflict("path.afterExit", "effectiveOn");
            switch (s.type()) {
                case INTERNSHIP_STARTED -> {
                    if (internship) throw DomainException.conflict("path.internshipOpen", "type");
                    internship = true;
                }
                case INTERNSHIP_ENDED -> {
                    if (!internship) throw DomainException.conflict("path.internshipNotStarted", "type");
                    internship = false;
                }
                case JOB_STARTED -> {
                    if (job) throw DomainException.conflict("path.jobOpen", "type");
                    job = true;
                }
                case HOURS_CHANGED -> {
                    if (!job) throw DomainException.conflict("path.jobNotStarted", "type");
                }
                case JOB_ENDED -> {
                    if (!job) throw DomainException.conflict("path.jobNotStarted", "type");
                    job = false;
                }
                case EXITED -> exited = true;
                default -> {
                }
            }
        }
    }
}
