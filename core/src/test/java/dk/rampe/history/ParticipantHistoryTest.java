package dk.rampe.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.history.ParticipantHistory.Event;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.plan.Plan;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The participant's history from records in memory: which events, in which order, by whom. */
class ParticipantHistoryTest {
    static final String R = "R1";

    static Instant at(String s) {
        return Instant.parse("2026-11-" + s + "Z");
    }

    static Referral referral(StatusChange... changes) {
        return new Referral(R, "jc-aarhus", null, "c-anna", changes[changes.length - 1].status(), false,
                List.of(changes), changes[0].at(), changes.length);
    }

    static Milestone milestone(String id, MilestoneType type, String recordedAt, String corrects) {
        return new Milestone(id, R, type, LocalDate.parse("2026-11-20"), "c-anna", at(recordedAt), corrects,
                null, null, null, null, null, null);
    }

    static Registration registration(String id, String date, Registration.Status status, String by, String at,
                                     boolean detected) {
        return new Registration(id, LocalDate.parse(date), status, null, null, by, at(at), detected, false);
    }

    static FollowUpTask task(String id, String created, String closed) {
        return new FollowUpTask(id, FollowUpKind.ABSENCE_TODAY, R, "c-anna", "p1", at("24T09:00:00"),
                closed == null ? FollowUpTask.Status.OPEN : FollowUpTask.Status.CLOSED,
                closed == null ? null : new FollowUpOutcome(true, FollowUpOutcome.Cause.ILLNESS,
                        FollowUpOutcome.NextStep.NONE, "", null),
                at(created), closed == null ? null : at(closed), closed == null ? null : "c-bo");
    }

    static Referral exitedReferral() {
        return referral(
                new StatusChange(ReferralStatus.RECEIVED, at("02T08:00:00"), "jc-aarhus", null, null),
                new StatusChange(ReferralStatus.ACCEPTED, at("05T10:00:00"), "c-anna", null, null),
                new StatusChange(ReferralStatus.ENROLLED, at("09T09:00:00"), "c-anna", null, null),
                new StatusChange(ReferralStatus.EXITED, at("30T15:00:00"), null, "Fik job", "job"));
    }

    static List<Event> history() {
        Path path = new Path(List.of(
                milestone("M0", MilestoneType.ENROLLED, "09T09:00:00", null),
                milestone("M1", MilestoneType.INTERNSHIP_STARTED, "16T12:00:00", null),
                milestone("M2", MilestoneType.INTERNSHIP_STARTED, "17T12:00:00", "M1"),
                milestone("M9", MilestoneType.EXITED, "30T15:00:00", null)));
        Plan plan = new Plan(R, List.of(), "", "", List.of(), 1, List.of(new Plan.Change(at("10T11:00:00"), "c-anna", 1)));
        Attendance attendance = new Attendance(R,
                List.of(new AttendancePlan(LocalDate.parse("2026-11-10"), Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                                240, "c-anna", at("10T11:30:00"), false),
                        new AttendancePlan(LocalDate.parse("2026-11-01"), Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                                240, "c-anna", null, false)),
                List.of(new Agreement(LocalDate.parse("2026-11-18"), true, null, null, "c-anna", at("12T08:00:00"))),
                List.of(registration("G2", "2026-11-16", Registration.Status.PRESENT, "c-bo", "16T13:00:00", false),
                        registration("G1", "2026-11-16", Registration.Status.ABSENT, null, "16T11:00:00", true)),
                false);
        Notice notice = new Notice("N1", R, "jc-aarhus", LocalDate.parse("2026-11-16"),
                List.of(Notice.Reason.UNEXCUSED_ABSENCE), at("16T11:05:00"),
                new Notice.Correction(Registration.Status.PRESENT, "G2", "c-bo", at("16T13:00:00")));
        List<FollowUpTask> tasks = List.of(task("T1", "16T11:00:00", "16T14:00:00"), task("T2", "20T08:00:00", null));
        return ParticipantHistory.of(exitedReferral(), path, plan, attendance, List.of(notice), tasks);
    }

    /** "what when by", the time as day and clock of November 2026 (UTC). */
    static String line(Event e) {
        return e.what() + " " + e.at().toString().substring(8, 16) + " " + e.by();
    }

    @Test
    void everyKindOfRecordIsAnEventNewestFirstWithWhoDidIt() {
        assertEquals(List.of(
                "status 30T15:00 system",              // the exit, its actor not recorded: Rampe
                "follow-up 20T08:00 null",             // who planned a follow-up is not on the task
                "correction 17T12:00 c-anna",          // the internship's start corrected
                "follow-up-closed 16T14:00 c-bo",
                "notice-corrected 16T13:00 c-bo",      // shares its instant with the registration that corrected
                "attendance-correction 16T13:00 c-bo", //   the day: listed later, so shown first
                "milestone 16T12:00 c-anna",
                "notice 16T11:05 system",
                "follow-up 16T11:00 null",
                "attendance 16T11:00 system",          // the detected absence, the first registration of the day
                "attendance-agreement 12T08:00 c-anna",
                "attendance-plan 10T11:30 c-anna",     // a plan step without a record time (imported) is no event
                "plan 10T11:00 c-anna",
                "status 09T09:00 c-anna",              // enrolment: the status, not the path's record of it
                "status 05T10:00 c-anna",
                "status 02T08:00 jc-aarhus"),
                history().stream().map(ParticipantHistoryTest::line).toList());
    }

    @Test
    void eachEventCarriesTheRecordItComesFrom() {
        List<Event> events = history();
        ParticipantHistory.StatusChanged exit = (ParticipantHistory.StatusChanged) events.get(0);
        assertEquals(ReferralStatus.EXITED, exit.change().status());
        assertEquals("job", exit.change().outcome());
        ParticipantHistory.StepRecorded corrected = (ParticipantHistory.StepRecorded) events.get(2);
        assertTrue(corrected.correction());
        assertEquals("M1", corrected.milestone().corrects());
        ParticipantHistory.Registered correction = (ParticipantHistory.Registered) events.get(5);
        assertTrue(correction.correction());
        assertEquals(Registration.Status.PRESENT, correction.registration().status());
        assertNull(((ParticipantHistory.FollowUpPlanned) events.get(1)).by());
    }

    @Test
    void nothingRecordedButTheReferralIsItsReceipt() {
        Referral r = referral(new StatusChange(ReferralStatus.RECEIVED, at("02T08:00:00"), "jc-aarhus", null, null));
        List<Event> events = ParticipantHistory.of(r, new Path(List.of()),
                new Plan(R, List.of(), "", "", List.of(), 0, List.of()), Attendance.empty(R), List.of(), List.of());
        assertEquals(List.of("status 02T08:00 jc-aarhus"), events.stream().map(ParticipantHistoryTest::line).toList());
    }

    @Test
    void theCaseworkerSeesTheStatusChangesOldestFirst() {
        assertEquals(List.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.ENROLLED, ReferralStatus.EXITED),
                ParticipantHistory.forCaseworker(exitedReferral()).stream().map(e -> e.change().status()).toList());
    }
}
