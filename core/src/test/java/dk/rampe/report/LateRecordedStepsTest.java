package dk.rampe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steps dated in a month but recorded after it (a referral posted with its original received date, a visitation,
 * enrolment or exit dated back): the month's figures as they stood stay the same, the late steps are listed as
 * corrections, and the next month counts them by the day they happened and lists them as late corrections.
 */
class LateRecordedStepsTest {
    static final String P = MonthlyReport.PROGRAMME;
    static final Clock NOV_1 = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), ZoneOffset.UTC);
    static final Clock NOV_5 = Clock.fixed(Instant.parse("2026-11-05T06:00:00Z"), ZoneOffset.UTC);
    static final Clock DEC_1 = Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC);
    static final Instant RECORDED = ReportScenario.local("2026-11-03T10:00");

    /** Five referrals received by jobcentre C in October, enrolled on 20 October, all recorded on 3 November. */
    private static ReportScenario withLateOctober() {
        ReportScenario s = new ReportScenario();
        for (int i = 0; i < 5; i++) {
            ReferralDetails d = new ReferralDetails("p1", "late-" + i, new Citizen(null, "Deltager", null, null),
                    Benefit.KONTANTHJAELP, new Caseworker("Sagsbehandler", null, null), List.of(), null, null, null,
                    List.of(), false, null);
            s.referrals.add(Referral.received("RL" + i, "jcC", d, "c-c", false,
                            ReportScenario.local("2026-10-0" + (i + 1) + "T12:00"), RECORDED)
                    .moveTo(ReferralStatus.ACCEPTED, ReportScenario.local("2026-10-15T12:00"), RECORDED, "staff", null,
                            null, null)
                    .moveTo(ReferralStatus.ENROLLED, ReportScenario.local("2026-10-20T12:00"), RECORDED, "staff", null,
                            null, null));
        }
        return s;
    }

    private static MonthlyReport make(ReportScenario s, Clock clock, ReportPeriod period) {
        return s.maker(clock).make(ReportScenario.programme(), ReportScenario.jobcentreNames(), period);
    }

    private static String correction(MonthlyReport r, String scope) {
        return correction(r, "status_changes_recorded_after_month_end", scope);
    }

    private static String correction(MonthlyReport r, String key, String scope) {
        return r.corrections().stream().filter(f -> f.key().equals(key) && f.scope().equals(scope)).findFirst()
                .orElseThrow().shown();
    }

    @Test
    void stepsRecordedAfterTheMonthDoNotChangeItAndAreListedAsCorrections() {
        MonthlyReport plain = make(new ReportScenario(), NOV_1, ReportScenario.OCTOBER);
        MonthlyReport before = make(withLateOctober(), NOV_1, ReportScenario.OCTOBER);
        MonthlyReport after = make(withLateOctober(), NOV_5, ReportScenario.OCTOBER);
        assertEquals(plain.figures(), before.figures(), "not known on 1 November");
        assertEquals(before.figures(), after.figures(), "October made again after the late record is the same");
        assertEquals("0", correction(before, P));
        assertEquals("15", correction(after, P), "5 referrals received, accepted and enrolled in October");
        assertEquals("15", correction(after, "jcC"));
        assertEquals("0", correction(after, "jcA"));
    }

    private static MonthlyReport after() {
        return make(withLateOctober(), NOV_5, ReportScenario.OCTOBER);
    }

    @Test
    void theNextMonthCountsThemByTheDayTheyHappened() {
        ReportPeriod november = new ReportPeriod(java.time.YearMonth.of(2026, 11), ReportScenario.ZONE);
        MonthlyReport r = make(withLateOctober(), DEC_1, november);
        // C's total (5, received in October) is in November's total; its November counts are 0 (shown, or hidden
        // where the audit hid a zero)
        assertTrue(List.of("5", Figure.HIDDEN).contains(r.shown("intake", "received.total", "jcC")) || r.shown("intake",
                "received.total", "jcC").startsWith("5" + Figure.AS_OF), "received in October, in the totals");
        assertTrue(List.of("0", Figure.HIDDEN).contains(r.shown("intake", "received.month", "jcC")), "not received in November");
        assertTrue(List.of("0", Figure.HIDDEN).contains(r.shown("intake", "accepted.month", "jcC")));
        assertEquals("0", correction(r, P), "dated in October: not a correction of November");
        assertEquals("15", correction(r, "status_changes_dated_in_earlier_months", P),
                "the late corrections of October, listed in the next report");
        assertEquals(Figure.HIDDEN, correction(r, "phase_moves_dated_in_earlier_months", P),
                "b2's internship, dated 10 October, recorded 3 November");
        assertEquals("0", correction(after(), "status_changes_dated_in_earlier_months", P));
    }
}
