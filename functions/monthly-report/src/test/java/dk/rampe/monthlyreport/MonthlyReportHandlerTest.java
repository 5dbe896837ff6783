package dk.rampe.monthlyreport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.audit.AuditEntry;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.FolderReportArchive;
import dk.rampe.referral.IdempotencyKey;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.report.ReportArchive;
import dk.rampe.report.ReportScenario;
import dk.rampe.testkit.RampeFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handlers on DynamoDB Local: the October scenario's referrals written by the referral store. */
class MonthlyReportHandlerTest {
    static final String SETTINGS = """
            {"jobcentres": [
               {"id": "jcA", "name": "Jobcenter A", "clientIds": ["a"]},
               {"id": "jcB", "name": "Jobcenter B", "clientIds": ["b"]},
               {"id": "jcC", "name": "Jobcenter C", "clientIds": ["c"]}],
             "programmes": [{"id": "p1", "name": "Rampe Øst", "intakeOpens": "2026-01-01", "intakeStops": "2026-12-31",
               "partners": [{"jobcentreId": "jcA", "quota": 20, "defaultConsultantId": "c-a"},
                            {"jobcentreId": "jcB", "quota": 10, "defaultConsultantId": "c-b"},
                            {"jobcentreId": "jcC", "quota": 5, "defaultConsultantId": "c-a"}],
               "consultants": [
                 {"id": "c-a", "name": "Anna", "email": "anna@rampe.dk", "phone": "+4520000001"},
                 {"id": "c-b", "name": "Bo", "email": "bo@rampe.dk", "phone": "+4520000002"}],
               "staff": [],
               "report": {"recipients": ["styregruppe@rampe.dk"], "maxStartsPerConsultant4Weeks": 4,
                          "targets": [{"kind": "exits_to_work_or_education", "value": 30}]}}]}
            """;

    static void write(RampeFixture f, Referral r) {
        write(f, r, null);
    }

    /** The referral written step by step; with {@code retention}, its end carries the retention as the service's does. */
    static void write(RampeFixture f, Referral r, Duration retention) {
        List<StatusChange> h = r.history();
        f.referrals.create(new Referral(r.id(), r.jobcentreId(), r.details(), r.consultantId(), h.get(0).status(),
                        r.overQuota(), h.subList(0, 1), r.createdAt(), 1), "ck-" + r.id(),
                List.of(new IdempotencyKey("jobcentreReference", r.id())), "fp", 1000,
                new AuditEntry("referral:" + r.id(), r.jobcentreId(), "referral.created", r.createdAt()));
        for (int k = 1; k < h.size(); k++) {
            boolean ends = retention != null && java.util.Set.of(ReferralStatus.EXITED, ReferralStatus.DECLINED,
                    ReferralStatus.OUTSIDE_TARGET_GROUP).contains(h.get(k).status());
            f.referrals.update(new Referral(r.id(), r.jobcentreId(), r.details(), r.consultantId(), h.get(k).status(),
                    r.overQuota(), h.subList(0, k + 1), r.createdAt(), k + 1), "ck-" + r.id(), ends,
                    ends ? h.get(k).at().plus(retention) : null,
                    new AuditEntry("referral:" + r.id(), "staff", "referral.changed", h.get(k).at()));
        }
    }

    @Test
    void theScheduleMakesLastMonthsReportKeepsItAndEmailsItAndAgainLaterGivesTheSameFigures() throws Exception {
        RampeFixture f = new RampeFixture(Instant.parse("2026-11-01T06:00:00Z"), Map.of());
        f.loadSettings(SETTINGS);
        new ReportScenario().referrals.forEach(r -> write(f, r));
        Path reports = Files.createTempDirectory("reports");
        FolderReportArchive archive = new FolderReportArchive(reports);
        MonthlyReportHandler handler = new MonthlyReportHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);

