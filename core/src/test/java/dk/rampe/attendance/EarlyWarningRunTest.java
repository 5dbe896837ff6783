package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.InMemoryFollowUpStore;
import dk.rampe.followup.InMemoryOutbox;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.QuietHours;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.InMemoryWatermarks;
import dk.rampe.schedule.Sweeper;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Channel;
import dk.rampe.settings.InMemorySettingsStore;
import dk.rampe.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The early warning in the absence detection's run, with the in-memory ports and a clock moved through the
 * mornings: a warning starts once with its reasons, the consultant gets one neutral {@code attention_due} nudge,
 * held past a day with an absence nudge, past the week since the last one and past quiet hours, never dropped;
 * the run reads nothing of the attendance store for it.
 */
class EarlyWarningRunTest {
    private static final ZoneId CPH = WorkingDays.ZONE;
    /** A Monday; sessions every working day from here, at 09:00, cutoff 09:30. */
    private static final LocalDate START = LocalDate.of(2026, 10, 5);

    private final AbsenceChainTest.Clock2 clock = new AbsenceChainTest.Clock2(at(START, 7, 0));
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
    private final AbsenceChainTest.Counting store = new AbsenceChainTest.Counting(memory);
    private final AbsenceChainTest.Referrals referrals = new AbsenceChainTest.Referrals();
    private final AttendanceService service = new AttendanceService(store, weekdays, p -> AttendanceRules.DEFAULTS,
            clock, entry -> { });
    private final Sweeper sweeper = new Sweeper(new InMemoryWatermarks(), clock);
    private final AbsenceDetection rule = new AbsenceDetection(referrals, store, null, weekdays, nudges,
            p -> AttendanceRules.DEFAULTS, "https://rampe.example", settings::current);
    private LocalDate day = START;
    private int sweepReads;

    static Instant at(LocalDate d, int h, int m) {
        return d.atTime(h, m).atZone(CPH).toInstant();
    }

    private Referral enrolled(String id, LocalTime start) {
        ReferralDetails details = new ReferralDetails("p1", "JC-" + id, new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "", "",
                List.of(), false, null);
        Instant t = clock.instant();
        Referral r = Referral.received(id, "jc-aarhus", details, "c1", false, t)
                .moveTo(ReferralStatus.ACCEPTED, t, "c1", null, null).moveTo(ReferralStatus.ENROLLED, t, "c1", null, null);
        referrals.byId.put(id, r);
        service.putPlan(r, new AttendancePlan(START, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, 240,
                "c1", t, false));
        return r;
    }

    /** The next working day: the participant registered as {@code status} at 08:50 (null: nothing), the run at 09:31. */
    private void session(Referral r, Registration.Status status) {
        session(r, status, 9, 31);
    }

    private void session(Referral r, Registration.Status status, int hour, int minute) {
        clock.set(at(day, 8, 50));
        if (status != null) service.register(r, day, status, null, null, "c1");
        clock.set(at(day, hour, minute));
        store.reads.set(0);
        sweeper.run("absence", memory.index(), rule, 200);
        sweepReads = store.reads.get();
        day = day.plusDays(1);
        while (WorkingDays.isWeekend(day)) day = day.plusDays(1);
    }

    private List<FollowUpTask> attention(String referralId) {
        return tasks.tasks().stream().filter(t -> t.referralId().equals(referralId))
                .filter(t -> t.kind() == FollowUpKind.ATTENTION_DUE).toList();
    }

    private List<FollowUpTask> absences(String referralId) {
        return tasks.tasks().stream().filter(t -> t.referralId().equals(referralId))
                .filter(t -> t.kind() == FollowUpKind.ABSENCE_TODAY).toList();
    }

    @Test
    void anAbsenceAfterAStableRunStartsOneWarningWithItsReasonAndOneNeutralNudgeTheNextSession() {
        Referral r = enrolled("R0000000000W1", LocalTime.of(9, 0));
        for (int i = 0; i < 16; i++) session(r, Registration.Status.PRESENT);
        assertEquals(List.of(), memory.warnings(r.id()), "sixteen days present: nothing to say");
        LocalDate absent = day;
        session(r, null);
        assertEquals(1, absences(r.id()).size(), "the absence nudge of the day");
        assertEquals(List.of(), memory.warnings(r.id()), "the detection's own absence is evaluated at the next session");
        assertEquals(List.of(), attention(r.id()));

        LocalDate next = day;
        session(r, Registration.Status.PRESENT);
        List<Warning> warnings = memory.warnings(r.id());
        assertEquals(1, warnings.size());
        assertEquals(absent, warnings.get(0).date());
        assertEquals(List.of(new EarlyWarning.Signal("absence_after_stable_run", List.of(16))), warnings.get(0).signals());
        assertEquals("Udeblevet efter 16 fremmøder i træk.", warnings.get(0).signals().get(0).sentence(Language.DA));
        List<FollowUpTask> attention = attention(r.id());
        assertEquals(1, attention.size(), "one attention_due follow-up for the consultant");
        assertEquals("c1", attention.get(0).consultantId());
        List<OutboxMessage> messages = tasks.messagesOf(attention.get(0).taskId());
        assertEquals(2, messages.size(), "one nudge per channel the consultant takes, no reminder");
        for (OutboxMessage m : messages) {
            assertEquals(next, LocalDate.ofInstant(m.notBefore(), CPH), "the day after the absence nudge's");
            String text = (m.subject() == null ? "" : m.subject()) + m.text();
            for (String word : List.of("Udeblevet", "fremmøde", "fravær", "Fravær", "syg")) {
                assertFalse(text.contains(word), "no reason and nothing about health in the nudge: " + text);
            }
            assertTrue(text.contains(r.id()), "the case reference and the link: " + text);
        }
        assertEquals(0, sweepReads, "the run that warned read nothing of the attendance store");

        // more sessions: the episode goes on or ends, no second warning within the week, and never a second nudge
        for (int i = 0; i < 4; i++) session(r, Registration.Status.PRESENT);
        assertEquals(1, memory.warnings(r.id()).size());
        assertEquals(1, attention(r.id()).size());
    }

