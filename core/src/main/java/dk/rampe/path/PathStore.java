package dk.rampe.path;

import dk.rampe.attendance.Internship;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: the recorded milestones of referrals. Records are only ever added, never changed. */
public interface PathStore {

    /** Every record of the referral's path (corrections included), in any order. */
    List<Milestone> milestones(String referralId);

    /**
     * Adds the record unless a record with its id exists: false then (a repeated decision). No rules and no
     * revision: for seeds and tests.
     */
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

    /** What a write under the path's revision came to. */
    enum Outcome {
        /** Written, with its changes, and the revision moved on. */
        RECORDED,
        /** A record with its id exists already (a repeated decision): nothing written. */
        DUPLICATE,
        /** The path was written by someone else since its revision was read: nothing written; read again. */
        STALE
    }

    /**
     * The path's revision: how many records have been written to it (0: none). Read it BEFORE the records
     * ({@link #milestones}); a write under it ({@link #record(Milestone, Changes, long)}) then succeeds only if
     * no record came in between, so what the rules were checked on is what the record is added to.
     */
    long revision(String referralId);

    /**
     * {@link #record(Milestone, Changes)} on the condition that the path's revision is still {@code expected}
     * (moved on by one in the same write).
     */
    Outcome record(Milestone milestone, Changes changes, long expected);

    /** Personal data is deleted a set time after exit: the referral's records and exit text expire at {@code at}. */
    void expireAll(String referralId, java.time.Instant at);

    /** Keeps the consultant's text for the exit description (the last one given counts). */
    void saveExitText(String referralId, ExitDescription.ConsultantText text);

    /** The consultant's text for the exit description, if any was given. */
    java.util.Optional<ExitDescription.ConsultantText> exitText(String referralId);
}
