package dk.rampe.report;

import dk.rampe.core.EmailAddress;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.settings.ReportSettings;
import dk.rampe.settings.Settings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A known synthetic programme for October 2026 (summer time ends on 25 October), figures worked
 * out by hand in {@link ReportRulesTest}. Three partner jobcentres: A (quota 20), B (quota 10),
 * C (quota 5, never refers).
 * <ul>
 * <li>A: 6 referrals in September, 7 in October (one at 00:30 on 1 October summer time, one at
 *     23:59 on 31 October winter time), one at 00:30 on 1 November (not October). Of September's
 *     six, 5 are accepted and enrolled in October (consultant c-a), 1 declined in October (reason code
 *     not_motivated).</li>
 * <li>B: 3 referrals in September, accepted and enrolled in September (consultant c-b), 2 in October.
 *     b1 goes to an internship on 5 October and to paid hours on 20 October (two moves in a month);
 *     b2 goes to an internship on 10 October, recorded only on 3 November (a correction); b3 exits
 *     with an ordinary job on 28 October.</li>
 * </ul>
 */
public final class ReportScenario {
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    public static final ReportPeriod OCTOBER = new ReportPeriod(YearMonth.of(2026, 10), ZONE);

    public final List<Referral> referrals = new ArrayList<>();
    public final List<PhaseMove> moves = new ArrayList<>();
    private int n;

    public static Settings.Programme programme() {
        return new Settings.Programme("p1", "Rampe Øst", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(new Settings.Partner("jcA", 20, "c-a"), new Settings.Partner("jcB", 10, "c-b"),
                        new Settings.Partner("jcC", 5, "c-a")),
                List.of(), List.of(), List.of(),
                new ReportSettings(List.of(EmailAddress.parse("styregruppe@rampe.example.dk").orElseThrow()), 4,
                        List.of(new ReportSettings.Target(ReportSettings.TargetKind.EMPLOYER_BASED_SHARE, 85),
                                new ReportSettings.Target(ReportSettings.TargetKind.EXITS_TO_WORK_OR_EDUCATION, 30),
                                new ReportSettings.Target(ReportSettings.TargetKind.KEPT_JOB_6_MONTHS_SHARE, 60),
                                new ReportSettings.Target(ReportSettings.TargetKind.EMPLOYED_6_MONTHS_AFTER_EXIT, 30))));
    }

    public static Map<String, String> jobcentreNames() {
        return Map.of("jcA", "Jobcenter A", "jcB", "Jobcenter B", "jcC", "Jobcenter C");
    }

