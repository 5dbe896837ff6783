package dk.rampe.referral;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a referral is on the participant's path. */
public enum ReferralStatus {
    RECEIVED,
    ACCEPTED,
    DECLINED,
    OUTSIDE_TARGET_GROUP,
    ENROLLED,
    EXITED;

    /** The citizen counts as active in the programme (a second referral is refused). */
    public boolean active() {
        return this == RECEIVED || this == ACCEPTED || this == ENROLLED;
    }

    public Set<ReferralStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACCEPTED, DECLINED, OUTSIDE_TARGET_GROUP);
            case ACCEPTED -> EnumSet.of(ENROLLED, EXITED);
            case ENROLLED -> EnumSet.of(EXITED);
            default -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReferralStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
