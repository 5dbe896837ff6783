package dk.rampe.attendance;

import dk.rampe.followup.OutboxMessage;
import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueIndex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * In-memory {@link AttendanceStore} for rule tests; keeps the emails it was given in {@link #emails} and
 * offers its chains as a due index ({@link #index()}), as the due index of kind absence holds them.
 */
public final class InMemoryAttendanceStore implements AttendanceStore {
    private final Map<String, TreeMap<LocalDate, AttendancePlan>> plans = new HashMap<>();
    private final Map<String, List<Agreement>> agreements = new HashMap<>();
    private final Map<String, Map<String, Registration>> registrations = new HashMap<>();
    private final Map<String, Map<String, Notice>> notices = new HashMap<>();
    private final Map<String, List<Internship>> internships = new HashMap<>();
    private final Map<String, SessionChain> chains = new HashMap<>();
    private final Set<String> flagged = ConcurrentHashMap.newKeySet();
    public final List<OutboxMessage> emails = new ArrayList<>();

    @Override
    public synchronized void putPlan(String referralId, AttendancePlan plan) {
        plans.computeIfAbsent(referralId, k -> new TreeMap<>()).put(plan.validFrom(), plan);
        touch(referralId, c -> c.with(plan));
    }

    @Override
    public synchronized void addAgreement(String referralId, Agreement agreement) {
        agreements.computeIfAbsent(referralId, k -> new ArrayList<>()).add(agreement);
        touch(referralId, c -> c.with(agreement));
    }

    @Override
    public synchronized boolean addRegistration(String referralId, Registration registration) {
        boolean added = registrations.computeIfAbsent(referralId, k -> new LinkedHashMap<>())
                .putIfAbsent(registration.id(), registration) == null;
        if (added) touch(referralId, c -> c.with(registration));
        return added;
    }

    @Override
    public synchronized boolean addRegistration(String referralId, Registration registration, long expected) {
        SessionChain stored = chains.get(referralId);
        if ((stored == null ? 0 : stored.revision()) != expected) return false;
        return addRegistration(referralId, registration);
    }

    private void touch(String referralId, UnaryOperator<SessionChain> change) {
        chains.put(referralId, SessionChain.afterWrite(referralId, Optional.ofNullable(chains.get(referralId)), change));
    }

    @Override
    public synchronized Attendance load(String referralId, LocalDate from, LocalDate to) {
        List<Agreement> ag = agreements.getOrDefault(referralId, List.of()).stream()
                .filter(a -> !a.date().isBefore(from) && !a.date().isAfter(to)).toList();
        List<Registration> reg = registrations.getOrDefault(referralId, Map.of()).values().stream()
                .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).toList();
        return new Attendance(referralId, new ArrayList<>(plans.getOrDefault(referralId, new TreeMap<>()).values()),
                ag, reg, flagged.contains(referralId), internships.getOrDefault(referralId, List.of()));
    }

    @Override
    public synchronized boolean addNotice(Notice notice, boolean flag, OutboxMessage email) {
        Map<String, Notice> mine = notices.computeIfAbsent(notice.referralId(), k -> new LinkedHashMap<>());
        if (mine.putIfAbsent(notice.id(), notice) != null) return false;
        if (flag) flagged.add(notice.referralId());
        if (email != null) emails.add(email);
        return true;
    }

    @Override
    public synchronized List<Notice> notices(String referralId) {
        return List.copyOf(notices.getOrDefault(referralId, Map.of()).values());
    }

    @Override
    public synchronized boolean correctNotice(Notice notice, String expectedRegistrationId, OutboxMessage email) {
        Map<String, Notice> mine = notices.get(notice.referralId());
        Notice stored = mine == null ? null : mine.get(notice.id());
        if (stored == null) return false;
        String now = stored.correction() == null ? null : stored.correction().registrationId();
        if (!java.util.Objects.equals(now, expectedRegistrationId)) return false;
        if (email != null && emails.stream().anyMatch(m -> m.messageId().equals(email.messageId()))) return false;
        mine.put(notice.id(), stored.with(notice.correction()));
        if (email != null) emails.add(email);
        return true;
    }

    private final Set<String> smsConsent = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized void recordSmsConsent(String referralId, boolean consent, String actor, java.time.Instant at) {
        if (consent) smsConsent.add(referralId);
        else smsConsent.remove(referralId);
        touch(referralId, c -> c.withSmsConsent(consent));
    }

    @Override
    public boolean smsConsent(String referralId) {
        return smsConsent.contains(referralId);
    }

    @Override
    public synchronized void recordInternships(String referralId, List<Internship> periods) {
        internships.put(referralId, List.copyOf(periods));
        touch(referralId, c -> c.withInternships(periods));
    }

    @Override
    public synchronized Optional<SessionChain> chain(String referralId) {
        return Optional.ofNullable(chains.get(referralId));
    }

    @Override
    public synchronized boolean writeChain(SessionChain chain, long expected, With with) {
        if (chain.stale() || chain.revision() != expected + 1) throw new IllegalArgumentException("revision");
        SessionChain stored = chains.get(chain.referralId());
        if ((stored == null ? 0 : stored.revision()) != expected) return false;
        String id = chain.referralId();
        if (with.warning() != null && warnings.containsKey(with.warning().id())) return false;
        if (with.warning() != null) warnings.put(with.warning().id(), with.warning());
        if (with.plan() != null) plans.computeIfAbsent(id, k -> new TreeMap<>()).put(with.plan().validFrom(), with.plan());
        if (with.agreement() != null) agreements.computeIfAbsent(id, k -> new ArrayList<>()).add(with.agreement());
        if (with.registration() != null) {
            registrations.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(with.registration().id(), with.registration());
        }
        chains.put(id, chain);
        return true;
    }

    private final Map<String, Warning> warnings = new LinkedHashMap<>();

    @Override
    public synchronized List<Warning> warnings(String referralId) {
        return warnings.values().stream().filter(w -> w.referralId().equals(referralId))
                .sorted(Comparator.comparing(Warning::date)).toList();
    }

    /** The chains on the due index (not parked), by due time, as {@code DueWork.index("absence")} gives them. */
    public DueIndex<Map<String, String>> index() {
        return (from, to, limit) -> {
            synchronized (this) {
                return chains.values().stream().filter(c -> !c.stale() && !c.parked())
                        .filter(c -> !c.dueAt().isBefore(from) && !c.dueAt().isAfter(to))
                        .sorted(Comparator.comparing(SessionChain::dueAt).thenComparing(SessionChain::referralId))
                        .limit(limit).map(c -> new Due<>(SessionChain.id(c.referralId()), c.dueAt(), c.toWork())).toList();
            }
        };
    }
}
