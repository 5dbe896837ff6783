package dk.rampe.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path store in memory, for rule tests: a record and its changes are written together to the given due
 * work and attendance store (either may be null when a test does not need it).
 */
public final class InMemoryPathStore implements PathStore {
    private final Map<String, Milestone> byId = new LinkedHashMap<>();
    private final dk.rampe.schedule.DueWork dueWork;
    private final dk.rampe.attendance.AttendanceStore attendance;

    public InMemoryPathStore() {
        this(null, null);
    }

    public InMemoryPathStore(dk.rampe.schedule.DueWork dueWork, dk.rampe.attendance.AttendanceStore attendance) {
        this.dueWork = dueWork;
        this.attendance = attendance;
    }

    private final Map<String, Long> revisions = new LinkedHashMap<>();

    @Override
    public synchronized long revision(String referralId) {
        return revisions.getOrDefault(referralId, 0L);
    }

    @Override
    public synchronized Outcome record(Milestone milestone, Changes changes, long expected) {
        if (byId.containsKey(milestone.id())) return Outcome.DUPLICATE;
        if (revision(milestone.referralId()) != expected) return Outcome.STALE;
        return record(milestone, changes) ? Outcome.RECORDED : Outcome.DUPLICATE;
    }

    @Override
    public synchronized boolean record(Milestone milestone, Changes changes) {
        if (byId.containsKey(milestone.id())) return false;
        byId.put(milestone.id(), milestone);
        revisions.merge(milestone.referralId(), 1L, Long::sum);
        if (dueWork != null) {
            for (Scheduled s : changes.schedule()) dueWork.schedule(PathService.DUE_KIND, s.id(), s.dueAt(), s.work());
            for (String id : changes.cancel()) dueWork.done(PathService.DUE_KIND, id, milestone.recordedAt());
        }
        if (attendance != null && changes.internships() != null) {
            attendance.recordInternships(milestone.referralId(), changes.internships());
        }
        return true;
    }
    private final Map<String, ExitDescription.ConsultantText> exitTexts = new LinkedHashMap<>();

    private final Map<String, java.time.Instant> expiresAt = new LinkedHashMap<>();

    @Override
    public synchronized void expireAll(String referralId, java.time.Instant at) {
        expiresAt.put(referralId, at);
    }

    /** When the referral's records expire (null: not set). */
    public synchronized java.time.Instant expiresAt(String referralId) {
        return expiresAt.get(referralId);
    }

    @Override
    public synchronized void saveExitText(String referralId, ExitDescription.ConsultantText text) {
        exitTexts.put(referralId, text);
    }

    @Override
    public synchronized java.util.Optional<ExitDescription.ConsultantText> exitText(String referralId) {
        return java.util.Optional.ofNullable(exitTexts.get(referralId));
    }

    @Override
    public synchronized List<Milestone> milestones(String referralId) {
        return new ArrayList<>(byId.values().stream().filter(m -> m.referralId().equals(referralId)).toList());
    }

    @Override
    public synchronized boolean add(Milestone milestone) {
        return byId.putIfAbsent(milestone.id(), milestone) == null;
    }
}
