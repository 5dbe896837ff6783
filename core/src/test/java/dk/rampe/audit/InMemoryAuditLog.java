package dk.rampe.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The audit log as a list (tests): what was recorded, in order. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** Actions recorded for {@code subject}, oldest first. */
    public List<String> actions(String subject) {
        return entries.stream().filter(e -> e.subject().equals(subject)).map(AuditEntry::action).toList();
    }
}
