package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodaysListTokensTest {
    private final TodaysListTokens tokens = new TodaysListTokens(TodaysListWorld.KEY);
    private static final LocalDate MONDAY = TodaysListWorld.MONDAY;
    private static final Instant AT_0730 = Instant.parse("2026-11-23T06:30:00Z");

    @Test
    void aLinkNamesOneConsultantsListOfOneDayWithoutNamingTheConsultant() {
        String t = tokens.issue("c-anna", MONDAY);
        assertTrue(t.length() <= 40 && t.matches("^[A-Za-z0-9._-]+$"), "short, URL-safe and GSM-7: " + t);
        assertTrue(t.contains(".20261123."), t);
        assertTrue(!t.toLowerCase().contains("anna"), "no consultant id in the link");
        TodaysListTokens.Valid v = assertInstanceOf(TodaysListTokens.Valid.class, tokens.verify(t, AT_0730));
        assertEquals(MONDAY, v.date());
        assertEquals(tokens.listId("c-anna", MONDAY), v.listId());
        assertEquals("c-anna", tokens.consultant(v.listId(), MONDAY, List.of("c-bo", "c-anna")).orElseThrow());
        assertTrue(tokens.consultant(v.listId(), MONDAY, List.of("c-bo")).isEmpty());
        assertNotEquals(tokens.listId("c-anna", MONDAY), tokens.listId("c-anna", MONDAY.plusDays(1)), "a new id each day");
        assertNotEquals(tokens.listId("c-anna", MONDAY),
                new TodaysListTokens("another-key-of-enough-length".getBytes(StandardCharsets.UTF_8)).listId("c-anna", MONDAY),
                "the id needs the key: it cannot be worked back to the consultant");
    }

    @Test
    void itWorksUntilTheEndOfItsDayInCopenhagen() {
        String t = tokens.issue("c-anna", MONDAY);
        assertInstanceOf(TodaysListTokens.Valid.class, tokens.verify(t, Instant.parse("2026-11-23T22:59:59Z")));
        assertEquals(new TodaysListTokens.Refused(TodaysListTokens.Reason.EXPIRED, MONDAY),
                tokens.verify(t, Instant.parse("2026-11-23T23:00:00Z")), "midnight in Copenhagen");
        assertEquals(TodaysListTokens.Reason.MALFORMED, ((TodaysListTokens.Refused) tokens.verify(t,
                Instant.parse("2026-11-22T12:00:00Z"))).reason(), "never valid before its day");
    }

    @Test
    void tamperedMovedForgedOrForeignLinksAreRefusedWithoutTheirDay() {
        String t = tokens.issue("c-anna", MONDAY);
        String[] p = t.split("\\.");
        String otherList = tokens.listId("c-bo", MONDAY) + "." + p[1] + "." + p[2];
        String otherDay = p[0] + ".20261124." + p[2];
        String flipped = p[0] + "." + p[1] + "." + (p[2].charAt(0) == 'A' ? 'B' : 'A') + p[2].substring(1);
        String otherKey = new TodaysListTokens("another-key-of-enough-length".getBytes(StandardCharsets.UTF_8))
                .issue("c-anna", MONDAY);
        for (String bad : List.of(otherList, otherDay, flipped, otherKey)) {
            assertEquals(new TodaysListTokens.Refused(TodaysListTokens.Reason.BAD_SIGNATURE, null), tokens.verify(bad,
                    AT_0730), bad);
        }
        String followUp = new FollowUpTokens(TodaysListWorld.KEY, Duration.ofHours(72))
                .issue(Ids.taskId("absence_today|p|R1234|x"), AT_0730);
        for (String bad : List.of("", "L123", p[0] + "." + p[1], p[0] + ".20261399." + p[2], t + ".x", followUp,
                "x".repeat(200))) {
            assertEquals(TodaysListTokens.Reason.MALFORMED, ((TodaysListTokens.Refused) tokens.verify(bad, AT_0730))
                    .reason(), bad);
        }
        assertEquals(TodaysListTokens.Reason.MALFORMED, ((TodaysListTokens.Refused) tokens.verify(null, AT_0730)).reason());
    }
}
