package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programme settings through the local runner on its clock: with the programme's switch
 * on and the participant's consent from enrolment, the participant gets the neutral SMS at the
 * cutoff with the consultant's nudge; a follow-up still open after two working hours reminds the
 * consultant and emails the team lead; a participant without consent gets nothing.
 */
class LocalRunnerAbsenceSettingsTest {
    /** The script\'s dates are the issue\'s: the local clock starts before them, whatever day it is. */
    private static final String SCRIPT_START = "2026-11-23T07:00:00+01:00";
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String STAFF = "local-consultant-anna";
    private static final String TEAM_LEAD = "leder@rampe.example";

    private static void moveTo(LocalRunner runner, LocalDate date, LocalTime time) {
        Duration d = Duration.between(runner.clock().instant(), ZonedDateTime.of(date, time, CPH).toInstant());
        if (d.isNegative() || d.isZero()) return;
        runner.clock().advance(d);
    }

    /** Minute by minute from {@code from} for {@code minutes}, firing the schedules and dispatching. */
    private static void minutes(LocalRunner runner, LocalDate date, LocalTime from, int minutes) {
        moveTo(runner, date, from);
        runner.scheduler().fireDue();
        runner.dispatchNow();
        for (int m = 0; m < minutes; m++) {
            runner.clock().advance(Duration.ofMinutes(1));
            runner.scheduler().fireDue();
            runner.dispatchNow();
        }
    }

    private static List<String> sms(Path data) throws Exception {
        Path f = data.resolve("outbox/sms.jsonl");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private static List<String> emails(Path data) throws Exception {
        Path dir = data.resolve("outbox/email");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static String enrolled(LocalRunner runner, String cpr, String reference, String enrolment, LocalDate from)
            throws Exception {
        String base = runner.baseUrl();
        ObjectNode body = (ObjectNode) Json.parse(Events.text("referral-intake/referral.json"));
        body.put("jobcentreReference", reference);
        body.put("benefit", "dagpenge");
        ((ObjectNode) body.get("citizen")).put("cpr", cpr);
        HttpResponse<String> created = send("POST", base + "/v1/referrals", "local-jobcenter-aarhus", Json.write(body),
                "application/json");
        assertEquals(201, created.statusCode(), created.body());
        String id = Json.parse(created.body()).get("referralId").asText();
        assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/visitation", STAFF,
                "{\"decision\":\"accepted\"}", "application/json").statusCode());
        HttpResponse<String> enrol = send("POST", base + "/v1/referrals/" + id + "/enrolment", STAFF, enrolment,
                "application/json");
        assertEquals(200, enrol.statusCode(), enrol.body());
        assertEquals(200, send("PUT", base + "/v1/referrals/" + id + "/attendance-plan", STAFF,
                "{\"steps\":[{\"validFrom\":\"" + from + "\",\"weekdays\":[\"monday\",\"tuesday\",\"wednesday\","
                        + "\"thursday\",\"friday\"],\"start\":\"09:00\",\"minutesPerDay\":240}]}", "application/json")
                .statusCode());
        return id;
    }

