package dk.rampe.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * The benefit the citizen receives. Sensitive: it is stored and returned to the referring
 * jobcentre, but never written to a log line, an SMS or an email.
 */
public enum Benefit {
    FLEXJOB_LEDIGHEDSYDELSE(false),
    KONTANTHJAELP(true),
    UDDANNELSESHJAELP(true),
    INTEGRATIONSYDELSE(true),
    RESSOURCEFORLOEB(false),
    DAGPENGE(false),
    SYGEDAGPENGE(false);

    private final boolean absenceAffectsBenefit;

    Benefit(boolean absenceAffectsBenefit) {
        this.absenceAffectsBenefit = absenceAffectsBenefit;
    }

    /** Absence without a valid reason must be reported to the jobcentre promptly for these. */
    public boolean absenceAffectsBenefit() {
        return absenceAffectsBenefit;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Benefit> fromWire(String s) {
        return Arrays.stream(values()).filter(b -> b.wireName().equals(s)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Benefit::wireName).toList());
    }
}
