package dk.rampe.referral;

import dk.rampe.core.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A referral and the participant's path through the programme. Each change returns a new
 * referral with the next version; the store writes it only if nobody changed it meanwhile.
 */
public record Referral(
        String id,
        String jobcentreId,
        ReferralDetails details,
        String consultantId,
        ReferralStatus status,
        boolean overQuota,
        List<StatusChange> history,
        Instant createdAt,
        long version) {

    public Referral {
        history = List.copyOf(history);
    }

    public static Referral received(String id, String jobcentreId, ReferralDetails details, String consultantId,
                                    boolean overQuota, Instant at) {
        return new Referral(id, jobcentreId, details, consultantId, ReferralStatus.RECEIVED, overQuota,
                List.of(new StatusChange(ReferralStatus.RECEIVED, at, jobcentreId, null, null)), at, 1);
    }

    public String programmeId() {
        return details.programmeId();
    }

    /** Moves to the next status, or refuses with a conflict naming the current status. */
    public Referral moveTo(ReferralStatus next, Instant at, String actor, String reason, String outcome) {
        return moveTo(next, at, actor, reason, outcome, null);
    }

    /** As {@link #moveTo(ReferralStatus, Instant, String, String, String)}, with a decline's reason code. */
    public Referral moveTo(ReferralStatus next, Instant at, String actor, String reason, String outcome,
                           String reasonCode) {
        if (!status.next().contains(next)) {
            throw DomainException.conflict("status.transition", "status", status.wireName(), next.wireName());
        }
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(next, at, actor, reason, outcome, reasonCode));
        return new Referral(id, jobcentreId, details, consultantId, next, overQuota, h, createdAt, version + 1);
    }

    public Referral withConsultant(String newConsultantId) {
        return new Referral(id, jobcentreId, details, newConsultantId, status, overQuota, history, createdAt, version + 1);
    }

    @Override
    public String toString() {
        return "Referral[id=" + id + ", status=" + status + ", version=" + version + "]";
    }

    /** The referral with only the status changes that happened before {@code at} (its other fields as they are). */
    public Referral asOf(Instant at) {
        return new Referral(id, jobcentreId, details, consultantId, status, overQuota,
                history.stream().filter(c -> c.at().isBefore(at)).toList(), createdAt, version);
    }

    /** When the referral last moved to {@code to}, or null if it never did. */
    public Instant lastChangeTo(ReferralStatus to) {
        Instant at = null;
        for (StatusChange c : history) if (c.status() == to) at = c.at();
        return at;
    }
}
