package dk.rampe.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a referral was declined at the visitation, as a code from a small fixed list, so the monthly
 * report can count declines by reason (the free-text {@code reason} is never shown there). Only for
 * the decision {@code declined}: a citizen outside the target group has a decision of its own.
 */
public enum DeclineReason {
    /** The citizen does not want to take part now. */
    NOT_MOTIVATED,
    /** Health does not allow it now (too ill, in treatment): no diagnosis is recorded. */
    HEALTH,
    /** Another offer, a job or an education already under way. */
    OTHER_OFFER,
    /** Did not come to the visitation meeting. */
    NO_SHOW,
    /** Transport, childcare or other practical matters. */
    PRACTICAL,
    /** Moved out of the jobcentre's municipality. */
    MOVED,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeclineReason> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(DeclineReason::wireName).toList());
    }
}
