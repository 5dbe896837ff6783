package dk.rampe.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Absence detection end to end, through the local runner on its clock: a participant planned for 09:00
 * with nothing registered gets their consultant an SMS and an email by 09:32; a sick call at 08:50
 * sends nothing; a third unexcused absence within ten working days reaches the caseworker by email
 * and through GET …/notices; nothing is expected on Easter Monday.
 */
class LocalRunnerAbsenceTest {
    /** The script\'s dates are the issue\'s: the local clock starts before them, whatever day it is. */
    private static final String SCRIPT_START = "2026-11-23T07:00:00+01:00";
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String STAFF = "local-consultant-anna";
    private static final String CASEWORKER = "birthe.aagaard@jobcenter.example";

    private static void moveTo(LocalRunner runner, LocalDate date, LocalTime time) {
        ZonedDateTime target = ZonedDateTime.of(date, time, CPH);
        Duration d = Duration.between(runner.clock().instant(), target.toInstant());
        assertFalse(d.compareTo(Duration.ofSeconds(-30)) < 0, "the local clock moves forward only");
        if (d.isNegative() || d.isZero()) return; // already there (the local clock also runs on)
        runner.clock().advance(d);
    }

    /** 09:29 to 09:32 minute by minute, firing the schedules and dispatching as the cloud would. */
    private static void morning(LocalRunner runner, LocalDate date) {
        moveTo(runner, date, LocalTime.of(9, 29));
        runner.scheduler().fireDue();
        runner.dispatchNow();
        for (int m = 0; m < 3; m++) {
            runner.clock().advance(Duration.ofMinutes(1));
            runner.scheduler().fireDue();
            runner.dispatchNow();
        }
    }

    private static long absenceSms(Path data) throws Exception {
        Path f = data.resolve("outbox/sms.jsonl");
        if (!Files.exists(f)) return 0;
        return Files.readAllLines(f).stream().filter(l -> l.contains("Fravær i dag") && !l.contains("Påmindelse")).count(); // reminders of open tasks aside
    }

    private static String readSms(Path data) {
        try {
            return Files.readString(data.resolve("outbox/sms.jsonl"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
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

    private static long caseworkerEmails(Path data) throws Exception {
        return emails(data).stream().filter(e -> e.contains(CASEWORKER)).count();
    }

    private static String enrolledReferral(LocalRunner runner, String benefit, LocalDate planFrom) throws Exception {
        String base = runner.baseUrl();
        String body = Events.text("referral-intake/referral.json").replace("\"kontanthjaelp\"", "\"" + benefit + "\"");
        HttpResponse<String> created = send("POST", base + "/v1/referrals", "local-jobcenter-aarhus", body,
                "application/json");
        assertEquals(201, created.statusCode(), created.body());
        String id = Json.parse(created.body()).get("referralId").asText();
        assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/visitation", STAFF,
                "{\"decision\":\"accepted\"}", "application/json").statusCode());
        assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/enrolment", STAFF, "{}",
                "application/json").statusCode());
        HttpResponse<String> plan = send("PUT", base + "/v1/referrals/" + id + "/attendance-plan", STAFF,
                "{\"steps\":[{\"validFrom\":\"" + planFrom + "\",\"weekdays\":[\"monday\",\"tuesday\",\"wednesday\","
                        + "\"thursday\",\"friday\"],\"start\":\"09:00\",\"minutesPerDay\":240}]}", "application/json");
        assertEquals(200, plan.statusCode(), plan.body());
        return id;
    }

