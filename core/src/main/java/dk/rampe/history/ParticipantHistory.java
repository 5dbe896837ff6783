package dk.rampe.history;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.plan.Plan;
import dk.rampe.referral.Referral;
import dk.rampe.referral.StatusChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A participant's history: who changed what, when, assembled from what is recorded (the audit table is
 * not read: functions may only write to it). Which events, in which order, by whom; the pages only
 * put them into words.
 *
 * <p>The staff's timeline ({@link #of}), newest first: the status changes (received, visitation,
 * enrolment, exit), the path's records (corrections marked; enrolment and exit are said by the status),
 * the plan's versions, the attendance as read (plans, agreements, registrations, a later registration of
 * the same day being a correction), the notices to the caseworker and their corrections, and the
 * follow-ups planned and closed. Of events that share an instant, the one listed later comes first.
 *
 * <p>The referring caseworker's history ({@link #forCaseworker}) is the status changes only, oldest
 * first: the path, the plan, the attendance and the notices stand in their own parts of that page.
 */
public final class ParticipantHistory {
    /** Who did what the system did: a detected absence, a notice sent ("Rampe" on a page). */
    public static final String RAMPE = "system";

    private ParticipantHistory() {
    }

    /**
     * One event. {@link #by()} is the user id as recorded, {@link #RAMPE} for the system (also where a
     * change records no one), or null where the record does not say who (a follow-up's planner is in the
     * audit log, not on the task). {@link #what()} names the kind of event, stable for pages and tests.
     */
    public sealed interface Event {
        Instant at();

        String by();

        String what();
    }

    /** The referral's status changed (received, accepted or declined at visitation, enrolled, exited). */
    public record StatusChanged(StatusChange change) implements Event {
        public Instant at() { return change.at(); }
        public String by() { return orRampe(change.actor()); }
        public String what() { return "status"; }
    }

    /** A step of the path was recorded, or a recorded one corrected. */
    public record StepRecorded(Milestone milestone) implements Event {
        public Instant at() { return milestone.recordedAt(); }
        public String by() { return orRampe(milestone.recordedBy()); }
        public boolean correction() { return milestone.corrects() != null; }
        public String what() { return correction() ? "correction" : "milestone"; }
    }

    /** A version of the plan was saved. */
    public record PlanSaved(Plan.Change change) implements Event {
        public Instant at() { return change.at(); }
        public String by() { return orRampe(change.by()); }
        public String what() { return "plan"; }
    }

    /** An attendance plan (the weekly sessions from a date) was recorded. */
    public record AttendancePlanned(AttendancePlan plan) implements Event {
        public Instant at() { return plan.recordedAt(); }
        public String by() { return orRampe(plan.recordedBy()); }
        public String what() { return "attendance-plan"; }
    }

    /** An agreement for one day was recorded. */
    public record AgreementMade(Agreement agreement) implements Event {
        public Instant at() { return agreement.recordedAt(); }
        public String by() { return orRampe(agreement.recordedBy()); }
        public String what() { return "attendance-agreement"; }
    }

    /** A day's attendance was registered; a later registration of the same day corrects it. */
    public record Registered(Registration registration, boolean correction) implements Event {
        public Instant at() { return registration.recordedAt(); }
        public String by() { return registration.detected() ? RAMPE : orRampe(registration.recordedBy()); }
        public String what() { return correction ? "attendance-correction" : "attendance"; }
    }

    /** The caseworker was sent a notice about a day's attendance. */
    public record NoticeSent(Notice notice) implements Event {
        public Instant at() { return notice.createdAt(); }
        public String by() { return RAMPE; }
        public String what() { return "notice"; }
    }

    /** A notice's day was corrected by a later registration, and the caseworker told. */
    public record NoticeCorrected(Notice notice) implements Event {
        public Instant at() { return notice.correction().correctedAt(); }
        public String by() { return orRampe(notice.correction().correctedBy()); }
        public String what() { return "notice-corrected"; }
    }

    /** A follow-up was planned (by hand or by a rule: who is in the audit log, not on the task). */
    public record FollowUpPlanned(FollowUpTask task) implements Event {
        public Instant at() { return task.createdAt(); }
        public String by() { return null; }
        public String what() { return "follow-up"; }
    }

    /** A follow-up was closed. */
    public record FollowUpClosed(FollowUpTask task) implements Event {
        public Instant at() { return task.closedAt(); }
        public String by() { return orRampe(task.closedBy()); }
        public String what() { return "follow-up-closed"; }
    }

    /**
     * The staff's timeline, newest first, from the referral, its path, plan, the attendance read for the
     * page, the notices and the follow-ups (open and closed).
     */
    public static List<Event> of(Referral referral, Path path, Plan plan, Attendance attendance, List<Notice> notices,
                                 List<FollowUpTask> tasks) {
        List<Event> events = new ArrayList<>();
        for (StatusChange h : referral.history()) events.add(new StatusChanged(h));
        for (Milestone m : path.records()) {
            if (m.type() == MilestoneType.ENROLLED || m.type() == MilestoneType.EXITED) continue; // the status says it
            events.add(new StepRecorded(m));
        }
        for (Plan.Change c : plan.changes()) events.add(new PlanSaved(c));
        for (AttendancePlan ap : attendance.plans()) {
            if (ap.recordedAt() != null) events.add(new AttendancePlanned(ap));
        }
        for (Agreement ag : attendance.agreements()) events.add(new AgreementMade(ag));
        Set<LocalDate> seen = new HashSet<>();
        List<Registration> registrations = new ArrayList<>(attendance.registrations());
        registrations.sort(Comparator.comparing(Registration::recordedAt).thenComparing(Registration::id));
        for (Registration g : registrations) events.add(new Registered(g, !seen.add(g.date())));
        for (Notice n : notices) {
            events.add(new NoticeSent(n));
            if (n.corrected()) events.add(new NoticeCorrected(n));
        }
        for (FollowUpTask t : tasks) {
            events.add(new FollowUpPlanned(t));
            if (!t.isOpen()) events.add(new FollowUpClosed(t));
        }
        // newest first; of what shares an instant, the one listed later first (each source lists oldest first)
        Collections.reverse(events);
        events.sort(Comparator.comparing(Event::at).reversed());
        return List.copyOf(events);
    }

    /** The referring caseworker's history: the referral's status changes, oldest first. */
    public static List<StatusChanged> forCaseworker(Referral referral) {
        return referral.history().stream().map(StatusChanged::new).toList();
    }

    private static String orRampe(String actor) {
        return actor == null || actor.isBlank() ? RAMPE : actor;
    }
}
