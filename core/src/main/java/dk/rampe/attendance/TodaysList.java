package dk.rampe.attendance;

import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Settings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Today's list: a consultant's participants expected on a date, as {@link Expectations}
 * decides (plan step, one-day agreement, working days with holidays and the programme's closing
 * days, enrolment and exit), each with what is registered for the date so far. The 07:30 run sends
 * one nudge per consultant with participants on their list; the page behind the nudge's link shows
 * the same list, decided again at each view (an agreement or an enrolment after 07:30 counts).
 * <p>A consultant is the referral's named consultant; a consultant id in several programmes has one
 * list over all of them. Programmes for which the date is not a working day contribute nothing
 * (no list on weekends, public holidays or closing days). Reads: one query of each programme's
 * enrolled referrals (gsi2), then the attendance of the date of each of the consultant's referrals.
 */
public final class TodaysList {

    /** One participant on the list: their session today and what is recorded for the date. */
    public record Entry(Referral referral, Session session, Attendance attendance, String displayName) {
        /** What counts for the date now (empty: nothing registered yet, or an undo back to nothing). */
        public Optional<Registration> current() {
            return attendance.registrationOn(session.date());
        }

        /** Every registration of the date, oldest first (corrections and undos included). */
        public List<Registration> history() {
            return attendance.registrationsOn(session.date());
        }

        /** The latest registration of the date, {@code NONE} included. */
        public Optional<Registration> latest() {
            List<Registration> h = history();
            return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
        }

        public String referralId() {
            return referral.id();
        }
    }

    /** A consultant's list of a date: the programmes it spans and the entries, by start time. */
    public record ConsultantList(String consultantId, LocalDate date, List<String> programmeIds, List<Entry> entries) {
        public ConsultantList {
            programmeIds = List.copyOf(programmeIds);
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String referralId) {
            return entries.stream().filter(e -> e.referralId().equals(referralId)).findFirst();
        }
    }

    private final Supplier<Settings> settings;
    private final ReferralStore referrals;
    private final AttendanceStore store;
    private final Expectations expectations;
    private final Function<String, AttendanceRules> rules;

    public TodaysList(Supplier<Settings> settings, ReferralStore referrals, AttendanceStore store, WorkingDays workingDays,
                      Function<String, AttendanceRules> rules) {
        this.settings = settings;
        this.referrals = referrals;
        this.store = store;
        this.expectations = new Expectations(workingDays);
        this.rules = rules;
    }

    public WorkingDays workingDays() {
        return expectations.workingDays();
    }

    /** The ids of every consultant in the settings (for finding whose list a link is). */
    public List<String> consultantIds() {
        return settings.get().programmes().stream().flatMap(p -> p.consultants().stream()).map(Settings.Consultant::id)
                .distinct().toList();
    }

    /** Every consultant's list of {@code date} that has at least one participant, by consultant id. */
    public List<ConsultantList> all(LocalDate date) {
        Map<String, List<Entry>> byConsultant = new LinkedHashMap<>();
        Map<String, List<String>> programmes = new HashMap<>();
        for (Settings.Programme p : settings.get().programmes()) {
            if (!expectations.workingDays().isWorkingDay(p.id(), date)) continue;
            for (Entry e : entries(p, null, date)) {
                String c = e.referral().consultantId();
                byConsultant.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
                List<String> ps = programmes.computeIfAbsent(c, k -> new ArrayList<>());
                if (!ps.contains(p.id())) ps.add(p.id());
            }
        }
        List<ConsultantList> out = new ArrayList<>();
        byConsultant.keySet().stream().sorted().forEach(c ->
                out.add(new ConsultantList(c, date, programmes.get(c), sorted(byConsultant.get(c)))));
        return out;
    }

    /** One consultant's list of {@code date}, over every programme they are a consultant of (may be empty). */
    public ConsultantList of(String consultantId, LocalDate date) {
        List<Entry> entries = new ArrayList<>();
        List<String> programmes = new ArrayList<>();
        for (Settings.Programme p : settings.get().programmes()) {
            if (p.consultant(consultantId).isEmpty()) continue;
            programmes.add(p.id());
            if (!expectations.workingDays().isWorkingDay(p.id(), date)) continue;
            entries.addAll(entries(p, consultantId, date));
        }
        return new ConsultantList(consultantId, date, programmes, sorted(entries));
    }

    /** The programme's enrolled participants expected on {@code date} (of one consultant, or of all its consultants). */
    private List<Entry> entries(Settings.Programme p, String consultantOrNull, LocalDate date) {
        List<Entry> out = new ArrayList<>();
        for (Referral r : referrals.listByProgramme(p.id(), ReferralStatus.ENROLLED)) {
            String c = r.consultantId();
            if (c == null || (consultantOrNull != null && !consultantOrNull.equals(c))) continue;
            if (p.consultant(c).isEmpty()) {
                Log.warn("todaysList.unknownConsultant", "referralId", r.id(), "programmeId", p.id());
                continue;
            }
            Attendance a = store.load(r.id(), date, date);
            Optional<Session> s = expectations.expected(a, r, date, rules.apply(p.id()).grace());
            if (s.isPresent()) out.add(new Entry(r, s.get(), a, firstName(r)));
        }
        return out;
    }

    /**
     * By start time, then name; two participants with the same first name on one list get the
     * initial of their last name too ("Mads H."), so a tap never lands on the wrong one.
     */
    private static List<Entry> sorted(List<Entry> entries) {
        Map<String, Long> count = new HashMap<>();
        for (Entry e : entries) count.merge(e.displayName().toLowerCase(Locale.ROOT), 1L, Long::sum);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            String name = e.displayName();
            if (count.get(name.toLowerCase(Locale.ROOT)) > 1) {
                String last = lastInitial(e.referral());
                if (!last.isEmpty()) name = name + " " + last + ".";
            }
            out.add(new Entry(e.referral(), e.session(), e.attendance(), name));
        }
        out.sort(Comparator.comparing((Entry e) -> e.session().start()).thenComparing(Entry::displayName)
                .thenComparing(Entry::referralId));
        return out;
    }

    /** The participant's first name (the first word of the name the jobcentre sent); "?" if none. */
    static String firstName(Referral r) {
        String name = r.details() == null || r.details().citizen() == null ? null : r.details().citizen().name();
        if (name == null || name.isBlank()) return "?";
        return name.strip().split("\\s+")[0];
    }

    private static String lastInitial(Referral r) {
        if (r.details() == null || r.details().citizen() == null || r.details().citizen().name() == null) return "";
        String[] words = r.details().citizen().name().strip().split("\\s+");
        if (words.length < 2) return "";
        return words[words.length - 1].substring(0, words[words.length - 1].offsetByCodePoints(0, 1));
    }
}
