package dk.rampe.absence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.AbsenceDetection;
import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.attendance.Registration;
import dk.rampe.calendar.DanishHolidays;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoDueWork;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.Ids;
import dk.rampe.local.embedded.Events;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.audit.AuditEntry;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.testkit.RampeFixture;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The absence detection on DynamoDB Local with the real SDK client: what is due comes from the
 * due index, overlapping runs create nothing twice, an outage is caught up without SMS for past days,
 * an agreement moves the check, an exit stops it.
 */
class AbsenceDetectionTest {
    /** Monday 23 November 2026, 07:00 in Copenhagen. */
    private static final Instant MONDAY_0700 = Instant.parse("2026-11-23T06:00:00Z");
    private static final String PROGRAMME = "rampe-oestjylland";

    private final RampeFixture f = new RampeFixture(MONDAY_0700, Map.of());
    private final DynamoAttendanceStore attendance = new DynamoAttendanceStore(f.dynamo, f.config.table());
    private final DynamoDueWork dueWork = new DynamoDueWork(f.dynamo, f.config.table());
    private final AttendanceService service;

    AbsenceDetectionTest() {
        f.loadSettings(Events.text("settings-sample.json"));
        service = new AttendanceService(attendance, (p, d) -> !WorkingDays.isWeekend(d),
                p -> AttendanceRules.DEFAULTS, f.clock, entry -> { });
    }

    private Referral enrolled(String id) {
        return enrolled(id, LocalDate.of(2026, 11, 23));
    }

