package dk.rampe.absence;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dk.rampe.attendance.AbsenceDetection;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.calendar.DanishHolidays;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoDueWork;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.dynamodb.DynamoWatermarks;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.log.Log;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.schedule.Sweeper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run every minute by EventBridge Scheduler (Europe/Copenhagen): the sessions whose cutoff has
 * passed since the last run, read from the due index (kind {@value AttendanceService#KIND}), go
 * through {@link AbsenceDetection}. A missed run is caught up by the next (the sweep's watermark).
 */
public final class AbsenceDetectionHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Primed {
    static final String SWEEP = "absence";
    static final int BATCH = 200;

    private final Sweeper sweeper;
    private final DynamoDueWork dueWork;
    private final AbsenceDetection rule;
    private final Priming priming;

    public AbsenceDetectionHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private AbsenceDetectionHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Clock.systemUTC());
        Priming.register(this);
    }

    public AbsenceDetectionHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        DynamoSettingsStore settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        // the one working-day calendar of this function: Danish public holidays and the programmes' closing days
        dk.rampe.schedule.WorkingDays calendar = DanishHolidays.workingDays(settings::current);
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        DynamoReferralStore referrals = new DynamoReferralStore(dynamo, config.table(), audit);
        DynamoWatermarks watermarks = new DynamoWatermarks(dynamo, config.table());
        this.dueWork = new DynamoDueWork(dynamo, config.table());
        this.sweeper = new Sweeper(watermarks, clock);
        this.rule = new AbsenceDetection(referrals,
                new DynamoAttendanceStore(dynamo, config.table()), dueWork,
                calendar, FollowUps.service(config, nudges, dynamo, clock, settings)
                        .withLinkWorkingDays(calendar),
                programmeId -> AttendanceRules.of(settings::current, programmeId), config.publicBaseUrl(),
                settings::current);
        // before SnapStart's snapshot: the settings read, today's working day, the sweep's watermark and a
        // referral read by a key that does not exist; reads only (the sweep itself writes, so it is not run)
        this.priming = new Priming("absence-detection")
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
        Sweeper.Run<AbsenceDetection.Outcome> run = sweeper.run(SWEEP, dueWork.index(AttendanceService.KIND), rule, BATCH);
        Map<String, Object> out = new LinkedHashMap<>();
        run.counts().forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        out.put("read", run.read());
        out.put("errors", run.errors());
        Log.info("absence.sweep", "results", run.counts().toString(), "errors", Integer.toString(run.errors()));
        return out;
    }
}
