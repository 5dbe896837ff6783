package dk.rampe.path;

import dk.rampe.attendance.Internship;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: the recorded milestones of referrals. Records are only ever added, never changed. */
public interface PathStore {

    /** Every record of the referral's path (corrections included), in any order. */
    List<Milestone> milestones(String referralId);

    /** Adds the record unless a record with its id exists: false then (a repeated decision). */
    boolean add(Milestone milestone);

    /** A reminder put on the due index (kind {@link PathService#DUE_KIND}), or moved there if it is not done yet. */
    record Scheduled(String id, Instant dueAt, Map<String, String> work) {
    }

    /**
     * What a record changes besides itself, written with it: reminders scheduled or moved (a reminder already
     * done stays done), reminders cancelled (taken off the due index), and the participant's internships for
     * the attendance rules (null: unchanged).
     */
    record Changes(List<Scheduled> schedule, List<String> cancel, List<Internship> internships) {
        public static final Changes NONE = new Changes(List.of(), List.of(), null);

        public Changes {
            schedule = List.copyOf(schedule);
            cancel = List.copyOf(cancel);
            internships = internships == null ? null : List.copyOf(internships);
        }

        public boolean isEmpty() {
            return schedule.isEmpty() && cancel.isEmpty() && internships == null;
        }
    }

    /**
     * Adds the record and its {@code changes} in ONE write: the reminders on the due index are always what the
     * path calls for, so the aftercare sweep acts on a due reminder without reading the path again. False, and
     * nothing written, if a record with its id exists (a repeated decision).
     */
    boolean record(Milestone milestone, Changes changes);

    /** Personal data is deleted a set time after exit: the referral's records and exit text expire at {@code at}. */
    void expireAll(String referralId, java.time.Instant at);

    /** Keeps the consultant's text for the exit description (the last one given counts). */
    void saveExitText(String referralId, ExitDescription.ConsultantText text);

    /** The consultant's text for the exit description, if any was given. */
    java.util.Optional<ExitDescription.ConsultantText> exitText(String referralId);
}
