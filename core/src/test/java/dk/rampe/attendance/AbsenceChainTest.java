package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.InMemoryFollowUpStore;
import dk.rampe.followup.InMemoryOutbox;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.QuietHours;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.IdempotencyKey;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.schedule.InMemoryWatermarks;
import dk.rampe.schedule.Sweeper;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Channel;
import dk.rampe.settings.InMemorySettingsStore;
import dk.rampe.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The detection on the session chain with the in-memory ports, a fortnight of mornings at 09:31: per due
 * chain it reads the referral and nothing of the attendance store; an internship from the path suspends
 * the plan (nothing expected, nothing nudged) unless the plan step applies during one; it is caught up
 * after an outage and two overlapping runs create nothing twice.
 */
class AbsenceChainTest {
    private static final ZoneId CPH = WorkingDays.ZONE;
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private final Clock2 clock = new Clock2(at(MONDAY, 7, 0));
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemorySettingsStore settings = new InMemorySettingsStore(new Settings(List.of(
            new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                    List.of(new Settings.Partner("jc-aarhus", 50, "c1")),
                    List.of(new Settings.Consultant("c1", "Kim Konsulent", EmailAddress.parse("kim@example.dk").orElseThrow(),
                            PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA)),
                    List.of(), List.of(), dk.rampe.settings.ReportSettings.none(), null)), List.of()));
    private final InMemoryFollowUpStore tasks = new InMemoryFollowUpStore(audit);
    private final NudgeService nudges = new NudgeService(tasks, new InMemoryOutbox(tasks), settings::current,
            new FollowUpTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), Duration.ofHours(72)),
            new NudgeTemplates(CPH), new QuietHours(CPH), clock, "https://rampe.example", Duration.ofHours(4));
    private final WorkingDays weekdays = (p, d) -> !WorkingDays.isWeekend(d);
    private final InMemoryAttendanceStore memory = new InMemoryAttendanceStore();
    private final Counting store = new Counting(memory);
    private final Referrals referrals = new Referrals();
    private final AttendanceService service = new AttendanceService(store, weekdays, p -> AttendanceRules.DEFAULTS,
            clock, entry -> { });
    private final Sweeper sweeper = new Sweeper(new InMemoryWatermarks(), clock);

    static Instant at(LocalDate d, int h, int m) {
        return d.atTime(h, m).atZone(CPH).toInstant();
    }

    private AbsenceDetection rule() {
        return new AbsenceDetection(referrals, store, null, weekdays, nudges, p -> AttendanceRules.DEFAULTS,
                "https://rampe.example");
    }

    private Referral enrolled(String id, boolean planDuringInternship) {
        ReferralDetails details = new ReferralDetails("p1", "JC-" + id, new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "", "",
                List.of(), false, null);
        Instant t = clock.instant();
        Referral r = Referral.received(id, "jc-aarhus", details, "c1", false, t)
                .moveTo(ReferralStatus.ACCEPTED, t, "c1", null, null).moveTo(ReferralStatus.ENROLLED, t, "c1", null, null);
        referrals.byId.put(id, r);
        service.putPlan(r, new AttendancePlan(MONDAY, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c1", t, planDuringInternship));
        return r;
    }

    private Sweeper.Run<AbsenceDetection.Outcome> morning(LocalDate d) {
        clock.set(at(d, 9, 31));
        store.reads.set(0);
        referrals.reads.set(0);
        return sweeper.run("absence", memory.index(), rule(), 200);
    }

    private List<String> absenceTasks(String referralId) {
        return tasks.tasks().stream().filter(t -> t.referralId().equals(referralId))
                .map(FollowUpTask::dueAt).sorted().map(i -> LocalDate.ofInstant(i, CPH).toString())
                .collect(Collectors.toList());
    }

    @Test
    void anInternshipSuspendsThePlanAndTheDetectionReadsOnlyTheReferral() {
        Referral course = enrolled("R0000000000A1", false);
        Referral beside = enrolled("R0000000000B2", true);
        // the path records an internship from Wednesday to Friday (expected end) for both
        List<Internship> internship = List.of(new Internship(MONDAY.plusDays(2), MONDAY.plusDays(4)));
        store.recordInternships(course.id(), internship);
        store.recordInternships(beside.id(), internship);

        Sweeper.Run<AbsenceDetection.Outcome> monday = morning(MONDAY);
        assertEquals(2, monday.count(AbsenceDetection.Outcome.NUDGED));
        assertEquals(0, store.reads.get(), "nothing of the attendance store is read: the chain carries it");
        assertEquals(2, referrals.reads.get(), "one read per due chain: the referral");

        clock.set(at(MONDAY.plusDays(1), 9, 5));
        service.register(course, MONDAY.plusDays(1), Registration.Status.PRESENT, null, null, "c1");
        assertEquals(1, morning(MONDAY.plusDays(1)).count(AbsenceDetection.Outcome.REGISTERED));
        for (int d = 2; d <= 4; d++) {
            Sweeper.Run<AbsenceDetection.Outcome> run = morning(MONDAY.plusDays(d));
            assertEquals(1, run.count(AbsenceDetection.Outcome.NOT_EXPECTED), "in the internship: " + run.counts());
            assertEquals(1, run.count(AbsenceDetection.Outcome.NUDGED), "the plan that applies during it: " + run.counts());
            assertEquals(0, store.reads.get());
        }
        morning(MONDAY.plusDays(7));
        assertEquals(List.of("2026-11-23", "2026-11-30"), absenceTasks(course.id()), "back on the course on Monday");
        assertEquals(List.of("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30"),
                absenceTasks(beside.id()));
    }

    @Test
    void anAbsenceRegisteredByStaffIsNotNudgedButCountsForTheCaseworkersNotice() {
        Referral r = enrolled("R0000000000A1", false);
        morning(MONDAY); // detected: nudged, one unexcused absence
        clock.set(at(MONDAY.plusDays(1), 9, 10));
        service.register(r, MONDAY.plusDays(1), Registration.Status.ABSENT, null, null, "c1"); // a tap on today's list
        Sweeper.Run<AbsenceDetection.Outcome> tuesday = morning(MONDAY.plusDays(1));
        assertEquals(1, tuesday.count(AbsenceDetection.Outcome.REGISTERED), tuesday.counts().toString());
        assertEquals(List.of("2026-11-23"), absenceTasks(r.id()), "the consultant registered it: no nudge about it");
        List<Notice> notices = memory.notices(r.id());
        assertEquals(1, notices.size(), "two unexcused absences in a row reach the caseworker");
        assertEquals(MONDAY.plusDays(1), notices.get(0).date());
        assertTrue(notices.get(0).reasons().contains(Notice.Reason.TWO_IN_A_ROW));
        sweeper.run("absence", memory.index(), rule(), 200); // a second run writes no second notice
        assertEquals(1, memory.notices(r.id()).size());
    }

    @Test
    void anOutageIsCaughtUpAndTwoOverlappingRunsCreateNothingTwice() {
        Referral r = enrolled("R0000000000A1", false);
        clock.set(at(MONDAY.plusDays(2), 9, 31)); // Wednesday, no run since Monday 07:00
        var due = memory.index().due(at(MONDAY, 0, 0), clock.instant(), 10);
        AbsenceDetection first = rule();
        AbsenceDetection second = rule();
        assertEquals(AbsenceDetection.Outcome.REVIEW, first.apply(due.get(0), clock.instant()));
        second.apply(due.get(0), clock.instant()); // the same stale copy: the chain moved on, nothing written
        Attendance a = memory.load(r.id(), MONDAY, MONDAY.plusDays(6));
        assertEquals(3, a.registrations().size(), "Monday and Tuesday to review, Wednesday detected");
        assertTrue(a.registrationOn(MONDAY).orElseThrow().review());
        assertEquals(List.of("2026-11-25"), absenceTasks(r.id()), "no SMS about Monday on Wednesday");
        SessionChain chain = memory.chain(r.id()).orElseThrow();
        assertEquals(MONDAY.plusDays(3), chain.date(), "waiting for Thursday");
        assertEquals(Optional.of(Registration.Status.ABSENT),
                chain.attendance().registrationOn(MONDAY.plusDays(2)).map(Registration::status));
    }

    @Test
    void dueWorkWrittenBeforeTheChainIsTurnedIntoTheReferralsChain() {
        ReferralDetails details = new ReferralDetails("p1", "JC-1", new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "", "",
                List.of(), false, null);
        Instant t = clock.instant();
        Referral r = Referral.received("R0000000000A1", "jc-aarhus", details, "c1", false, t)
                .moveTo(ReferralStatus.ACCEPTED, t, "c1", null, null).moveTo(ReferralStatus.ENROLLED, t, "c1", null, null);
        referrals.byId.put(r.id(), r);
        // as stored before the chain: the plan, and the session as a due item of its own
        memory.putPlan(r.id(), new AttendancePlan(MONDAY, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c1", t));
        dk.rampe.path.InMemoryDueWork old = new dk.rampe.path.InMemoryDueWork();
        Instant cutoff = at(MONDAY, 9, 30);
        old.schedule(AttendanceService.KIND, AttendanceService.sessionId(r.id(), MONDAY), cutoff,
                AttendanceService.work(r.id(), MONDAY));
        clock.set(at(MONDAY, 9, 31));
        AbsenceDetection rule = new AbsenceDetection(referrals, store, old, weekdays, nudges, p -> AttendanceRules.DEFAULTS,
                "https://rampe.example");
        assertEquals(AbsenceDetection.Outcome.NUDGED, rule.apply(old.index(AttendanceService.KIND)
                .due(cutoff, clock.instant(), 10).get(0), clock.instant()));
        assertEquals(List.of(), old.pending(AttendanceService.KIND), "the old item is done");
        SessionChain chain = memory.chain(r.id()).orElseThrow();
        assertEquals(MONDAY.plusDays(1), chain.date(), "the chain goes on from there");
        assertEquals(List.of("2026-11-23"), absenceTasks(r.id()));
    }

    /** Counts what the detection reads from the attendance store besides the due index. */
    static final class Counting implements AttendanceStore {
        final AtomicInteger reads = new AtomicInteger();
        private final InMemoryAttendanceStore d;

        Counting(InMemoryAttendanceStore d) {
            this.d = d;
        }

        @Override
        public void putPlan(String referralId, AttendancePlan plan) {
            d.putPlan(referralId, plan);
        }

        @Override
        public void addAgreement(String referralId, Agreement agreement) {
            d.addAgreement(referralId, agreement);
        }

        @Override
        public boolean addRegistration(String referralId, Registration registration) {
            return d.addRegistration(referralId, registration);
        }

        @Override
        public boolean addRegistration(String referralId, Registration registration, long expected) {
            return d.addRegistration(referralId, registration, expected);
        }

        @Override
        public Attendance load(String referralId, LocalDate from, LocalDate to) {
            reads.incrementAndGet();
            return d.load(referralId, from, to);
        }

        @Override
        public boolean addNotice(Notice notice, boolean flag, dk.rampe.followup.OutboxMessage email) {
            return d.addNotice(notice, flag, email);
        }

        @Override
        public List<Notice> notices(String referralId) {
            reads.incrementAndGet();
            return d.notices(referralId);
        }

        @Override
        public boolean correctNotice(Notice notice, String expectedRegistrationId, dk.rampe.followup.OutboxMessage email) {
            return d.correctNotice(notice, expectedRegistrationId, email);
        }

        @Override
        public boolean smsConsent(String referralId) {
            reads.incrementAndGet();
            return d.smsConsent(referralId);
        }

        @Override
        public void recordInternships(String referralId, List<Internship> internships) {
            d.recordInternships(referralId, internships);
        }

        @Override
        public Optional<SessionChain> chain(String referralId) {
            reads.incrementAndGet();
            return d.chain(referralId);
        }

        @Override
        public boolean writeChain(SessionChain chain, long expected, With with) {
            return d.writeChain(chain, expected, with);
        }

        @Override
        public List<Warning> warnings(String referralId) {
            reads.incrementAndGet();
            return d.warnings(referralId);
        }
    }

    /** Referrals by id; counts the reads. */
    static final class Referrals implements ReferralStore {
        final Map<String, Referral> byId = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<Referral> find(String referralId) {
            reads.incrementAndGet();
            return Optional.ofNullable(byId.get(referralId));
        }

        @Override
        public Optional<KeyTaken> findKey(String jobcentreId, List<IdempotencyKey> keys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CreateResult create(Referral referral, String citizenKey, List<IdempotencyKey> keys, String fingerprint,
                                   int quota, AuditEntry audit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Referral updated, String citizenKey, boolean releaseCitizen, Instant expiresAt,
                           AuditEntry audit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long intakeCount(String programmeId, String jobcentreId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Referral> listByProgramme(String programmeId, ReferralStatus statusOrNull) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Referral> listByProgrammeForJobcentre(String programmeId, String jobcentreId) {
            throw new UnsupportedOperationException();
        }
    }

    /** A clock the test moves. */
    static final class Clock2 extends Clock {
        private volatile Instant now;

        Clock2(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