    private static void register(LocalRunner runner, String id, String json) throws Exception {
        HttpResponse<String> r = send("POST", runner.baseUrl() + "/v1/referrals/" + id + "/attendance", STAFF, json,
                "application/json");
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void absenceIsNudgedWithinTwoMinutesASickCallSendsNothingAndTheThirdReachesTheCaseworker(@TempDir Path data)
            throws Exception {
        try (LocalRunner runner = LocalCalls.start(data.resolve("db"), data.resolve("outbox"), SCRIPT_START)) {
            LocalDate wed = LocalDate.of(2026, 11, 25);
            moveTo(runner, wed, LocalTime.of(7, 0));
            String id = enrolledReferral(runner, "dagpenge", wed);

            // Wednesday: nothing registered → the consultant's SMS and email by 09:32, not before 09:30
            moveTo(runner, wed, LocalTime.of(9, 29));
            runner.scheduler().fireDue();
            runner.dispatchNow();
            assertEquals(0, absenceSms(data), "nothing before the cutoff");
            int emailsBefore = emails(data).size();
            morning(runner, wed);
            assertEquals(1, absenceSms(data));
            assertEquals(emailsBefore + 1, emails(data).size(), "and one email to the consultant");

            // Thursday: a sick call at 08:50 excuses the day
            moveTo(runner, wed.plusDays(1), LocalTime.of(8, 50));
            register(runner, id, "{\"date\":\"2026-11-26\",\"status\":\"excused\",\"reason\":\"sick\"}");
            morning(runner, wed.plusDays(1));
            assertEquals(1, absenceSms(data), "a sick call sends nothing");

            // Friday present; Monday absent (the second, not in a row); Tuesday present
            moveTo(runner, wed.plusDays(2), LocalTime.of(9, 5));
            register(runner, id, "{\"date\":\"2026-11-27\",\"status\":\"present\"}");
            morning(runner, wed.plusDays(2));
            morning(runner, LocalDate.of(2026, 11, 30));
            assertEquals(2, absenceSms(data));
            assertEquals(0, caseworkerEmails(data), "two absences, not in a row: the caseworker is not told yet");
            moveTo(runner, LocalDate.of(2026, 12, 1), LocalTime.of(9, 10));
            register(runner, id, "{\"date\":\"2026-12-01\",\"status\":\"late\",\"arrival\":\"09:10\"}");
            morning(runner, LocalDate.of(2026, 12, 1));

            // Wednesday 2 December: the third within ten working days → the caseworker, by email and API
            morning(runner, LocalDate.of(2026, 12, 2));
            assertEquals(3, absenceSms(data));
            assertEquals(1, caseworkerEmails(data));
            String mail = emails(data).stream().filter(e -> e.contains(CASEWORKER)).findFirst().orElseThrow();
            for (String secret : List.of("0101901234", "dagpenge", "Søren")) assertFalse(mail.contains(secret), secret);

            HttpResponse<String> notices = send("GET", runner.baseUrl() + "/v1/referrals/" + id + "/notices",
                    "local-jobcenter-aarhus", null, null);
            assertEquals(200, notices.statusCode(), notices.body());
            JsonNode list = Json.parse(notices.body()).get("notices");
            assertEquals(1, list.size(), notices.body());
            assertEquals("2026-12-02", list.get(0).get("date").asText());
            assertEquals("three_in_ten_working_days", list.get(0).get("reasons").get(0).asText());
            assertEquals(404, send("GET", runner.baseUrl() + "/v1/referrals/" + id + "/notices",
                    "local-jobcenter-odder", null, null).statusCode(), "another jobcentre sees nothing");

            HttpResponse<String> referral = send("GET", runner.baseUrl() + "/v1/referrals/" + id, STAFF, null, null);
            JsonNode attendance = Json.parse(referral.body()).get("attendance");
            assertTrue(attendance.get("flagged").asBoolean(), referral.body());
            assertEquals("09:00", attendance.get("currentPlan").get("start").asText());
            // Wed absent, Thu sick, Fri present, Mon absent, Tue late, Wed absent
            assertEquals(6, attendance.get("registrations").size(), referral.body());

            // running the detection again (an overlapping run) creates nothing twice
            runner.scheduler().fireDue();
            runner.dispatchNow();
            assertEquals(3, absenceSms(data));
            assertEquals(1, caseworkerEmails(data));
        }
    }

    @Test
    void nothingIsExpectedOnEasterMondayAndEveryAbsenceIsReportedForTheListedBenefits(@TempDir Path data)
            throws Exception {
        try (LocalRunner runner = LocalCalls.start(data.resolve("db"), data.resolve("outbox"), SCRIPT_START)) {
            LocalDate thursday = LocalDate.of(2027, 3, 25); // Maundy Thursday: a public holiday too
            moveTo(runner, thursday.minusDays(1), LocalTime.of(7, 0));
            String id = enrolledReferral(runner, "kontanthjaelp", thursday.minusDays(1));
            morning(runner, thursday.minusDays(1)); // Wednesday 24 March: absent
            assertEquals(1, absenceSms(data));
            assertEquals(1, caseworkerEmails(data), "kontanthjælp: every unexcused absence, the same day");
            morning(runner, thursday);
            morning(runner, thursday.plusDays(1)); // Good Friday
            morning(runner, LocalDate.of(2027, 3, 29)); // Easter Monday
            assertEquals(1, absenceSms(data), () -> "nothing on Maundy Thursday, Good Friday or Easter Monday: "
                    + readSms(data));
            morning(runner, LocalDate.of(2027, 3, 30)); // Tuesday: absent again, the next session → in a row
            assertEquals(2, absenceSms(data));
            JsonNode list = Json.parse(send("GET", runner.baseUrl() + "/v1/referrals/" + id + "/notices",
                    "local-jobcenter-aarhus", null, null).body()).get("notices");
            assertEquals(2, list.size());
            assertEquals("[\"unexcused_absence\",\"two_in_a_row\"]", list.get(1).get("reasons").toString());
            assertEquals(2, caseworkerEmails(data));
        }
    }
}
