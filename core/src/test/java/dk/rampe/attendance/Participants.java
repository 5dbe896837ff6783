package dk.rampe.attendance;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import java.time.Instant;
import java.util.List;

/** Referrals of attendance tests: received and accepted at {@code received}, enrolled at {@code enrolled}. */
public final class Participants {
    private Participants() {
    }

    public static Referral enrolled(String id, String programme, Benefit benefit, Instant received, Instant enrolled) {
        ReferralDetails details = new ReferralDetails(programme, "JC-1", new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), benefit,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.dk").orElseThrow(), null), List.of(), "", "", "",
                List.of(), false, null);
        return Referral.received(id, "jc1", details, "c1", false, received)
                .moveTo(ReferralStatus.ACCEPTED, received, "c1", null, null)
                .moveTo(ReferralStatus.ENROLLED, enrolled, "c1", null, null);
    }
}
