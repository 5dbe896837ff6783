package dk.rampe.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The path store in memory, for rule tests. */
public final class InMemoryPathStore implements PathStore {
    private final Map<String, Milestone> byId = new LinkedHashMap<>();
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
