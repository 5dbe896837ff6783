package dk.rampe.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.Caller;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.FollowUpTokens;
import dk.rampe.followup.Ids;
import dk.rampe.followup.InMemoryFollowUpStore;
import dk.rampe.followup.InMemoryOutbox;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.NudgeTemplates;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.QuietHours;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.CitizenMatchKey;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.InMemoryReferralStore;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralService;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.report.DeliveryFigures;
import dk.rampe.report.InMemoryMonthlyFacts;
import dk.rampe.report.MonthlyFacts;
import dk.rampe.report.ProgrammeFigures;
import dk.rampe.report.ProgrammeSnapshot;
import dk.rampe.report.ReportMaker;
import dk.rampe.report.ReportPeriod;
import dk.rampe.schedule.InMemoryWatermarks;
import dk.rampe.schedule.Sweeper;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Channel;
import dk.rampe.settings.InMemorySettingsStore;
import dk.rampe.settings.ReportSettings;
import dk.rampe.settings.Settings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A programme that starts using Rampe with its history in a spreadsheet: the same scripted programme
 * ({@link HistoryScript}: 132 participants, 60 internships, 29 jobs) recorded live, each step on its day through
 * the use cases the API calls with the aftercare sweep every morning and the monthly report on the first of every
 * month, and imported in one go on 7 December 2026. December's report shows the same totals since the start and
 * the same aftercare figures; the imported programme's reminders still ahead go out on their day, and those already
 * past are listed once, as overdue from before Rampe, never as SMS.
 */
