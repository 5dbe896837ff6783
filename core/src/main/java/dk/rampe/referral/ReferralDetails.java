package dk.rampe.referral;

import java.time.LocalDate;
import java.util.List;

/** What the jobcentre sends: the referral as described in the domain brief. Immutable once received. */
public record ReferralDetails(
        String programmeId,
        String jobcentreReference,
        Citizen citizen,
        Benefit benefit,
        Caseworker caseworker,
        List<String> jobWishes,
        String motivation,
        String transport,
        String otherIssues,
        List<String> subGoals,
        boolean relativesConsent,
        LocalDate desiredStart) {

    public ReferralDetails {
        jobWishes = List.copyOf(jobWishes);
        subGoals = List.copyOf(subGoals);
    }

    @Override
    public String toString() {
        return "ReferralDetails[programme=" + programmeId + ", redacted]";
    }
}