        Map<String, Object> out = handler.report(Map.of(), null);
        assertEquals(1, ((List<?>) out.get("reports")).size());
        List<ReportArchive.Stored> kept = archive.list("p1");
        assertEquals(1, kept.size());
        assertEquals("2026-10", kept.get(0).month());
        byte[] csv = archive.read(kept.get(0), ReportRun.CSV_FILE).orElseThrow();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("2026-10;intake;received.total;programme;Rampe Øst;count;18\r\n"), text);
        assertTrue(text.contains("2026-10;intake;received.month;jcB;Jobcenter B;count;x\r\n"));
        assertEquals(1, f.emails().size(), "one email in the outbox");
        String eml = Files.readString(f.emails().get(0));
        assertTrue(eml.contains("To: styregruppe@rampe.dk"));
        assertEquals(List.of("text/plain", "text/html", "text/csv"),
                ReportRenderingTest.parts(eml).stream().map(p -> p.split("\\|")[0]).toList());

        // a month later, through the admin route: the same figures for October
        f.clock.advance(Duration.ofDays(30));
        ReportAdminHandler admin = new ReportAdminHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);
        APIGatewayV2HTTPResponse made = admin.answer(event("POST /v1/admin/reports",
                "{\"programmeId\":\"p1\",\"month\":\"2026-10\"}", "rampe-admin"), null);
        assertEquals(201, made.getStatusCode(), made.getBody());
        JsonNode m = Json.parse(made.getBody());
        assertEquals("2026-10", m.path("month").asText());
        assertFalse(m.path("emailed").asBoolean(), "emailed by the schedule already: made and kept, not sent again");
        assertEquals("2026-11-01T06:00:00Z", m.path("sentBefore").asText());
        assertEquals(1, f.emails().size());
        kept = archive.list("p1");
        assertEquals(2, kept.size());
        assertArrayEquals(csv, archive.read(kept.get(1), ReportRun.CSV_FILE).orElseThrow(),
                "made again a month later: the same figures");

        APIGatewayV2HTTPResponse list = admin.answer(event("GET /v1/admin/reports", null, "rampe-admin"), null);
        assertEquals(200, list.getStatusCode());
        assertEquals(2, Json.parse(list.getBody()).path("reports").size());

        // not an admin: 403; a month not ended: 422 naming the field; unknown programme: 404
        assertEquals(403, admin.answer(event("GET /v1/admin/reports", null, "rampe-staff"), null).getStatusCode());
        APIGatewayV2HTTPResponse early = admin.answer(event("POST /v1/admin/reports",
                "{\"programmeId\":\"p1\",\"month\":\"2026-12\"}", "rampe-admin"), null);
        assertEquals(422, early.getStatusCode(), early.getBody());
        assertTrue(early.getBody().contains("month"));
        assertEquals(404, admin.answer(event("POST /v1/admin/reports",
                "{\"programmeId\":\"nope\",\"month\":\"2026-10\"}", "rampe-admin"), null).getStatusCode());
        assertEquals(400, admin.answer(event("POST /v1/admin/reports",
                "{\"programmeId\":\"p1\",\"month\":\"oktober\"}", "rampe-admin"), null).getStatusCode());
        // a month before the programme opened (January 2026) is a 400 naming the month, and nothing is made
        for (String month : List.of("1969-12", "0000-01", "2025-12")) {
            APIGatewayV2HTTPResponse before = admin.answer(event("POST /v1/admin/reports",
                    "{\"programmeId\":\"p1\",\"month\":\"" + month + "\"}", "rampe-admin"), null);
            assertEquals(400, before.getStatusCode(), month + ": " + before.getBody());
            JsonNode problem = Json.parse(before.getBody());
            assertTrue(before.getBody().contains("\"month\""), before.getBody());
            assertTrue(before.getBody().contains("2026-01"), "says when the programme opened: " + problem);
        }
        assertEquals(2, archive.list("p1").size(), "no report made for those months");

        // a resend is the admin's explicit act: emailed again and audited
        APIGatewayV2HTTPResponse notBoolean = admin.answer(event("POST /v1/admin/reports",
                "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":\"yes\"}", "rampe-admin"), null);
        assertEquals(400, notBoolean.getStatusCode());
        assertTrue(notBoolean.getBody().contains("resend"), notBoolean.getBody());
        assertEquals(1, f.emails().size());
        APIGatewayV2HTTPResponse resent = admin.answer(event("POST /v1/admin/reports",
                "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":true}", "rampe-admin"), null);
        assertEquals(201, resent.getStatusCode(), resent.getBody());
        assertTrue(Json.parse(resent.getBody()).path("emailed").asBoolean());
        assertEquals(2, f.emails().size(), "sent again on request");
        assertEquals(List.of("report.resent"), f.auditActions("report:p1:2026-10"));
        // and the schedule's retry still sends nothing
        handler.report(Map.of("scheduledTime", "2026-11-01T06:00:00Z"), null);
        assertEquals(2, f.emails().size());

        // the same resend tapped again 30 seconds later is the same intent: made and kept, not emailed again
        f.clock.advance(Duration.ofSeconds(30));
        APIGatewayV2HTTPResponse again = admin.answer(event("POST /v1/admin/reports",
                "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":true}", "rampe-admin"), null);
        assertEquals(201, again.getStatusCode(), again.getBody());
        assertFalse(Json.parse(again.getBody()).path("emailed").asBoolean(), again.getBody());
        assertEquals(2, f.emails().size(), "a double tap emails once");
        assertEquals(List.of("report.resent"), f.auditActions("report:p1:2026-10"));

        // ten minutes later, two admins (two function instances) resend at the same moment: one email
        f.clock.advance(Duration.ofMinutes(10));
        ReportAdminHandler other = new ReportAdminHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> both = new java.util.ArrayList<>();
        for (ReportAdminHandler h : List.of(admin, other)) {
            both.add(pool.submit(() -> {
                start.await();
                return h.answer(event("POST /v1/admin/reports",
                        "{\"programmeId\":\"p1\",\"month\":\"2026-10\",\"resend\":true}", "rampe-admin"), null);
            }));
        }
        int emailed = 0;
        for (var r : both) {
            APIGatewayV2HTTPResponse answer = r.get();
            assertEquals(201, answer.getStatusCode(), answer.getBody());
            if (Json.parse(answer.getBody()).path("emailed").asBoolean()) emailed++;
        }
        pool.shutdown();
        assertEquals(1, emailed, "one of the two answers says it emailed");
        assertEquals(3, f.emails().size(), "two resends at once email once");
        assertEquals(List.of("report.resent", "report.resent"), f.auditActions("report:p1:2026-10"));
    }

    @Test
    void theScheduleMakesNoReportForAMonthBeforeTheProgrammeOpened() throws Exception {
        RampeFixture f = new RampeFixture(Instant.parse("2026-01-01T09:30:00Z"), Map.of());
        f.loadSettings(SETTINGS);
        FolderReportArchive archive = new FolderReportArchive(Files.createTempDirectory("reports"));
        MonthlyReportHandler handler = new MonthlyReportHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);
        handler.report(Map.of("scheduledTime", "2026-01-01T06:00:00Z"), null);
        assertEquals(List.of(), archive.list("p1"), "December 2025: the programme opened on 1 January 2026");
        assertEquals(0, f.emails().size(), "nothing emailed");
        f.clock.set(Instant.parse("2026-02-01T06:00:00Z"));
        handler.report(Map.of("scheduledTime", "2026-02-01T06:00:00Z"), null);
        assertEquals("2026-01", archive.list("p1").get(0).month(), "its first month has a report");
    }

    @Test
    void theSchedulesOwnTimePicksTheMonthEvenWhenTheRunIsLate() throws Exception {
        RampeFixture f = new RampeFixture(Instant.parse("2026-12-01T09:30:00Z"), Map.of());
        f.loadSettings(SETTINGS);
        FolderReportArchive archive = new FolderReportArchive(Files.createTempDirectory("reports"));
        MonthlyReportHandler handler = new MonthlyReportHandler(f.config, f.nudges, f.dynamo, f.local, archive, f.clock);
        handler.report(Map.of("scheduledTime", "2026-11-01T06:00:00Z"), null);
        assertEquals("2026-10", archive.list("p1").get(0).month(), "scheduled on 1 November: October");
        handler.report(Map.of("scheduledTime", "<aws.scheduler.scheduled-time>"), null);
        assertEquals("2026-11", archive.list("p1").get(1).month(), "no time filled in: the clock's month before");
    }

    static APIGatewayV2HTTPEvent event(String routeKey, String body, String group) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("username", "admin-1", "cognito:groups", "[" + group + "]"));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer auth = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        auth.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext ctx = new APIGatewayV2HTTPEvent.RequestContext();
        ctx.setAuthorizer(auth);
        ctx.setRequestId("req-1");
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey(routeKey);
        e.setRequestContext(ctx);
        e.setBody(body);
        e.setHeaders(Map.of("content-type", "application/json"));
        return e;
    }
}
