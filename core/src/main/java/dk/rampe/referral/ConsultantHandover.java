package dk.rampe.referral;

/**
 * What follows when a referral gets another consultant: the follow-ups still open for the
 * previous one move to the new one (see {@code NudgeService#handOver}). Runs before the referral
 * itself is saved with its new consultant, so a retried assignment finishes a handover that
 * failed half-way.
 */
@FunctionalInterface
public interface ConsultantHandover {
    ConsultantHandover NONE = (programmeId, referralId, from, to, actor) -> { };

    void handOver(String programmeId, String referralId, String fromConsultantId, String toConsultantId, String actor);
}
