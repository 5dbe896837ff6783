package dk.rampe.audit;

/** The audit trail of every read and change of personal data. Changes are audited inside their own write. */
public interface AuditLog {
    void record(AuditEntry entry);
}
