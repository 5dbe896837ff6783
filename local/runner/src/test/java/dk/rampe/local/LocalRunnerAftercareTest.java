package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aftercare end to end, in the local runner over HTTP, the clock moved to 08:00 every morning and
 * the template's schedules fired: a job started on 2026-11-30 gives the consultant an aftercare nudge
 * on 2027-03-01 and none before; closing it on the follow-up page records the outcome; a job ended in
 * January cancels it and creates the job-ended follow-up; an exit in April for another reason (moved)
 * leaves only the six-months-after-leaving check, due in October; an exit into the job in December keeps
 * the job's aftercare call in March and its six-month check in May, and adds the check after leaving.
 */
class LocalRunnerAftercareTest {
    /** The script\'s dates are the issue\'s: the local clock starts before them, whatever day it is. */
    private static final String SCRIPT_START = "2026-11-23T07:00:00+01:00";
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String ANNA = "local-consultant-anna";

    private static Instant at(String day, int hour) {
        return LocalDate.parse(day).atTime(hour, 0).atZone(CPH).toInstant();
    }

    private static void moveTo(LocalRunner runner, Instant t) {
        runner.clock().advance(Duration.between(runner.clock().instant(), t));
    }

    private static String enrolled(LocalRunner runner, String cpr, String reference) throws Exception {
        ObjectNode body = (ObjectNode) Json.parse(Events.text("referral-intake/referral.json"));
        ((ObjectNode) body.get("citizen")).put("cpr", cpr);
        body.put("jobcentreReference", reference);
        HttpResponse<String> created = send("POST", runner.baseUrl() + "/v1/referrals", "local-jobcenter-aarhus",
                body.toString(), "application/json");
        assertEquals(201, created.statusCode(), created.body());
        String id = Json.parse(created.body()).get("referralId").asText();
        assertEquals(200, post(runner, id, "/visitation", "{\"decision\":\"accepted\"}").statusCode());
        assertEquals(200, post(runner, id, "/enrolment", "{}").statusCode());
        return id;
    }

    private static HttpResponse<String> post(LocalRunner runner, String id, String path, String body) throws Exception {
        return send("POST", runner.baseUrl() + "/v1/referrals/" + id + path, ANNA, body, "application/json");
    }

    private static HttpResponse<String> milestone(LocalRunner runner, String id, String body) throws Exception {
        HttpResponse<String> r = post(runner, id, "/milestones", body);
        assertEquals(201, r.statusCode(), r.body());
        return r;
    }

