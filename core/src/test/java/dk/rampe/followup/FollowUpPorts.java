package dk.rampe.followup;

/** A follow-up store and the outbox over the same data, fresh and empty, for one contract test. */
public record FollowUpPorts(FollowUpStore store, Outbox outbox) {
}
