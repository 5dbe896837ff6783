package dk.rampe.followup.page;

import dk.rampe.core.Language;
import dk.rampe.text.Texts;

/** The page's words, from the text catalogue ({@code dk/rampe/text/page_*.properties}): Danish by default, English available. */
final class PageTexts {
    private PageTexts() {
    }

    static String t(String key, Language language) {
        return Texts.PAGE.get(key, language);
    }
}
