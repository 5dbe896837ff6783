package dk.rampe.core;

/**
 * A JSON string as Jackson writes it by default: quotes and backslashes escaped, short escapes where JSON has them,
 * other control characters as {@code \\u00XX}, everything else as it is. One rule for every writer that must agree
 * with Jackson byte for byte (a referral's fingerprint, the functions' own JSON answers).
 */
public final class JsonText {
    private JsonText() {
    }

    /** Appends {@code text} as a JSON string. */
    public static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    else out.append(c);
                }
            }
        }
        return out.append('"');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
