package dk.rampe.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.core.ValidationException;
import dk.rampe.followup.FollowUpKind;
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
import dk.rampe.referral.CitizenMatchKey;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.InMemoryReferralStore;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralService;
import dk.rampe.schedule.InMemoryWatermarks;
import dk.rampe.schedule.Sweeper;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Channel;
import dk.rampe.settings.InMemorySettingsStore;
import dk.rampe.settings.Settings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A participant's path on the in-memory ports, with the daily aftercare sweep run at 08:00 on the
 * test clock: the exact follow-ups that result, and no others.
 */
class PathLifecycleTest {
    private static final ZoneId CPH = WorkingDays.ZONE;
    private static final Caller AARHUS = Caller.jobcentre("jc-aarhus");
    private static final Caller KIM = Caller.staff("c1");

    private final MutableClock clock = new MutableClock(at("2026-09-01", 10));
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryReferralStore referralStore = new InMemoryReferralStore(audit);
    private final InMemorySettingsStore settings = new InMemorySettingsStore(new Settings(List.of(
            new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                    List.of(new Settings.Partner("jc-aarhus", 50, "c1")),
                    List.of(new Settings.Consultant("c1", "Kim Konsulent",
                            EmailAddress.parse("kim@example.dk").orElseThrow(),
                            PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA),
                            new Settings.Consultant("pm", "Pia Projektleder",
                            EmailAddress.parse("pia@example.dk").orElseThrow(), null, Channel.EMAIL, Language.DA)),
                    List.of(), List.of(), dk.rampe.settings.ReportSettings.none(), "pm")), List.of()));
    private final ReferralService referrals = new ReferralService(referralStore, settings, audit, clock, CPH,
            new CitizenMatchKey("test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), Duration.ofDays(365));
    private final InMemoryFollowUpStore tasks = new InMemoryFollowUpStore(audit);
    private final InMemoryOutbox outbox = new InMemoryOutbox(tasks);
    private final NudgeService nudges = new NudgeService(tasks, outbox, settings::current,
            new FollowUpTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), Duration.ofHours(72)),
            new NudgeTemplates(CPH), new QuietHours(CPH), clock, "https://rampe.example", Duration.ofHours(4));
    private final InMemoryDueWork dueWork = new InMemoryDueWork();
    private final dk.rampe.attendance.InMemoryAttendanceStore attendance = new dk.rampe.attendance.InMemoryAttendanceStore();
    private final InMemoryPathStore pathStore = new InMemoryPathStore(dueWork, attendance);
    private final WorkingCalendar calendar = new WorkingCalendar(new TestHolidays(), settings::current);
    private final PathService paths = new PathService(pathStore, referrals, dueWork, calendar, clock, Duration.ofDays(365));
    private final AftercareRule rule = new AftercareRule(referralStore, pathStore, calendar, nudges, dueWork);
    private final EscalationRule escalation = new EscalationRule(nudges, settings::current, dueWork);
    private final AftercareSweepRule sweepRule = new AftercareSweepRule(rule, escalation);
    private final Sweeper sweeper = new Sweeper(new InMemoryWatermarks(), clock);

    static Instant at(String day, int hour) {
        return LocalDate.parse(day).atTime(hour, 0).atZone(CPH).toInstant();
    }

    private String enrolledParticipant(String cpr, String reference) {
        ReferralDetails d = new ReferralDetails("p1", reference,
                new Citizen(Cpr.stored(cpr), "Søren Østergård", PhoneNumber.parse("22 34 56 78").orElseThrow(), null),
                Benefit.KONTANTHJAELP, new Caseworker("Sag Behandler",
                EmailAddress.parse("sag@jobcenter.dk").orElseThrow(), null), List.of("lager"), "", "", "",
                List.of(), false, null);
        String id = referrals.submit(AARHUS, d, null).answer().referralId();
        referrals.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED, null);
        Referral r = referrals.enrol(KIM, id);
        paths.statusChanged(r, MilestoneType.ENROLLED, KIM.id(), null);
        return id;
    }

    private Milestone record(String referralId, MilestoneType type, String on, String corrects) {
        return paths.record(KIM, referralId, new PathService.NewMilestone(type, LocalDate.parse(on), corrects,
                type == MilestoneType.JOB_STARTED || type == MilestoneType.INTERNSHIP_STARTED ? "Lager A/S" : null,
                type == MilestoneType.JOB_STARTED ? JobKind.FLEXJOB : null,
                type == MilestoneType.JOB_STARTED ? new BigDecimal("15") : null, null, null, null));
    }

    /** The consultant closes every open task of the referral (on the follow-up page). */
    private void closeAll(String referralId) {
        for (FollowUpTask t : tasks.tasks()) {
            if (t.referralId().equals(referralId) && t.isOpen()) {
                nudges.record(t.taskId(), new dk.rampe.followup.FollowUpOutcome(true,
                        dk.rampe.followup.FollowUpOutcome.Cause.fromWire("none").orElseThrow(),
                        dk.rampe.followup.FollowUpOutcome.NextStep.fromWire("none").orElseThrow(), ""), "c1");
            }
        }
    }

    /** Moves the clock to 08:00 of each day from the clock's day to {@code lastDay} and runs the sweep each morning. */
    private void sweepEveryMorningUntil(String lastDay) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), CPH);
        if (!clock.instant().isBefore(at(day.toString(), 8))) day = day.plusDays(1);
        for (; !day.isAfter(LocalDate.parse(lastDay)); day = day.plusDays(1)) {
            clock.set(at(day.toString(), 8));
            sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), sweepRule, 200);
        }
    }

    /** "kind@yyyy-mm-dd (created yyyy-mm-dd)" for each task of the referral, in creation order. */
    private List<String> tasksOf(String referralId) {
        return tasks.tasks().stream().filter(t -> t.referralId().equals(referralId))
                .sorted(java.util.Comparator.comparing(FollowUpTask::createdAt))
                .map(t -> (t.consultantId().equals("pm") ? "pm:" : "") + t.kind().wireName() + "@" + LocalDate.ofInstant(t.dueAt(), CPH)
                        + " created " + LocalDate.ofInstant(t.createdAt(), CPH))
                .collect(Collectors.toList());
    }

    @Test
    void aJobStartedOn30NovemberIsDueForAftercareOn1MarchAndNotBefore() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-11-30", 12));
        record(id, MilestoneType.JOB_STARTED, "2026-11-30", null);
        sweepEveryMorningUntil("2027-02-28");
        assertEquals(List.of(), tasksOf(id));
        sweepEveryMorningUntil("2027-03-01");
        assertEquals(List.of("aftercare_call_due@2027-03-01 created 2027-03-01"), tasksOf(id));
        // 30 May 2027 is a Sunday: the retention check moves to Monday 31 May
        sweepEveryMorningUntil("2027-06-30");
        // neither was closed: each goes to the project manager on the fifth working day after its day
        assertEquals(List.of("aftercare_call_due@2027-03-01 created 2027-03-01",
                "pm:follow_up_overdue@2027-03-08 created 2027-03-08",
                "retention_check_due@2027-05-31 created 2027-05-31",
                "pm:follow_up_overdue@2027-06-07 created 2027-06-07"), tasksOf(id));
        // running the same mornings again creates nothing twice
        sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), sweepRule, 200);
        assertEquals(4, tasksOf(id).size());
        assertEquals(List.of(), dueWork.pending(EscalationRule.DUE_KIND));
        assertEquals(List.of(), dueWork.pending(PathService.DUE_KIND));
    }

    @Test
    void aClosingDayAddedLaterMovesTheReminderPlannedOnItToTheNextWorkingDay() {
        AftercareSweepRule withCalendar = new AftercareSweepRule(rule, escalation, calendar, dueWork);
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-11-30", 12));
        record(id, MilestoneType.JOB_STARTED, "2026-11-30", null);
        // planned for Monday 1 March 2027; the programme then closes that day
        Settings.Programme p = settings.current().programmes().get(0);
        settings.replace(new Settings(List.of(new Settings.Programme(p.id(), p.name(), p.intakeOpens(), p.intakeStops(),
                p.partners(), p.consultants(), p.staff(), List.of(LocalDate.parse("2027-03-01")), p.report(),
                p.projectManagerId(), p.attendance(), p.calendar())), settings.current().jobcentres()), "admin");
        clock.set(at("2027-03-01", 8));
        Sweeper.Run<Enum<?>> closed = sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), withCalendar, 200);
        assertEquals(1, closed.count(AftercareSweepRule.Outcome.MOVED_FROM_CLOSED_DAY), closed.counts().toString());
        assertEquals(List.of(), tasksOf(id), "nothing on the closing day");
        clock.set(at("2027-03-02", 8));
        sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), withCalendar, 200);
        assertEquals(List.of("aftercare_call_due@2027-03-02 created 2027-03-02"), tasksOf(id), "the next working day");
        // its escalation counts five working days from the day it moved to
        for (String day : List.of("2027-03-03", "2027-03-04", "2027-03-05", "2027-03-08", "2027-03-09")) {
            clock.set(at(day, 8));
            sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), withCalendar, 200);
        }
        assertEquals(List.of("aftercare_call_due@2027-03-02 created 2027-03-02",
                "pm:follow_up_overdue@2027-03-09 created 2027-03-09"), tasksOf(id));
    }

    @Test
    void aReminderWhoseMovedDayHasPassedIsActedOnAtOnce() {
        AftercareSweepRule withCalendar = new AftercareSweepRule(rule, escalation, calendar, dueWork);
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-11-30", 12));
        record(id, MilestoneType.JOB_STARTED, "2026-11-30", null);
        Settings.Programme p = settings.current().programmes().get(0);
        settings.replace(new Settings(List.of(new Settings.Programme(p.id(), p.name(), p.intakeOpens(), p.intakeStops(),
                p.partners(), p.consultants(), p.staff(), List.of(LocalDate.parse("2027-03-01")), p.report(),
                p.projectManagerId(), p.attendance(), p.calendar())), settings.current().jobcentres()), "admin");
        // no run on the closing day nor the next (an outage): Wednesday's run acts on it, due Tuesday
        clock.set(at("2027-03-03", 8));
        sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), withCalendar, 200);
        assertEquals(List.of("aftercare_call_due@2027-03-03 created 2027-03-03"), tasksOf(id));
    }

    /**
     * The messages queued for every task, and the consultant's summary email of a day if there is one,
     * "channel:recipient@day".
     */
    private List<String> messagesSent(String... summaryDays) {
        List<dk.rampe.followup.OutboxMessage> all = new java.util.ArrayList<>();
        for (FollowUpTask t : tasks.tasks()) all.addAll(tasks.messagesOf(t.taskId()));
        for (String day : summaryDays) {
            outbox.find(dk.rampe.followup.Ids.messageId("overdueFromBefore|p1|c1|" + day)).ifPresent(all::add);
        }
        return all.stream()
                .map(m -> m.channel().wireName() + ":" + m.recipient() + "@" + LocalDate.ofInstant(m.notBefore(), CPH))
                .sorted().collect(Collectors.toList());
    }

    /** A participant referred, accepted and enrolled on the days given (recorded now, as when Rampe is taken into use). */
    private String enrolledSince(String cpr, String reference, String received, String decided, String started) {
        ReferralDetails d = new ReferralDetails("p1", reference,
                new Citizen(Cpr.stored(cpr), "Søren Østergård", PhoneNumber.parse("22 34 56 78").orElseThrow(), null),
                Benefit.KONTANTHJAELP, new Caseworker("Sag Behandler",
                EmailAddress.parse("sag@jobcenter.dk").orElseThrow(), null), List.of("lager"), "", "", "",
                List.of(), false, null);
        String id = referrals.submit(AARHUS, d, null, LocalDate.parse(received)).answer().referralId();
        referrals.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED, null, null, LocalDate.parse(decided));
        paths.statusChanged(referrals.enrol(KIM, id, LocalDate.parse(started)), MilestoneType.ENROLLED, KIM.id(), null);
        return id;
    }

    @Test
    void anInternshipFrom10MarchRecordedOnGoodFridayIsListedOnTheNextWorkingDayWithoutAnSms() {
        // the programme starts using Rampe on Good Friday 2026 (3 April) with a participant in an internship since 10 March
        clock.set(at("2026-04-03", 14));
        String id = enrolledSince("0101901234", "AAR-9", "2026-02-16", "2026-02-18", "2026-02-23");
        record(id, MilestoneType.INTERNSHIP_STARTED, "2026-03-10", null);
        sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), sweepRule, 200);
        // the workplace check was due 13 March: overdue before Rampe knew of it. Saturday, Easter Sunday and Monday: nothing
        sweepEveryMorningUntil("2026-04-06");
        assertEquals(List.of(), tasksOf(id));
        assertEquals(List.of(), messagesSent("2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06"));
        // Tuesday 7 April, the first working day: listed for the consultant, with one summary email and no SMS
        sweepEveryMorningUntil("2026-04-07");
        assertEquals(List.of("workplace_check_due@2026-03-13 created 2026-04-07"), tasksOf(id));
        assertEquals(List.of("email:kim@example.dk@2026-04-07"), messagesSent("2026-04-07"));
        // a second participant's overdue check the same day adds a task, not a second email
        clock.set(at("2026-04-07", 10));
        String other = enrolledSince("0202851234", "AAR-10", "2026-02-16", "2026-02-18", "2026-02-23");
        record(other, MilestoneType.INTERNSHIP_STARTED, "2026-03-02", null);
        clock.set(at("2026-04-07", 10));
        sweeper.run("aftercare", dueWork.index(PathService.DUE_KIND), sweepRule, 200);
        assertEquals(List.of("workplace_check_due@2026-03-05 created 2026-04-07"), tasksOf(other));
        assertEquals(List.of("email:kim@example.dk@2026-04-07"), messagesSent("2026-04-07"), "at most one summary email a day");
        // not closed: the project manager hears of it five working days after it was listed (14 April), not at once
        sweepEveryMorningUntil("2026-04-13");
        assertEquals(1, tasksOf(id).size());
        sweepEveryMorningUntil("2026-04-14");
        assertEquals(List.of("workplace_check_due@2026-03-13 created 2026-04-07",
                "pm:follow_up_overdue@2026-04-14 created 2026-04-14"), tasksOf(id));
    }

    @Test
    void aStepDatedInThePastPlansTheRemindersStillAheadAsUsual() {
        clock.set(at("2026-04-07", 9));
        String id = enrolledSince("0101901234", "AAR-11", "2026-01-05", "2026-01-07", "2026-01-12");
        // a job since 16 February: its aftercare call (16 May, a Saturday: Monday 18 May) is still ahead
        record(id, MilestoneType.JOB_STARTED, "2026-02-16", null);
        sweepEveryMorningUntil("2026-05-15");
        assertEquals(List.of(), tasksOf(id));
        sweepEveryMorningUntil("2026-05-18");
        assertEquals(List.of("aftercare_call_due@2026-05-18 created 2026-05-18"), tasksOf(id));
        assertTrue(messagesSent().stream().anyMatch(m -> m.startsWith("sms:") && m.endsWith("@2026-05-18")),
                "nudged as usual: " + messagesSent());
    }

    @Test
    void anInternshipIsToldToTheAttendanceRulesWithItsRecord() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-11-25", 9));
        paths.record(KIM, id, new PathService.NewMilestone(MilestoneType.INTERNSHIP_STARTED, LocalDate.parse("2026-11-25"),
                null, "Gartneri ApS", null, new BigDecimal("12"), LocalDate.parse("2026-12-18"), null, null));
        LocalDate from = LocalDate.parse("2026-11-01");
        LocalDate to = LocalDate.parse("2027-01-31");
        assertEquals(List.of(new dk.rampe.attendance.Internship(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-12-18"))),
                attendance.load(id, from, to).internships(), "to its expected end while no end is recorded");
        clock.set(at("2026-12-04", 15));
        paths.record(KIM, id, new PathService.NewMilestone(MilestoneType.INTERNSHIP_ENDED, LocalDate.parse("2026-12-04"),
                null, null, null, null, null, "for meget på én gang", null));
        assertEquals(List.of(new dk.rampe.attendance.Internship(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-12-04"))),
                attendance.load(id, from, to).internships(), "ended early: to the day it ended");
    }

    @Test
    void aJobEndedInJanuaryCancelsTheAftercareAndCreatesAJobEndedCall() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-11-30", 12));
        record(id, MilestoneType.JOB_STARTED, "2026-11-30", null);
        sweepEveryMorningUntil("2027-01-14");
        clock.set(at("2027-01-14", 15)); // Thursday
        record(id, MilestoneType.JOB_ENDED, "2027-01-13", null);
        sweepEveryMorningUntil("2027-12-31");
        // nudged the next morning, due two working days after it was recorded (Thu 14 → Mon 18); escalated five
        // working days after it was sent (Fri 15 → Fri 22)
        assertEquals(List.of("job_ended_call_due@2027-01-18 created 2027-01-15",
                "pm:follow_up_overdue@2027-01-22 created 2027-01-22"), tasksOf(id));
    }

    @Test
    void anExitIntoTheJobKeepsTheJobsRetentionCheckAndAddsTheSixMonthsAfterLeavingCheck() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-12-29", 12));
        record(id, MilestoneType.JOB_STARTED, "2026-12-29", null);
        clock.set(at("2027-03-26", 12));
        sweepEveryMorningUntil("2027-03-30");
        // 29 March 2027 + the aftercare date 29 March is Easter Monday: due on Tuesday 30 March
        assertEquals(List.of("aftercare_call_due@2027-03-30 created 2027-03-30"), tasksOf(id));
        closeAll(id); // done on the day: no escalation
        sweepEveryMorningUntil("2027-04-14");
        clock.set(at("2027-04-15", 11));
        Referral exited = referrals.exit(KIM, id, ExitOutcome.FLEXJOB, null);
        paths.statusChanged(exited, MilestoneType.EXITED, KIM.id(), ExitOutcome.FLEXJOB.wireName());
        sweepEveryMorningUntil("2028-06-30");
        // the path's records go with the referral's personal data, a year after the exit
        assertEquals(at("2028-04-14", 11), pathStore.expiresAt(id));
        // aftercare follows the job: its six-month check on Tuesday 29 June stays after the exit into it
        assertEquals(List.of("aftercare_call_due@2027-03-30 created 2027-03-30",
                "retention_check_due@2027-06-29 created 2027-06-29",
                "pm:follow_up_overdue@2027-07-06 created 2027-07-06",
                "outcome_check_due@2027-10-15 created 2027-10-15",
                "pm:follow_up_overdue@2027-10-22 created 2027-10-22"), tasksOf(id));
    }

    @Test
    void anExitIntoTheJobBeforeItsAftercareKeepsTheAftercareCall() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        String moved = enrolledParticipant("0202851234", "AAR-2");
        clock.set(at("2026-11-30", 12));
        record(id, MilestoneType.JOB_STARTED, "2026-11-30", null);
        record(moved, MilestoneType.JOB_STARTED, "2026-11-30", null);
        clock.set(at("2026-12-14", 11));
        for (var p : List.of(java.util.Map.entry(id, ExitOutcome.ORDINARY_JOB), java.util.Map.entry(moved, ExitOutcome.MOVED))) {
            Referral exited = referrals.exit(KIM, p.getKey(), p.getValue(), null);
            paths.statusChanged(exited, MilestoneType.EXITED, KIM.id(), p.getValue().wireName());
        }
        AftercarePlan plan = new AftercarePlan(calendar);
        // 30 November + 3 months = 28 February 2027, a Sunday: Monday 1 March; + 6 months = Monday 31 May
        assertEquals(List.of("AFTERCARE 2027-03-01", "RETENTION_CHECK 2027-05-31", "OUTCOME_CHECK 2027-06-14"),
                plan.plan(id, "p1", paths.path(id)).stream().map(r -> r.kind() + " " + r.notifyOn()).toList());
        // a participant who moved away is not followed in the job any more: only the check after leaving
        assertEquals(List.of("OUTCOME_CHECK 2027-06-14"),
                plan.plan(moved, "p1", paths.path(moved)).stream().map(r -> r.kind() + " " + r.notifyOn()).toList());
        sweepEveryMorningUntil("2027-03-01");
        assertEquals(List.of("aftercare_call_due@2027-03-01 created 2027-03-01"), tasksOf(id));
        assertEquals(List.of(), tasksOf(moved));
    }

    @Test
    void anExitIntoWorkWithNoJobRecordedCountsTheExitAsTheJobsStart() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        String education = enrolledParticipant("0202851234", "AAR-2");
        clock.set(at("2026-12-14", 11));
        Referral exited = referrals.exit(KIM, id, ExitOutcome.SOCIAL_ECONOMY_JOB, null);
        paths.statusChanged(exited, MilestoneType.EXITED, KIM.id(), ExitOutcome.SOCIAL_ECONOMY_JOB.wireName());
        Referral studies = referrals.exit(KIM, education, ExitOutcome.EDUCATION, null);
        paths.statusChanged(studies, MilestoneType.EXITED, KIM.id(), ExitOutcome.EDUCATION.wireName());
        AftercarePlan plan = new AftercarePlan(calendar);
        // 14 December + 3 months = 14 March 2027, a Sunday: Monday 15 March
        assertEquals(List.of("OUTCOME_CHECK 2027-06-14", "AFTERCARE 2027-03-15"),
                plan.plan(id, "p1", paths.path(id)).stream().map(r -> r.kind() + " " + r.notifyOn()).toList());
        assertEquals(List.of("OUTCOME_CHECK 2027-06-14"),
                plan.plan(education, "p1", paths.path(education)).stream().map(r -> r.kind() + " " + r.notifyOn()).toList());
    }

    @Test
    void aCorrectedStartDateMovesItsReminders() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-11-25", 12));
        Milestone first = record(id, MilestoneType.JOB_STARTED, "2026-11-23", null);
        clock.set(at("2026-11-30", 12));
        Milestone corrected = record(id, MilestoneType.JOB_STARTED, "2026-11-30", first.id());
        sweepEveryMorningUntil("2027-06-30");
        assertEquals(List.of("aftercare_call_due@2027-03-01 created 2027-03-01",
                "pm:follow_up_overdue@2027-03-08 created 2027-03-08",
                "retention_check_due@2027-05-31 created 2027-05-31",
                "pm:follow_up_overdue@2027-06-07 created 2027-06-07"), tasksOf(id));
        // the history keeps both records; as it stood on 26 November, the job started on 23 November
        Path path = paths.path(id);
        assertEquals(3, path.records().size());
        assertEquals(LocalDate.parse("2026-11-23"), path.asOf(at("2026-11-26", 12)).steps().get(1).current().effectiveOn());
        assertEquals(corrected.id(), path.steps().get(1).current().id());
        // a record corrected once is corrected through its latest record
        DomainException twice = assertThrows(DomainException.class,
                () -> record(id, MilestoneType.JOB_STARTED, "2026-11-27", first.id()));
        assertEquals("path.correctionTarget", twice.code());
    }

    @Test
    void anInternshipIsCheckedOnTheThirdWorkingDayPastEaster() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2027-03-24", 12)); // Wednesday before Easter
        record(id, MilestoneType.INTERNSHIP_STARTED, "2027-03-24", null);
        sweepEveryMorningUntil("2027-04-30");
        // not closed: the project manager hears of it on Thursday 8 April
        assertEquals(List.of("workplace_check_due@2027-04-01 created 2027-04-01",
                "pm:follow_up_overdue@2027-04-08 created 2027-04-08"), tasksOf(id));
    }

    @Test
    void dueDatesOnA31stAndOn29February() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        String other = enrolledParticipant("0202851234", "AAR-2");
        clock.set(at("2027-11-30", 12));
        record(id, MilestoneType.JOB_STARTED, "2027-11-30", null);
        AftercarePlan plan = new AftercarePlan(calendar);
        List<Reminder> reminders = plan.plan(id, "p1", paths.path(id));
        // 30 November + 3 months = 29 February 2028 (a Tuesday); + 6 months = 30 May 2028
        assertEquals(List.of("AFTERCARE 2028-02-29", "RETENTION_CHECK 2028-05-30"),
                reminders.stream().map(r -> r.kind() + " " + r.notifyOn()).toList());
        // a start on the 31st: 31 August 2027 + 6 months = 29 February 2028; + 3 months = 30 November
        record(other, MilestoneType.JOB_STARTED, "2027-08-31", null);
        assertEquals(List.of("AFTERCARE 2027-11-30", "RETENTION_CHECK 2028-02-29"),
                plan.plan(other, "p1", paths.path(other)).stream().map(r -> r.kind() + " " + r.notifyOn()).toList());
    }

    @Test
    void impossibleSequencesAreRefusedNamingTheRule() {
        String id = enrolledParticipant("0101901234", "AAR-1");
        clock.set(at("2026-12-01", 12));
        assertEquals("path.jobNotStarted", assertThrows(DomainException.class,
                () -> record(id, MilestoneType.JOB_ENDED, "2026-11-30", null)).code());
        assertEquals("path.internshipNotStarted", assertThrows(DomainException.class,
                () -> record(id, MilestoneType.INTERNSHIP_ENDED, "2026-11-30", null)).code());
        assertEquals("path.jobNotStarted", assertThrows(DomainException.class,
                () -> record(id, MilestoneType.HOURS_CHANGED, "2026-11-30", null)).code());
        ValidationException future = assertThrows(ValidationException.class,
                () -> record(id, MilestoneType.JOB_STARTED, "2026-12-02", null));
        assertEquals("date.range", future.errors().get(0).code());
        assertThrows(ValidationException.class, () -> record(id, MilestoneType.JOB_STARTED, "2026-08-31", null));
        record(id, MilestoneType.JOB_STARTED, "2026-11-30", null);
        assertEquals("path.jobOpen", assertThrows(DomainException.class,
                () -> record(id, MilestoneType.JOB_STARTED, "2026-12-01", null)).code());
        // a job that ends before it started
        assertEquals("path.jobNotStarted", assertThrows(DomainException.class,
                () -> record(id, MilestoneType.JOB_ENDED, "2026-11-29", null)).code());
        clock.set(at("2026-12-10", 12));
        Referral exited = referrals.exit(KIM, id, ExitOutcome.FLEXJOB, null);
        paths.statusChanged(exited, MilestoneType.EXITED, KIM.id(), "flexjob");
        clock.set(at("2026-12-10", 13));
        assertEquals("path.afterExit", assertThrows(DomainException.class,
                () -> record(id, MilestoneType.HOURS_CHANGED, "2026-12-10", null)).code());
        // a step before the exit can still be recorded late
        record(id, MilestoneType.HOURS_CHANGED, "2026-12-05", null);
        // another programme's staff member does not see the referral
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> paths.record(Caller.staff("stranger"), id, new PathService.NewMilestone(MilestoneType.HOURS_CHANGED,
                        LocalDate.parse("2026-12-05"), null, null, null, null, null, null, null))).kind());
    }

    @Test
    void aReminderNotClosedWithinFiveWorkingDaysGoesToTheProjectManager() {
        String open = enrolledParticipant("0101901234", "AAR-1");
        String closed = enrolledParticipant("0202851234", "AAR-2");
        clock.set(at("2026-11-30", 12));
        record(open, MilestoneType.JOB_STARTED, "2026-11-30", null);
        record(closed, MilestoneType.JOB_STARTED, "2026-11-30", null);
        sweepEveryMorningUntil("2027-03-03");
        FollowUpTask done = tasks.tasks().stream().filter(t -> t.referralId().equals(closed)).findFirst().orElseThrow();
        clock.set(at("2027-03-03", 12));
        nudges.record(done.taskId(), new dk.rampe.followup.FollowUpOutcome(true,
                dk.rampe.followup.FollowUpOutcome.Cause.fromWire("none").orElseThrow(),
                dk.rampe.followup.FollowUpOutcome.NextStep.fromWire("none").orElseThrow(), "Ringet til begge"), "c1");
        sweepEveryMorningUntil("2027-03-05");
        assertEquals(1, tasksOf(open).size(), "not before the fifth working day");
        sweepEveryMorningUntil("2027-04-30");
        // Monday 1 March + 5 working days = Monday 8 March
        assertEquals(List.of("aftercare_call_due@2027-03-01 created 2027-03-01",
                "pm:follow_up_overdue@2027-03-08 created 2027-03-08"), tasksOf(open));
        assertEquals(List.of("aftercare_call_due@2027-03-01 created 2027-03-01"), tasksOf(closed));
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
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
