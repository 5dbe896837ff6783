package dk.rampe.path;

import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import dk.rampe.referral.ReferralStatus;
import java.time.Clock;
import java.util.Objects;

/**
 * The exit, as one use case behind both doors (the API's {@code POST …/exit} and the web app's exit
 * form): the referral's status, the path's last step (which keeps or cancels reminders by outcome, see
 * {@link AftercarePlan}), the consultant's part of the exit description, and for an exit without job or
 * education the caseworker's one neutral notice. The doors only parse the request and render the answer.
 */
public final class ParticipantExit {
    private final ReferralService referrals;
    private final PathService paths;
    private final ExitNotice notice;
    private final Clock clock;

    public ParticipantExit(ReferralService referrals, PathService paths, ExitNotice notice, Clock clock) {
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.notice = Objects.requireNonNull(notice, "notice");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What the consultant says at the exit. A description goes back to the jobcentre only with an exit
     * without job or education; given with any other outcome it is refused on its field.
     */
    public record Command(String referralId, ExitOutcome outcome, String note, ExitDescription.ConsultantText description,
                          java.time.LocalDate exitedOn, boolean fromHistory) {
        /** An exit today. */
        public Command(String referralId, ExitOutcome outcome, String note, ExitDescription.ConsultantText description) {
            this(referralId, outcome, note, description, null);
        }

        /** An exit recorded now, dated {@code exitedOn} (null: today). */
        public Command(String referralId, ExitOutcome outcome, String note, ExitDescription.ConsultantText description,
                       java.time.LocalDate exitedOn) {
            this(referralId, outcome, note, description, exitedOn, false);
        }

        /**
         * An exit from a programme's history, imported: it happened before Rampe, and the jobcentre handled it then,
         * so its caseworker is not told of an exit description now.
         */
        public static Command fromHistory(String referralId, ExitOutcome outcome, java.time.LocalDate exitedOn) {
            return new Command(referralId, outcome, null, null, exitedOn, true);
        }

        public Command {
            Objects.requireNonNull(referralId, "referralId");
            if (outcome == null) throw new ValidationException(new FieldError("outcome", "required"));
            if (description != null && outcome.employmentOrEducation()) {
                throw new ValidationException(new FieldError("description", "unknownField"));
            }
        }
    }

    public Referral exit(Caller caller, Command c) {
        Referral exited;
        try {
            // dated in the past: not before the path's latest step (nothing may follow the exit)
            java.time.LocalDate notBefore = c.exitedOn() == null ? null : paths.path(c.referralId()).steps().stream()
                    .map(s -> s.current().effectiveOn()).max(java.util.Comparator.naturalOrder()).orElse(null);
            exited = referrals.exit(caller, c.referralId(), c.outcome(), c.note(), c.exitedOn(), notBefore);
        } catch (DomainException e) {
            // a second exit is refused; it still completes the path's exit record if a failure left it unwritten
            if ("status.alreadyExited".equals(e.code())) {
                Referral left = referrals.referralForStaff(caller, c.referralId());
                String first = left.history().stream().filter(h -> h.status() == ReferralStatus.EXITED)
                        .map(h -> h.outcome()).findFirst().orElse(c.outcome().wireName());
                paths.statusChanged(left, MilestoneType.EXITED, caller.id(), first);
            }
            throw e;
        }
        paths.statusChanged(exited, MilestoneType.EXITED, caller.id(), c.outcome().wireName());
        if (c.description() != null) paths.saveExitText(exited, c.description());
        // without job or education: the caseworker is told the exit description is ready (once); an exit from the
        // history imported is not news to the jobcentre
        if (!c.outcome().employmentOrEducation() && !c.fromHistory()) notice.send(exited, clock.instant());
        return exited;
    }
}