    private Referral enrolled(String id, LocalDate planFrom) {
        ReferralDetails details = new ReferralDetails(PROGRAMME, "JC-1", new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "",
                "", List.of(), false, null);
        Instant t = f.clock.instant();
        Referral r = Referral.received(id, "jc-aarhus", details, "c-anna", false, t);
        assertTrue(f.referrals.create(r, "citizen-" + id, List.of(), "fp-" + id, 100,
                new AuditEntry(id, "test", "referral.received", t)) instanceof ReferralStore.Created);
        Referral accepted = r.moveTo(ReferralStatus.ACCEPTED, t, "c-anna", null, null);
        f.referrals.update(accepted, "citizen-" + id, false, null, new AuditEntry(id, "test", "a", t));
        Referral enrolled = accepted.moveTo(ReferralStatus.ENROLLED, t, "c-anna", null, null);
        f.referrals.update(enrolled, "citizen-" + id, false, null, new AuditEntry(id, "test", "e", t));
        service.putPlan(enrolled, new AttendancePlan(planFrom, EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), LocalTime.of(9, 0), 240, "c-anna", t));
        return enrolled;
    }

    private AbsenceDetectionHandler handler() {
        return new AbsenceDetectionHandler(f.config, f.nudges, f.dynamo, f.clock);
    }

    private AbsenceDetection rule() {
        return new AbsenceDetection(f.referrals, attendance, dueWork, DanishHolidays.workingDays(f.settingsStore::current),
                f.nudgeService(f.settingsStore.current()), p -> AttendanceRules.DEFAULTS, "https://rampe.example");
    }

    private boolean taskFor(String referralId, LocalDate date) {
        return f.store.find(Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + PROGRAMME + "|" + referralId
                + "|absence|" + date)).isPresent();
    }

    private Attendance recorded(String referralId) {
        return attendance.load(referralId, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31));
    }

    @Test
    void onlyTheSessionsDueAreReadAndTwoOverlappingApplicationsCreateOneTask() {
        String id = "R7K2M9Q4X1ZA8";
        enrolled(id);
        enrolled("R7K2M9Q4X1ZA9");
        f.clock.set(Instant.parse("2026-11-23T08:29:00Z")); // 09:29: before the cutoff
        assertEquals(0, handler().handleRequest(Map.of(), null).get("read"));
        f.clock.set(Instant.parse("2026-11-23T08:31:00Z"));
        List<Due<Map<String, String>>> due = dueWork.index(AttendanceService.KIND)
                .due(f.clock.instant().minus(Duration.ofMinutes(15)), f.clock.instant(), 100);
        assertEquals(2, due.size(), "one item per planned participant due now");
        // two runs that read the same items before either acts
        AbsenceDetection first = rule();
        AbsenceDetection second = rule();
        for (Due<Map<String, String>> d : due) {
            assertEquals(AbsenceDetection.Outcome.NUDGED, first.apply(d, f.clock.instant()));
            second.apply(d, f.clock.instant());
        }
        assertTrue(taskFor(id, LocalDate.of(2026, 11, 23)));
        String taskId = Ids.taskId("absence_today|" + PROGRAMME + "|" + id + "|absence|2026-11-23");
        assertEquals(4, f.store.messagesOf(taskId).size(), "email and SMS, each with its reminder, once");
        assertEquals(1, recorded(id).registrations().size(), "one detected absence");
        // the next session (Tuesday) is on the index, Monday's is done
        assertEquals(2, dueWork.index(AttendanceService.KIND).due(Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T09:00:00Z"), 100).size());
        assertEquals(0, dueWork.index(AttendanceService.KIND).due(Instant.parse("2026-11-23T00:00:00Z"),
                Instant.parse("2026-11-23T23:00:00Z"), 100).size());
    }

    @Test
    void twoRunsOverTheSessionAfterAnAbsenceAfterAStableRunStartOneWarningAndOneNeutralNudge() {
        // enrolled four weeks before Monday 23 November, there every morning
        LocalDate start = LocalDate.of(2026, 10, 26);
        f.clock.set(start.atTime(7, 0).atZone(WorkingDays.ZONE).toInstant());
        String id = "R7K2M9Q4X1ZB1";
        Referral r = enrolled(id, start);
        LocalDate monday = LocalDate.of(2026, 11, 23);
        for (LocalDate d = start; d.isBefore(monday); d = d.plusDays(1)) {
            if (WorkingDays.isWeekend(d)) continue;
            f.clock.set(d.atTime(8, 50).atZone(WorkingDays.ZONE).toInstant());
            service.register(r, d, Registration.Status.PRESENT, null, null, "c-anna");
            f.clock.set(d.atTime(9, 31).atZone(WorkingDays.ZONE).toInstant());
            handler().handleRequest(Map.of(), null);
        }
        assertEquals(List.of(), attendance.warnings(id), "twenty days there: nothing to say");
        f.clock.set(monday.atTime(9, 31).atZone(WorkingDays.ZONE).toInstant());
        handler().handleRequest(Map.of(), null);
        assertTrue(taskFor(id, monday), "Monday's absence nudged");
        assertEquals(List.of(), attendance.warnings(id), "the detection's own absence waits for the next session");

        LocalDate tuesday = monday.plusDays(1);
        f.clock.set(tuesday.atTime(8, 50).atZone(WorkingDays.ZONE).toInstant());
        service.register(r, tuesday, Registration.Status.PRESENT, null, null, "c-anna");
        f.clock.set(tuesday.atTime(9, 31).atZone(WorkingDays.ZONE).toInstant());
        List<Due<Map<String, String>>> due = dueWork.index(AttendanceService.KIND)
                .due(f.clock.instant().minus(Duration.ofMinutes(15)), f.clock.instant(), 100);
        assertEquals(1, due.size());
        // two runs read the same chain before either acts, then both apply it at once
        AbsenceDetection first = rule();
        AbsenceDetection second = rule();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<AbsenceDetection.Outcome>> runs = List.of(
                    pool.submit(() -> { go.await(); return first.apply(due.get(0), f.clock.instant()); }),
                    pool.submit(() -> { go.await(); return second.apply(due.get(0), f.clock.instant()); }));
            go.countDown();
            for (java.util.concurrent.Future<AbsenceDetection.Outcome> run : runs) run.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        List<dk.rampe.attendance.Warning> warnings = attendance.warnings(id);
        assertEquals(1, warnings.size(), "one warning");
        assertEquals(monday, warnings.get(0).date());
        assertEquals("absence_after_stable_run", warnings.get(0).signals().get(0).code());
        assertEquals(List.of(20), warnings.get(0).signals().get(0).values());
        String taskId = Ids.taskId(FollowUpKind.ATTENTION_DUE.wireName() + "|" + PROGRAMME + "|" + id + "|warning|"
                + monday);
        assertEquals(FollowUpKind.ATTENTION_DUE, f.store.find(taskId).orElseThrow().kind());
        List<dk.rampe.followup.OutboxMessage> messages = f.store.messagesOf(taskId);
        assertEquals(2, messages.size(), "email and SMS, no reminder, once");
        for (dk.rampe.followup.OutboxMessage m : messages) {
            for (String word : List.of("Udeblevet", "træk", "fremmøde", "Fravær")) {
                assertFalse(m.text().contains(word), "no reason in the nudge: " + m.text());
            }
        }
        assertEquals(tuesday, attendance.chain(id).orElseThrow().warning().lastNudged());
    }

    @Test
    void anOutageIsCaughtUpPastDaysForReviewTodayNudged() {
        String id = "R7K2M9Q4X1ZA8";
        enrolled(id);
        f.clock.set(Instant.parse("2026-11-25T08:31:00Z")); // Wednesday 09:31, no run since Monday morning
        Map<String, Object> run = handler().handleRequest(Map.of(), null);
        assertEquals(0, run.get("errors"));
        Attendance a = recorded(id);
        assertEquals(3, a.registrations().size());
        assertTrue(a.registrationOn(LocalDate.of(2026, 11, 23)).orElseThrow().review());
        assertTrue(a.registrationOn(LocalDate.of(2026, 11, 24)).orElseThrow().review());
        assertFalse(a.registrationOn(LocalDate.of(2026, 11, 25)).orElseThrow().review());
        assertFalse(taskFor(id, LocalDate.of(2026, 11, 23)), "no SMS about Monday on Wednesday");
        assertFalse(taskFor(id, LocalDate.of(2026, 11, 24)));
        assertTrue(taskFor(id, LocalDate.of(2026, 11, 25)));
        assertEquals(0, handler().handleRequest(Map.of(), null).get("read"), "the next run has nothing due");
    }

    @Test
    void aLaterStartMovesTheCheckASickCallExcusesAndAnExitStopsIt() {
        String id = "R7K2M9Q4X1ZA8";
        Referral r = enrolled(id);
        service.addAgreement(r, new Agreement(LocalDate.of(2026, 11, 23), false, LocalTime.of(11, 0), 60, "c-anna",
                f.clock.instant()));
        f.clock.set(Instant.parse("2026-11-23T08:31:00Z"));
        handler().handleRequest(Map.of(), null);
        assertFalse(taskFor(id, LocalDate.of(2026, 11, 23)), "11:00 start today: not absent at 09:31");
        f.clock.set(Instant.parse("2026-11-23T10:31:00Z"));
        handler().handleRequest(Map.of(), null);
        assertTrue(taskFor(id, LocalDate.of(2026, 11, 23)), "absent at 11:31");

        f.clock.set(Instant.parse("2026-11-24T07:50:00Z")); // Tuesday 08:50: a sick call
        service.register(r, LocalDate.of(2026, 11, 24), Registration.Status.EXCUSED, null, Registration.Reason.SICK,
                "c-anna");
        f.clock.set(Instant.parse("2026-11-24T08:32:00Z"));
        handler().handleRequest(Map.of(), null);
        assertFalse(taskFor(id, LocalDate.of(2026, 11, 24)));

        Referral exited = f.referrals.find(id).orElseThrow().moveTo(ReferralStatus.EXITED, f.clock.instant(),
                "c-anna", null, "job");
        f.referrals.update(exited, "citizen-" + id, true, null, new AuditEntry(id, "test", "x", f.clock.instant()));
        f.clock.set(Instant.parse("2026-11-25T08:32:00Z"));
        handler().handleRequest(Map.of(), null);
        assertFalse(taskFor(id, LocalDate.of(2026, 11, 25)), "after the exit nothing is expected");
        assertEquals(0, dueWork.index(AttendanceService.KIND).due(Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2027-01-31T00:00:00Z"), 100).size(), "and nothing is left on the index");
    }

    @Test
    void everyWriteFailingIsCountedAsSweepErrorsAndLoggedWithFrames() {
        String id = "R7K2M9Q4X1ZB1";
        enrolled(id);
        f.clock.set(Instant.parse("2026-11-23T08:31:00Z"));
        // the same DynamoDB, but every transaction refused (the detection writes in transactions)
        software.amazon.awssdk.core.interceptor.ExecutionInterceptor refuse =
                new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                        if (context.request() instanceof software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest) {
                            throw software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException.builder()
                                    .message("injected for " + id).build();
                        }
                    }
                };
        software.amazon.awssdk.services.dynamodb.DynamoDbClient failing = dk.rampe.platform.AwsClients.configure(
                software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), dk.rampe.local.embedded.DynamoLocal.REGION,
                RampeFixture.sharedDynamo().endpoint(), software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(refuse)).build();
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Map<String, Object> run;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            run = new AbsenceDetectionHandler(f.config, f.nudges, failing, f.clock).handleRequest(Map.of(), null);
        } finally {
            System.setOut(out);
            failing.close();
        }
        assertEquals(1, run.get("read"), run.toString());
        assertEquals(1, run.get("errors"), run.toString());
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("{\"_aws\"") && l.contains("\"Namespace\":\"Rampe\"")
                && l.contains("\"Dimensions\":[[\"Function\"]]") && l.contains("\"Name\":\"SweepErrors\"")
                && l.contains("\"SweepErrors\":1")), "the SweepErrors metric (EMF):\n" + log);
        String error = log.lines().filter(l -> l.contains("\"sweep.itemError\"")).findFirst().orElseThrow();
        assertTrue(error.contains("\"sweep\":\"absence\"") && error.contains("InternalServerErrorException"), error);
        assertTrue(error.contains("\"frames\":\"") && error.contains("dk.rampe.dynamodb.DynamoAttendanceStore."), error);
        assertFalse(error.contains("injected"), "never the message");
        assertEquals(0, recorded(id).registrations().size(), "nothing written");
        // the item is read again by the next run, which succeeds
        assertEquals(1, handler().handleRequest(Map.of(), null).get("read"));
        assertEquals(1, recorded(id).registrations().size());
    }
}