    @Test
    void theParticipantsSmsAtTheCutoffAndTheTeamLeadAfterTwoWorkingHours(@TempDir Path data) throws Exception {
        try (LocalRunner runner = LocalCalls.start(data.resolve("db"), data.resolve("outbox"), SCRIPT_START)) {
            String base = runner.baseUrl();
            LocalDate wed = LocalDate.of(2026, 11, 25);
            moveTo(runner, wed, LocalTime.of(7, 0));
            ObjectNode settings = (ObjectNode) Json.parse(send("GET", base + "/v1/admin/settings", "local-admin", null,
                    null).body());
            ((ObjectNode) settings.withArray("programmes").get(0)).set("attendance",
                    Json.parse("{\"teamLeadEmail\":\"" + TEAM_LEAD + "\",\"participantSms\":true}"));
            HttpResponse<String> put = send("PUT", base + "/v1/admin/settings", "local-admin", Json.write(settings),
                    "application/json");
            assertEquals(200, put.statusCode(), put.body());
            runner.clock().advance(Duration.ofMinutes(2)); // the handlers' settings cache (one minute) renews

            enrolled(runner, "010190-1234", "AAR-2026-00101", "{\"absenceSmsConsent\":true}", wed);
            enrolled(runner, "020290-1234", "AAR-2026-00102", "{}", wed);

            minutes(runner, wed, LocalTime.of(9, 29), 3); // to 09:32
            List<String> toParticipant = sms(data).stream().filter(l -> l.contains("Vi har ikke set dig i dag")).toList();
            assertEquals(1, toParticipant.size(), "only the participant who consented: " + sms(data));
            assertTrue(toParticipant.get(0).contains("ring til Anna på 20 00 00 01"), toParticipant.get(0));
            for (String secret : List.of("0101901234", "010190", "dagpenge")) {
                assertFalse(toParticipant.get(0).contains(secret), secret);
            }
            assertEquals(0, emails(data).stream().filter(e -> e.contains(TEAM_LEAD)).count(), "not yet");

            // 11:30 is two working hours after the 09:30 cutoff: both follow-ups are still open
            minutes(runner, wed, LocalTime.of(11, 28), 4);
            List<String> toLead = emails(data).stream().filter(e -> e.contains(TEAM_LEAD)).toList();
            assertEquals(2, toLead.size(), "one email to the team lead per open follow-up");
            for (String mail : toLead) {
                for (String secret : List.of("0101901234", "0202901234", "dagpenge")) assertFalse(mail.contains(secret));
            }
            // running again sends nothing twice
            minutes(runner, wed, LocalTime.of(11, 40), 2);
            assertEquals(2, emails(data).stream().filter(e -> e.contains(TEAM_LEAD)).count());
            assertEquals(1, sms(data).stream().filter(l -> l.contains("Vi har ikke set dig i dag")).count());
        }
    }

    /**
     * The day's latest registration decides: a "present" registered ten seconds after the 09:30 nudge closes
     * that participant's follow-up, so at 11:31 neither the consultant's reminder nor the team lead's email goes
     * out for them; the other participant, still absent, gets both.
     */
    @Test
    void aPresentRegisteredAfterTheNudgeStopsTheReminderAndTheTeamLeadsEmail(@TempDir Path data) throws Exception {
        try (LocalRunner runner = LocalCalls.start(data.resolve("db"), data.resolve("outbox"), SCRIPT_START)) {
            String base = runner.baseUrl();
            LocalDate wed = LocalDate.of(2026, 11, 25);
            moveTo(runner, wed, LocalTime.of(7, 0));
            ObjectNode settings = (ObjectNode) Json.parse(send("GET", base + "/v1/admin/settings", "local-admin", null,
                    null).body());
            ((ObjectNode) settings.withArray("programmes").get(0)).set("attendance",
                    Json.parse("{\"teamLeadEmail\":\"" + TEAM_LEAD + "\"}"));
            assertEquals(200, send("PUT", base + "/v1/admin/settings", "local-admin", Json.write(settings),
                    "application/json").statusCode());
            runner.clock().advance(Duration.ofMinutes(2));

            String there = enrolled(runner, "010190-1234", "AAR-2026-00101", "{}", wed);
            String away = enrolled(runner, "020290-1234", "AAR-2026-00102", "{}", wed);

            minutes(runner, wed, LocalTime.of(9, 29), 1); // the 09:30 run nudges both
            assertEquals(2, sms(data).stream().filter(l -> l.contains("Fravær i dag")).count(), String.join("\n", sms(data)));
            runner.clock().advance(Duration.ofSeconds(10));
            HttpResponse<String> present = send("POST", base + "/v1/referrals/" + there + "/attendance", STAFF,
                    "{\"date\":\"2026-11-25\",\"status\":\"present\"}", "application/json");
            assertEquals(201, present.statusCode(), present.body());

            minutes(runner, wed, LocalTime.of(11, 28), 4); // to 11:32
            List<String> reminders = sms(data).stream().filter(l -> l.contains("Påmindelse")).toList();
            assertEquals(1, reminders.size(), String.join("\n", sms(data)));
            assertTrue(reminders.get(0).contains(away), reminders.get(0));
            List<String> toLead = emails(data).stream().filter(e -> e.contains(TEAM_LEAD)).toList();
            assertEquals(1, toLead.size(), "only the participant still absent is escalated");
            assertTrue(toLead.get(0).contains(away));
            assertFalse(toLead.get(0).contains(there));

            HttpResponse<String> referral = send("GET", base + "/v1/referrals/" + there, STAFF, null, null);
            assertTrue(referral.body().contains("\"status\":\"present\""), referral.body());
        }
    }
}
