package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.Language;
import dk.rampe.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every text of every catalogue (API errors, follow-up page, nudges), every key, both languages:
 * no CPR-like number, no benefit, no word that reveals health or the programme's target group
 * (the checks of {@link NudgeContentTest}). The only exceptions are listed here with their reason.
 */
class TextCatalogueContentTest {
    /** catalogue/key → the one finding allowed there, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            // a neutral category in the page's list of causes, shown to the consultant only, never sent anywhere
            "page/cause.illness", "diagnosis word sygdom|diagnosis word illness");

    @Test
    void everyTextInEveryCatalogueAndLanguageIsNeutral() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Texts catalogue : Texts.all()) {
            for (Language language : Language.values()) {
                for (var e : catalogue.texts(language).entrySet()) {
                    checked++;
                    String id = catalogue.name() + "/" + e.getKey();
                    for (String v : NudgeContentTest.violations(e.getValue())) {
                        if (!List.of(ALLOWED.getOrDefault(id, "").split("\\|")).contains(v)) {
                            problems.add(id + " (" + language + "): " + v);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 200, "all catalogues were read: " + checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() {
        for (Texts catalogue : Texts.all()) {
            assertEquals(catalogue.texts(Language.DA).keySet(), catalogue.texts(Language.EN).keySet(), catalogue.name());
            catalogue.texts(Language.DA).forEach((k, v) -> assertTrue(!v.isBlank(), catalogue.name() + "/" + k));
            catalogue.texts(Language.EN).forEach((k, v) -> assertTrue(!v.isBlank(), catalogue.name() + "/" + k));
        }
    }

    @Test
    void textsAreReadAsUtf8AndDanishIsTheDefault() {
        assertEquals("Fravær i dag", Texts.PAGE.get("kind.absence_today", Language.DA));
        assertEquals("Fravær i dag", Texts.PAGE.get("kind.absence_today", null));
        assertEquals("Absence today", Texts.PAGE.get("kind.absence_today", Language.EN));
        assertEquals("Påmindelse: ", Texts.NUDGES.get("reminder", Language.DA));
    }
}
