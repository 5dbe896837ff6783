package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.referral.Benefit;
import dk.rampe.core.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Nothing sensitive may ever leave in a message: checked on every template and every rendering. */
class NudgeContentTest {
    private static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)\\d{6}[- ]?\\d{4}(?!\\d)");
    /** Benefits by wire name and by the words people write. */
    private static final List<String> BENEFIT_WORDS = List.of("kontanthjælp", "kontanthjaelp", "uddannelseshjælp",
            "ledighedsydelse", "ressourceforløb", "dagpenge", "sygedagpenge", "integrationsydelse", "flexjob",
            "fleksjob", "førtidspension", "benefit", "ydelse");
    private static final List<String> DIAGNOSIS_WORDS = List.of("depression", "depress", "angst", "anxiety", "psyk",
            "psych", "skizofren", "schizo", "bipolar", "ptsd", "adhd", "autis", "ocd", "diagnos", "mental", "sårbar",
            "vulnerab", "stress", "sygdom", "illness", "misbrug", "addict", "medicin");
    private static final List<String> PROGRAMME_WORDS = List.of("ips", "individual placement", "recovery",
            "sindslid", "psykisk sårbar", "mental health");
    /** A real API Gateway URL (55 characters) and a real token. */
    static final String LINK = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com/f/"
            + new FollowUpTokens("content-test-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.time.Duration.ofHours(72)).issue(Ids.taskId("generic|p|R7K2M9Q4X1ZA8|x"),
                    Instant.parse("2026-11-24T13:30:00Z"));

    private final NudgeTemplates templates = new NudgeTemplates(ZoneId.of("Europe/Copenhagen"));

    static List<String> violations(String text) {
        List<String> found = new ArrayList<>();
        // The link is checked by its own pattern (a signed token of base32/base64url); the rest must hold no CPR-like number.
        if (CPR_LIKE.matcher(text.replaceAll("https?://\\S+", " ")).find()) found.add("CPR-like number");
        String lower = text.toLowerCase(Locale.ROOT);
        for (Benefit b : Benefit.values()) {
            if (lower.contains(b.wireName()) || lower.contains(b.name().toLowerCase(Locale.ROOT).replace('_', ' '))) {
                found.add("benefit " + b.wireName());
            }
        }
        for (String w : BENEFIT_WORDS) if (containsWord(lower, w)) found.add("benefit word " + w);
        for (String w : DIAGNOSIS_WORDS) if (containsWord(lower, w)) found.add("diagnosis word " + w);
        for (String w : PROGRAMME_WORDS) if (containsWord(lower, w)) found.add("programme word " + w);
        return found;
    }

    /** A word at the start of a word (so "ips" matches "IPS-forløb" but not "tips"); URLs removed first. */
    private static boolean containsWord(String lower, String w) {
        String withoutLinks = lower.replaceAll("https?://\\S+", " ");
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(w)).matcher(withoutLinks).find();
    }

    @Test
    void theCheckItselfCatchesWhatItShould() {
        assertFalse(violations("sag R123, CPR 010190-1234").isEmpty());
        assertFalse(violations("0101901234").isEmpty());
        assertFalse(violations("Modtager kontanthjælp").isEmpty());
        assertFalse(violations("kontanthjaelp").isEmpty());
        assertFalse(violations("Depression og angst").isEmpty());
        assertFalse(violations("IPS-forløb for psykisk sårbare").isEmpty());
        assertTrue(violations("Tips: ring i dag, sag RABC123").isEmpty());
    }

    @Test
    void noTemplateHoldsAnythingSensitive() {
        var all = NudgeTemplates.allTemplateTexts();
        assertTrue(all.size() >= 40, "every kind in both languages: " + all.size());
        all.forEach((name, text) -> assertEquals(List.of(), violations(text), name));
    }

    @Test
    void everyRenderedMessageIsNeutralAndCarriesReferenceTimeAndLink() {
        Instant due = Instant.parse("2026-11-24T13:30:00Z"); // 14:30 in Copenhagen
        for (FollowUpKind kind : FollowUpKind.values()) {
            for (Language language : Language.values()) {
                for (boolean reminder : new boolean[] {false, true}) {
                    NudgeTemplates.Rendered r = templates.render(kind, language, reminder, "R7K2M9Q4X1ZA8", due, LINK);
                    String where = kind + "/" + language + "/" + reminder;
                    for (String part : List.of(r.subject(), r.text(), r.html(), r.sms())) {
                        assertEquals(List.of(), violations(part), where + ": " + part);
                    }
                    assertTrue(r.text().contains("R7K2M9Q4X1ZA8") && r.text().contains("14:30") && r.text().contains(LINK), where);
                    assertTrue(r.html().contains("href=\"" + LINK + "\""), where);
                    assertTrue(r.sms().contains("R7K2M9Q4X1ZA8") && r.sms().contains(LINK), where);
                    assertTrue(Sms.isGsm7(r.sms()), where + " SMS is GSM-7: " + r.sms());
                    assertEquals(1, Sms.segments(r.sms()), where + " one segment (" + Sms.units(r.sms()) + "): " + r.sms());
                    assertTrue(r.sms().contains("14:30") || reminder, where + " SMS has the time where it fits");
                }
            }
        }
    }

    @Test
    void danishByDefaultEnglishOnRequest() {
        Instant due = Instant.parse("2026-11-24T13:30:00Z");
        NudgeTemplates.Rendered da = templates.render(FollowUpKind.ABSENCE_TODAY, Language.DA, false, "RABC1234", due, LINK);
        NudgeTemplates.Rendered en = templates.render(FollowUpKind.ABSENCE_TODAY, Language.EN, false, "RABC1234", due, LINK);
        assertEquals("Fravær i dag – sag RABC1234", da.subject());
        assertTrue(da.text().contains("tirsdag den 24. november 2026 kl. 14:30"), da.text());
        assertTrue(da.html().startsWith("<!DOCTYPE html><html lang=\"da\">"));
        assertEquals("Absence today – case RABC1234", en.subject());
        assertTrue(en.text().contains("Tuesday 24 November 2026 at 14:30"), en.text());
        assertEquals("Rampe: Fravær i dag 24/11 kl. 14:30, sag RABC1234: " + LINK, da.sms());
    }

    @Test
    void anAbsenceSmsHeldOverTheNightNamesItsDateInsteadOfToday() {
        Instant evening = Instant.parse("2026-11-24T19:45:00Z"); // 20:45 in Copenhagen: an evening cutoff
        Instant nextMorning = new QuietHours(ZoneId.of("Europe/Copenhagen")).earliestSms(evening);
        NudgeTemplates.Rendered da = templates.render(FollowUpKind.ABSENCE_TODAY, Language.DA, false, "RABC1234",
                evening, LINK, nextMorning);
        NudgeTemplates.Rendered en = templates.render(FollowUpKind.ABSENCE_TODAY, Language.EN, false, "RABC1234",
                evening, LINK, nextMorning);
        assertEquals("Rampe: Fravær 24/11 kl. 20:45, sag RABC1234: " + LINK, da.sms());
        assertEquals("Rampe: Absence 24/11 at 20:45, case RABC1234: " + LINK, en.sms());
        assertEquals(1, Sms.segments(da.sms()));
        // sent the same day it is "i dag" as before
        assertEquals("Rampe: Fravær i dag 24/11 kl. 20:45, sag RABC1234: " + LINK, templates.render(
                FollowUpKind.ABSENCE_TODAY, Language.DA, false, "RABC1234", evening, LINK, evening).sms());
    }

    @Test
    void onlyAnIdCanBeTheCaseReferenceAndOnlyAPlainUrlTheLink() {
        Instant due = Instant.parse("2026-11-24T13:30:00Z");
        for (String bad : new String[] {"0101901234", "010190-1234", "Jens Hansen", "R<b>", "", "r123"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> templates.render(FollowUpKind.GENERIC, Language.DA, false, bad, due, LINK), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> templates.render(FollowUpKind.GENERIC, Language.DA, false,
                "RABC1234", due, "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> templates.render(FollowUpKind.GENERIC, Language.DA, false,
                "RABC1234", due, "https://x.dk/f/\"><script>"));
    }

    @Test
    void gsm7CountsDanishLettersAsOneAndEuroAsTwo() {
        assertTrue(Sms.isGsm7("æøå ÆØÅ"));
        assertEquals(7, Sms.units("æøå ÆØÅ"));
        assertEquals(2, Sms.units("€"));
        assertEquals(1, Sms.segments("a".repeat(160)));
        assertEquals(2, Sms.segments("a".repeat(161)));
        assertFalse(Sms.isGsm7("–"));
        assertEquals(2, Sms.segments("–" + "a".repeat(70)));
    }
}
