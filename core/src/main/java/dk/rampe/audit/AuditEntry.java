package dk.rampe.audit;

import java.time.Instant;

/** Who did what to which record, when. Never the data itself. */
public record AuditEntry(String subject, String actor, String action, Instant at) {
}
