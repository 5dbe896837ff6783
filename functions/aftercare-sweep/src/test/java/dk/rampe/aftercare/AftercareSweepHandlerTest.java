package dk.rampe.aftercare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rampe.calendar.DanishHolidays;
import dk.rampe.core.Caller;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.dynamodb.DynamoDueWork;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.local.embedded.Events;
import dk.rampe.path.JobKind;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.PathService;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.CitizenMatchKey;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralService;
import dk.rampe.testkit.RampeFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The aftercare sweep handler on DynamoDB Local with the real SDK client: a missed morning is caught
 * up by the next run through the watermark, and a second run creates nothing twice.
 */
class AftercareSweepHandlerTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    private static Instant at(String day, int hour) {
        return LocalDate.parse(day).atTime(hour, 0).atZone(CPH).toInstant();
    }

    @Test
    void aMissedMorningIsCaughtUpAndASecondRunCreatesNothing() {
        RampeFixture f = new RampeFixture(at("2026-11-23", 10), Map.of("RAMPE_MATCH_KEY_SECRET", "test-pepper-0123456789abcdef"));
        f.loadSettings(Events.text("settings-sample.json"));
        ReferralService referrals = new ReferralService(f.referrals, f.settingsStore, f.audit, f.clock, CPH,
                new CitizenMatchKey("test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), Duration.ofDays(365));
        PathService paths = new PathService(new DynamoPathStore(f.dynamo, f.config.table()), referrals,
                new DynamoDueWork(f.dynamo, f.config.table()), DanishHolidays.workingDays(f.settingsStore::current), f.clock);
        Caller anna = Caller.staff("c-anna");
        String id = referrals.submit(Caller.jobcentre("jc-aarhus"), new ReferralDetails("rampe-oestjylland", "AAR-1",
                new Citizen(Cpr.stored("0101901234"), "Søren", PhoneNumber.parse("20 12 34 56").orElseThrow(), null),
                Benefit.KONTANTHJAELP, new Caseworker("Birthe", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null),
                List.of("Lager"), "", "", "", List.of(), false, null), null).answer().referralId();
        referrals.recordVisitation(anna, id, ReferralService.VisitationDecision.ACCEPTED, null);
        paths.statusChanged(referrals.enrol(anna, id), MilestoneType.ENROLLED, anna.id(), null);
        paths.record(anna, id, new PathService.NewMilestone(MilestoneType.JOB_STARTED, LocalDate.parse("2026-11-23"),
                null, "Lager A/S", JobKind.ORDINARY, new BigDecimal("20"), null, null, null));

        AftercareSweepHandler handler = new AftercareSweepHandler(f.config, f.nudges, f.dynamo, f.clock);
        f.clock.set(at("2027-02-22", 8));
        assertEquals(Map.of("errors", 0), handler.handleRequest(Map.of(), null), "nothing due before 23 February");
        // no run on 23 and 24 February; the run on the 25th catches up
        f.clock.set(at("2027-02-25", 8));
        Map<String, Object> caughtUp = handler.handleRequest(Map.of(), null);
        assertEquals(1, caughtUp.get("created"), caughtUp.toString());
        assertEquals(Map.of("errors", 0), handler.handleRequest(Map.of(), null), "a second run creates nothing");
    }
}
