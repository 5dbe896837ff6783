package dk.rampe.attendance;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.followup.InMemoryFollowUpStore;
import dk.rampe.followup.InMemoryOutbox;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.InMemoryReferralStore;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.ReferralStore;
import dk.rampe.audit.AuditEntry;
import dk.rampe.schedule.InMemoryWatermarks;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.settings.Channel;
import dk.rampe.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Two programmes in memory for today's list: p1 with consultants c1 (SMS and email, Danish) and c2
 * (SMS, English), p2 with c1 too and 25 November 2026 as a closing day; Easter Monday 2027 as the
 * only public holiday the calendar knows. Referrals are enrolled the Monday before with a plan.
 */
final class TodaysListWorld {
    static final byte[] KEY = "todays-list-test-key-0123456789".getBytes(StandardCharsets.UTF_8);
    /** Monday 23 November 2026, 07:00 in Copenhagen. */
    static final Instant MONDAY_0700 = Instant.parse("2026-11-23T06:00:00Z");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2027, 3, 29));

    final MutableClock clock = new MutableClock(MONDAY_0700);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryReferralStore referrals = new InMemoryReferralStore(audit);
    final InMemoryAttendanceStore store = new InMemoryAttendanceStore();
    final InMemoryFollowUpStore followUps = new InMemoryFollowUpStore(audit);
    final InMemoryOutbox outbox = new InMemoryOutbox(followUps);
    final InMemoryWatermarks watermarks = new InMemoryWatermarks();
    final Settings settings = new Settings(List.of(
            new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), List.of(),
                    List.of(consultant("c1", Channel.BOTH, Language.DA), consultant("c2", Channel.SMS, Language.EN)),
                    List.of("po-1")),
            new Settings.Programme("p2", "Forløb Syd", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), List.of(),
                    List.of(consultant("c1", Channel.BOTH, Language.DA)), List.of(),
                    List.of(LocalDate.of(2026, 11, 25)))), List.of());
    final WorkingCalendar calendar = new WorkingCalendar(HOLIDAYS::contains, () -> settings);
    final TodaysList lists = new TodaysList(() -> settings, referrals, store, calendar, p -> AttendanceRules.DEFAULTS);
    final TodaysListTokens tokens = new TodaysListTokens(KEY);
    final AttendanceService attendance = new AttendanceService(store, calendar, p -> AttendanceRules.DEFAULTS,
            clock, entry -> { });

    static Settings.Consultant consultant(String id, Channel channel, Language language) {
        return new Settings.Consultant(id, "Konsulent " + id, EmailAddress.parse(id + "@rampe.example").orElseThrow(),
                PhoneNumber.parse("20 00 00 0" + id.substring(1)).orElseThrow(), channel, language);
    }

    TodaysListRun run() {
        return new TodaysListRun(lists, tokens, new TodaysListMessages("Rampe"), outbox, watermarks, () -> settings, clock,
                "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com");
    }

    TodaysListPage page() {
        return new TodaysListPage(lists, tokens, attendance, () -> settings, audit, clock);
    }

    /** An enrolled participant of {@code programme} with {@code consultant}, planned on {@code days} at {@code start}. */
    Referral enrolled(String id, String name, String programme, String consultant, LocalTime start, DayOfWeek... days) {
        ReferralDetails details = new ReferralDetails(programme, "JC-1", new Citizen(Cpr.stored("0101901234"), name,
                PhoneNumber.parse("22 34 56 78").orElseThrow(), null), Benefit.DAGPENGE,
                new Caseworker("B", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null), List.of(), "", "", "",
                List.of(), false, null);
        Instant t = Instant.parse("2026-11-16T07:00:00Z");
        Referral r = Referral.received(id, "jc1", details, consultant, false, t)
                .moveTo(ReferralStatus.ACCEPTED, t, consultant, null, null)
                .moveTo(ReferralStatus.ENROLLED, t, consultant, null, null);
        ReferralStore.CreateResult created = referrals.create(r, "citizen-" + id, List.of(), "fp-" + id, 100,
                new AuditEntry(id, "test", "referral.received", t));
        if (!(created instanceof ReferralStore.Created)) throw new IllegalStateException(created.toString());
        store.putPlan(id, new AttendancePlan(LocalDate.of(2026, 11, 16),
                days.length == 0 ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : EnumSet.of(days[0], days),
                start, 240, consultant, t));
        return r;
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        /** Copenhagen wall-clock time on {@code date}. */
        void at(LocalDate date, int hour, int minute) {
            now = date.atTime(hour, minute).atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
