package dk.rampe.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Ids derived from a decision, so that making the same decision twice (a sweep run twice, two
 * overlapping runs) names the same thing twice and a does-not-exist-yet condition keeps the
 * second write out. The decision is its parts joined with {@code |}, e.g.
 * {@code DecisionIds.of("A", "aftercare", "p1", "R123", "2027-03-01")}: the kind of decision, the
 * subject, and whatever makes it this decision and not the next (a date, a period).
 * The id is the prefix and 12 (or {@code chars}) Crockford base32 characters of SHA-256.
 */
public final class DecisionIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private DecisionIds() {
    }

    public static String of(String prefix, String... decision) {
        return of(prefix, 12, decision);
    }

    public static String of(String prefix, int chars, String... decision) {
        if (decision.length == 0) throw new IllegalArgumentException("a decision has at least one part");
        StringBuilder key = new StringBuilder();
        for (String part : decision) {
            if (part == null || part.indexOf('|') >= 0) throw new IllegalArgumentException("decision part");
            if (key.length() > 0) key.append('|');
            key.append(part);
        }
        return prefix + base32(sha256(key.toString()), chars);
    }

    public static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Crockford base32 of the first {@code chars * 5} bits. */
    public static String base32(byte[] bytes, int chars) {
        if (chars < 1 || chars * 5 > bytes.length * 8) throw new IllegalArgumentException("chars");
        StringBuilder sb = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && sb.length() < chars) {
                sb.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
            if (sb.length() == chars) break;
        }
        return sb.toString();
    }
}
