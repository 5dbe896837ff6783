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
        return received(id, jobcentreId, details, consultantId, overQuota, at, at);
    }

    /**
     * A referral received at {@code at} (its {@code createdAt}: the day the jobcentre sent it, which may lie before
     * Rampe was used) and recorded at {@code recordedAt}.
     */
    public static Referral received(String id, String jobcentreId, ReferralDetails details, String consultantId,
                                    boolean overQuota, Instant at, Instant recordedAt) {
        return new Referral(id, jobcentreId, details, consultantId, ReferralStatus.RECEIVED, overQuota,
                List.of(new StatusChange(ReferralStatus.RECEIVED, at, jobcentreId, null, null, null, recordedAt)), at, 1);
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
        return moveTo(next, at, at, actor, reason, outcome, reasonCode);
    }

    /** As {@link #moveTo(ReferralStatus, Instant, String, String, String, String)}, taking effect at {@code at} and recorded at {@code recordedAt}. */
    public Referral moveTo(ReferralStatus next, Instant at, Instant recordedAt, String actor, String reason,
                           String outcome, String reasonCode) {
        if (!status.next().contains(next)) {
            throw DomainException.conflict("status.transition", "status", status.wireName(), next.wireName());
        }
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(next, at, actor, reason, outcome, reasonCode, recordedAt));
        return new Referral(id, jobcentreId, details, consultantId, next, overQuota, h, createdAt, version + 1);
    }

    public Referral withConsultant(String newConsultantId) {
        return new Referral(id, jobcentreId, details, newConsultantId, status, overQuota, history, createdAt, version + 1);
    }

    /** When the referral was recorded in Rampe (later than {@link #createdAt} for a referral dated in the past). */
    public Instant recordedAt() {
        return history.isEmpty() ? createdAt : history.get(0).recordedAt();
    }

    /** Received and recorded before {@code t}. */
    public boolean knownBefore(Instant t) {
        return createdAt.isBefore(t) && recordedAt().isBefore(t);
    }

    @Override
    public String toString() {
        return "Referral[id=" + id + ", status=" + status + ", version=" + version + "]";
    }

    /**
     * The referral with only the status changes known before {@code at}: that took effect and were recorded before
     * it (its other fields as they are). A step recorded late is not in a month it was not known in.
     */
    public Referral asOf(Instant at) {
        return new Referral(id, jobcentreId, details, consultantId, status, overQuota,
                history.stream().filter(c -> c.knownBefore(at)).toList(), createdAt, version);
    }

    /** When the referral last moved to {@code to}, or null if it never did. */
    public Instant lastChangeTo(ReferralStatus to) {
        Instant at = null;
        for (StatusChange c : history) if (c.status() == to) at = c.at();
        return at;
    }
}