    /** The first nudges sent by SMS so far (the nudge service's reminders of open tasks left out). */
    private static List<String> sms(Path data) throws Exception {
        Path f = data.resolve("outbox/sms.jsonl");
        if (!Files.exists(f)) return List.of();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            String text = Json.parse(line).path("text").asText();
            if (!text.startsWith("Påmindelse")) out.add(text);
        }
        return out;
    }

    /** 08:00 each morning up to and including {@code lastDay}: the schedules fire and the outbox is sent. */
    private static void mornings(LocalRunner runner, String lastDay) {
        LocalDate day = LocalDate.ofInstant(runner.clock().instant(), CPH);
        if (!runner.clock().instant().isBefore(at(day.toString(), 8))) day = day.plusDays(1);
        for (; !day.isAfter(LocalDate.parse(lastDay)); day = day.plusDays(1)) {
            moveTo(runner, at(day.toString(), 8));
            runner.scheduler().fireDue();
            runner.dispatchNow();
        }
    }

    private static long smsFor(List<String> sms, String referralId, String words) {
        return sms.stream().filter(s -> s.contains(referralId) && s.contains(words)).count();
    }

    @Test
    void aParticipantsPathFromJobStartToSixMonthsAfterLeaving(@TempDir Path data) throws Exception {
        try (LocalRunner runner = LocalCalls.start(null, data.resolve("outbox"), SCRIPT_START)) {
            String kept = enrolled(runner, "010190-1234", "AAR-2026-00101");
            String ended = enrolled(runner, "020285-1234", "AAR-2026-00102");
            String exits = enrolled(runner, "030375-1234", "AAR-2026-00103");
            String intoWork = enrolled(runner, "040480-1234", "AAR-2026-00104");
            moveTo(runner, at("2026-11-30", 10));
            String job = "{\"type\":\"job_started\",\"effectiveOn\":\"2026-11-30\",\"employer\":\"Lager A/S\","
                    + "\"jobKind\":\"flexjob\",\"hoursPerWeek\":15}";
            for (String id : List.of(kept, ended, exits, intoWork)) milestone(runner, id, job);
            // the jobcentre reads the path without the consultant's notes
            JsonNode read = Json.parse(send("GET", runner.baseUrl() + "/v1/referrals/" + kept, "local-jobcenter-aarhus",
                    null, null).body());
            assertEquals(List.of("enrolled", "job_started"),
                    List.of(read.get("path").get(0).get("type").asText(), read.get("path").get(1).get("type").asText()));

            int before = sms(data).size();
            mornings(runner, "2026-12-14");
            moveTo(runner, at("2026-12-14", 11));
            // leaves the programme for the job: aftercare follows the job, not the programme
            HttpResponse<String> intoJob = post(runner, intoWork, "/exit", "{\"outcome\":\"flexjob\"}");
            assertEquals(200, intoJob.statusCode(), intoJob.body());
            mornings(runner, "2027-01-14");
            moveTo(runner, at("2027-01-14", 15));
            milestone(runner, ended, "{\"type\":\"job_ended\",\"effectiveOn\":\"2027-01-13\",\"reason\":\"Opsagt i prøvetiden\"}");
            mornings(runner, "2027-02-28");
            List<String> upToFebruary = sms(data).subList(before, sms(data).size());
            assertEquals(1, upToFebruary.size(), "only the job-ended call so far: " + upToFebruary);
            assertEquals(1, smsFor(upToFebruary, ended, "Opkald"), upToFebruary.toString());

            mornings(runner, "2027-03-01");
            List<String> march = sms(data).subList(before + 1, sms(data).size());
            assertEquals(3, march.size(), march.toString());
            assertEquals(1, smsFor(march, kept, "Efterværnsopkald 1/3"), march.toString());
            assertEquals(1, smsFor(march, exits, "Efterværnsopkald 1/3"), march.toString());
            assertEquals(1, smsFor(march, intoWork, "Efterværnsopkald 1/3"), march.toString());

            // closing the aftercare call on the follow-up page records the outcome
            String keptSms = march.stream().filter(s -> s.contains(kept)).findFirst().orElseThrow();
            Matcher link = Pattern.compile(Pattern.quote(runner.baseUrl()) + "/f/[A-Za-z0-9._-]+").matcher(keptSms);
            assertTrue(link.find(), keptSms);
            HttpResponse<String> page = send("GET", link.group(), null, null, null);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("name=\"withWhom\""), "the aftercare questions are asked");
            Matcher task = Pattern.compile("name=\"task\" value=\"([^\"]+)\"").matcher(page.body());
            assertTrue(task.find(), page.body());
            HttpResponse<String> closed = send("POST", link.group(), null, "task=" + task.group(1)
                    + "&reached=yes&cause=none&next=none&method=phone&withWhom=both&stillEmployed=yes&hours=15"
                    + "&note=Ringet+til+begge", "application/x-www-form-urlencoded");
            assertEquals(200, closed.statusCode(), closed.body());
            assertTrue(closed.body().contains("data-status=\"closed\""), closed.body());

            moveTo(runner, at("2027-04-15", 11));
            HttpResponse<String> exit = post(runner, exits, "/exit", "{\"outcome\":\"moved\"}");
            assertEquals(200, exit.statusCode(), exit.body());
            // left without a job: the caseworker gets one neutral email about the exit description
            runner.dispatchNow();
            java.util.List<String> toCaseworker = new ArrayList<>();
            try (var files = Files.list(data.resolve("outbox/email"))) {
                for (Path eml : files.toList()) {
                    String text = Files.readString(eml);
                    if (text.contains("birthe.aagaard@jobcenter.example")) toCaseworker.add(text);
                }
            }
            assertEquals(1, toCaseworker.size());
            assertFalse(toCaseworker.get(0).contains("030375") || toCaseworker.get(0).contains("Søren"));
            int afterMarch = sms(data).size();
            mornings(runner, "2027-10-15");
            List<String> rest = sms(data).subList(afterMarch, sms(data).size());
            // the kept job's six-month check on Monday 31 May; the one who moved only the check in October;
            // the one who left for the job both the job's six-month check and the check after leaving
            assertEquals(4, rest.size(), rest.toString());
            assertEquals(1, smsFor(rest, kept, "6 mdr. 31/5"), rest.toString());
            assertEquals(1, smsFor(rest, exits, "Efter forløb 15/10"), rest.toString());
            assertEquals(1, smsFor(rest, intoWork, "6 mdr. 31/5"), rest.toString());
            assertEquals(1, smsFor(rest, intoWork, "Efter forløb 14/6"), rest.toString());
            assertFalse(rest.stream().anyMatch(s -> s.contains(ended)), rest.toString());
        }
    }

    /** The emails written to the outbox folder so far, to {@code recipient}. */
    private static List<String> emailsTo(Path data, String recipient) throws Exception {
        Path dir = data.resolve("outbox/email");
        if (!Files.isDirectory(dir)) return List.of();
        List<String> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path eml : files.toList()) {
                String text = Files.readString(eml);
                if (text.contains(recipient)) out.add(text);
            }
        }
        return out;
    }

    @Test
    void anInternshipFrom10MarchRecordedOnGoodFridayIsListedOnTuesdayWithoutAnSms(@TempDir Path data) throws Exception {
        try (LocalRunner runner = LocalCalls.start(null, data.resolve("outbox"), "2026-04-03T14:00:00+02:00")) {
            ObjectNode body = (ObjectNode) Json.parse(Events.text("referral-intake/referral.json"));
            body.put("receivedAt", "2026-02-16");
            HttpResponse<String> created = send("POST", runner.baseUrl() + "/v1/referrals", "local-jobcenter-aarhus",
                    body.toString(), "application/json");
            assertEquals(201, created.statusCode(), created.body());
            String id = Json.parse(created.body()).get("referralId").asText();
            assertEquals(200, post(runner, id, "/visitation", "{\"decision\":\"accepted\",\"decidedOn\":\"2026-02-18\"}")
                    .statusCode());
            assertEquals(200, post(runner, id, "/enrolment", "{\"startedOn\":\"2026-02-23\"}").statusCode());
            milestone(runner, id, "{\"type\":\"internship_started\",\"effectiveOn\":\"2026-03-10\","
                    + "\"employer\":\"Gartneri ApS\",\"hoursPerWeek\":12}");
            runner.scheduler().fireDue();
            runner.dispatchNow();
            // the workplace check was due 13 March: nothing on Good Friday, Saturday, Easter Sunday or Easter Monday
            mornings(runner, "2026-04-06");
            assertEquals(List.of(), sms(data));
            assertEquals(List.of(), emailsTo(data, "anna@rampe.example"));
            // Tuesday: one summary email for the consultant, still no SMS
            mornings(runner, "2026-04-07");
            moveTo(runner, at("2026-04-07", 12));
            runner.scheduler().fireDue();
            runner.dispatchNow();
            assertEquals(List.of(), sms(data));
            List<String> summary = emailsTo(data, "anna@rampe.example");
            assertEquals(1, summary.size());
            assertFalse(summary.get(0).contains(id) || summary.get(0).contains("010190"), "no case, no CPR");
        }
    }
}
