package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today's list through the local runner on its clock: at 07:30 the consultant's SMS with the
 * link to today's list lands in the outbox folder, once; the link opens the list; tapping sick at 08:45
 * means no absence nudge at 09:30; the next morning brings a new list, and with nothing registered the
 * absence nudge comes at 09:30 as before.
 */
class LocalRunnerTodaysListTest {
    private static final String SCRIPT_START = "2026-11-23T07:00:00+01:00";
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String STAFF = "local-consultant-anna";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static void moveTo(LocalRunner runner, LocalDate date, LocalTime time) {
        Duration d = Duration.between(runner.clock().instant(), ZonedDateTime.of(date, time, CPH).toInstant());
        if (d.isNegative() || d.isZero()) return; // already there (the local clock also runs on)
        runner.clock().advance(d);
    }

    /** Moves to {@code time}, fires the schedules due and sends what is due, as the cloud would. */
    private static void tick(LocalRunner runner, LocalDate date, LocalTime time) {
        moveTo(runner, date, time);
        runner.scheduler().fireDue();
        runner.dispatchNow();
    }

    private static List<String> sms(Path outbox) {
        Path f = outbox.resolve("sms.jsonl");
        try {
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(Path outbox, String words) {
        return sms(outbox).stream().filter(l -> l.contains(words) && !l.contains("Påmindelse")).count();
    }

    @Test
    void the0730SmsCarriesTheLinkASickTapBeforeNineKeepsTheAbsenceNudgeAwayAndTheNextDayGetsItsOwnList(
            @TempDir Path data) throws Exception {
        Path outbox = data.resolve("outbox");
        try (LocalRunner runner = LocalCalls.start(data.resolve("db"), outbox, SCRIPT_START)) {
            String base = runner.baseUrl();
            HttpResponse<String> created = send("POST", base + "/v1/referrals", "local-jobcenter-aarhus",
                    Events.text("referral-intake/referral.json"), "application/json");
            assertEquals(201, created.statusCode(), created.body());
            String id = Json.parse(created.body()).get("referralId").asText();
            assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/visitation", STAFF,
                    "{\"decision\":\"accepted\"}", "application/json").statusCode());
            assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/enrolment", STAFF, "{}",
                    "application/json").statusCode());
            assertEquals(200, send("PUT", base + "/v1/referrals/" + id + "/attendance-plan", STAFF,
                    "{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\",\"tuesday\",\"wednesday\","
                            + "\"thursday\",\"friday\"],\"start\":\"09:00\",\"minutesPerDay\":240}]}",
                    "application/json").statusCode());

            tick(runner, MONDAY, LocalTime.of(7, 29));
            assertEquals(0, count(outbox, "Dagens fremmøde"), "nothing before 07:30");
            tick(runner, MONDAY, LocalTime.of(7, 30));
            assertEquals(1, count(outbox, "Dagens fremmøde"), () -> "Anna's SMS at 07:30: " + sms(outbox));
            String line = sms(outbox).stream().filter(l -> l.contains("Dagens fremmøde")).findFirst().orElseThrow();
            assertTrue(line.contains("Rampe: Dagens fremmøde, 1 deltager i dag. Registrér her: "), line);
            assertFalse(line.contains("Søren") || line.contains(id), "no name, no case in the SMS");
            Matcher m = Pattern.compile(Pattern.quote(base) + "/t/(L[0-9A-Z]{12})\\.20261123\\.[A-Za-z0-9_-]{16}")
                    .matcher(Json.parse(line).path("text").asText());
            assertTrue(m.find(), line);
            String link = m.group();
            String listId = m.group(1);
            try (var emails = Files.list(outbox.resolve("email"))) {
                assertTrue(emails.anyMatch(p -> {
                    try {
                        return Files.readString(p).contains(link);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }), "the email carries the same link");
            }
            tick(runner, MONDAY, LocalTime.of(7, 45));
            tick(runner, MONDAY, LocalTime.of(8, 0));
            assertEquals(1, count(outbox, "Dagens fremmøde"), "one nudge a morning");

            moveTo(runner, MONDAY, LocalTime.of(8, 45));
            HttpResponse<String> page = send("GET", link, null, null, null);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<span class=\"name\">Søren</span><span>kl. 09:00</span>"), page.body());
            assertFalse(page.body().contains("Østergård") || page.body().contains("010190"));
            HttpResponse<String> sick = send("POST", link, null, "list=" + listId + "&referral=" + id + "&status=sick",
                    "application/x-www-form-urlencoded");
            assertEquals(303, sick.statusCode(), sick.body());
            String after = send("GET", base + sick.headers().firstValue("location").orElseThrow(), null, null, null).body();
            assertTrue(after.contains("Søren: Syg.") && after.contains("name=\"undo\""), after);

            for (LocalTime t = LocalTime.of(9, 29); !t.isAfter(LocalTime.of(9, 33)); t = t.plusMinutes(1)) {
                tick(runner, MONDAY, t);
            }
            assertEquals(0, count(outbox, "Fravær i dag"), () -> "sick before the start: no absence nudge " + sms(outbox));
            HttpResponse<String> referral = send("GET", base + "/v1/referrals/" + id, STAFF, null, null);
            String reg = Json.parse(referral.body()).get("attendance").get("registrations").get(0).toString();
            assertTrue(reg.contains("\"status\":\"excused\"") && reg.contains("\"reason\":\"sick\"")
                    && reg.contains("\"recordedBy\":\"c-anna\""), reg);

            // Tuesday: a new list at 07:30 (yesterday's link is over), nothing tapped → the absence nudge at 09:30
            tick(runner, MONDAY.plusDays(1), LocalTime.of(7, 30));
            assertEquals(2, count(outbox, "Dagens fremmøde"));
            assertTrue(sms(outbox).stream().anyMatch(l -> l.contains(".20261124.")));
            assertEquals(410, send("GET", link, null, null, null).statusCode(), "Monday's list is over");
            for (LocalTime t = LocalTime.of(9, 29); !t.isAfter(LocalTime.of(9, 32)); t = t.plusMinutes(1)) {
                tick(runner, MONDAY.plusDays(1), t);
            }
            assertEquals(1, count(outbox, "Fravær i dag"), () -> "nothing registered: nudged " + sms(outbox));
        }
    }
}
