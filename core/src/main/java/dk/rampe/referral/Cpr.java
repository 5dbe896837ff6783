package dk.rampe.referral;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Danish CPR number: ten digits, DDMMYY then four, with the century read from the seventh
 * digit. Modulus 11 is deliberately NOT checked: numbers issued since 2007 need not satisfy it.
 * {@link #toString()} never shows the number, so a CPR cannot slip into a log line by accident.
 */
public final class Cpr {
    private final String digits;

    private Cpr(String digits) {
        this.digits = digits;
    }

    /**
     * A number Rampe validated and stored earlier, read back without validating it again: a
     * stricter rule added later must never make a stored referral unreadable.
     */
    public static Cpr stored(String digits) {
        return new Cpr(digits);
    }

    /** Accepts {@code DDMMYYXXXX} or {@code DDMMYY-XXXX}; anything else is empty. */
    public static Optional<Cpr> parse(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip();
        if (s.length() == 11 && s.charAt(6) == '-') s = s.substring(0, 6) + s.substring(7);
        if (s.length() != 10) return Optional.empty();
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return Optional.empty();
        }
        String digits = s;
        return birthDate(digits).map(d -> new Cpr(digits));
    }

    /** Ten digits but not a real date gives a different error than "not ten digits". */
    public static boolean isTenDigits(String raw) {
        if (raw == null) return false;
        String s = raw.strip();
        if (s.length() == 11 && s.charAt(6) == '-') s = s.substring(0, 6) + s.substring(7);
        return s.length() == 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static Optional<LocalDate> birthDate(String s) {
        int day = Integer.parseInt(s.substring(0, 2));
        int month = Integer.parseInt(s.substring(2, 4));
        int yy = Integer.parseInt(s.substring(4, 6));
        int seventh = s.charAt(6) - '0';
        int century;
        if (seventh <= 3) century = 1900;
        else if (seventh == 4 || seventh == 9) century = yy <= 36 ? 2000 : 1900;
        else century = yy <= 57 ? 2000 : 1800;
        try {
            return Optional.of(LocalDate.of(century + yy, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public LocalDate birthDate() {
        return birthDate(digits).orElseThrow();
    }

    /** The ten digits. Only for storage, matching, and the referring jobcentre's own response. */
    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cpr c && c.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "Cpr[redacted]";
    }
}