    @Test
    void aWarningNudgeIsHeldPastADayWithAnAbsenceNudgeAndGoesAtTheNextSessionWithout() {
        Referral r = enrolled("R0000000000W2", LocalTime.of(9, 0));
        for (int i = 0; i < 16; i++) session(r, Registration.Status.PRESENT);
        session(r, null);
        session(r, null); // the warning starts (yesterday evaluated); today has an absence nudge: held
        assertEquals(1, memory.warnings(r.id()).size(), "started");
        assertEquals(List.of(), attention(r.id()), "not on a day with an absence nudge");
        assertTrue(memory.chain(r.id()).orElseThrow().warning().pending() != null, "held on the chain");
        session(r, null);
        assertEquals(List.of(), attention(r.id()), "nor the next");
        LocalDate back = day;
        session(r, Registration.Status.PRESENT);
        List<FollowUpTask> attention = attention(r.id());
        assertEquals(1, attention.size(), "goes on the first day without one");
        for (OutboxMessage m : tasks.messagesOf(attention.get(0).taskId())) {
            assertEquals(back, LocalDate.ofInstant(m.notBefore(), CPH));
        }
        for (FollowUpTask a : absences(r.id())) {
            assertFalse(LocalDate.ofInstant(a.dueAt(), CPH).equals(back), "no absence nudge on the warning's day");
        }
    }

    @Test
    void aWarningNudgeWaitsAWeekAfterTheLastOneAndIsNeverDropped() {
        Referral r = enrolled("R0000000000W3", LocalTime.of(9, 0));
        for (int i = 0; i < 3; i++) session(r, Registration.Status.PRESENT);
        // as if a warning's nudge went two days ago and another warning started yesterday
        SessionChain c = memory.chain(r.id()).orElseThrow();
        LocalDate yesterday = day.minusDays(1);
        while (WorkingDays.isWeekend(yesterday)) yesterday = yesterday.minusDays(1);
        memory.writeChain(c.with(new WarningState(new EarlyWarning.State(yesterday, false), yesterday, null, yesterday,
                yesterday.minusDays(1))).withRevision(c.revision() + 1), c.revision(), AttendanceStore.With.NOTHING);
        LocalDate lastNudged = yesterday.minusDays(1);
        while (day.isBefore(lastNudged.plusDays(WarningRun.DAYS_BETWEEN_NUDGES))) {
            session(r, Registration.Status.PRESENT);
            assertEquals(List.of(), attention(r.id()), "within the week of the last nudge: held");
        }
        LocalDate goes = day;
        session(r, Registration.Status.PRESENT);
        List<FollowUpTask> attention = attention(r.id());
        assertEquals(1, attention.size(), "a week after the last nudge it goes");
        for (OutboxMessage m : tasks.messagesOf(attention.get(0).taskId())) {
            assertEquals(goes, LocalDate.ofInstant(m.notBefore(), CPH));
        }
        assertEquals(goes, memory.chain(r.id()).orElseThrow().warning().lastNudged());
    }

    @Test
    void aWarningNudgeIsHeldOutOfQuietHoursToTheNextSessionInDaytime() {
        // an evening session (19:45, cutoff 20:15) decided in quiet hours; the participant moves to mornings
        Referral r = enrolled("R0000000000W4", LocalTime.of(19, 45));
        for (int i = 0; i < 16; i++) session(r, Registration.Status.PRESENT, 20, 16);
        session(r, null, 20, 16);
        session(r, Registration.Status.PRESENT, 20, 16);
        assertEquals(1, memory.warnings(r.id()).size(), "started");
        assertEquals(List.of(), attention(r.id()), "not in quiet hours");
        clock.set(at(day.minusDays(1), 21, 0));
        service.putPlan(r, new AttendancePlan(day, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c1", clock.instant(), false));
        LocalDate morning = day;
        session(r, Registration.Status.PRESENT);
        List<FollowUpTask> attention = attention(r.id());
        assertEquals(1, attention.size(), "held, not dropped: it goes at the next session outside quiet hours");
        for (OutboxMessage m : tasks.messagesOf(attention.get(0).taskId())) {
            assertEquals(at(morning, 9, 31), m.notBefore());
            assertFalse(new QuietHours(CPH).isQuiet(m.notBefore()));
        }
    }

    @Test
    void theProgrammesThresholdsInTheSettingsDecideAndTheDefaultsWhereNoneAreSet() {
        Settings.Programme p = settings.current().programme("p1").orElseThrow();
        settings.replace(new Settings(List.of(new Settings.Programme(p.id(), p.name(), p.intakeOpens(), p.intakeStops(),
                p.partners(), p.consultants(), p.staff(), p.closingDays(), p.report(), p.projectManagerId(),
                p.attendance(), p.calendar(), java.util.Map.of("stableRunSessions", 5))), List.of()), "test");
        Referral r = enrolled("R0000000000W5", LocalTime.of(9, 0));
        for (int i = 0; i < 6; i++) session(r, Registration.Status.PRESENT);
        session(r, null);
        session(r, Registration.Status.PRESENT);
        List<Warning> warnings = memory.warnings(r.id());
        assertEquals(1, warnings.size(), "an absence after six days there: the programme says five is a stable run");
        assertEquals(List.of(new EarlyWarning.Signal("absence_after_stable_run", List.of(6))), warnings.get(0).signals());
    }
}
