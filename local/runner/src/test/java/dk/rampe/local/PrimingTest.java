package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.absence.AbsenceDetectionHandler;
import dk.rampe.aftercare.AftercareSweepHandler;
import dk.rampe.dispatch.NudgeDispatcherHandler;
import dk.rampe.dispatch.NudgeSweepHandler;
import dk.rampe.followup.page.FollowUpPageHandler;
import dk.rampe.intake.ReferralIntakeHandler;
import dk.rampe.local.embedded.Events;
import dk.rampe.local.embedded.FolderReportArchive;
import dk.rampe.monthlyreport.MonthlyReportHandler;
import dk.rampe.monthlyreport.ReportAdminHandler;
import dk.rampe.platform.Primed;
import dk.rampe.testkit.RampeFixture;
import dk.rampe.todays.TodaysListHandler;
import dk.rampe.web.WebAppHandler;
import dk.rampe.web.WebConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function's handler primes before SnapStart's snapshot (CRaC's {@code beforeCheckpoint}) against
 * the real tables on DynamoDB Local: every step runs, nothing is written to the table or the audit table,
 * no message is sent and no report is kept, and the handler still answers a real event afterwards.
 */
class PrimingTest {

    /** A function's handler, built on the fixture, and a real invocation that must still work after priming. */
    record Function_(String name, Function<Ctx, Primed> build, Consumer<Invocation> invoke) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Ctx(RampeFixture f, Path reports) {
    }

    record Invocation(Primed handler, Ctx ctx) {
    }

    static Stream<Function_> functions() {
        return Stream.of(
                new Function_("referral-intake", c -> new ReferralIntakeHandler(c.f.config, c.f.dynamo, c.f.clock),
                        i -> {
                            APIGatewayV2HTTPResponse r = ((ReferralIntakeHandler) i.handler)
                                    .handleRequest(api("GET /v1/admin/settings", "/v1/admin/settings", admin()), null);
                            assertEquals(200, r.getStatusCode(), r.getBody());
                            assertTrue(r.getBody().contains("jc-aarhus"), r.getBody());
                        }),
                new Function_("absence-detection", c -> new AbsenceDetectionHandler(c.f.config, c.f.nudges, c.f.dynamo,
                        c.f.clock), i -> assertEquals(0, ((AbsenceDetectionHandler) i.handler)
                        .handleRequest(Map.of(), null).get("errors"))),
                new Function_("aftercare-sweep", c -> new AftercareSweepHandler(c.f.config, c.f.nudges, c.f.dynamo,
                        c.f.clock), i -> assertEquals(0, ((AftercareSweepHandler) i.handler)
                        .handleRequest(Map.of(), null).get("errors"))),
                new Function_("todays-list", c -> new TodaysListHandler(c.f.config, c.f.nudges, c.f.dynamo, c.f.clock),
                        i -> assertEquals(0, ((TodaysListHandler) i.handler).handleRequest(Map.of(), null).get("errors"))),
                new Function_("nudge-dispatcher", c -> new NudgeDispatcherHandler(c.f.config, c.f.nudges, c.f.dynamo,
                        c.f.local, c.f.clock), i -> assertEquals("{\"batchItemFailures\":[]}",
                        // the record's message is not in the table: read, found missing, nothing to retry
                        answer((NudgeDispatcherHandler) i.handler, stream("M11111111111111111111")))),
                new Function_("nudge-sweep", c -> new NudgeSweepHandler(c.f.config, c.f.nudges, c.f.dynamo, c.f.local,
                        c.f.clock), i -> assertEquals("{\"errors\":0}", // nothing due: no results, no errors
                        answer((NudgeSweepHandler) i.handler, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                new Function_("follow-up-page", c -> new FollowUpPageHandler(c.f.config, c.f.nudges, c.f.dynamo,
                        c.f.clock), i -> {
                    APIGatewayV2HTTPResponse r = ((FollowUpPageHandler) i.handler)
                            .handleRequest(Events.read("follow-up-page-get.json", APIGatewayV2HTTPEvent.class), null);
                    // the sample's link is not signed with this key: the refusal page
                    assertEquals(403, r.getStatusCode());
                    assertTrue(r.getBody().contains("<html"), r.getBody());
                }),
                new Function_("web-app", c -> new WebAppHandler(c.f.config, c.f.dynamo, c.f.clock,
                        WebConfig.local(Events.folder().resolve("local-tokens.json"))), i -> {
                    APIGatewayV2HTTPEvent e = Events.read("web-app-get.json", APIGatewayV2HTTPEvent.class);
                    e.setRawPath("/app/login");
                    e.setCookies(null);
                    APIGatewayV2HTTPResponse r = ((WebAppHandler) i.handler).handleRequest(e, null);
                    assertEquals(200, r.getStatusCode(), r.getBody());
                }),
                new Function_("monthly-report", c -> new MonthlyReportHandler(c.f.config, c.f.nudges, c.f.dynamo,
                        c.f.local, new FolderReportArchive(c.reports), c.f.clock), i -> {
                    Map<String, Object> out = ((MonthlyReportHandler) i.handler)
                            .report(Map.of("programmeId", programme(i.ctx), "month", "2026-10"), null);
                    assertEquals(1, ((List<?>) out.get("reports")).size(), out.toString());
                }),
                new Function_("report-admin", c -> new ReportAdminHandler(c.f.config, c.f.nudges, c.f.dynamo, c.f.local,
                        new FolderReportArchive(c.reports), c.f.clock), i -> {
                    APIGatewayV2HTTPResponse r = ((ReportAdminHandler) i.handler)
                            .answer(api("GET /v1/admin/reports", "/v1/admin/reports", admin()), null);
                    assertEquals(200, r.getStatusCode(), r.getBody());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void primingBeforeTheSnapshotWritesNothingAndTheHandlerStillAnswers(Function_ fn) throws Exception {
        RampeFixture f = new RampeFixture(RampeFixture.MORNING, Map.of("RAMPE_MATCH_KEY_SECRET",
                "test-pepper-0123456789abcdef"));
        f.loadSettings(Events.text("settings-sample.json"));
        Ctx ctx = new Ctx(f, Files.createTempDirectory("reports"));
        Primed handler = fn.build.apply(ctx);
        assertFalse(handler.priming().steps().isEmpty());

        Set<Map<String, AttributeValue>> table = items(f, f.config.table());
        Set<Map<String, AttributeValue>> audit = items(f, f.config.auditTable());

        handler.beforeCheckpoint(null);
        // every step ran against the tables (none failed), and running them again changes nothing either
        assertEquals(List.of(), handler.priming().run(), fn.name + " priming steps that failed");

        assertEquals(table, items(f, f.config.table()), "items written to the table (outbox included)");
        assertEquals(audit, items(f, f.config.auditTable()), "audit entries written");
        assertEquals(List.of(), f.smsLines(), "SMS sent");
        assertEquals(List.of(), f.emails(), "emails sent");
        assertEquals(List.of(), files(ctx.reports), "reports kept");

        handler.afterRestore(null);
        fn.invoke.accept(new Invocation(handler, ctx));
    }

    private static Set<Map<String, AttributeValue>> items(RampeFixture f, String table) {
        Set<Map<String, AttributeValue>> out = new HashSet<>();
        f.dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(out::add);
        return out;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String programme(Ctx c) {
        return c.f.settingsStore.current().programmes().get(0).id();
    }

    private static Map<String, String> admin() {
        Map<String, String> m = new HashMap<>();
        m.put("username", "admin");
        m.put("cognito:groups", "[rampe-admin]");
        m.put("token_use", "access");
        return m;
    }

    /** A stream handler's answer to {@code input}, as Lambda reads it. */
    private static String answer(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, byte[] input) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            handler.handleRequest(new java.io.ByteArrayInputStream(input), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A stream batch with one new outbox message's keys, as the filtered stream passes it. */
    private static byte[] stream(String messageId) {
        return ("{\"Records\":[{\"eventID\":\"1\",\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":"
                + "\"OUTBOX#" + messageId + "\"},\"sk\":{\"S\":\"OUTBOX\"}},\"SequenceNumber\":\"1\"}}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An API request shaped like the referral GET sample, on another route, with the given caller. */
    private static APIGatewayV2HTTPEvent api(String routeKey, String path, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = Events.read("referral-intake/get-referral.json", APIGatewayV2HTTPEvent.class);
        e.setRouteKey(routeKey);
        e.getRequestContext().setRouteKey(routeKey);
        e.getRequestContext().getHttp().setMethod(routeKey.substring(0, routeKey.indexOf(' ')));
        e.setRawPath(path);
        e.setPathParameters(null);
        e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return e;
    }
}
