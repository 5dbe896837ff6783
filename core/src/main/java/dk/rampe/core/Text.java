package dk.rampe.core;

/**
 * The one rule for which characters a person's text may hold. Refused everywhere: C0 control
 * characters (below U+0020), DEL (U+007F), the C1 range (U+0080 to U+009F, e.g. U+0085 NEL),
 * the line and paragraph separators U+2028/U+2029, and unpaired surrogates (not text at all).
 * A {@link Kind#SINGLE_LINE} field (names, ids, references, employer) also refuses newline and
 * tab; a {@link Kind#FREE_TEXT} field (motivation, notes, reasons) keeps newline, carriage
 * return and tab.
 */
public final class Text {
    public enum Kind { SINGLE_LINE, FREE_TEXT }

    private Text() {
    }

    /** Whether every character of {@code s} is allowed in a field of this kind. */
    public static boolean allowed(String s, Kind kind) {
        if (hasUnpairedSurrogate(s)) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                if (kind == Kind.SINGLE_LINE) return false;
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') return false;
        }
        return true;
    }

    /** Whether {@code s} holds a surrogate without its pair (cannot be encoded as UTF-8). */
    public static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) return true;
        }
        return false;
    }
}
