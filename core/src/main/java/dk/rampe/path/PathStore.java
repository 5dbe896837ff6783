package dk.rampe.path;

import java.util.List;

/** Port: the recorded milestones of referrals. Records are only ever added, never changed. */
public interface PathStore {

    /** Every record of the referral's path (corrections included), in any order. */
    List<Milestone> milestones(String referralId);

    /** Adds the record unless a record with its id exists: false then (a repeated decision). */
    boolean add(Milestone milestone);

    /** Keeps the consultant's text for the exit description (the last one given counts). */
    void saveExitText(String referralId, ExitDescription.ConsultantText text);

    /** The consultant's text for the exit description, if any was given. */
    java.util.Optional<ExitDescription.ConsultantText> exitText(String referralId);
}