class ImportedProgrammeTest {
    private static final ZoneId CPH = WorkingDays.ZONE;
    private static final LocalDate IMPORT_DAY = LocalDate.of(2026, 12, 7);
    private static final Instant IMPORTED_AT = at(IMPORT_DAY, 10, 0);
    private static final HistoryScript SCRIPT = new HistoryScript(IMPORT_DAY);

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(CPH).toInstant();
    }

    /** One installation of Rampe on the in-memory ports: the API's use cases, the aftercare sweep, the report. */
    static final class World {
        final PathLifecycleTest.MutableClock clock = new PathLifecycleTest.MutableClock(at(LocalDate.of(2026, 1, 5), 7, 0));
        final InMemoryAuditLog audit = new InMemoryAuditLog();
        final InMemoryReferralStore referralStore = new InMemoryReferralStore(audit);
        final InMemorySettingsStore settings = new InMemorySettingsStore(new Settings(List.of(
                new Settings.Programme(HistoryScript.PROGRAMME, "Forløb Østjylland", LocalDate.of(2026, 1, 1),
                        LocalDate.of(2027, 6, 30), List.of(new Settings.Partner("jc-aarhus", 75, "c-aarhus"),
                        new Settings.Partner("jc-odder", 45, "c-odder"), new Settings.Partner("jc-randers", 45, "c-randers")),
                        List.of(consultant("c-aarhus", "22 34 56 01"), consultant("c-odder", "22 34 56 02"),
                                consultant("c-randers", "22 34 56 03"), new Settings.Consultant("pm", "Pia Projektleder",
                                        EmailAddress.parse("pia@example.dk").orElseThrow(), null, Channel.EMAIL, Language.DA)),
                        List.of(), List.of(), ReportSettings.none(), "pm")), List.of()));
        final ReferralService referrals = new ReferralService(referralStore, settings, audit, clock, CPH,
                new CitizenMatchKey("test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), Duration.ofDays(365));
        final InMemoryFollowUpStore tasks = new InMemoryFollowUpStore(audit);
        final InMemoryOutbox outbox = new InMemoryOutbox(tasks);
        final NudgeService nudges = new NudgeService(tasks, outbox, settings::current,
                new FollowUpTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), Duration.ofHours(72)),
                new NudgeTemplates(CPH), new QuietHours(CPH), clock, "https://rampe.example", Duration.ofHours(4));
        final InMemoryDueWork dueWork = new InMemoryDueWork();
        final InMemoryPathStore pathStore = new InMemoryPathStore(dueWork, new dk.rampe.attendance.InMemoryAttendanceStore());
        final WorkingCalendar calendar = new WorkingCalendar(new TestHolidays(), settings::current);
        final PathService paths = new PathService(pathStore, referrals, dueWork, calendar, clock, Duration.ofDays(365));
        final ParticipantExit exit = new ParticipantExit(referrals, paths,
                new ExitNotice(outbox, "https://rampe.example"), clock);
        final AftercareSweepRule sweepRule = new AftercareSweepRule(
                new AftercareRule(referralStore, pathStore, calendar, nudges, dueWork),
                new EscalationRule(nudges, settings::current, dueWork), calendar, dueWork);
        final Sweeper sweeper = new Sweeper(new InMemoryWatermarks(), clock);
        final InMemoryMonthlyFacts facts = new InMemoryMonthlyFacts();
        final HistoryImport imports = new HistoryImport(referrals, paths, exit, settings::current, audit, clock);
        final Map<String, String> ids = new HashMap<>();

        private static Settings.Consultant consultant(String id, String phone) {
            return new Settings.Consultant(id, "Konsulent " + id, EmailAddress.parse(id + "@rampe.example").orElseThrow(),
                    PhoneNumber.parse(phone).orElseThrow(), Channel.BOTH, Language.DA);
        }

        /** The aftercare schedule's run at this moment (it runs every quarter of an hour in working hours). */
        void sweep(Instant when) {
            clock.set(when);
            sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), sweepRule, 500);
        }

        /** The sweep at 08:00 of every day after {@code from} up to and including {@code to}. */
        void sweepMornings(LocalDate from, LocalDate to) {
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) sweep(at(d, 8, 0));
        }

        /** The report of {@code month}, made on the first of the next at 07:00 as the schedule does; its facts kept. */
        MonthlyFacts.Month report(YearMonth month) {
            clock.set(at(month.plusMonths(1).atDay(1), 7, 0));
            ProgrammeFigures figures = new ProgrammeFigures(calendar, p -> AttendanceRules.DEFAULTS);
            new ReportMaker((p, period) -> figures.sources(snapshot(), DeliveryFigures.none()), facts, clock)
                    .make(settings.current().programmes().get(0), Map.of(), new ReportPeriod(month, CPH));
            return facts.months(HistoryScript.PROGRAMME).get(month);
        }

        private ProgrammeSnapshot snapshot() {
            List<Referral> all = referralStore.listByProgramme(HistoryScript.PROGRAMME, null);
            List<ProgrammeSnapshot.Participant> participants = new ArrayList<>();
            for (Referral r : all) {
                if (r.lastChangeTo(ReferralStatus.ENROLLED) == null) continue;
                participants.add(new ProgrammeSnapshot.Participant(r, new Path(pathStore.milestones(r.id())),
                        Attendance.empty(r.id()), List.of()));
            }
            return ProgrammeSnapshot.of(all, participants, tasks.tasks());
        }

        /**
         * The consultants make every call still open on {@code day} (the project manager's escalations aside) and
         * record it: reached, the job still held where the call asks.
         */
        void callEveryOpenReminder(LocalDate day) {
            clock.set(at(day, 13, 0));
            for (FollowUpTask t : tasks.tasks()) {
                if (!t.isOpen() || t.kind() == FollowUpKind.FOLLOW_UP_OVERDUE) continue;
                boolean job = t.kind() != FollowUpKind.WORKPLACE_CHECK_DUE;
                nudges.record(t.taskId(), new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE, FollowUpOutcome.NextStep.NONE,
                        null, job ? new FollowUpOutcome.Aftercare(FollowUpOutcome.Method.PHONE, FollowUpOutcome.WithWhom.BOTH,
                        true, new BigDecimal("15")) : null), t.consultantId());
            }
        }

        /** Every message queued with a task (the nudges and their reminders), whatever became of it. */
        List<OutboxMessage> taskMessages() {
            return tasks.tasks().stream().flatMap(t -> tasks.messagesOf(t.taskId()).stream()).toList();
        }

        /** One step of the script recorded the day it happened, as the API records it (no date: today). */
        void live(HistoryScript.Dated d) {
            HistoryScript.Row row = d.row();
            Caller staff = Caller.staff(row.jobcentreId().replace("jc-", "c-"));
            String id = ids.get(row.reference());
            switch (d.step()) {
                case RECEIVED -> ids.put(row.reference(), referrals.submit(Caller.jobcentre(row.jobcentreId()),
                        new ReferralDetails(HistoryScript.PROGRAMME, row.reference(), new Citizen(Cpr.stored(row.cpr()),
                                "Deltager " + row.n(), PhoneNumber.parse(HistoryScript.phone(row.n())).orElseThrow(), null),
                                Benefit.KONTANTHJAELP, new Caseworker("Sag Behandler",
                                EmailAddress.parse("sag@jobcenter.dk").orElseThrow(), null), List.of(), null, null, null,
                                List.of(), false, null), null).answer().referralId());
                case DECIDED -> referrals.recordVisitation(staff, id,
                        ReferralService.VisitationDecision.fromWire(row.decision()).orElseThrow(),
                        row.decision().equals("accepted") ? null : "Ikke nu");
                case STARTED -> paths.statusChanged(referrals.enrol(staff, id), MilestoneType.ENROLLED, staff.id(), null);
                case INTERNSHIP_STARTED -> paths.record(staff, id, new PathService.NewMilestone(
                        MilestoneType.INTERNSHIP_STARTED, today(), null, row.jobStarted() == null ? "Gartneri ApS" : null,
                        null, null, null, null, null));
                case INTERNSHIP_ENDED -> paths.record(staff, id, new PathService.NewMilestone(
                        MilestoneType.INTERNSHIP_ENDED, today(), null, null, null, null, null, null, null));
                case JOB_STARTED -> paths.record(staff, id, new PathService.NewMilestone(MilestoneType.JOB_STARTED,
                        today(), null, "Gartneri ApS", row.jobKind(), new BigDecimal("15"), null, null, null));
                case EXITED -> exit.exit(staff, new ParticipantExit.Command(id, row.outcome(), null, null));
                default -> throw new IllegalStateException(d.step().name());
            }
        }

        private LocalDate today() {
            return WorkingDays.today(clock);
        }
    }

    /** Recorded live from the script's first day to the import day: the sweep every morning, each month's report. */
    private static World live() {
        World w = new World();
        LocalDate first = SCRIPT.rows.stream().map(HistoryScript.Row::received).min(LocalDate::compareTo).orElseThrow();
        for (LocalDate day = first; !day.isAfter(IMPORT_DAY); day = day.plusDays(1)) {
            if (day.getDayOfMonth() == 1) w.report(YearMonth.from(day).minusMonths(1));
            w.sweep(at(day, 8, 0));
            w.clock.set(at(day, 10, 0));
            SCRIPT.on(day).forEach(w::live);
        }
        return w;
    }

    /** Imported in one go at 10:00 on the import day, then the aftercare schedule's next run (10:15). */
    private static World imported() {
        World w = new World();
        w.clock.set(IMPORTED_AT);
        HistoryImport.Result r = w.imports.run(Caller.admin("admin"), SCRIPT.csv().getBytes(StandardCharsets.UTF_8), true);
        assertEquals(List.of(), r.errors());
        assertEquals(SCRIPT.rows.size(), r.added());
        w.sweep(at(IMPORT_DAY, 10, 15));
        return w;
    }

    private static Map<String, Double> only(MonthlyFacts.Month month, Predicate<String> figure) {
        return new TreeMap<>(month.values().entrySet().stream().filter(e -> figure.test(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void decembersReportShowsTheSameTotalsSinceTheStartAndAftercareFiguresAsIfRecordedLive() {
        World live = live();
        World imported = imported();
        // in both, the consultants make the calls listed by 15 December that day (those from before Rampe late)
        for (World w : List.of(live, imported)) {
            w.sweepMornings(IMPORT_DAY, LocalDate.of(2026, 12, 15));
            w.callEveryOpenReminder(LocalDate.of(2026, 12, 15));
            w.sweepMornings(LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 31));
        }
        MonthlyFacts.Month a = live.report(YearMonth.of(2026, 12));
        MonthlyFacts.Month b = imported.report(YearMonth.of(2026, 12));

        // the script's own counts, so the comparison is of something
        String p = "@programme";
        assertEquals(138.0, a.values().get("since_start/since_start.referred" + p));
        assertEquals(132.0, a.values().get("since_start/since_start.enrolled" + p));
        assertEquals(60.0, a.values().get("since_start/since_start.internships" + p));
        assertEquals(29.0, a.values().get("since_start/since_start.jobs.total" + p));
        assertEquals(22.0, a.values().get("since_start/since_start.jobs.ordinary" + p));
        assertEquals(7.0, a.values().get("since_start/since_start.jobs.social_economy" + p));
        long exits = SCRIPT.rows.stream().filter(r -> r.exited() != null).count();
        assertEquals((double) exits, a.values().get("since_start/since_start.exits.total" + p));
        assertTrue(a.values().get("aftercare/follow_ups.due" + p) > 0, "reminders fall due in December");
        assertTrue(a.values().get("aftercare/follow_ups.late" + p) > 0, "some made after their day");
        assertTrue(a.values().get("aftercare/follow_ups.overdue" + p) > 0, "some not made by the month's end");
        assertTrue(a.values().get("aftercare/employed_at_6_months" + p) > 0, "checked and held");

        Predicate<String> sinceStart = k -> k.startsWith("since_start/");
        Predicate<String> aftercare = k -> k.startsWith("aftercare/");
        assertEquals(only(a, sinceStart), only(b, sinceStart), "the totals since the start, by jobcentre and programme");
        assertEquals(only(a, aftercare), only(b, aftercare), "the aftercare figures, by jobcentre and programme");
        assertEquals(a.scopes(), b.scopes());

        // what legitimately differs, and only that: the imported history is listed as corrections (steps and phase
        // moves dated in earlier months, recorded in December), since every earlier report was made without it. (This
        // programme has no targets; their trend points of earlier months would differ too, each as its month knew it.)
        Set<String> differ = new java.util.TreeSet<>();
        for (String k : a.values().keySet()) {
            if (!a.values().get(k).equals(b.values().get(k))) differ.add(k);
        }
        for (String k : b.values().keySet()) if (!a.values().containsKey(k)) differ.add(k);
        Set<String> corrections = Set.of("status_changes_dated_in_earlier_months", "phase_moves_dated_in_earlier_months");
        // which counts a month hides depends on what the earlier reports published (the live programme's reader has
        // eleven reports, the imported one's none): the marks of the hidden counts differ, the numbers do not
        differ.removeIf(k -> k.startsWith("hidden:"));
        assertEquals(Set.of(), differ.stream().filter(k -> !corrections.contains(k.substring(k.indexOf('/') + 1,
                k.indexOf('@')))).collect(Collectors.toSet()), "every other figure of December is the same");
        String dated = "corrections/status_changes_dated_in_earlier_months" + p;
        assertEquals(0.0, a.values().get(dated), "recorded live: nothing late");
        assertTrue(b.values().get(dated) > 132, "imported: the history, listed apart from the figures");
    }

    @Test
    void anExitImportedFromTheHistoryTellsTheCaseworkerNothingAndAnExitRecordedAfterwardsDoes() {
        World w = imported();
        List<Referral> all = w.referralStore.listByProgramme(HistoryScript.PROGRAMME, null);
        List<String> importedExits = all.stream().filter(r -> r.status() == ReferralStatus.EXITED).map(Referral::id).toList();
        long withoutWork = SCRIPT.rows.stream().filter(r -> r.exited() != null && !r.outcome().employmentOrEducation()).count();
        assertTrue(withoutWork > 5, "the history has exits without job or education: " + withoutWork);
        assertEquals(List.of(), importedExits.stream()
                .filter(id -> w.outbox.find(Ids.messageId("exitDescription|" + id + "|email")).isPresent()).toList(),
                "no exit notice for an exit that happened before Rampe");
        // a participant still on the way when imported, who leaves afterwards without a job: the caseworker is told once
        Referral onTheWay = all.stream().filter(r -> r.status() == ReferralStatus.ENROLLED).findFirst().orElseThrow();
        w.exit.exit(Caller.staff(onTheWay.consultantId()),
                new ParticipantExit.Command(onTheWay.id(), dk.rampe.referral.ExitOutcome.MOVED, null, null));
        OutboxMessage notice = w.outbox.find(Ids.messageId("exitDescription|" + onTheWay.id() + "|email")).orElseThrow();
        assertEquals(MessageChannel.EMAIL, notice.channel());
    }

    @Test
    void theImportedProgrammesRemindersStillAheadGoOutOnTheirDayAndThosePastAreListedOnceWithoutAnSms() {
        World w = imported();
        LocalDate last = LocalDate.of(2027, 8, 31);
        w.sweepMornings(IMPORT_DAY, last);

        // every reminder the imported paths call for, each with its one task
        AftercarePlan plan = new AftercarePlan(w.calendar);
        List<Reminder> planned = new ArrayList<>();
        Map<Reminder, String> taskIds = new HashMap<>();
        Map<Reminder, String> consultants = new HashMap<>();
        for (Referral r : w.referralStore.listByProgramme(HistoryScript.PROGRAMME, null)) {
            for (Reminder x : plan.plan(r.id(), HistoryScript.PROGRAMME, new Path(w.pathStore.milestones(r.id())))) {
                planned.add(x);
                taskIds.put(x, Ids.taskId(AftercareRule.kindOf(x.kind()).wireName() + "|" + HistoryScript.PROGRAMME + "|"
                        + r.id() + "|reminder|" + x.id()));
                consultants.put(x, r.consultantId());
            }
        }
        Map<Reminder.Kind, Long> byKind = planned.stream().collect(Collectors.groupingBy(Reminder::kind, Collectors.counting()));
        assertEquals(60L, byKind.get(Reminder.Kind.INTERNSHIP_CHECK), byKind.toString());
        assertEquals(29L, byKind.get(Reminder.Kind.AFTERCARE), byKind.toString());
        assertEquals(29L, byKind.get(Reminder.Kind.RETENTION_CHECK), byKind.toString());
        assertTrue(planned.stream().allMatch(x -> x.dueOn().isBefore(last)), "the sweeps ran past every reminder");

        List<Reminder> past = planned.stream().filter(x -> x.dueOn().isBefore(IMPORT_DAY)).toList();
        List<Reminder> ahead = planned.stream().filter(x -> !x.dueOn().isBefore(IMPORT_DAY)).toList();
        assertTrue(past.size() > 50 && ahead.size() > 20, past.size() + " past, " + ahead.size() + " ahead");
        List<OutboxMessage> messages = w.taskMessages();
        Set<String> reminderTasks = Set.copyOf(taskIds.values());
        for (Reminder x : ahead) {
            FollowUpTask t = w.tasks.find(taskIds.get(x)).orElseThrow(() -> new AssertionError("no task for " + x));
            assertEquals(x.dueOn(), LocalDate.ofInstant(t.createdAt(), CPH), "sent on its day: " + x);
            List<OutboxMessage> sms = w.tasks.messagesOf(t.taskId()).stream()
                    .filter(m -> m.channel() == MessageChannel.SMS && !m.reminder()).toList();
            assertEquals(1, sms.size(), "one SMS nudge: " + x);
            assertEquals(x.dueOn(), LocalDate.ofInstant(sms.get(0).notBefore(), CPH));
        }
        for (Reminder x : past) {
            FollowUpTask t = w.tasks.find(taskIds.get(x)).orElseThrow(() -> new AssertionError("not listed: " + x));
            assertEquals(x.dueOn(), LocalDate.ofInstant(t.dueAt(), CPH), "listed with its own day, as overdue");
            assertEquals(IMPORT_DAY, LocalDate.ofInstant(t.createdAt(), CPH), "listed on the import day");
            assertEquals(List.of(), w.tasks.messagesOf(t.taskId()), "no nudge of its own, no SMS: " + x);
            assertFalse(messages.stream().anyMatch(m -> t.taskId().equals(m.taskId())));
        }
        // each reminder listed once: one task per reminder and nothing else but the project manager's escalations
        List<FollowUpTask> all = w.tasks.tasks();
        assertEquals(planned.size(), all.stream().filter(t -> reminderTasks.contains(t.taskId())).count());
        assertEquals(Set.of(), all.stream().filter(t -> !reminderTasks.contains(t.taskId()))
                .filter(t -> t.kind() != FollowUpKind.FOLLOW_UP_OVERDUE || !t.consultantId().equals("pm"))
                .map(FollowUpTask::taskId).collect(Collectors.toSet()));

        // one summary email per consultant with reminders from before Rampe, on the import day, and no other
        Set<String> withPast = past.stream().map(consultants::get).collect(Collectors.toSet());
        assertEquals(Set.of("c-aarhus", "c-odder", "c-randers"), withPast);
        List<OutboxMessage> summaries = new ArrayList<>();
        for (LocalDate d = IMPORT_DAY; !d.isAfter(last); d = d.plusDays(1)) {
            for (String c : List.of("c-aarhus", "c-odder", "c-randers", "pm")) {
                w.outbox.find(Ids.messageId("overdueFromBefore|p1|" + c + "|" + d)).ifPresent(summaries::add);
            }
        }
        assertEquals(withPast.stream().map(c -> "overdueFromBefore|p1|" + c + "|" + IMPORT_DAY).sorted().toList(),
                summaries.stream().map(OutboxMessage::dedupeKey).sorted().toList());
        assertTrue(summaries.stream().allMatch(m -> m.channel() == MessageChannel.EMAIL));
        // every SMS there is belongs to a reminder still ahead when imported, sent on its day
        Set<String> aheadTasks = ahead.stream().map(taskIds::get).collect(Collectors.toSet());
        List<OutboxMessage> sms = messages.stream().filter(m -> m.channel() == MessageChannel.SMS).toList();
        assertFalse(sms.isEmpty());
        assertEquals(List.of(), sms.stream().filter(m -> !aheadTasks.contains(m.taskId())).toList());
    }
}
