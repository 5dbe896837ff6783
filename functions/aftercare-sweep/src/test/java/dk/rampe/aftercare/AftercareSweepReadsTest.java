package dk.rampe.aftercare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dk.rampe.platform.AwsClients;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What the daily sweep reads: per due reminder its item on the due index and its referral (GetItem),
 * not its path (the record and its reminders are one write, so the due item is what the path calls
 * for); per run the watermark, one due-index query per UTC day of the window (reminders and escalations
 * share the index) and the settings. The same with a thousand other reminders waiting for other days:
 * reads grow with what is due, not with the participants (the due index is partitioned by day; never a
 * scan). Counted as requests and, as the bench counts them, as items (a Query's scanned items, a GetItem's
 * item).
 */
class AftercareSweepReadsTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    static final class Counting implements ExecutionInterceptor {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger items = new AtomicInteger();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse q) {
                reads.incrementAndGet();
                items.addAndGet(q.scannedCount() == null ? q.count() : q.scannedCount());
            } else if (context.response() instanceof GetItemResponse g) {
                reads.incrementAndGet();
                if (g.hasItem() && !g.item().isEmpty()) items.incrementAndGet();
            }
        }
    }

    /** Requests and items read by one morning's run. */
    record Reads(int requests, int items) {
    }

    private static Instant at(String day, int hour) {
        return LocalDate.parse(day).atTime(hour, 0).atZone(CPH).toInstant();
    }

    private Reads readsOfOneMorning(int waiting) {
        RampeFixture f = new RampeFixture(at("2026-11-23", 10), Map.of("RAMPE_MATCH_KEY_SECRET", "test-pepper-0123456789abcdef"));
        f.loadSettings(Events.text("settings-sample.json"));
        ReferralService referrals = new ReferralService(f.referrals, f.settingsStore, f.audit, f.clock, CPH,
                new CitizenMatchKey("test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), Duration.ofDays(365));
        DynamoDueWork dueWork = new DynamoDueWork(f.dynamo, f.config.table());
        PathService paths = new PathService(new DynamoPathStore(f.dynamo, f.config.table()), referrals, dueWork,
                DanishHolidays.workingDays(f.settingsStore::current), f.clock);
        Caller anna = Caller.staff("c-anna");
        String[] cprs = {"0101901234", "0202851234", "0303751234", "0404651234"};
        for (int i = 0; i < cprs.length; i++) {
            String id = referrals.submit(Caller.jobcentre("jc-aarhus"), new ReferralDetails("rampe-oestjylland", "AAR-" + i,
                    new Citizen(Cpr.stored(cprs[i]), "Søren", PhoneNumber.parse("20 12 34 56").orElseThrow(), null),
                    Benefit.KONTANTHJAELP, new Caseworker("Birthe", EmailAddress.parse("b@jobcenter.example").orElseThrow(), null),
                    List.of("Lager"), "", "", "", List.of(), false, null), null).answer().referralId();
            referrals.recordVisitation(anna, id, ReferralService.VisitationDecision.ACCEPTED, null);
            paths.statusChanged(referrals.enrol(anna, id), MilestoneType.ENROLLED, anna.id(), null);
            paths.record(anna, id, new PathService.NewMilestone(MilestoneType.JOB_STARTED, LocalDate.parse("2026-11-23"),
                    null, "Lager A/S", JobKind.ORDINARY, new BigDecimal("20"), null, null, null));
        }
        for (int i = 0; i < waiting; i++) {
            dueWork.schedule(PathService.DUE_KIND, "AW" + i, at("2027-03-10", 8).plusSeconds(i),
                    Map.of("referralId", "R0000000000" + (i % 10) + "A"));
        }
        Counting counting = new Counting();
        DynamoDbClient counted = AwsClients.configure(DynamoDbClient.builder(), "eu-north-1",
                RampeFixture.sharedDynamo().endpoint(), StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(counting)).build();
        AftercareSweepHandler handler = new AftercareSweepHandler(f.config, f.nudges, counted, f.clock);
        f.clock.set(at("2027-02-22", 8));
        handler.handleRequest(Map.of(), null); // yesterday's run: the watermarks
        f.clock.set(at("2027-02-23", 8));
        counting.reads.set(0);
        counting.items.set(0);
        Map<String, Object> run = handler.handleRequest(Map.of(), null);
        assertEquals(cprs.length, run.get("created"), run.toString());
        return new Reads(counting.reads.get(), counting.items.get());
    }

    @Test
    void readsGrowWithWhatIsDueNotWithWhatIsWaiting() {
        Reads few = readsOfOneMorning(0);
        Reads many = readsOfOneMorning(1000);
        assertEquals(few, many, "a thousand reminders for other days add no reads");
        // requests: 4 due, one GetItem each (the referral); the sweep's watermark and the two UTC days an
        // 08:00 window touches (3; escalations ride on the same index and watermark), the settings (1)
        assertEquals(4 + 4, few.requests());
        // items: per due reminder its index item and its referral (2 x 4), the watermark and the settings:
        // 2 x due + 2, within the budget (2 x due + 5)
        assertEquals(2 * 4 + 2, few.items());
        assertTrue(few.items() <= 2 * 4 + 5, "budget: 2 x due + 5 items");
    }
}
