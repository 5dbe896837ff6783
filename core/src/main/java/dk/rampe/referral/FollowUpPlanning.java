package dk.rampe.referral;

import dk.rampe.core.Caller;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.NudgeService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Staff plan a follow-up on a referral for its consultant: the task and its nudges are written
 * in one transaction. The same kind and due time for the same referral is the same decision:
 * planning it again creates and sends nothing.
 */
public final class FollowUpPlanning {
    /** A follow-up is due within two years of now, either way (one recorded late, or planned far ahead). */
    public static final Duration WINDOW = Duration.ofDays(2 * 366);

    /** What planning answers: a new task, or the one this same decision planned before. */
    public sealed interface Outcome permits Planned, AlreadyPlanned {
        FollowUpTask task();
    }

    public record Planned(FollowUpTask task) implements Outcome {
    }

    public record AlreadyPlanned(FollowUpTask task) implements Outcome {
    }

    private final ReferralService referrals;
    private final NudgeService nudges;
    private final Clock clock;

    public FollowUpPlanning(ReferralService referrals, NudgeService nudges, Clock clock) {
        this.referrals = referrals;
        this.nudges = nudges;
        this.clock = clock;
    }

    public Outcome plan(Caller caller, String referralId, FollowUpKind kind, Instant dueAt) {
        Instant now = clock.instant();
        Instant earliest = now.minus(WINDOW);
        Instant latest = now.plus(WINDOW);
        if (dueAt.isBefore(earliest) || dueAt.isAfter(latest)) {
            throw new ValidationException(new FieldError("dueAt", "dateTime.range", earliest, latest));
        }
        Referral referral = referrals.activeReferralForStaff(caller, referralId);
        FollowUpStore.CreateResult result = nudges.create(new NudgeService.NewFollowUp(kind, referral.programmeId(),
                referral.id(), referral.consultantId(), dueAt, null, "planned:" + dueAt), caller.id());
        if (result instanceof FollowUpStore.Created created) return new Planned(created.task());
        return new AlreadyPlanned(((FollowUpStore.AlreadyExists) result).task());
    }
}
