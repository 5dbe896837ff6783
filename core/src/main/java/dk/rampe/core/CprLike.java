package dk.rampe.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a number in free text that reads as a CPR number, however a person writes one: ten
 * digits with no separator ({@code 0101901234}), a dash ({@code 010190-1234}), a space, or dots
 * between day, month and year ({@code 06.03.87-1013}), whose first six digits are a real date.
 * Staff are never shown a CPR number outside the referral's own field, so free text refuses one.
 * The number found is never returned: only whether there is one.
 */
public final class CprLike {
    private static final String SEP = "[-. \u00a0]?";
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9])([0-9]{2})" + SEP + "([0-9]{2})" + SEP + "([0-9]{2})" + SEP + "([0-9]{4})(?![0-9])");

    private CprLike() {
    }

    /** Whether {@code s} holds a CPR-like number (a real date, then four digits). */
    public static boolean in(String s) {
        if (s == null || s.length() < 10) return false;
        Matcher m = CANDIDATE.matcher(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            if (realDate(m.group(1), m.group(2), m.group(3), m.group(4).charAt(0))) return true;
            from = m.start() + 1;
        }
        return false;
    }

    /** The date the first six digits name, with the century from the seventh digit as CPR reads it. */
    private static boolean realDate(String dd, String mm, String yy, char seventh) {
        int y = Integer.parseInt(yy);
        int d7 = seventh - '0';
        int century = d7 <= 3 ? 1900 : (d7 == 4 || d7 == 9) ? (y <= 36 ? 2000 : 1900) : (y <= 57 ? 2000 : 1800);
        try {
            LocalDate.of(century + y, Integer.parseInt(mm), Integer.parseInt(dd));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
