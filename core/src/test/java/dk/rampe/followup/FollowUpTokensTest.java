package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowUpTokensTest {
    private static final byte[] KEY = "a-test-key-of-enough-length".getBytes(StandardCharsets.UTF_8);
    private final FollowUpTokens tokens = new FollowUpTokens(KEY, Duration.ofHours(72));
    private final Instant now = Instant.parse("2026-11-23T08:00:00Z");
    private final String task = Ids.taskId("absence_today|p1|R123|2026-11-23");
    private final String other = Ids.taskId("absence_today|p1|R123|2026-11-24");

    @Test
    void validTokenNamesItsTaskAndExpiry() {
        String t = tokens.issue(task, now);
        FollowUpTokens.Valid v = assertInstanceOf(FollowUpTokens.Valid.class, tokens.verify(t, now.plusSeconds(60)));
        assertEquals(task, v.taskId());
        assertEquals(now.plus(Duration.ofHours(72)), v.expiresAt());
        assertTrue(t.length() <= 40, "short enough for one SMS: " + t.length());
        assertTrue(t.matches("^[A-Za-z0-9._-]+$"), "URL-safe and GSM-7");
    }

    @Test
    void expiredTokenIsRefused() {
        String t = tokens.issue(task, now);
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.EXPIRED), tokens.verify(t, now.plus(Duration.ofHours(72))));
    }

    @Test
    void tamperedTokensAreRefused() {
        String t = tokens.issue(task, now);
        String[] p = t.split("\\.");
        // moved to another task with the same signature
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.BAD_SIGNATURE),
                tokens.verify(other + "." + p[1] + "." + p[2], now));
        // expiry stretched
        String later = Long.toString(Long.parseLong(p[1], 36) + 86400, 36);
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.BAD_SIGNATURE),
                tokens.verify(p[0] + "." + later + "." + p[2], now));
        // one character of the signature changed
        char c = p[2].charAt(5) == 'A' ? 'B' : 'A';
        String flipped = p[2].substring(0, 5) + c + p[2].substring(6);
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.BAD_SIGNATURE),
                tokens.verify(p[0] + "." + p[1] + "." + flipped, now));
        // signed with another key
        String foreign = new FollowUpTokens("another-key-of-enough-length".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(72)).issue(task, now);
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.BAD_SIGNATURE), tokens.verify(foreign, now));
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : new String[] {null, "", "x", "a.b.c", task + "..", task + ".zz.<script>", "../../etc/passwd",
                tokens.issue(task, now) + ".extra", "x".repeat(500)}) {
            assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.MALFORMED), tokens.verify(bad, now), String.valueOf(bad));
        }
    }

    @Test
    void tokenForOneTaskCannotActOnAnother() {
        String t = tokens.issue(task, now);
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.OTHER_TASK), tokens.verifyFor(t, other, now));
        assertInstanceOf(FollowUpTokens.Valid.class, tokens.verifyFor(t, task, now));
    }

    @Test
    void shortKeysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FollowUpTokens(new byte[8], Duration.ofHours(1)));
    }

    @Test
    void sameDecisionGivesSameIds() {
        assertEquals(Ids.taskId("a|b"), Ids.taskId("a|b"));
        assertTrue(Ids.isTaskId(Ids.taskId("a|b")));
        assertEquals(Ids.messageId(OutboxMessage.dedupeKey(task, false, MessageChannel.SMS)),
                Ids.messageId(OutboxMessage.dedupeKey(task, false, MessageChannel.SMS)));
        assertTrue(!Ids.messageId(OutboxMessage.dedupeKey(task, false, MessageChannel.SMS))
                .equals(Ids.messageId(OutboxMessage.dedupeKey(task, false, MessageChannel.EMAIL))));
    }
}
