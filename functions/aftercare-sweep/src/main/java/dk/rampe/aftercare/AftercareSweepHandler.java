package dk.rampe.aftercare;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dk.rampe.calendar.DanishHolidays;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoDueWork;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.dynamodb.DynamoWatermarks;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.log.Log;
import dk.rampe.followup.NudgeService;
import dk.rampe.path.AftercareRule;
import dk.rampe.path.AftercareSweepRule;
import dk.rampe.path.EscalationRule;
import dk.rampe.path.PathService;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.schedule.Sweeper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run every morning at 08:00 Europe/Copenhagen by EventBridge Scheduler: the reminders of the
 * participants' paths that have fallen due (read from the due index by day, never a scan) become
 * the consultant's follow-up tasks and nudges. The sweep's watermark catches up a missed day;
 * running it twice creates nothing twice (ids derived from the reminder). Escalations of reminders
 * still open five working days later ride on the same index and watermark ({@link AftercareSweepRule}).
 */
public final class AftercareSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Primed {
    static final String SWEEP = "aftercare";
    static final int BATCH = 500;

    private final Sweeper sweeper;
    private final DynamoDueWork dueWork;
    private final AftercareSweepRule rule;
    private final Priming priming;

    public AftercareSweepHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private AftercareSweepHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Clock.systemUTC());
        Priming.register(this);
    }

    public AftercareSweepHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        DynamoSettingsStore settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        // the one working-day calendar of this function: Danish public holidays and the programmes' closing days
        dk.rampe.schedule.WorkingDays calendar = DanishHolidays.workingDays(settings::current);
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        DynamoReferralStore referrals = new DynamoReferralStore(dynamo, config.table(), audit);
        DynamoWatermarks watermarks = new DynamoWatermarks(dynamo, config.table());
        NudgeService nudgeService = FollowUps.service(config, nudges, dynamo, clock, settings)
                .withLinkWorkingDays(calendar);
        this.dueWork = new DynamoDueWork(dynamo, config.table());
        this.rule = new AftercareSweepRule(new AftercareRule(referrals,
                new DynamoPathStore(dynamo, config.table()), calendar,
                nudgeService, dueWork), new EscalationRule(nudgeService, settings::current, dueWork),
                calendar, dueWork);
        this.sweeper = new Sweeper(watermarks, clock);
        // before SnapStart's snapshot: the settings read, today's working day, the sweep's watermark and a
        // referral read by a key that does not exist; reads only (the sweep itself writes)
        this.priming = new Priming("aftercare-sweep")
                .step("settings", settings::current)
                .step("calendar", () -> calendar.isWorkingDay("prime", dk.rampe.schedule.WorkingDays.today(clock)))
                .step("watermark", () -> watermarks.read(SWEEP))
                .step("referral", () -> referrals.find("prime"));
    }

    @Override
    public Priming priming() {
        return priming;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        int errors = 0;
        // a full batch: go on from where it stopped, until the day's due work is read. The reminders
        // and, on the same index, those still open five working days after their day (to the project
        // manager): one watermark and one query per day for both
        for (int round = 0; round < 20; round++) {
            Sweeper.Run<Enum<?>> run = sweeper.run(SWEEP, dueWork.index(PathService.DUE_KIND), rule, BATCH);
            run.counts().forEach((k, v) -> out.merge(k.name().toLowerCase(Locale.ROOT), v, (a, b) -> (Integer) a + (Integer) b));
            errors += run.errors();
            if (run.read() < BATCH || run.errors() > 0) break;
        }
        out.put("errors", errors);
        // item errors are logged with their frames and counted as SweepErrors by the Sweeper
        Log.info("aftercare.sweep", "results", out.toString());
        return out;
    }
}
