package dk.rampe.core;

import java.util.Optional;

/**
 * A phone number in E.164 form. Danish numbers are eight digits, written with or without
 * +45 / 0045 and with spaces, dots, dashes or brackets; international numbers start with
 * + or 00 and have 8 to 15 digits in all.
 */
public final class PhoneNumber {
    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /** A number Rampe normalised and stored earlier, read back as it is. */
    public static PhoneNumber stored(String e164) {
        return new PhoneNumber(e164);
    }

    public static Optional<PhoneNumber> parse(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 32) return Optional.empty();
        StringBuilder digits = new StringBuilder();
        boolean international = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' && !international && digits.length() == 0) international = true;
            else if (c >= '0' && c <= '9') digits.append(c);
            else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '\u00a0') return Optional.empty();
        }
        String d = digits.toString();
        if (!international && d.startsWith("00")) {
            international = true;
            d = d.substring(2);
        }
        if (!international) {
            if (d.length() != 8 || d.charAt(0) == '0' || d.charAt(0) == '1') return Optional.empty();
            return Optional.of(new PhoneNumber("+45" + d));
        }
        if (d.startsWith("45")) {
            String national = d.substring(2);
            if (national.length() != 8 || national.charAt(0) == '0' || national.charAt(0) == '1') return Optional.empty();
        }
        if (d.length() < 8 || d.length() > 15 || d.charAt(0) == '0') return Optional.empty();
        return Optional.of(new PhoneNumber("+" + d));
    }

    public String e164() {
        return e164;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber p && p.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return "PhoneNumber[redacted]";
    }
}
