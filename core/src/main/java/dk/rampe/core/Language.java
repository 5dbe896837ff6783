package dk.rampe.core;

import java.util.Locale;

/** Messages to users are Danish by default, English on request. */
public enum Language {
    DA, EN;

    /** Reads an Accept-Language header or a settings value; Danish unless English is preferred first. */
    public static Language from(String header) {
        if (header == null || header.isBlank()) return DA;
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("da")) return DA;
            if (tag.startsWith("en")) return EN;
        }
        return DA;
    }
}
