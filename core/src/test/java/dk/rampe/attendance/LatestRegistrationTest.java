package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.QuietHours;
import dk.rampe.followup.RecordingNotifier;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The day's latest registration decides its absence follow-up: a "present" registered ten seconds after the
 * 09:30 nudge closes the follow-up (by the registration, with who and when), so neither the consultant's
 * reminder nor the team lead's escalation goes at 11:31; a correction back to "absent" after the cutoff
 * opens one again, with its nudge and escalation.
 */
class LatestRegistrationTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private final AbsenceChainTest.Clock2 clock = new AbsenceChainTest.Clock2(AbsenceChainTest.at(MONDAY, 7, 0));
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemorySettingsStore settings = new InMemorySettingsStore(new Settings(List.of(
            new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                    List.of(new Settings.Partner("jc-aarhus", 50, "c1")),
                    List.of(new Settings.Consultant("c1", "Kim Konsulent", EmailAddress.parse("kim@example.dk").orElseThrow(),
                            PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA)),
                    List.of(), List.of(), dk.rampe.settings.ReportSettings.none(), null)), List.of()));
    private final InMemoryFollowUpStore tasks = new InMemoryFollowUpStore(audit);
    private final InMemoryOutbox outbox = new InMemoryOutbox(tasks);
    private final NudgeService nudges = new NudgeService(tasks, outbox, settings::current,
            new FollowUpTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), Duration.ofHours(72)),
            new NudgeTemplates(WorkingDays.ZONE), new QuietHours(WorkingDays.ZONE), clock, "https://rampe.example",
            Duration.ofHours(4));
    private final WorkingDays weekdays = (p, d) -> !WorkingDays.isWeekend(d);
    // dagpenge is reported at every unexcused absence here, so each absence makes a notice to the caseworker
    private final AttendanceRules rules = new AttendanceRules(Duration.ofMinutes(30), 2, 3, 10, Set.of(Benefit.DAGPENGE),
            Duration.ofHours(2), EmailAddress.parse("leder@example.dk").orElseThrow(), false);
    private final InMemoryAttendanceStore store = new InMemoryAttendanceStore();
    private final AbsenceChainTest.Referrals referrals = new AbsenceChainTest.Referrals();
    private final AbsenceDetection detection = new AbsenceDetection(referrals, store, null, weekdays, nudges,
            p -> rules, "https://rampe.example");
    private final AttendanceService service = new AttendanceService(store, weekdays, p -> rules, clock, audit)
            .afterRegistration((referral, registration) -> detection.registered(referral, registration, clock.instant()));
    private final Sweeper sweeper = new Sweeper(new InMemoryWatermarks(), clock);
    private final RecordingNotifier sent = new RecordingNotifier();
    private final OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, sent, clock,
            new OutboxDispatcher.Policy(3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(2)), new InMemoryWatermarks());

    private Referral enrolled() {
        ReferralDetails details = new ReferralDetails("p1", "JC-1", new Citizen(Cpr.stored("0101901234"), "A",
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "", "",
                List.of(), false, null);
        Instant t = clock.instant();
        Referral r = Referral.received("R0000000000A1", "jc-aarhus", details, "c1", false, t)
                .moveTo(ReferralStatus.ACCEPTED, t, "c1", null, null).moveTo(ReferralStatus.ENROLLED, t, "c1", null, null);
        referrals.byId.put(r.id(), r);
        service.putPlan(r, new AttendancePlan(MONDAY, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c1", t, false));
        return r;
    }

    private List<FollowUpTask> absenceTasks() {
        return tasks.tasks().stream().filter(t -> t.referralId().equals("R0000000000A1")).toList();
    }

    private List<String> sentUntil(Instant t) {
        clock.set(t);
        dispatcher.dispatchDue(100);
        return sent.sent().stream().map(OutboxMessage::dedupeKey).toList();
    }

    @Test
    void presentAfterTheNudgeClosesTheFollowUpAndStopsTheReminderAndTheEscalation() {
        Referral r = enrolled();
        clock.set(AbsenceChainTest.at(MONDAY, 9, 30));
        assertEquals(1, sweeper.run("absence", store.index(), detection, 200).count(AbsenceDetection.Outcome.NUDGED));
        int nudged = sentUntil(AbsenceChainTest.at(MONDAY, 9, 30)).size();
        assertEquals(2, nudged, "the consultant's email and SMS at the cutoff");

        clock.set(AbsenceChainTest.at(MONDAY, 9, 30).plusSeconds(10));
        service.register(r, MONDAY, Registration.Status.PRESENT, null, null, "c2");

        FollowUpTask task = absenceTasks().get(0);
        assertFalse(task.isOpen(), "closed by the registration");
        assertEquals("c2", task.closedBy());
        assertEquals(AbsenceChainTest.at(MONDAY, 9, 30).plusSeconds(10), task.closedAt());
        assertTrue(audit.entries().stream().anyMatch(e -> e.action().equals("followUp.closedByRegistration")
                && e.actor().equals("c2")), "audited as closed by the registration");

        List<String> later = sentUntil(AbsenceChainTest.at(MONDAY, 11, 31));
        assertEquals(nudged, later.size(), "no reminder and no team lead email for a participant who is there: " + later);
    }

    @Test
    void aCorrectionToAbsentAfterTheCutoffOpensTheFollowUp() {
        Referral r = enrolled();
        clock.set(AbsenceChainTest.at(MONDAY, 9, 10));
        service.register(r, MONDAY, Registration.Status.PRESENT, null, null, "c1");
        clock.set(AbsenceChainTest.at(MONDAY, 9, 31));
        assertEquals(1, sweeper.run("absence", store.index(), detection, 200).count(AbsenceDetection.Outcome.REGISTERED));
        assertTrue(absenceTasks().isEmpty(), "registered present: nothing to follow up");

        clock.set(AbsenceChainTest.at(MONDAY, 10, 0));
        service.register(r, MONDAY, Registration.Status.ABSENT, null, null, "c1");
        assertEquals(1, absenceTasks().size());
        assertTrue(absenceTasks().get(0).isOpen(), "the correction opens the day's follow-up");
        List<String> out = sentUntil(AbsenceChainTest.at(MONDAY, 10, 0));
        assertEquals(2, out.size(), "the consultant is nudged: " + out);
        // the team lead hears of it two working hours after the correction if it is still open
        assertEquals(2, sentUntil(AbsenceChainTest.at(MONDAY, 11, 59)).size());
        assertTrue(sentUntil(AbsenceChainTest.at(MONDAY, 12, 1)).stream().anyMatch(k -> k.contains("|" + AbsenceMessages.TEAM_LEAD + "|")),
                "escalated to the team lead");

        // present again: closed again; a further absent opens a second one for that correction
        service.register(r, MONDAY, Registration.Status.PRESENT, null, null, "c1");
        assertFalse(absenceTasks().get(0).isOpen());
        service.register(r, MONDAY, Registration.Status.ABSENT, null, null, "c1");
        assertEquals(1, absenceTasks().stream().filter(FollowUpTask::isOpen).count());
        assertEquals(2, absenceTasks().size());
    }

    @Test
    void aRegistrationBeforeTheCutoffLeavesTheDecisionToTheDetection() {
        Referral r = enrolled();
        clock.set(AbsenceChainTest.at(MONDAY, 8, 0));
        service.register(r, MONDAY, Registration.Status.PRESENT, null, null, "c1");
        service.register(r, MONDAY, Registration.Status.ABSENT, null, null, "c1");
        assertTrue(absenceTasks().isEmpty(), "before the cutoff: nothing opened");
        clock.set(AbsenceChainTest.at(MONDAY, 9, 31));
        assertEquals(1, sweeper.run("absence", store.index(), detection, 200).count(AbsenceDetection.Outcome.REGISTERED));
        assertTrue(absenceTasks().isEmpty(), "an absence registered by staff is not nudged");
    }

    private List<String> correctionEmails() {
        return store.emails.stream().map(OutboxMessage::dedupeKey).filter(k -> k.contains("|corrected|")).toList();
    }

    @Test
    void theNoticeFollowsTheLatestRegistrationAndEachCorrectionOfAStandingNoticeIsEmailedOnce() {
        Referral r = enrolled();
        clock.set(AbsenceChainTest.at(MONDAY, 9, 30));
        sweeper.run("absence", store.index(), detection, 200);
        assertEquals(1, store.notices(r.id()).size(), "the detected absence reached the caseworker");
        assertFalse(store.notices(r.id()).get(0).corrected());

        clock.set(AbsenceChainTest.at(MONDAY, 9, 45));
        Registration excused = service.register(r, MONDAY, Registration.Status.EXCUSED, null, Registration.Reason.SICK, "c2");
        Notice n = store.notices(r.id()).get(0);
        assertEquals(new Notice.Correction(Registration.Status.EXCUSED, excused.id(), "c2",
                AbsenceChainTest.at(MONDAY, 9, 45)), n.correction());
        assertEquals(List.of("notice|" + n.id() + "|corrected|" + excused.id() + "|email"), correctionEmails());
        OutboxMessage email = store.emails.get(store.emails.size() - 1);
        assertEquals("b@jobcenter.example", email.recipient());
        assertFalse((email.subject() + email.text() + email.html()).matches("(?s).*([Ss]yg|sick|dagpenge|0101).*"),
                "neutral: " + email.text());

        // still corrected (now "present"): shown, not emailed again
        clock.set(AbsenceChainTest.at(MONDAY, 10, 0));
        Registration present = service.register(r, MONDAY, Registration.Status.PRESENT, null, null, "c1");
        assertEquals(present.id(), store.notices(r.id()).get(0).correction().registrationId());
        assertEquals(1, correctionEmails().size());

        // absent again: the notice stands; excused once more: a new correction, one more email
        clock.set(AbsenceChainTest.at(MONDAY, 10, 15));
        service.register(r, MONDAY, Registration.Status.ABSENT, null, null, "c1");
        assertFalse(store.notices(r.id()).get(0).corrected(), "stands again");
        clock.set(AbsenceChainTest.at(MONDAY, 10, 30));
        service.register(r, MONDAY, Registration.Status.EXCUSED, null, Registration.Reason.APPOINTMENT, "c1");
        assertTrue(store.notices(r.id()).get(0).corrected());
        assertEquals(2, correctionEmails().size());
        assertEquals(1, store.notices(r.id()).size(), "one notice for the day throughout");
    }
}
