package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.settings.Channel;
import dk.rampe.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Follow-up links live for working days, not 72 clock hours: an absence nudged on the Wednesday before Easter 2027
 * (Maundy Thursday, Good Friday and Easter Monday are holidays) still opens on the consultant's next working day,
 * the Tuesday after, and until the end of the third working day after the nudge (Thursday 1 April).
 */
class FollowUpLinkLifeTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final Set<LocalDate> EASTER = Set.of(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26),
            LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 29));
    private static final Settings SETTINGS = new Settings(List.of(new Settings.Programme("p1", "Forløb Nord",
            LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), List.of(), List.of(new Settings.Consultant("c1",
                    "Kim Konsulent", EmailAddress.parse("kim@example.dk").orElseThrow(),
                    PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.EMAIL, Language.DA)), List.of())), List.of());

    private final InMemoryFollowUpStore store = new InMemoryFollowUpStore(new InMemoryAuditLog());
    private final FollowUpTokens tokens = new FollowUpTokens(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), Duration.ofHours(72));

    private static Instant at(int month, int day, int hour) {
        return ZonedDateTime.of(LocalDate.of(2027, month, day), LocalTime.of(hour, 0), CPH).toInstant();
    }

    private String tokenOfANudgeAt(Instant now, boolean workingDays, String decision) {
        NudgeService service = new NudgeService(store, new InMemoryOutbox(store), () -> SETTINGS, tokens,
                new NudgeTemplates(CPH), new QuietHours(CPH), Clock.fixed(now, ZoneOffset.UTC), "https://rampe.example",
                Duration.ZERO);
        if (workingDays) service.withLinkWorkingDays(new WorkingCalendar(EASTER::contains, () -> SETTINGS));
        String taskId = service.create(new NudgeService.NewFollowUp(FollowUpKind.ABSENCE_TODAY, "p1", "R0000000000A1",
                "c1", now, null, decision), "system:test").task().taskId();
        String text = store.messagesOf(taskId).get(0).text();
        Matcher m = Pattern.compile("/f/([A-Za-z0-9._-]+)").matcher(text);
        m.find();
        return m.group(1);
    }

    @Test
    void aWednesdayNudgeBeforeEasterStillOpensOnTheNextWorkingDays() {
        String token = tokenOfANudgeAt(at(3, 24, 9), true, "absence|2027-03-24");
        assertInstanceOf(FollowUpTokens.Valid.class, tokens.verify(token, at(3, 30, 9)), "Tuesday after Easter");
        assertInstanceOf(FollowUpTokens.Valid.class, tokens.verify(token, at(4, 1, 23)), "the third working day");
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.EXPIRED), tokens.verify(token, at(4, 2, 0)));
    }

    @Test
    void withoutTheCalendarItIsTheClockHoursAsBefore() {
        String token = tokenOfANudgeAt(at(3, 24, 9), false, "absence|2027-03-24b");
        assertEquals(new FollowUpTokens.Refused(FollowUpTokens.Reason.EXPIRED), tokens.verify(token, at(3, 30, 9)),
                "72 hours: dead by the Saturday");
    }
}
