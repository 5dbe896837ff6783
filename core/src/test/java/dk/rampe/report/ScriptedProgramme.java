package dk.rampe.report;

import dk.rampe.path.JobKind;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A year of a programme (January to December 2026, the partners of {@link ReportScenario#programme()}),
 * scripted from a fixed seed: every month each of jobcentres A and B refers 0 to 6 people; most are
 * accepted and start, some are declined or outside the target group, some wait; participants start
 * internships and jobs of every kind and leave with every outcome. Everything is recorded when it
 * happens. {@link #facts} keeps what happened, counted apart from the report's rules.
 */
public final class ScriptedProgramme {
    public final List<Referral> referrals = new ArrayList<>();
    final List<PhaseMove> moves = new ArrayList<>();
    /** What happened, one fact per event: kind ("referred", "enrolled", "internship", "job.{kind}", "exit.{outcome}"), jobcentre, when. */
    final List<Fact> facts = new ArrayList<>();

    record Fact(String kind, String jobcentre, Instant at) {
    }

    public ScriptedProgramme(long seed) {
        Random rnd = new Random(seed);
        int n = 0;
        for (int month = 1; month <= 12; month++) {
            for (String jc : List.of("jcA", "jcB")) {
                int referred = rnd.nextInt(7);
                for (int i = 0; i < referred; i++) {
                    n++;
                    Instant at = day(2026, month, 1 + rnd.nextInt(28));
                    Referral r = Referral.received(String.format("S%03d", n), jc, details(n), "c-" + jc, false, at);
                    facts.add(new Fact("referred", jc, at));
                    int fate = rnd.nextInt(20);
                    Instant decided = at.plus(Duration.ofDays(3 + rnd.nextInt(20)));
                    if (fate < 3) {
                        r = r.moveTo(ReferralStatus.DECLINED, decided, "staff", "nej", null, fate == 0 ? "health" : null);
                    } else if (fate == 3) {
                        r = r.moveTo(ReferralStatus.OUTSIDE_TARGET_GROUP, decided, "staff", "uden for", null);
                    } else if (fate > 4) {
                        Instant enrolled = decided.plus(Duration.ofDays(2 + rnd.nextInt(10)));
                        r = r.moveTo(ReferralStatus.ACCEPTED, decided, "staff", null, null)
                                .moveTo(ReferralStatus.ENROLLED, enrolled, "staff", null, null);
                        facts.add(new Fact("enrolled", jc, enrolled));
                        Instant t = enrolled;
                        JobKind job = null;
                        if (rnd.nextInt(3) > 0) {
                            t = t.plus(Duration.ofDays(10 + rnd.nextInt(40)));
                            moves.add(new PhaseMove(r.id(), Phase.INTERNSHIP, t, t.plusSeconds(60)));
                            facts.add(new Fact("internship", jc, t));
                        }
                        if (rnd.nextInt(2) == 0) {
                            t = t.plus(Duration.ofDays(20 + rnd.nextInt(60)));
                            job = JobKind.values()[rnd.nextInt(JobKind.values().length)];
                            moves.add(new PhaseMove(r.id(), Phase.PAID_HOURS_OR_JOB, t, t.plusSeconds(60),
                                    job == JobKind.ORDINARY, job));
                            facts.add(new Fact("job." + job.wireName(), jc, t));
                        }
                        if (rnd.nextInt(3) > 0) {
                            t = t.plus(Duration.ofDays(15 + rnd.nextInt(60)));
                            ExitOutcome o = job != null ? switch (job) {
                                case ORDINARY -> ExitOutcome.ORDINARY_JOB;
                                case FLEXJOB -> ExitOutcome.FLEXJOB;
                                case WAGE_SUBSIDY -> ExitOutcome.WAGE_SUBSIDY;
                                case SOCIAL_ECONOMY -> ExitOutcome.SOCIAL_ECONOMY_JOB;
                            } : ExitOutcome.values()[4 + rnd.nextInt(ExitOutcome.values().length - 4)];
                            r = r.moveTo(ReferralStatus.EXITED, t, "staff", "slut", o.wireName());
                            facts.add(new Fact("exit." + o.wireName(), jc, t));
                        }
                    }
                    referrals.add(r);
                }
            }
        }
    }

    /** What happened of {@code kind} in {@code jobcentre} (or the programme) before {@code end}. */
    public long count(String kind, String jobcentre, Instant end) {
        return facts.stream().filter(f -> f.kind().equals(kind) || (kind.endsWith(".") && f.kind().startsWith(kind)))
                .filter(f -> jobcentre.equals(MonthlyReport.PROGRAMME) || f.jobcentre().equals(jobcentre))
                .filter(f -> f.at().isBefore(end)).count();
    }

    /** The report of {@code month}, made on the first day of the next. */
    MonthlyReport report(YearMonth month) {
        ReportPeriod period = new ReportPeriod(month, ReportScenario.ZONE);
        Clock clock = Clock.fixed(period.end().plus(Duration.ofHours(7)), ZoneOffset.UTC);
        return new ReportMaker(p -> List.copyOf(referrals), p -> List.copyOf(moves), AttendanceFigures.notRecordedYet(),
                AftercareFigures.notRecordedYet(), (p, asOf) -> new DeliveryFigures.Nudges(0, 0), clock)
                .make(ReportScenario.programme(), ReportScenario.jobcentreNames(), period);
    }

    /** The report of {@code month} made at {@code at} from the referrals and moves held now, reading and keeping {@code facts}. */
    MonthlyReport report(YearMonth month, Instant at, MonthlyFacts facts) {
        List<Referral> r = List.copyOf(referrals);
        List<PhaseMove> m = List.copyOf(moves);
        return new ReportMaker(ReportSources.of(p -> r, p -> m, AttendanceFigures.notRecordedYet(),
                AftercareFigures.notRecordedYet(), (p, asOf) -> new DeliveryFigures.Nudges(0, 0)), facts,
                Clock.fixed(at, ZoneOffset.UTC)).make(ReportScenario.programme(), ReportScenario.jobcentreNames(),
                new ReportPeriod(month, ReportScenario.ZONE));
    }

    /**
     * Deletes what the retention deletes by {@code now}: every referral that ended (exited, declined, outside
     * the target group) {@code retention} or longer before, with its phase moves. The number deleted.
     */
    int deleteEndedBefore(Instant now, Duration retention) {
        List<String> gone = referrals.stream().filter(r -> !r.history().isEmpty())
                .filter(r -> r.status() == ReferralStatus.EXITED || r.status() == ReferralStatus.DECLINED
                        || r.status() == ReferralStatus.OUTSIDE_TARGET_GROUP)
                .filter(r -> !r.history().get(r.history().size() - 1).at().plus(retention).isAfter(now))
                .map(Referral::id).toList();
        referrals.removeIf(r -> gone.contains(r.id()));
        moves.removeIf(m -> gone.contains(m.referralId()));
        return gone.size();
    }

    private static Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(ReportScenario.ZONE).toInstant();
    }

    private static ReferralDetails details(int n) {
        return new ReferralDetails("p1", "ref-" + n, new Citizen(null, "Deltager " + n, null, null), Benefit.KONTANTHJAELP,
                new Caseworker("Sagsbehandler", null, null), List.of(), null, null, null, List.of(), false, null);
    }
}
