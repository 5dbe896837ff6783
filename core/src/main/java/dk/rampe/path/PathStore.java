package dk.rampe.path;

import java.util.List;

/** Port: the recorded milestones of referrals. Records are only ever added, never changed. */
public interface PathStore {

    /** Every record of the referral's path (corrections included), in any order. */
    List<Milestone> milestones(String referralId);

    /** Adds the record unless a record with its id exists: false then (a repeated decision). */
    boolean add(Milestone milestone);

    /** Personal data is deleted a set time after exit: the referral's records and exit text expire at {@code at}. */
    void expireAll(String referralId, java.time.Instant at);

    /** Keeps the consultant's text for the exit description (the last one given counts). */
    void saveExitText(String referralId, ExitDescription.ConsultantText text);

    /** The consultant's text for the exit description, if any was given. */
    java.util.Optional<ExitDescription.ConsultantText> exitText(String referralId);
}
