package dk.rampe.attendance;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpPageService;
import dk.rampe.log.Log;
import dk.rampe.settings.Settings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of today's list page, apart from HTTP and HTML: which link opens which
 * consultant's list, what a tap may register, what an undo restores, and what is audited. The page
 * handler parses the form, calls this and renders the sealed answer; taps answer POST-redirect-GET.
 * <ul>
 * <li>A tap is a registration through {@link AttendanceService#register} (the rules of
 * {@code POST /v1/referrals/{id}/attendance}), dated today, recorded by the consultant: present;
 * late with the arrival time (after the start, within the session); sick = excused with reason
 * sick (before the cutoff, the absence detection then sends nothing); absent. Only participants on
 * the consultant's list today can be tapped. The same tap twice (a double tap) writes nothing new.</li>
 * <li>The undo takes back the consultant's latest tap of a participant: a new registration that
 * restores what counted before it (a copy of the previous registration, or {@code NONE}, "nothing
 * registered", so the detection still fires at the cutoff when nothing else is registered by then).
 * History is kept: nothing is deleted. If anyone registered something for the participant since,
 * the undo is refused (409) and nothing is written.</li>
 * <li>Audit: each view (subject {@code programme:{id}}, as a list of referrals), each tap and undo
 * (subject the referral), refused links and invalid posts; actor {@code link:{consultant}}.</li>
 * </ul>
 */
public final class TodaysListPage {
    public static final String REFUSED_SUBJECT = "todays-list-link:refused";
    private static final Pattern REFERRAL_ID = Pattern.compile("^[A-Z][A-Z0-9]{3,19}$");
    private static final Pattern REGISTRATION_ID = Pattern.compile("^G[0-9A-Za-z]{8,40}$");
    private static final Pattern TIME = Pattern.compile("^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$");

    /** The four taps. */
    public enum Tap {
        PRESENT, LATE, SICK, ABSENT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Tap> fromWire(String s) {
            for (Tap t : values()) if (t.wireName().equals(s)) return Optional.of(t);
            return Optional.empty();
        }
    }

    public sealed interface View permits Refused, Expired, Show {
    }

    public sealed interface Post permits Refused, Expired, Invalid, Done {
    }

    /** Not a good link (or a form from another list, or from another site): a plain refusal, no data. */
    public record Refused() implements View, Post {
    }

    /** An authentic link of an earlier day: it says which day, nothing more. */
    public record Expired(LocalDate date) implements View, Post {
    }

    /** What the page is about: the list, whose language the consultant chose, and the banner after a tap. */
    public record Context(String listId, TodaysList.ConsultantList list, Language consultantLanguage) {
    }

    /** The list, with a banner about the tap ({@code ?done=}) or undo ({@code ?undone=}) just made, or null. */
    public record Show(Context context, Banner banner) implements View {
    }

    public enum BannerKind { TAPPED, UNDONE }

    /** {@code undoable}: the banner offers the undo (the tap is still the latest, and the consultant's). */
    public record Banner(BannerKind kind, TodaysList.Entry entry, Registration registration, boolean undoable) {
    }

    /**
     * Nothing was written: {@code errors} are page text keys ({@code list.error.*}); {@code status} 400
     * (the form) or 409 (an undo of something that changed meanwhile); {@code referralId} and {@code arrival}
     * are echoed only when they are on the list / well-formed.
     */
    public record Invalid(int status, Context context, List<String> errors, String referralId, String arrival)
            implements Post {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** Written (or, for {@code unchanged}, already so): redirect to the list with this registration's banner. */
    public record Done(String registrationId, boolean undo, boolean unchanged) implements Post {
    }

    private final TodaysList lists;
    private final TodaysListTokens tokens;
    private final AttendanceService attendance;
    private final Supplier<Settings> settings;
    private final AuditLog audit;
    private final Clock clock;

    public TodaysListPage(TodaysList lists, TodaysListTokens tokens, AttendanceService attendance,
                          Supplier<Settings> settings, AuditLog audit, Clock clock) {
        this.lists = lists;
        this.tokens = tokens;
        this.attendance = attendance;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** GET: the list; {@code done}/{@code undone} name a registration of the list to show a banner about. */
    public View view(String token, String done, String undone, boolean auditView) {
        Instant now = clock.instant();
        Object checked = open(token, "view", now);
        if (!(checked instanceof Context c)) return (View) checked;
        if (auditView) {
            for (String p : c.list().programmeIds()) {
                audit.record(new AuditEntry("programme:" + p, actor(c), "todaysList.viewed", now));
            }
        }
        return new Show(c, banner(c, done, undone));
    }

    /** A post that is not a readable form (wrong type, too large, a field twice), or from another site: refused. */
    public Post refusedPost(String why) {
        Instant now = clock.instant();
        audit.record(new AuditEntry(REFUSED_SUBJECT, "link:anonymous", "todaysList.postRefused." + why, now));
        Log.warn("todaysList.refused", "what", "post", "reason", why);
        return new Refused();
    }

    public Post post(String token, Map<String, String> form) {
        Instant now = clock.instant();
        Object checked = open(token, "post", now);
        if (!(checked instanceof Context c)) return (Post) checked;
        if (!c.listId().equals(form.getOrDefault("list", ""))) return refusedPost("otherList");
        for (String v : form.values()) {
            if (FollowUpPageService.hasControlCharacters(v, false)) return invalid(c, 400, "error.controlCharacters", null, null);
        }
        String referralId = form.getOrDefault("referral", "");
        Optional<TodaysList.Entry> entry = REFERRAL_ID.matcher(referralId).matches()
                ? c.list().entry(referralId) : Optional.empty();
        if (entry.isEmpty()) return invalid(c, 400, "list.error.notOnList", null, null);
        TodaysList.Entry e = entry.get();
        if (form.containsKey("undo")) {
            if (form.containsKey("status")) return invalid(c, 400, "list.error.status", e.referralId(), null);
            return undo(c, e, form.get("undo"), now);
        }
        Optional<Tap> tap = Tap.fromWire(form.getOrDefault("status", ""));
        if (tap.isEmpty()) return invalid(c, 400, "list.error.status", e.referralId(), null);
        LocalTime arrival = null;
        String arrivalText = form.getOrDefault("arrival", "").strip();
        if (tap.get() == Tap.LATE) {
            Matcher m = TIME.matcher(arrivalText);
            if (!m.matches()) return invalid(c, 400, "list.error.arrival", e.referralId(), null);
            arrival = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            LocalTime end = e.session().start().plusMinutes(e.session().minutes());
            boolean endsAfterMidnight = end.isBefore(e.session().start());
            if (!arrival.isAfter(e.session().start()) || (!endsAfterMidnight && arrival.isAfter(end))) {
                return invalid(c, 400, "list.error.arrivalRange", e.referralId(), arrival.toString());
            }
        }
        Registration.Status status = switch (tap.get()) {
            case PRESENT -> Registration.Status.PRESENT;
            case LATE -> Registration.Status.LATE;
            case SICK -> Registration.Status.EXCUSED;
            case ABSENT -> Registration.Status.ABSENT;
        };
        Registration.Reason reason = tap.get() == Tap.SICK ? Registration.Reason.SICK : null;
        Optional<Registration> latest = e.latest();
        if (latest.isPresent() && latest.get().status() == status && java.util.Objects.equals(latest.get().arrival(), arrival)
                && latest.get().reason() == reason) {
            return new Done(latest.get().id(), false, true); // a double tap: it is so already
        }
        // the same tap at once from another phone or a second thumb: decided again under the chain's revision
        AttendanceService.Registered done = attendance.registerOnce(e.referral(), c.list().date(), status, arrival, reason,
                c.list().consultantId());
        if (done.repeated()) return new Done(done.registration().id(), false, true);
        Registration g = done.registration();
        audit.record(new AuditEntry(e.referralId(), actor(c), "todaysList.registered." + tap.get().wireName(), now));
        return new Done(g.id(), false, false);
    }

    private Post undo(Context c, TodaysList.Entry e, String registrationId, Instant now) {
        Optional<Registration> latest = e.latest();
        if (latest.isEmpty() || !latest.get().id().equals(registrationId) || latest.get().status() == Registration.Status.NONE
                || !c.list().consultantId().equals(latest.get().recordedBy())) {
            audit.record(new AuditEntry(e.referralId(), actor(c), "todaysList.undoRefused", now));
            return invalid(c, 409, "list.error.undoStale", e.referralId(), null);
        }
        List<Registration> history = e.history();
        Registration before = history.size() < 2 ? null : history.get(history.size() - 2);
        Registration g = before == null || before.status() == Registration.Status.NONE
                ? attendance.register(e.referral(), c.list().date(), Registration.Status.NONE, null, null,
                        c.list().consultantId())
                : attendance.register(e.referral(), c.list().date(), before.status(), before.arrival(), before.reason(),
                        c.list().consultantId());
        audit.record(new AuditEntry(e.referralId(), actor(c), "todaysList.undone", now));
        return new Done(g.id(), true, false);
    }

    private Invalid invalid(Context c, int status, String error, String referralId, String arrival) {
        audit.record(new AuditEntry("todays-list:" + c.listId(), actor(c), "todaysList.postInvalid", clock.instant()));
        return new Invalid(status, c, List.of(error), referralId, arrival);
    }

    private Banner banner(Context c, String done, String undone) {
        String id = done != null ? done : undone;
        if (id == null || !REGISTRATION_ID.matcher(id).matches()) return null;
        for (TodaysList.Entry e : c.list().entries()) {
            List<Registration> h = e.history();
            for (Registration g : h) {
                if (!g.id().equals(id)) continue;
                if (done != null) {
                    boolean latest = h.get(h.size() - 1).id().equals(id);
                    boolean undoable = latest && g.status() != Registration.Status.NONE
                            && c.list().consultantId().equals(g.recordedBy());
                    return new Banner(BannerKind.TAPPED, e, g, undoable);
                }
                return new Banner(BannerKind.UNDONE, e, g, false);
            }
        }
        return null;
    }

    /** The list a token opens, or the refusal (audited). */
    private Object open(String token, String what, Instant now) {
        TodaysListTokens.Check check = tokens.verify(token, now);
        if (check instanceof TodaysListTokens.Refused r) {
            refusal(what, r.reason(), now);
            return r.reason() == TodaysListTokens.Reason.EXPIRED ? new Expired(r.date()) : new Refused();
        }
        TodaysListTokens.Valid v = (TodaysListTokens.Valid) check;
        Optional<String> consultant = tokens.consultant(v.listId(), v.date(), lists.consultantIds());
        if (consultant.isEmpty()) {
            refusal(what, TodaysListTokens.Reason.UNKNOWN_CONSULTANT, now);
            return new Refused();
        }
        TodaysList.ConsultantList list = lists.of(consultant.get(), v.date());
        Language language = null;
        for (String p : list.programmeIds()) {
            Optional<Settings.Consultant> sc = settings.get().programme(p).flatMap(x -> x.consultant(consultant.get()));
            if (sc.isPresent()) {
                language = sc.get().language();
                break;
            }
        }
        return new Context(v.listId(), list, language);
    }

    private void refusal(String what, TodaysListTokens.Reason reason, Instant now) {
        audit.record(new AuditEntry(REFUSED_SUBJECT, "link:anonymous",
                "todaysList." + what + "Refused." + reason.name().toLowerCase(Locale.ROOT), now));
        Log.warn("todaysList.refused", "what", what, "reason", reason.name());
    }

    private static String actor(Context c) {
        return "link:" + c.list().consultantId();
    }
}
