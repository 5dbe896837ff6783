package dk.rampe.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void everyControlCharacterIsRefusedInASingleLineField() {
        for (int c = 0; c < 0x20; c++) assertFalse(Text.allowed("a" + (char) c + "b", Text.Kind.SINGLE_LINE), "U+" + c);
        for (int c = 0x7F; c <= 0x9F; c++) assertFalse(Text.allowed("a" + (char) c + "b", Text.Kind.SINGLE_LINE), "U+" + c);
        assertFalse(Text.allowed("a\u2028b", Text.Kind.SINGLE_LINE));
        assertFalse(Text.allowed("a\u2029b", Text.Kind.SINGLE_LINE));
        assertTrue(Text.allowed("Søren Ærø Østergård, 12 år – ok \uD83D\uDE00 ~", Text.Kind.SINGLE_LINE));
        assertTrue(Text.allowed("\u00A0non-breaking space is text", Text.Kind.SINGLE_LINE));
    }

    @Test
    void freeTextKeepsLineBreaksAndTabsOnly() {
        assertTrue(Text.allowed("linje 1\nlinje 2\r\n\tindrykket", Text.Kind.FREE_TEXT));
        for (char c : new char[] {0, 7, 0x1B, 0x7F, 0x85, 0x9F, 0x2028, 0x2029}) {
            assertFalse(Text.allowed("a" + c + "b", Text.Kind.FREE_TEXT), "U+" + (int) c);
        }
    }

    @Test
    void unpairedSurrogatesAreNotText() {
        for (String s : new String[] {"\uD800", "a\uD800", "\uDC00a", "\uDE00\uD83D"}) {
            assertTrue(Text.hasUnpairedSurrogate(s), s);
            assertFalse(Text.allowed(s, Text.Kind.FREE_TEXT));
        }
        assertFalse(Text.hasUnpairedSurrogate("emoji \uD83D\uDE00"));
    }
}
