package dk.rampe.todays;

import dk.rampe.platform.Primed;
import dk.rampe.platform.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.attendance.TodaysList;
import dk.rampe.attendance.TodaysListMessages;
import dk.rampe.attendance.TodaysListRun;
import dk.rampe.attendance.TodaysListTokens;
import dk.rampe.calendar.DanishHolidays;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoClients;
import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.dynamodb.DynamoReferralStore;
import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.dynamodb.DynamoWatermarks;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Today's list, run by EventBridge Scheduler on working-day mornings (Europe/Copenhagen,
 * from 07:30 every 15 minutes until noon): each consultant with participants expected today gets one
 * nudge through the outbox with the signed link to their list ({@link TodaysListRun}). The first run
 * of the morning sends; a later one catches up a missed 07:30 (an outage) and otherwise stops after
 * reading one watermark. A failed consultant fails the invocation (the alarm) after the others are done.
 * <p>{@code RAMPE_TODAYS_LIST_WINDOW} ({@code 07:30-12:00}) is when a run sends; outside it a run
 * does nothing (the bench widens it to measure a full run at any hour).
 */
public final class TodaysListHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Primed {
    private final TodaysListRun run;
    private final Priming priming;

    public TodaysListHandler() {
        this(RampeConfig.fromEnvironment(), NudgeConfig.fromEnvironment());
    }

    private TodaysListHandler(RampeConfig config, NudgeConfig nudges) {
        this(config, nudges, DynamoClients.create(config), Clock.systemUTC());
        Priming.register(this);
    }

    /** Used by tests and the local runner (the window from the environment, else 07:30-12:00). */
    public TodaysListHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock) {
        this(config, nudges, dynamo, clock, window(System.getenv("RAMPE_TODAYS_LIST_WINDOW")));
    }

    TodaysListHandler(RampeConfig config, NudgeConfig nudges, DynamoDbClient dynamo, Clock clock, LocalTime[] window) {
        DynamoSettingsStore settings = new DynamoSettingsStore(dynamo, config.table(), clock, Duration.ofMinutes(1));
        // the one working-day calendar of this function: Danish public holidays and the programmes' closing days
        dk.rampe.schedule.WorkingDays calendar = DanishHolidays.workingDays(settings::current);
        DynamoAuditLog audit = new DynamoAuditLog(dynamo, config.auditTable(), config.auditRetention());
        TodaysList lists = new TodaysList(settings::current, new DynamoReferralStore(dynamo, config.table(), audit),
                new DynamoAttendanceStore(dynamo, config.table()), calendar,
                programmeId -> AttendanceRules.of(settings::current, programmeId));
        this.run = new TodaysListRun(lists, new TodaysListTokens(nudges.tokenKey()),
                new TodaysListMessages(nudges.productName()), new DynamoOutbox(dynamo, config.table()),
                new DynamoWatermarks(dynamo, config.table()), settings::current, clock, config.publicBaseUrl(),
                window[0], window[1]);
        // before SnapStart's snapshot: the settings read, today's working day (every run asks the holiday
        // calendar: its first year is computed then, not in the first run) and a referral read by a key that
        // does not exist; reads only (the run itself writes the outbox and its watermark)
        DynamoReferralStore referrals = new DynamoReferralStore(dynamo, config.table(), audit);
        this.priming = new Priming("todays-list")
                .step("settings", settings::current)
                .step("calendar", () -> calendar.isWorkingDay("prime", dk.rampe.schedule.WorkingDays.today(clock)))
                .step("referral", () -> referrals.find("prime"));
    }

    @Override
    public Priming priming() {
        return priming;
    }

    /** {@code HH:MM-HH:MM}; null or blank: 07:30-12:00. */
    static LocalTime[] window(String s) {
        if (s == null || s.isBlank()) return new LocalTime[] {TodaysListRun.FROM, TodaysListRun.UNTIL};
        String[] p = s.strip().split("-");
        if (p.length != 2) throw new IllegalArgumentException("RAMPE_TODAYS_LIST_WINDOW must be HH:MM-HH:MM");
        return new LocalTime[] {LocalTime.parse(p[0].strip()), LocalTime.parse(p[1].strip())};
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        TodaysListRun.Result r = run.run();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
        out.put("date", r.date().toString());
        out.put("lists", r.lists());
        out.put("participants", r.participants());
        out.put("messages", r.messages());
        out.put("errors", r.errors());
        // the others are written; the failed ones are logged with frames and counted (SweepErrors, alarmed),
        // and the next run tries again (the watermark stays): the sweeps' one failure policy
        return out;
    }
}
