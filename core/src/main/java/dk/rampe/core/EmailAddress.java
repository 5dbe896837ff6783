package dk.rampe.core;

import java.util.Optional;
import java.util.regex.Pattern;

/** An email address: one @, a dotted domain, at most 254 characters; letters such as æøå allowed. */
public final class EmailAddress {
    private static final Pattern SHAPE = Pattern.compile(
            "^[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+$");
    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /** An address Rampe validated and stored earlier, read back as it is. */
    public static EmailAddress stored(String value) {
        return new EmailAddress(value);
    }

    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip();
        if (s.length() > 254 || !SHAPE.matcher(s).matches() || s.contains("..")) return Optional.empty();
        return Optional.of(new EmailAddress(s));
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress e && e.value.equalsIgnoreCase(value);
    }

    @Override
    public int hashCode() {
        return value.toLowerCase(java.util.Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return "EmailAddress[redacted]";
    }
}
