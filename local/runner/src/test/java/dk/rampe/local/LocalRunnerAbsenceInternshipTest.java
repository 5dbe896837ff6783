package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule "no session is expected during an internship unless the plan says so", through the local
 * runner on its clock: an internship recorded on the participant's path (POST …/milestones) from Wednesday
 * to Friday, its expected end: no absence nudge on those days, the nudge again on Monday; a participant
 * whose plan step applies during an internship ({@code duringInternship}) is expected and nudged.
 */
class LocalRunnerAbsenceInternshipTest {
    private static final String SCRIPT_START = "2026-11-23T07:00:00+01:00";
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String STAFF = "local-consultant-anna";

    private static void moveTo(LocalRunner runner, LocalDate date, LocalTime time) {
        Duration d = Duration.between(runner.clock().instant(), ZonedDateTime.of(date, time, CPH).toInstant());
        if (d.isNegative() || d.isZero()) return;
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

    /** The absence nudges by SMS so far, by the case each names. */
    private static long absenceSms(Path data, String reference) throws Exception {
        Path f = data.resolve("outbox/sms.jsonl");
        if (!Files.exists(f)) return 0;
        return Files.readAllLines(f).stream().filter(l -> l.contains("Fravær i dag") && !l.contains("Påmindelse"))
                .filter(l -> l.contains(reference)).count();
    }

    private static String enrolled(LocalRunner runner, String cpr, String reference, LocalDate from,
                                   boolean duringInternship) throws Exception {
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
        assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/enrolment", STAFF, "{}",
                "application/json").statusCode());
        HttpResponse<String> plan = send("PUT", base + "/v1/referrals/" + id + "/attendance-plan", STAFF,
                "{\"steps\":[{\"validFrom\":\"" + from + "\",\"weekdays\":[\"monday\",\"tuesday\",\"wednesday\","
                        + "\"thursday\",\"friday\"],\"start\":\"09:00\",\"minutesPerDay\":240"
                        + (duringInternship ? ",\"duringInternship\":true" : "") + "}]}", "application/json");
        assertEquals(200, plan.statusCode(), plan.body());
        return id;
    }

    @Test
    void noAbsenceNudgeDuringAnInternshipUnlessThePlanStepAppliesDuringOne(@TempDir Path data) throws Exception {
        try (LocalRunner runner = LocalCalls.start(data.resolve("db"), data.resolve("outbox"), SCRIPT_START)) {
            LocalDate wed = LocalDate.of(2026, 11, 25);
            moveTo(runner, wed, LocalTime.of(7, 0));
            String course = enrolled(runner, "010190-1234", "AAR-2026-00201", wed, false);
            String beside = enrolled(runner, "020290-1234", "AAR-2026-00202", wed, true);
            for (String id : List.of(course, beside)) {
                HttpResponse<String> m = send("POST", runner.baseUrl() + "/v1/referrals/" + id + "/milestones", STAFF,
                        "{\"type\":\"internship_started\",\"effectiveOn\":\"" + wed + "\",\"employer\":\"Gartneri ApS\","
                                + "\"expectedEnd\":\"2026-11-27\",\"hoursPerWeek\":12}", "application/json");
                assertEquals(201, m.statusCode(), m.body());
            }
            JsonNode steps = Json.parse(send("GET", runner.baseUrl() + "/v1/referrals/" + beside, STAFF, null, null).body())
                    .get("attendance").get("planSteps");
            assertTrue(steps.get(0).get("duringInternship").asBoolean(), steps.toString());

            morning(runner, wed);
            morning(runner, wed.plusDays(1));
            morning(runner, wed.plusDays(2));
            assertEquals(0, absenceSms(data, course), "Wednesday to Friday: in the internship, nothing expected");
            assertEquals(3, absenceSms(data, beside), "the plan applies during the internship: nudged each day");

            morning(runner, LocalDate.of(2026, 11, 30)); // Monday: back on the course after its expected end
            assertEquals(1, absenceSms(data, course));
            assertEquals(4, absenceSms(data, beside));
        }
    }
}
