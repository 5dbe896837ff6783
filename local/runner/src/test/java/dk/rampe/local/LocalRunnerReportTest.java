package dk.rampe.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monthly report end to end, in the local runner, over HTTP: a scripted programme from September to
 * January (referrals from two jobcentres, enrolments, a job and an internship in September, attendance
 * plans with five absences detected by the absence schedule and closed on the follow-up page the same
 * day, the job's aftercare call made by the aftercare schedule and closed on time, a job start and two
 * exits in December, a correction in January); the report for December is made by the schedule on the
 * local clock and by the admin route, lands in .rampe/reports (here data/reports) and as one email with
 * HTML and CSV in the outbox, with the figures of the script; made again a month later, the figures
 * are the same (the correction is listed apart).
 */
class LocalRunnerReportTest {
    /** The script\'s dates are the issue\'s: the local clock starts before them, whatever day it is. */
    private static final String SCRIPT_START = "2026-08-31T07:00:00+02:00";
    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    static final String P = "rampe-oestjylland";
    private int n;

    private void to(LocalRunner runner, String localDateTime) {
        Instant at = LocalDateTime.parse(localDateTime).atZone(CPH).toInstant();
        Duration d = Duration.between(runner.clock().instant(), at);
        assertFalse(d.isNegative(), "the script only moves forward: " + localDateTime);
        runner.clock().advance(d);
        // what fell due on the way runs now, before the script goes on (the ticker may be running it:
        // fireDue waits for it), so a schedule never reads a clock the script has already moved on
        runner.scheduler().fireDue();
    }

    private String refer(LocalRunner runner, String token) throws Exception {
        n++;
        String body = dk.rampe.local.embedded.Events.text("referral-intake/referral.json")
                .replace("AAR-2026-00042", "REP-" + n)
                .replace("010190-1234", String.format("0101%02d-%04d", 50 + n, 1000 + n));
        HttpResponse<String> r = send("POST", runner.baseUrl() + "/v1/referrals", token, body, "application/json");
        assertEquals(201, r.statusCode(), r.body());
        return Json.parse(r.body()).get("referralId").asText();
    }

    private void post(LocalRunner runner, String referralId, String what, String body) throws Exception {
        HttpResponse<String> r = send("POST", runner.baseUrl() + "/v1/referrals/" + referralId + "/" + what,
                "local-owner-dorthe", body, "application/json");
        assertEquals(200, r.statusCode() / 100 * 100, what + ": " + r.body());
    }

    private void acceptAndEnrol(LocalRunner runner, String id) throws Exception {
        post(runner, id, "visitation", "{\"decision\":\"accepted\"}");
        post(runner, id, "enrolment", "{}");
    }

    private void milestone(LocalRunner runner, String referralId, String body) throws Exception {
        HttpResponse<String> r = send("POST", runner.baseUrl() + "/v1/referrals/" + referralId + "/milestones",
                "local-consultant-anna", body, "application/json");
        assertEquals(201, r.statusCode(), r.body());
    }

    private void register(LocalRunner runner, String referralId, String body) throws Exception {
        HttpResponse<String> r = send("POST", runner.baseUrl() + "/v1/referrals/" + referralId + "/attendance",
                "local-consultant-anna", body, "application/json");
        assertEquals(201, r.statusCode(), r.body());
    }

    /** The follow-up link of the first nudge by SMS for this referral whose text has {@code words}. */
    private static String link(LocalRunner runner, Path data, String referralId, String words) throws Exception {
        runner.dispatchNow();
        for (String line : Files.readAllLines(data.resolve("outbox/sms.jsonl"))) {
            String text = Json.parse(line).path("text").asText();
            if (!text.contains(referralId) || !text.contains(words) || text.startsWith("Påmindelse")) continue;
            Matcher m = Pattern.compile(Pattern.quote(runner.baseUrl()) + "/f/[A-Za-z0-9._-]+").matcher(text);
            assertTrue(m.find(), text);
            return m.group();
        }
        throw new AssertionError("no SMS with '" + words + "' for " + referralId);
    }

