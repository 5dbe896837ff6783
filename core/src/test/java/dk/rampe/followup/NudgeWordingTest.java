package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the nudges say: reminders say the task was due and is still open; the deployment names itself; the email wraps. */
class NudgeWordingTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final Instant DUE = Instant.parse("2026-11-24T21:01:00Z"); // 22:01 in Copenhagen
    private static final String LINK = NudgeContentTest.LINK;

    @Test
    void aReminderSaysTheTaskWasDueAndIsStillOpen() {
        NudgeTemplates t = new NudgeTemplates(CPH);
        NudgeTemplates.Rendered da = t.render(FollowUpKind.FOLLOW_UP_DUE, Language.DA, true, "RABC1234", DUE, LINK);
        assertFalse(da.text().contains("forfalder"), da.text());
        assertTrue(da.text().contains("forfaldt tirsdag den 24. november 2026 kl. 22:01 og er stadig åben"), da.text());
        assertEquals("Påmindelse: Opfølgning stadig åben – sag RABC1234", da.subject());
        NudgeTemplates.Rendered en = t.render(FollowUpKind.FOLLOW_UP_DUE, Language.EN, true, "RABC1234", DUE, LINK);
        assertTrue(en.text().contains("was due Tuesday 24 November 2026 at 22:01 and is still open"), en.text());
        for (FollowUpKind kind : FollowUpKind.values()) {
            for (Language l : Language.values()) {
                String text = t.render(kind, l, true, "RABC1234", DUE, LINK).text();
                assertFalse(text.contains("forfalder ") || text.contains(" is due "), kind + "/" + l + ": " + text);
            }
        }
        // the first nudge still says it is due
        assertTrue(t.render(FollowUpKind.FOLLOW_UP_DUE, Language.DA, false, "RABC1234", DUE, LINK).text()
                .contains("forfalder tirsdag"));
    }

    @Test
    void theDeploymentNamesItselfInTheSmsAndTheEmailFooter() {
        NudgeTemplates t = new NudgeTemplates(CPH, "Jobspor Nord");
        for (FollowUpKind kind : FollowUpKind.values()) {
            for (Language l : Language.values()) {
                for (boolean reminder : new boolean[] {false, true}) {
                    NudgeTemplates.Rendered r = t.render(kind, l, reminder, "R7K2M9Q4X1ZA8", DUE, LINK);
                    String where = kind + "/" + l + "/" + reminder;
                    assertFalse(r.sms().contains("Rampe") || r.text().contains("Rampe") || r.html().contains("Rampe"),
                            where + ": " + r.sms());
                    assertTrue(r.text().contains("Jobspor Nord. ") && r.html().contains("Jobspor Nord. "), where);
                    assertEquals(1, Sms.segments(r.sms()), where + ": " + r.sms());
                    assertTrue(Sms.isGsm7(r.sms()), where);
                    assertEquals(List.of(), NudgeContentTest.violations(r.sms() + r.text() + r.html()), where);
                }
            }
        }
        assertTrue(t.render(FollowUpKind.GENERIC, Language.DA, false, "RABC1234", DUE, LINK).sms().startsWith("Jobspor Nord: "));
        assertTrue(new NudgeTemplates(CPH).render(FollowUpKind.GENERIC, Language.DA, false, "RABC1234", DUE, LINK).sms()
                .startsWith("Rampe: "), "Rampe by default");
        // the longest name allowed still leaves every SMS in one GSM-7 segment
        NudgeTemplates longest = new NudgeTemplates(CPH, "Æ".repeat(20));
        for (FollowUpKind kind : FollowUpKind.values()) {
            for (Language l : Language.values()) {
                for (boolean reminder : new boolean[] {false, true}) {
                    String sms = longest.render(kind, l, reminder, "R7K2M9Q4X1ZA8", DUE, LINK).sms();
                    assertEquals(1, Sms.segments(sms), sms);
                    assertTrue(sms.startsWith("Æ".repeat(20) + ": ") || sms.startsWith("Påmindelse: ")
                            || sms.startsWith("Reminder: "), sms);
                }
            }
        }
        for (String bad : new String[] {"", " Rampe", "<b>", "A".repeat(21), "Rampe\n", "Rampe–Nord", "Łódź"}) {
            assertThrows(IllegalArgumentException.class, () -> new NudgeTemplates(CPH, bad), bad);
        }
    }

    @Test
    void theEmailButtonIsTheLinkAndTheVisibleUrlMayWrap() {
        String html = new NudgeTemplates(CPH).render(FollowUpKind.ABSENCE_TODAY, Language.DA, false, "RABC1234", DUE, LINK)
                .html();
        assertTrue(html.contains("<a href=\"" + LINK + "\" style=\"display:inline-block;max-width:100%;"), html);
        assertTrue(html.contains(">Åbn opfølgningen</a>"));
        // every element that shows the URL as text lets it break anywhere
        Matcher m = Pattern.compile("<(p|a)[^>]*style=\"([^\"]*)\"[^>]*>" + Pattern.quote(LINK)).matcher(html);
        assertTrue(m.find(), html);
        assertTrue(m.group(2).contains("overflow-wrap:anywhere") && m.group(2).contains("word-break:break-all"), m.group(2));
        assertTrue(html.contains("<body style=\"") && html.substring(html.indexOf("<body")).contains("overflow-wrap:anywhere"));
        // no text run longer than a phone line without a place to wrap, outside the URL
        String text = html.replaceAll("<[^>]*>", " ").replace(LINK, " ");
        for (String word : text.split("\\s+")) assertTrue(word.length() < 40, word);
    }
}
