package dk.rampe.followup.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.Registration;
import dk.rampe.attendance.TodaysList;
import dk.rampe.attendance.TodaysListMessages;
import dk.rampe.attendance.TodaysListRun;
import dk.rampe.attendance.TodaysListTokens;
import dk.rampe.audit.AuditEntry;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoWatermarks;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.testkit.BrowserTools;
import dk.rampe.testkit.RampeFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Today's list end to end in a real browser: the 07:30 run writes the consultant's nudge, the
 * dispatcher sends it to the local outbox, the link from the SMS is opened in headless Chromium
 * (Debian's package, driven by playwright-core) at 390 × 844 without JavaScript; one participant is
 * tapped present, another sick, the sick tap undone; then what is stored is checked. Saves
 * docs/todays-list-phone.png with -Drampe.screenshots=docs. Skips, saying why, without Chromium,
 * node or playwright-core (see FollowUpPageBrowserTest).
 */
class TodaysListBrowserTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final String PROGRAMME = "rampe-oestjylland";

    @Test
    void theListFromThe0730SmsWorksOnAPhoneWithoutJavaScriptTapsAndTheUndoAreStored() throws Exception {
        String missing = BrowserTools.missing();
        Assumptions.assumeTrue(missing == null, missing);

        try (LocalPageServer server = new LocalPageServer()) {
            RampeFixture f = new RampeFixture(MONDAY.atTime(7, 30).atZone(CPH).toInstant(),
                    Map.of("RAMPE_PUBLIC_BASE_URL", server.baseUrl()));
            f.loadSettings(Events.text("settings-sample.json"));
            DynamoAttendanceStore attendance = new DynamoAttendanceStore(f.dynamo, f.config.table());
            enrolled(f, attendance, "RANNA0001", "Søren Ærø Østergård", LocalTime.of(9, 0));
            enrolled(f, attendance, "RANNA0002", "Mette Hansen", LocalTime.of(9, 0));
            enrolled(f, attendance, "RANNA0003", "Ib Holm", LocalTime.of(9, 30));
            enrolled(f, attendance, "RANNA0004", "Anne-Marie Kjær", LocalTime.of(10, 0));

            TodaysListTokens tokens = new TodaysListTokens(f.nudges.tokenKey());
            TodaysList lists = new TodaysList(f.settingsStore::current, f.referrals, attendance,
                    new WorkingCalendar(d -> false, f.settingsStore::current), p -> AttendanceRules.DEFAULTS);
            TodaysListRun.Result run = new TodaysListRun(lists, tokens, new TodaysListMessages("Rampe"), f.outbox,
                    new DynamoWatermarks(f.dynamo, f.config.table()), f.settingsStore::current, f.clock,
                    server.baseUrl()).run();
            assertEquals(4, run.participants());
            assertEquals(2, f.dispatcher(f.local).dispatchDue(100).count(OutboxDispatcher.Result.SENT), "email and SMS");
            List<String> sms = f.smsLines();
            assertEquals(1, sms.size());
            Matcher m = Pattern.compile(Pattern.quote(server.baseUrl()) + "/t/[A-Za-z0-9._-]+")
                    .matcher(Json.parse(sms.get(0)).path("text").asText());
            assertTrue(m.find(), sms.get(0));
            String link = m.group();

            // before the start: present and a sick call; the page's clock runs from 08:52 (a tap and its undo
            // are then apart in time, as a person makes them)
            Instant at0852 = MONDAY.atTime(8, 52).atZone(CPH).toInstant();
            server.serve(new FollowUpPageHandler(f.config, f.nudges, f.dynamo,
                    java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.between(Instant.now(), at0852))));
            Path docs = "docs".equals(System.getProperty("rampe.screenshots"))
                    ? Events.folder().getParent().resolve("docs") : Path.of("target").toAbsolutePath();
            Files.createDirectories(docs);
            Path shot = docs.resolve("todays-list-phone.png");
            Path desk = Files.createTempFile("todays-list-desk", ".png");
            Path scripts = BrowserTools.scripts();
            Process node = new ProcessBuilder("node", scripts.resolve("todays-list.mjs").toString(), link, "RANNA0001",
                    "RANNA0002", shot.toString(), desk.toString())
                    .directory(scripts.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the browser run timed out");
            JsonNode seen = Json.parse(output.lines().reduce((a, b) -> b).orElse("{}"));
            BrowserTools.assertAccessible(seen, 8);
            assertEquals(0, node.exitValue(), output);
            assertEquals("Dagens fremmøde", seen.path("heading").asText());
            assertEquals("[\"Mette\",\"Søren\",\"Ib\",\"Anne-Marie\"]", seen.path("names").toString());
            assertTrue(seen.path("scrollWidth").asInt() <= 390, "no sideways scrolling on a phone: " + output);
            assertTrue(seen.path("smallestButtonPx").asDouble() >= 44, "buttons a thumb can hit: " + output);
            assertTrue(seen.path("afterPresentUrl").asText().contains("?done=G"), "post-redirect-get: " + output);
            String banner = seen.path("banner").asText();
            assertTrue(banner.startsWith("Mette: Syg.") && banner.endsWith("Fortryd"), "the undo offered: " + output);
            assertEquals("Fortrudt. Mette: Ikke registreret endnu.", seen.path("undoneBanner").asText());
            assertTrue(Files.size(shot) > 10_000, "screenshot saved");

            // what is stored: Søren present; Mette sick, then back to nothing (history kept)
            List<Registration> soren = attendance.load("RANNA0001", MONDAY, MONDAY).registrations();
            assertEquals(1, soren.size());
            assertEquals(Registration.Status.PRESENT, soren.get(0).status());
            assertEquals("c-anna", soren.get(0).recordedBy());
            List<Registration> mette = attendance.load("RANNA0002", MONDAY, MONDAY).registrations();
            assertEquals(List.of(Registration.Status.EXCUSED, Registration.Status.NONE),
                    mette.stream().map(Registration::status).toList());
            assertEquals(Registration.Reason.SICK, mette.get(0).reason());
            assertTrue(attendance.load("RANNA0002", MONDAY, MONDAY).registrationOn(MONDAY).isEmpty());
            assertTrue(f.auditActions("RANNA0002").containsAll(List.of("todaysList.registered.sick",
                    "todaysList.undone")));
        }
    }

    private static void enrolled(RampeFixture f, DynamoAttendanceStore attendance, String id, String name,
                                 LocalTime start) {
        ReferralDetails details = new ReferralDetails(PROGRAMME, "JC-1", new Citizen(Cpr.stored("0101901234"), name,
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "",
                "", List.of(), false, null);
        Instant t = Instant.parse("2026-11-16T07:00:00Z");
        Referral r = Referral.received(id, "jc-aarhus", details, "c-anna", false, t);
        f.referrals.create(r, "citizen-" + id, List.of(), "fp-" + id, 100, new AuditEntry(id, "test", "r", t));
        Referral accepted = r.moveTo(ReferralStatus.ACCEPTED, t, "c-anna", null, null);
        f.referrals.update(accepted, "citizen-" + id, false, null, new AuditEntry(id, "test", "a", t));
        f.referrals.update(accepted.moveTo(ReferralStatus.ENROLLED, t, "c-anna", null, null), "citizen-" + id, false,
                null, new AuditEntry(id, "test", "e", t));
        attendance.putPlan(id, new AttendancePlan(LocalDate.of(2026, 11, 16), EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), start, 240, "c-anna", t));
    }
}
