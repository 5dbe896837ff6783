package dk.rampe.attendance;

import dk.rampe.followup.OutboxMessage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link AttendanceStore} for rule tests; keeps the emails it was given in {@link #emails}. */
public final class InMemoryAttendanceStore implements AttendanceStore {
    private final Map<String, TreeMap<LocalDate, AttendancePlan>> plans = new HashMap<>();
    private final Map<String, List<Agreement>> agreements = new HashMap<>();
    private final Map<String, Map<String, Registration>> registrations = new HashMap<>();
    private final Map<String, Map<String, Notice>> notices = new HashMap<>();
    private final Set<String> flagged = ConcurrentHashMap.newKeySet();
    public final List<OutboxMessage> emails = new ArrayList<>();

    @Override
    public synchronized void putPlan(String referralId, AttendancePlan plan) {
        plans.computeIfAbsent(referralId, k -> new TreeMap<>()).put(plan.validFrom(), plan);
    }

    @Override
    public synchronized void addAgreement(String referralId, Agreement agreement) {
        agreements.computeIfAbsent(referralId, k -> new ArrayList<>()).add(agreement);
    }

    @Override
    public synchronized boolean addRegistration(String referralId, Registration registration) {
        return registrations.computeIfAbsent(referralId, k -> new LinkedHashMap<>())
                .putIfAbsent(registration.id(), registration) == null;
    }

    @Override
    public synchronized Attendance load(String referralId, LocalDate from, LocalDate to) {
        List<Agreement> ag = agreements.getOrDefault(referralId, List.of()).stream()
                .filter(a -> !a.date().isBefore(from) && !a.date().isAfter(to)).toList();
        List<Registration> reg = registrations.getOrDefault(referralId, Map.of()).values().stream()
                .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).toList();
        return new Attendance(referralId, new ArrayList<>(plans.getOrDefault(referralId, new TreeMap<>()).values()),
                ag, reg, flagged.contains(referralId));
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

    private final Set<String> smsConsent = ConcurrentHashMap.newKeySet();

    @Override
    public void recordSmsConsent(String referralId, boolean consent, String actor, java.time.Instant at) {
        if (consent) smsConsent.add(referralId);
        else smsConsent.remove(referralId);
    }

    @Override
    public boolean smsConsent(String referralId) {
        return smsConsent.contains(referralId);
    }
}
