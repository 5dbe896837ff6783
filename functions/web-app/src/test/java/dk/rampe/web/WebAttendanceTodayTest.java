package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.core.Language;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.json.Json;
import dk.rampe.json.SettingsCodec;
import dk.rampe.local.embedded.Events;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "I dag" on the participant page says what the rules say about today, by the same rule as the four weeks' table
 * (an expected session or none, and why none): the planned hours, the hours of a one-day agreement, an agreed day
 * off, one of the programme's closing days, a weekday the plan leaves out, a weekend, an internship at its workplace
 * (the plan does not apply during one) and a public holiday. A plan of Monday to Thursday, 09:00, four hours.
 */
class WebAttendanceTodayTest {
    private static final Pattern TODAY = Pattern.compile("<dd id=\"attendance-today\" data-today=\"([a-z_]+)\">([^<]*)</dd>");

    private final WebFixture f = new WebFixture(); // Monday 23 November 2026, 10:00 in Copenhagen
    private final WebFixture.Browser anna = f.browser();

    /** What the overview and the attendance task's page say about today (the same on both). */
    private String today(String id) {
        String overview = anna.get("/app/referrals/" + id).body();
        Matcher m = TODAY.matcher(overview);
        assertTrue(m.find(), overview);
        Matcher task = TODAY.matcher(anna.get("/app/referrals/" + id + "/attendance").body());
        assertTrue(task.find());
        assertEquals(m.group(0), task.group(0), "the overview and the attendance task say the same");
        return m.group(1) + ": " + m.group(2).replace("&#39;", "'");
    }

    /** The clock moved on to {@code at}; logged in again (the session does not last for days). */
    private void on(String at) {
        f.clock.set(Instant.parse(at));
        anna.login("local-consultant-anna");
    }

    @Test
    void todaySaysWhatTheRulesSayAboutTodayAsTheFourWeeksTableDoes() throws Exception {
        // Thursday 26 November is one of the programme's closing days
        new DynamoSettingsStore(f.dynamo, f.config.table(), f.clock, Duration.ZERO).replace(SettingsCodec.parse(Json.parse(
                Events.text("settings-sample.json").replaceFirst("\"intakeOpens\"",
                        "\"closingDays\": [\"2026-11-26\"], \"intakeOpens\""))), "test");
        String id = f.browser().sendReferral("AAR-TODAY-1", "010190-1234");
        anna.login("local-consultant-anna");
        assertEquals(303, anna.postOnReferral(id, "visitation", Map.of("decision", "accepted")).status());
        assertEquals(303, anna.postOnReferral(id, "enrolment", Map.of()).status());
        assertEquals(303, anna.postOnReferral(id, "attendance-plan", Map.of("ap.validFrom", "2026-11-23", "ap.start", "09:00",
                "ap.hoursPerDay", "4", "ap.weekday.monday", "1", "ap.weekday.tuesday", "1", "ap.weekday.wednesday", "1",
                "ap.weekday.thursday", "1")).status());
        String planned = Views.sessionText(Language.DA, LocalTime.of(9, 0), 240);
        assertEquals("session: " + planned, today(id));

        assertEquals(303, anna.postOnReferral(id, "attendance-agreement", Map.of("ag.date", "2026-11-23", "ag.kind", "shorter",
                "ag.hours", "2")).status());
        assertEquals("session: " + Views.sessionText(Language.DA, LocalTime.of(9, 0), 120) + " · efter aftale", today(id),
                "the one-day agreement applied");
        f.clock.advance(Duration.ofMinutes(5)); // changed again a little later: the latest agreement counts
        assertEquals(303, anna.postOnReferral(id, "attendance-agreement", Map.of("ag.date", "2026-11-23", "ag.kind", "dayOff"))
                .status());
        assertEquals("day_off: Aftalt fridag", today(id));

        on("2026-11-26T08:00:00Z");
        assertEquals("closing_day: Lukkedag", today(id));
        on("2026-11-27T08:00:00Z");
        assertEquals("not_planned: Ingen mødedag efter planen", today(id), "a Friday");
        on("2026-11-28T08:00:00Z");
        assertEquals("weekend: Weekend", today(id));

        // an internship from Tuesday 1 December to 18 December: the plan does not apply then
        on("2026-12-01T08:00:00Z");
        assertEquals("session: " + planned, today(id));
        assertEquals(303, anna.postOnReferral(id, "milestone", Map.of("ms.type", "internship_started",
                "ms.effectiveOn", "2026-12-01", "ms.employer", "Lageret på Blomstervej", "ms.expectedEnd", "2026-12-18"))
                .status());
        assertEquals("internship: I praktik hos Lageret på Blomstervej", today(id));
        String table = anna.get("/app/referrals/" + id + "/attendance").body();
        assertTrue(table.contains("id=\"attendance-weeks\"") && !table.contains("data-date=\"2026-12-01\""),
                "and the four weeks' table expects no session today either");
        on("2026-12-05T08:00:00Z");
        assertEquals("weekend: Weekend", today(id), "a Saturday of the internship");

        on("2026-12-21T08:00:00Z"); // a Monday after the internship: the plan again
        assertEquals("session: " + planned, today(id));
        on("2026-12-25T08:00:00Z"); // Christmas Day, a Friday
        assertEquals("holiday: Helligdag", today(id));
    }
}
