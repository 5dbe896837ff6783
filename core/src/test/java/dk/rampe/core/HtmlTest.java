package dk.rampe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void theFiveMarkupCharactersBecomeEntities() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", Html.esc("<script>alert(\"x\")</script>"));
        assertEquals("Tom &amp; Jerry", Html.esc("Tom & Jerry"));
        assertEquals("O&#39;Brien", Html.esc("O'Brien"));
        assertEquals("&quot; onmouseover=&#39;x&#39;", Html.esc("\" onmouseover='x'"), "no way out of an attribute");
    }

    @Test
    void anEntityAlreadyWrittenIsEscapedAgainNotTrusted() {
        assertEquals("&amp;lt;b&amp;gt;", Html.esc("&lt;b&gt;"));
    }

    @Test
    void danishLettersAndOtherUnicodeAreKeptAsTheyAre() {
        assertEquals("Anna Højgaard, Ærø, Åbenrå · 12,5 timer – “fint” 😀", Html.esc("Anna Højgaard, Ærø, Åbenrå · 12,5 timer – “fint” 😀"));
        assertEquals("ÆØÅæøå é ü", Html.esc("ÆØÅæøå é ü"));
    }

    @Test
    void nothingIsTheEmptyText() {
        assertEquals("", Html.esc(null));
        assertEquals("", Html.esc(""));
    }

    @Test
    void newlinesAndTabsStandAsTheyAre() {
        assertEquals("a\nb\tc", Html.esc("a\nb\tc"));
    }
}
