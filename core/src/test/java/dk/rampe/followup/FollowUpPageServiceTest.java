package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The page's rule on control characters (the full page rules run against DynamoDB Local in the page's tests). */
class FollowUpPageServiceTest {
    @Test
    void freeTextKeepsNewlinesAndRefusesEveryOtherControlCharacter() {
        assertFalse(FollowUpPageService.hasControlCharacters("Ringer igen\nkl. 13 – æøå €", true));
        for (String bad : new String[] {"\u0000", "\t", "\r", "\u001b", "\u007f", "\u0080", "\u0085", "\u009f",
                "\u2028", "\u2029"}) {
            assertTrue(FollowUpPageService.hasControlCharacters("a" + bad + "b", true), Integer.toHexString(bad.charAt(0)));
            assertTrue(FollowUpPageService.hasControlCharacters("a" + bad + "b", false), Integer.toHexString(bad.charAt(0)));
        }
        assertTrue(FollowUpPageService.hasControlCharacters("yes\n", false), "single-line fields refuse newlines");
        assertFalse(FollowUpPageService.hasControlCharacters("\u00a0ok\u00ff", false), "U+00A0 and above U+009F are text");
    }

    @Test
    void cprLikeNumbersAreFoundAsPeopleWriteThem() {
        for (String s : new String[] {"0101901234", "010190-1234", "010190 1234", "cpr:0101901234."}) {
            assertTrue(dk.rampe.core.CprLike.in(s), s);
        }
        for (String s : new String[] {"kl. 13", "12345678", "010190123456"}) {
            assertFalse(dk.rampe.core.CprLike.in(s), s);
        }
    }
}