    /** Closes the follow-up behind a link on the one-tap page, with the outcome's form fields. */
    private static void close(String link, String fields) throws Exception {
        HttpResponse<String> page = send("GET", link, null, null, null);
        assertEquals(200, page.statusCode(), page.body());
        Matcher task = Pattern.compile("name=\"task\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(task.find(), page.body());
        HttpResponse<String> closed = send("POST", link, null, "task=" + task.group(1) + "&" + fields,
                "application/x-www-form-urlencoded");
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("data-status=\"closed\""), closed.body());
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<Path> waitFor(Path dir, String suffix, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            List<Path> f = files(dir, suffix);
            if (f.size() >= count) return f;
            Thread.sleep(100);
        }
        return files(dir, suffix);
    }

    private static String shown(String csv, String section, String figure, String scope) {
        for (String line : csv.split("\r\n")) {
            String[] c = line.split(";", -1);
            if (c.length >= 7 && c[1].equals(section) && c[2].equals(figure) && c[3].equals(scope)) return c[6];
        }
        return "(missing)";
    }

    @Test
    void theMonthlyReportIsMadeByTheScheduleAndTheAdminRouteWithTheSameFigures(@TempDir Path data) throws Exception {
        try (LocalRunner runner = LocalCalls.start(null, data.resolve("outbox"), SCRIPT_START)) {
            Path reports = data.resolve("reports");
            // this programme keeps open on Christmas Eve and New Year's Eve (both closing days by default), so
            // all five Thursdays of December have sessions
            com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode)
                    Json.parse(send("GET", runner.baseUrl() + "/v1/admin/settings", "local-admin", null, null).body());
            ((com.fasterxml.jackson.databind.node.ObjectNode) settings.withArray("programmes").get(0)).set("calendar",
                    Json.parse("{\"closedOnChristmasEve\":false,\"closedOnNewYearsEve\":false}"));
            HttpResponse<String> put = send("PUT", runner.baseUrl() + "/v1/admin/settings", "local-admin",
                    Json.write(settings), "application/json");
            assertEquals(200, put.statusCode(), put.body());
            // September 2026: two Aarhus participants, one in an ordinary job from 2 September, one in an internship
            to(runner, "2026-09-01T10:00");
            String j1 = refer(runner, "local-jobcenter-aarhus");
            String j2 = refer(runner, "local-jobcenter-aarhus");
            acceptAndEnrol(runner, j1);
            acceptAndEnrol(runner, j2);
            to(runner, "2026-09-02T10:00");
            milestone(runner, j1, "{\"type\":\"job_started\",\"effectiveOn\":\"2026-09-02\",\"employer\":\"Lager A/S\","
                    + "\"jobKind\":\"ordinary\",\"hoursPerWeek\":15}");
            milestone(runner, j2, "{\"type\":\"internship_started\",\"effectiveOn\":\"2026-09-02\",\"employer\":\"Café Å\"}");

            // November 2026: 7 referrals from Aarhus, 3 from Odder; 6 + 2 enrolled, one declined with a reason code
            to(runner, "2026-11-25T09:00");
            List<String> aarhus = new ArrayList<>();
            List<String> odder = new ArrayList<>();
            for (int i = 0; i < 7; i++) aarhus.add(refer(runner, "local-jobcenter-aarhus"));
            for (int i = 0; i < 3; i++) odder.add(refer(runner, "local-jobcenter-odder"));
            for (int i = 0; i < 6; i++) acceptAndEnrol(runner, aarhus.get(i));
            post(runner, aarhus.get(6), "visitation",
                    "{\"decision\":\"declined\",\"reasonCode\":\"not_motivated\",\"reason\":\"Ønsker ikke forløbet nu\"}");
            acceptAndEnrol(runner, odder.get(0));
            acceptAndEnrol(runner, odder.get(1));
            // five of Aarhus's participants attend on Thursdays from December, 09:00 for three hours
            List<String> planned = List.copyOf(aarhus.subList(1, 6));
            for (String id : planned) {
                HttpResponse<String> plan = send("PUT", runner.baseUrl() + "/v1/referrals/" + id + "/attendance-plan",
                        "local-consultant-anna", "{\"steps\":[{\"validFrom\":\"2026-12-01\",\"weekdays\":[\"thursday\"],"
                                + "\"start\":\"09:00\",\"minutesPerDay\":180}]}", "application/json");
                assertEquals(200, plan.statusCode(), plan.body());
            }

            // 2 December, 08:00: the aftercare schedule nudges the job's aftercare call (three months after
            // 2 September); the consultant closes it on the follow-up page that morning: on time
            to(runner, "2026-12-02T08:00");
            String call = link(runner, data, j1, "Efterværn");
            to(runner, "2026-12-02T10:00");
            close(call, "reached=yes&cause=none&next=none&method=phone&withWhom=both&stillEmployed=yes&hours=15");

            // Thursday 3 December: nobody has come by the cutoff (09:30); the absence schedule at 09:31
            // nudges each absence; each is followed up and closed at 11:00, the same day
            to(runner, "2026-12-03T09:31");
            List<String> absenceLinks = new ArrayList<>();
            for (String id : planned) absenceLinks.add(link(runner, data, id, "Fravær"));
            to(runner, "2026-12-03T11:00");
            for (String l : absenceLinks) close(l, "reached=yes&cause=illness&next=none");
            // the other Thursdays of December: all five present
            for (String day : List.of("2026-12-10", "2026-12-17", "2026-12-24", "2026-12-31")) {
                to(runner, day + "T09:05");
                for (String id : planned) register(runner, id, "{\"date\":\"" + day + "\",\"status\":\"present\"}");
                if (day.equals("2026-12-10")) {
                    // December: two exits (a job, education), two more referrals from Aarhus
                    to(runner, "2026-12-10T10:00");
                    post(runner, aarhus.get(0), "exit", "{\"outcome\":\"ordinary_job\"}");
                    post(runner, odder.get(0), "exit", "{\"outcome\":\"education\"}");
                    aarhus.add(refer(runner, "local-jobcenter-aarhus"));
                    aarhus.add(refer(runner, "local-jobcenter-aarhus"));
                    // and one of the five starts an ordinary job on Monday 14 December
                    to(runner, "2026-12-14T10:00");
                    milestone(runner, aarhus.get(2), "{\"type\":\"job_started\",\"effectiveOn\":\"2026-12-14\","
                            + "\"employer\":\"Værksted ApS\",\"jobKind\":\"ordinary\",\"hoursPerWeek\":10}");
                }
            }

            // 1 January 2027, 07:00 in Copenhagen: the schedule makes December's report
            to(runner, "2027-01-01T07:00");
            runner.scheduler().fireDue();
            // (whether November's report was made on the way depends on the runner's 1-second ticker)
            List<Path> csvs = waitFor(reports.resolve(P).resolve("2026-12"), "figures.csv", 1);
            assertEquals(1, csvs.size(), "one report of December kept: " + files(reports, ".csv"));
            assertTrue(csvs.get(0).toString().contains(P + "/2026-12/"), csvs.get(0).toString());
            byte[] first = Files.readAllBytes(csvs.get(0));
            String csv = new String(first, StandardCharsets.UTF_8);
            // intake: 2 in September, 10 in November, 2 in December
            // 14 in all, but November's report showed 12 and it grew by 2 only: shown as last published, with its month
            assertEquals("12 pr. 2026-11", shown(csv, "intake", "received.total", "programme"));
            assertEquals("12 pr. 2026-11", shown(csv, "since_start", "since_start.referred", "programme"), "the same figure");
            assertEquals("x", shown(csv, "intake", "received.month", "programme"), "two in December");
            assertEquals("x", shown(csv, "intake", "received.total", "jc-odder"));
            assertEquals("11", shown(csv, "intake", "received.total", "jc-aarhus"), "the programme's is hidden: 11 gives nothing");
            assertEquals("x", shown(csv, "intake", "received.total", "jc-randers"), "a total never published: 0 to 4");
            assertEquals("75", shown(csv, "intake", "quota", "jc-aarhus"));
            assertEquals("x", shown(csv, "intake", "declined.total", "programme"));
            assertEquals("0", shown(csv, "intake", "declined.reason.not_motivated.month", "programme"), "declined in November");
            assertEquals("0", shown(csv, "intake", "starts.last_4_weeks", "programme"), "the last starts were on 25 November");
            // flow at December's end: 5 in the course, the internship, two jobs, two exited
            // 10 in all and 5 in the course, both hidden: with the moves of the months a reader would work out small ones
            assertEquals("x", shown(csv, "flow", "participants.total", "programme"));
            assertEquals("x", shown(csv, "flow", "phase.course", "programme"));
            assertEquals("x", shown(csv, "flow", "phase.internship", "programme"));
            assertEquals("x", shown(csv, "flow", "phase.paid_hours_or_job", "programme"));
            assertEquals("x", shown(csv, "flow", "phase.exited", "programme"));
            assertEquals("x", shown(csv, "flow", "moves.course_to_paid_hours_or_job", "programme"));
            assertEquals("x", shown(csv, "exits", "month.total", "programme"));
            // attendance: 5 people x 5 Thursdays x 3 hours planned, the first Thursday absent
            assertEquals("5", shown(csv, "attendance", "participants_planned", "programme"));
            assertEquals("75", shown(csv, "attendance", "hours.planned", "programme"));
            assertEquals("60", shown(csv, "attendance", "hours.attended", "jc-aarhus"));
            assertEquals("20", shown(csv, "attendance", "absence_rate", "programme")); // a share as its percent, a number
            assertEquals("5", shown(csv, "attendance", "absences", "programme"));
            assertEquals("1", shown(csv, "attendance", "minutes_to_nudge.median", "programme"), "cutoff 09:30, nudged 09:31");
            assertEquals("1", shown(csv, "attendance", "minutes_to_nudge.p90", "programme"));
            assertEquals("90", shown(csv, "attendance", "minutes_to_closed.median", "programme"), "closed at 11:00");
            assertEquals("100", shown(csv, "attendance", "closed_same_day_share", "programme"));
            assertEquals("5", shown(csv, "attendance", "escalations", "programme"), "kontanthjælp: every unexcused absence");
            assertEquals("100", shown(csv, "attendance", "stable_last_4_weeks_share", "programme"),
                    "present on every Thursday of the last four weeks");
            // aftercare: the job's call due 2 December, done that day; the job reached 90 days on 1 December
            assertEquals("x", shown(csv, "aftercare", "follow_ups.due", "programme"));
            assertEquals("x", shown(csv, "aftercare", "follow_ups.on_time", "programme"));
            assertEquals("0", shown(csv, "aftercare", "follow_ups.overdue", "programme"));
            assertEquals("x", shown(csv, "funders", "kept_job_90_days.month", "programme"));
            // IPS: 10 on the caseload in the fourth quarter, 2 in an ordinary job at some time in it
            assertEquals("10", shown(csv, "funders", "quarter.active", "programme"));
            assertEquals("x", shown(csv, "funders", "quarter.in_competitive_work", "programme"));
            assertEquals("0", shown(csv, "corrections", "attendance_registrations_recorded_after_month_end", "programme"));
            assertTrue(Files.isRegularFile(csvs.get(0).resolveSibling("report.html")));

            List<Path> emails = new ArrayList<>();
            for (Path p : waitFor(data.resolve("outbox/email"), ".eml", 1)) {
                if (Files.readString(p).contains("2026-12.csv")) emails.add(p);
            }
            assertEquals(1, emails.size(), "one email with December's report");
            String eml = Files.readString(emails.get(0));
            assertTrue(eml.contains("To: styregruppe@rampe.example"));
            assertTrue(eml.contains("Content-Type: text/html; charset=UTF-8"));
            assertTrue(eml.contains("Content-Type: text/csv; charset=UTF-8; name=\"rampe-" + P + "-2026-12.csv\""));
            for (String secret : List.of("Søren", "010190", "kontanthj", "Ønsker ikke")) {
                assertFalse(decodedParts(eml).contains(secret), secret);
            }

            // the admin route makes the same month again: the same figures
            HttpResponse<String> made = send("POST", runner.baseUrl() + "/v1/admin/reports", "local-admin",
                    "{\"programmeId\":\"" + P + "\",\"month\":\"2026-12\"}", "application/json");
            assertEquals(201, made.statusCode(), made.body());
            assertEquals(403, send("POST", runner.baseUrl() + "/v1/admin/reports", "local-owner-dorthe",
                    "{\"programmeId\":\"" + P + "\",\"month\":\"2026-12\"}", "application/json").statusCode());

            // January: more history; a month later December is made again, with the same figures
            to(runner, "2027-01-15T10:00");
            post(runner, aarhus.get(1), "exit", "{\"outcome\":\"flexjob\"}");
            acceptAndEnrol(runner, aarhus.get(7));
            // a correction of December, recorded in January: listed apart, no figure changes
            register(runner, planned.get(2), "{\"date\":\"2026-12-31\",\"status\":\"late\",\"arrival\":\"10:00\"}");
            to(runner, "2027-02-01T07:00");
            runner.scheduler().fireDue(); // January's report
            HttpResponse<String> again = send("POST", runner.baseUrl() + "/v1/admin/reports", "local-admin",
                    "{\"programmeId\":\"" + P + "\",\"month\":\"2026-12\"}", "application/json");
            assertEquals(201, again.statusCode(), again.body());
            List<Path> december = waitFor(reports.resolve(P).resolve("2026-12"), "figures.csv", 3);
            assertEquals(3, december.size());
            String figures = withoutCorrections(csv);
            for (Path p : december.subList(0, 2)) assertArrayEquals(first, Files.readAllBytes(p), p + " has December's figures");
            String later = Files.readString(december.get(2));
            assertEquals(figures, withoutCorrections(later), "made again a month later: the same figures");
            assertEquals("x", shown(later, "corrections", "attendance_registrations_recorded_after_month_end", "programme"),
                    "the January correction is listed apart");

            JsonNode list = Json.parse(send("GET", runner.baseUrl() + "/v1/admin/reports?programmeId=" + P, "local-admin",
                    null, null).body());
            long dec = 0;
            long jan = 0;
            for (JsonNode x : list.path("reports")) {
                if (x.path("month").asText().equals("2026-12")) dec++;
                if (x.path("month").asText().equals("2027-01")) jan++;
            }
            assertEquals(3, dec, list.toString());
            assertEquals(1, jan, list.toString());
            String january = Files.readString(waitFor(reports.resolve(P).resolve("2027-01"), "figures.csv", 1).get(0));
            assertEquals("x", shown(january, "exits", "month.flexjob", "programme"));
        }
    }

    private static String withoutCorrections(String csv) {
        return String.join("\r\n", csv.lines().filter(l -> !l.contains(";corrections;")).toList());
    }

    private static String decodedParts(String eml) {
        StringBuilder b = new StringBuilder();
        for (String block : eml.split("\r\n\r\n")) {
            String candidate = block.split("\r\n--")[0].replace("\r\n", "");
            if (candidate.matches("[A-Za-z0-9+/=]{16,}")) {
                b.append(new String(Base64.getDecoder().decode(candidate), StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }
}
