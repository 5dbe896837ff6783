package dk.rampe.core;

/**
 * The one HTML escaper, for every page and email Rampe writes (the web app, the follow-up page,
 * today's list, the monthly report, the nudges): {@code & < > " '} become entities, so a value is
 * safe in text and in an attribute quoted with either mark; every other character, Danish letters
 * and all of Unicode included, is kept as it is (the pages are UTF-8). Null is the empty text.
 */
public final class Html {
    private Html() {
    }

    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
