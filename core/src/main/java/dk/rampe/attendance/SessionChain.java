package dk.rampe.attendance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A referral's chain of planned sessions, the one piece of absence due work per referral (kind
 * {@value AttendanceService#KIND}): where it stands (the first planned session not decided yet, due at
 * its cutoff; none: parked, off the due index), a revision (every write of it is conditional on the
 * revision read, so a stale copy from the index writes nothing), and a copy of what the detection needs
 * from the attendance partition, so that it reads the due item and the referral and nothing else:
 * <ul>
 * <li>every plan step still in force from {@link #from()} on;</li>
 * <li>the agreement and the registration that count on each date from {@link #from()} on (the latest of
 * the date: corrections replace), future dates included;</li>
 * <li>the participant's internships and the SMS consent given at enrolment.</li>
 * </ul>
 * {@code from} is {@value #LOOKBACK_DAYS} days before the chain's date (the early warning looks back
 * that far, the escalation rules ten working days), older entries are dropped. The chain also carries the
 * early warning's memory ({@link WarningState}), written with it.
 * <p>
 * Every write of one of those (a plan step, an agreement, a registration, the consent, the internships)
 * writes the chain in the same transaction, so the copy is what a read of the partition would give. A
 * <em>stale</em> chain is only a marker ("rebuild from the partition"): written when something is recorded
 * for a referral whose chain was never built; it is never on the due index.
 * <p>
 * The chain is carried on the due index as texts ({@link #toWork()}, the one projected map of due work).
 */
public record SessionChain(String referralId, long revision, LocalDate date, Instant dueAt, LocalDate from,
                           Attendance attendance, boolean smsConsent, boolean stale, WarningState warning) {
    /**
     * How far back from the chain's date what is recorded is kept on it: six weeks, the early warning's
     * windows (ten sessions against the twenty before on a five-day week; the escalation rules need ten
     * working days).
     */
    public static final int LOOKBACK_DAYS = 42;
    /** The last date a full read of the partition asks for (future registrations and agreements too). */
    public static final LocalDate FAR = LocalDate.of(9999, 12, 31);
    /** The version of the texts ({@link #toWork()}); a stale marker says {@code stale}. */
    static final String FORMAT = "2";

    private static final Instant UNKNOWN = Instant.EPOCH;
    private static final String BY = "chain";

    public SessionChain {
        Objects.requireNonNull(referralId, "referralId");
        if ((date == null) != (dueAt == null)) throw new IllegalArgumentException("date and dueAt go together");
        if (!stale) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(attendance, "attendance");
        }
        if (warning == null) warning = WarningState.NONE;
    }

    /** The id of a referral's chain on the due index (one per referral). */
    public static String id(String referralId) {
        return referralId;
    }

    /** The marker of a chain that must be built from the partition before it is used. */
    public static SessionChain stale(String referralId, long revision) {
        return new SessionChain(referralId, revision, null, null, null, null, false, true, WarningState.NONE);
    }

    /**
     * A parked chain (revision 0, not stored yet) holding what {@code recorded} says from {@code from} on: a
     * read of the partition from {@code from}.
     */
    public static SessionChain of(String referralId, Attendance recorded, boolean smsConsent, LocalDate from) {
        Map<LocalDate, Agreement> agreements = new TreeMap<>();
        for (Agreement a : recorded.agreements()) agreements.put(a.date(), recorded.agreementOn(a.date()).orElseThrow());
        Map<LocalDate, Registration> registrations = new TreeMap<>();
        for (Registration r : recorded.registrations()) {
            // a date whose latest is NONE (an undo on today's list) counts as not registered: left out
            recorded.registrationOn(r.date()).ifPresentOrElse(x -> registrations.put(r.date(), x),
                    () -> registrations.remove(r.date()));
        }
        Attendance copy = new Attendance(referralId, recorded.plans(), new ArrayList<>(agreements.values()),
                new ArrayList<>(registrations.values()), false, recorded.internships());
        return new SessionChain(referralId, 0, null, null, from, copy, smsConsent, false, WarningState.NONE).pruned();
    }

    /**
     * What a store writes as the chain when it records something for the referral: the stored chain with the
     * change (same position, next revision); a stale marker's next revision when it is stale; a first stale
     * marker when none is stored (so that a chain being built from an earlier read of the partition cannot
     * be written over it).
     */
    public static SessionChain afterWrite(String referralId, Optional<SessionChain> stored,
                                          UnaryOperator<SessionChain> change) {
        if (stored.isEmpty()) return stale(referralId, 1);
        SessionChain c = stored.get();
        if (c.stale()) return stale(referralId, c.revision() + 1);
        return change.apply(c).withRevision(c.revision() + 1);
    }

    /** Whether the chain waits for nothing (off the due index). */
    public boolean parked() {
        return date == null;
    }

    /** The chain at the session (or wake-up) of {@code date}, due at {@code dueAt}; older entries dropped. */
    public SessionChain at(LocalDate date, Instant dueAt) {
        complete();
        return new SessionChain(referralId, revision, Objects.requireNonNull(date), Objects.requireNonNull(dueAt),
                date.minusDays(LOOKBACK_DAYS), attendance, smsConsent, false, warning).pruned();
    }

    /** The chain off the due index (nothing planned, or the participant left), keeping what it holds from {@code day}. */
    public SessionChain parked(LocalDate day) {
        complete();
        LocalDate keep = day.minusDays(LOOKBACK_DAYS);
        return new SessionChain(referralId, revision, null, null, keep.isBefore(from) ? from : keep, attendance,
                smsConsent, false, warning).pruned();
    }

    public SessionChain withRevision(long revision) {
        return new SessionChain(referralId, revision, date, dueAt, from, attendance, smsConsent, stale, warning);
    }

    /** With the early warning's memory as {@code w} (same position). */
    public SessionChain with(WarningState w) {
        complete();
        return new SessionChain(referralId, revision, date, dueAt, from, attendance, smsConsent, false, w);
    }

    /** With a plan step added (a step with the same from-date replaced). */
    public SessionChain with(AttendancePlan plan) {
        complete();
        List<AttendancePlan> plans = new ArrayList<>();
        for (AttendancePlan p : attendance.plans()) if (!p.validFrom().equals(plan.validFrom())) plans.add(p);
        plans.add(plan);
        return copy(new Attendance(referralId, plans, attendance.agreements(), attendance.registrations(), false,
                attendance.internships()));
    }

    /** With a new agreement (the latest of its date). */
    public SessionChain with(Agreement agreement) {
        complete();
        if (agreement.date().isBefore(from)) return this;
        List<Agreement> agreements = new ArrayList<>();
        for (Agreement a : attendance.agreements()) if (!a.date().equals(agreement.date())) agreements.add(a);
        agreements.add(agreement);
        return copy(new Attendance(referralId, attendance.plans(), agreements, attendance.registrations(), false,
                attendance.internships()));
    }

    /** With a new registration (the latest of its date: a correction replaces what counted). */
    public SessionChain with(Registration registration) {
        complete();
        if (registration.date().isBefore(from)) return this;
        List<Registration> registrations = new ArrayList<>();
        for (Registration r : attendance.registrations()) if (!r.date().equals(registration.date())) registrations.add(r);
        // NONE (an undo back to nothing registered) takes the date's registration away: the cutoff decides again
        if (registration.status() != Registration.Status.NONE) registrations.add(registration);
        return copy(new Attendance(referralId, attendance.plans(), attendance.agreements(), registrations, false,
                attendance.internships()));
    }

    /** With the participant's internships as the path now gives them. */
    public SessionChain withInternships(List<Internship> internships) {
        complete();
        return copy(attendance.withInternships(internships));
    }

    public SessionChain withSmsConsent(boolean consent) {
        complete();
        return new SessionChain(referralId, revision, date, dueAt, from, attendance, consent, false, warning);
    }

    private SessionChain copy(Attendance a) {
        return new SessionChain(referralId, revision, date, dueAt, from, a, smsConsent, false, warning).pruned();
    }

    private void complete() {
        if (stale) throw new IllegalStateException("a stale chain is rebuilt from the partition first");
    }

    /** Drops what lies before {@link #from()}: agreements, registrations, superseded plan steps, past internships. */
    private SessionChain pruned() {
        List<AttendancePlan> plans = new ArrayList<>();
        List<AttendancePlan> all = attendance.plans();
        for (int i = 0; i < all.size(); i++) {
            boolean superseded = i + 1 < all.size() && !all.get(i + 1).validFrom().isAfter(from);
            if (!superseded) plans.add(all.get(i));
        }
        Attendance a = new Attendance(referralId, plans,
                attendance.agreements().stream().filter(x -> !x.date().isBefore(from)).toList(),
                attendance.registrations().stream().filter(x -> !x.date().isBefore(from)).toList(), false,
                attendance.internships().stream().filter(x -> x.to() == null || !x.to().isBefore(from)).toList());
        return new SessionChain(referralId, revision, date, dueAt, from, a, smsConsent, false, warning);
    }

    // --- as texts on the due index ---------------------------------------------------------------

    /** Whether due work of kind absence is a chain (due work written before the chain has only referralId and date). */
    public static boolean isChain(Map<String, String> work) {
        return work.containsKey("chain");
    }

    /**
     * The chain as texts: {@code referralId}, {@code chain} (format), {@code rev}, {@code date} (if not
     * parked), {@code from}, {@code plans}, {@code agreements}, {@code registrations}, {@code internships},
     * {@code sms}, {@code warning} (the early warning's memory, absent while there is none); each list compact, entries separated by {@code ;}, fields by {@code ,}.
     */
    public Map<String, String> toWork() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("referralId", referralId);
        m.put("chain", stale ? "stale" : FORMAT);
        m.put("rev", Long.toString(revision));
        if (stale) return m;
        if (date != null) m.put("date", date.toString());
        m.put("from", from.toString());
        List<String> plans = new ArrayList<>();
        for (AttendancePlan p : attendance.plans()) {
            StringBuilder days = new StringBuilder();
            for (DayOfWeek d : p.weekdays()) days.append(d.getValue());
            plans.add(p.validFrom() + "," + days + "," + p.start() + "," + p.minutes() + "," + (p.duringInternship() ? "i" : ""));
        }
        m.put("plans", String.join(";", plans));
        List<String> agreements = new ArrayList<>();
        for (Agreement a : attendance.agreements()) {
            agreements.add(a.dayOff() ? a.date() + ",off" : a.date() + "," + a.start() + "," + a.minutes());
        }
        m.put("agreements", String.join(";", agreements));
        List<String> regs = new ArrayList<>();
        for (Registration r : attendance.registrations()) {
            String extra = r.arrival() != null ? r.arrival().toString() : r.reason() != null ? r.reason().wireName() : "";
            regs.add(r.date() + "," + r.status().name().charAt(0) + "," + extra + "," + (r.detected() ? "d" : "")
                    + (r.review() ? "r" : ""));
        }
        m.put("registrations", String.join(";", regs));
        List<String> internships = new ArrayList<>();
        for (Internship i : attendance.internships()) internships.add(i.from() + "," + (i.to() == null ? "" : i.to()));
        m.put("internships", String.join(";", internships));
        m.put("sms", smsConsent ? "1" : "0");
        if (!warning.equals(WarningState.NONE)) m.put("warning", warning.toText());
        return m;
    }

    /** The chain from its texts, due at {@code dueAt} (null when parked). */
    public static SessionChain fromWork(Map<String, String> work, Instant dueAt) {
        String referralId = work.get("referralId");
        long revision = Long.parseLong(work.getOrDefault("rev", "0"));
        if ("stale".equals(work.get("chain"))) return stale(referralId, revision);
        LocalDate date = work.containsKey("date") ? LocalDate.parse(work.get("date")) : null;
        List<AttendancePlan> plans = new ArrayList<>();
        for (String[] f : entries(work.get("plans"))) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (char c : f[1].toCharArray()) days.add(DayOfWeek.of(c - '0'));
            plans.add(new AttendancePlan(LocalDate.parse(f[0]), days, LocalTime.parse(f[2]), Integer.parseInt(f[3]), BY,
                    UNKNOWN, f.length > 4 && f[4].equals("i")));
        }
        List<Agreement> agreements = new ArrayList<>();
        for (String[] f : entries(work.get("agreements"))) {
            boolean off = f[1].equals("off");
            agreements.add(new Agreement(LocalDate.parse(f[0]), off, off ? null : LocalTime.parse(f[1]),
                    off ? null : Integer.parseInt(f[2]), BY, UNKNOWN));
        }
        List<Registration> regs = new ArrayList<>();
        for (String[] f : entries(work.get("registrations"))) {
            LocalDate d = LocalDate.parse(f[0]);
            Registration.Status status = switch (f[1]) {
                case "P" -> Registration.Status.PRESENT;
                case "L" -> Registration.Status.LATE;
                case "E" -> Registration.Status.EXCUSED;
                case "A" -> Registration.Status.ABSENT;
                default -> throw new IllegalArgumentException("registration status " + f[1]);
            };
            String extra = f.length > 2 ? f[2] : "";
            String flags = f.length > 3 ? f[3] : "";
            regs.add(new Registration("C" + d, d, status,
                    status == Registration.Status.LATE ? LocalTime.parse(extra) : null,
                    status == Registration.Status.EXCUSED ? Registration.Reason.fromWire(extra).orElseThrow() : null,
                    BY, UNKNOWN, flags.contains("d"), flags.contains("r")));
        }
        List<Internship> internships = new ArrayList<>();
        for (String[] f : entries(work.get("internships"))) {
            internships.add(new Internship(LocalDate.parse(f[0]), f.length > 1 && !f[1].isEmpty() ? LocalDate.parse(f[1]) : null));
        }
        Attendance a = new Attendance(referralId, plans, agreements, regs, false, internships);
        return new SessionChain(referralId, revision, date, date == null ? null : dueAt,
                LocalDate.parse(work.get("from")), a, "1".equals(work.get("sms")), false,
                WarningState.fromText(work.get("warning")));
    }

    private static List<String[]> entries(String s) {
        List<String[]> out = new ArrayList<>();
        if (s == null || s.isEmpty()) return out;
        for (String e : s.split(";")) out.add(e.split(",", -1));
        return out;
    }
}