    public static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
    }

    public ReportScenario() {
        List<Referral> aSept = new ArrayList<>();
        for (int i = 0; i < 6; i++) aSept.add(referral("jcA", "c-a", local("2026-09-0" + (i + 1) + "T10:00")));
        for (int i = 0; i < 5; i++) {
            Referral r = aSept.get(i)
                    .moveTo(ReferralStatus.ACCEPTED, local("2026-10-0" + (i + 2) + "T09:00"), "staff", null, null)
                    .moveTo(ReferralStatus.ENROLLED, local("2026-10-1" + i + "T09:00"), "staff", null, null);
            referrals.add(r);
        }
        referrals.add(aSept.get(5).moveTo(ReferralStatus.DECLINED, local("2026-10-06T11:00"), "staff", "no", null,
                "not_motivated"));
        referrals.add(referral("jcA", "c-a", local("2026-10-01T00:30")));
        for (int i = 0; i < 5; i++) referrals.add(referral("jcA", "c-a", local("2026-10-2" + i + "T12:00")));
        referrals.add(referral("jcA", "c-a", local("2026-10-31T23:59")));
        referrals.add(referral("jcA", "c-a", local("2026-11-01T00:30")));

        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            Referral r = referral("jcB", "c-b", local("2026-09-0" + (i + 1) + "T10:00"))
                    .moveTo(ReferralStatus.ACCEPTED, local("2026-09-10T09:00"), "staff", null, null)
                    .moveTo(ReferralStatus.ENROLLED, local("2026-09-15T09:00"), "staff", null, null);
            if (i == 2) r = r.moveTo(ReferralStatus.EXITED, local("2026-10-28T14:00"), "staff", "job", "ordinary_job");
            ids[i] = r.id();
            referrals.add(r);
        }
        moves.add(new PhaseMove(ids[0], Phase.INTERNSHIP, local("2026-10-05T09:00"), local("2026-10-05T09:05")));
        moves.add(new PhaseMove(ids[0], Phase.PAID_HOURS_OR_JOB, local("2026-10-20T09:00"), local("2026-10-20T09:05")));
        moves.add(new PhaseMove(ids[1], Phase.INTERNSHIP, local("2026-10-10T09:00"), local("2026-11-03T10:00")));
        referrals.add(referral("jcB", "c-b", local("2026-10-12T10:00")));
        referrals.add(referral("jcB", "c-b", local("2026-10-13T10:00")));
    }

    private Referral referral(String jc, String consultant, Instant at) {
        n++;
        ReferralDetails d = new ReferralDetails("p1", "ref-" + n,
                new Citizen(null, "Deltager " + n, null, null), Benefit.KONTANTHJAELP,
                new Caseworker("Sagsbehandler", null, null), List.of(), null, null, null, List.of(), false, null);
        return Referral.received(String.format("R%03d", n), jc, d, consultant, false, at);
    }

    /** Replaces a referral by its changed version (a later history). */
    public void change(Referral changed) {
        referrals.replaceAll(r -> r.id().equals(changed.id()) ? changed : r);
    }

    public ReportMaker maker(java.time.Clock clock) {
        return new ReportMaker(p -> List.copyOf(referrals), p -> List.copyOf(moves),
                AttendanceFigures.notRecordedYet(), AftercareFigures.notRecordedYet(),
                (p, asOf) -> new DeliveryFigures.Nudges(2, 1), clock);
    }

    public static List<java.time.Duration> minutes(long... values) {
        return java.util.Arrays.stream(values).mapToObj(java.time.Duration::ofMinutes).toList();
    }

    /** Attendance as its store would answer for October: A 6 participants, B 2 (a group under 5). */
    public static AttendanceFigures attendance() {
        return (p, period, asOf) -> java.util.Optional.of(new AttendanceFigures.Attendance(Map.of(
                "jcA", new AttendanceFigures.PerJobcentre(320, 280, 6, 12, minutes(1, 2, 2, 3, 3, 4, 5, 6, 8, 9, 25, 40),
                        minutes(30, 60, 90, 95, 120, 150, 200, 300, 400, 1500), 9, 2, 6, 3, 0, 1),
                "jcB", new AttendanceFigures.PerJobcentre(80, 80, 2, 0, List.of(), List.of(), 0, 0, 2, 2, 1, 0)),
                Map.of(java.time.YearMonth.of(2026, 9), new AttendanceFigures.MonthHours(100, 90, 4),
                        java.time.YearMonth.of(2026, 10), new AttendanceFigures.MonthHours(400, 360, 8))));
    }

    /**
     * Aftercare as its store would answer: October's figures for A (18 jobs whose six months are over: 8
     * checked held, 5 checked lost, 5 not checked; 5 exits checked employed or in education six months after),
     * and the programme's figures to date at the end of September (8 jobs whose six months were over, 6
     * checked held, 2 checked lost; 4 employed six months after exit, 1 checked not).
     */
    public static AftercareFigures aftercare() {
        return (p, period, asOf) -> {
            java.time.YearMonth m = period.month();
            if (m.equals(java.time.YearMonth.of(2026, 10))) {
                return java.util.Optional.of(new AftercareFigures.Aftercare(Map.of("jcA",
                        new AftercareFigures.PerJobcentre(6, 4, 1, 1, 5, 5, 2, 1, 0, 0, 1, 1, 18, 8, 5, 5, 7, 0, 0, 0, 5, 0))));
            }
            if (m.equals(java.time.YearMonth.of(2026, 9))) {
                return java.util.Optional.of(new AftercareFigures.Aftercare(Map.of("jcA",
                        new AftercareFigures.PerJobcentre(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 6, 5, 4, 5, 0, 0, 0, 2, 1))));
            }
            return java.util.Optional.of(new AftercareFigures.Aftercare(Map.of()));
        };
    }

    /**
     * The early warning as its figures would answer for October: A 7 warnings, 5 acted on within two working
     * days, 6 participants warned in September of whom 5 were still active a month after; B 2 warnings, both
     * acted on (a group under 5).
     */
    public static WarningFigures warnings() {
        return (p, period, asOf) -> java.util.Optional.of(new WarningFigures.Warnings(Map.of(
                "jcA", new WarningFigures.PerJobcentre(7, 5, 6, 5), "jcB", new WarningFigures.PerJobcentre(2, 2, 0, 0))));
    }

    /**
     * The scenario with attendance, aftercare and the early warning answered ({@link #attendance()},
     * {@link #aftercare()}, {@link #warnings()}).
     */
    public ReportMaker makerWithFigures(java.time.Clock clock) {
        ReportSources.Sources sources = new ReportSources.Sources(p -> List.copyOf(referrals), p -> List.copyOf(moves),
                attendance(), aftercare(), (p, asOf) -> new DeliveryFigures.Nudges(2, 1), warnings());
        return new ReportMaker((p, period) -> sources, clock);
    }
}
