package dk.rampe.followup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic ids: the same decision always gives the same id (Crockford base32 of SHA-256). */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ids() {
    }

    /** A task id from the decision that made it, e.g. "absence_today|R…|2026-11-23". */
    public static String taskId(String decisionKey) {
        return "T" + base32(sha256(decisionKey), 12);
    }

    public static String messageId(String dedupeKey) {
        return "M" + base32(sha256(dedupeKey), 20);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] bytes, int chars) {
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

    public static boolean isTaskId(String s) {
        return s != null && s.matches("^T[0-9A-HJKMNP-TV-Z]{12}$");
    }
}
