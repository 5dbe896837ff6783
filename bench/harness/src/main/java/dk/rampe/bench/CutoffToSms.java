package dk.rampe.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dk.rampe.absence.AbsenceDetectionHandler;
import dk.rampe.dynamodb.BenchItems;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.FollowUps;
import dk.rampe.followup.OutboxDispatcher;
import dk.rampe.local.LocalClock;
import dk.rampe.local.LocalScheduler;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.messaging.Notifiers;
import dk.rampe.messaging.SesEmailSender;
import dk.rampe.messaging.SnsSmsSender;
import dk.rampe.platform.NudgeConfig;
import dk.rampe.platform.RampeConfig;
import dk.rampe.testkit.FakeAwsEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The promise "the SMS is handed to SNS within 2 minutes of the cutoff", on the local clock: the local
 * runner's {@link LocalClock} and {@link LocalScheduler} fire the template's schedules (the absence
 * detection's {@code rate(1 minute)}, at whatever phase the schedule has against the cutoff, as the
 * Scheduler's), the detection handler runs in this JVM against DynamoDB Local, and the outbox dispatcher
 * (the stream's stand-in, every second) sends through the real SNS sender to an SNS stub that notes the
 * local time it was handed the SMS. One participant planned Monday to Friday at 09:00 with nothing
 * registered; each weekday a trial whose schedule runs at another second of the minute. The clock moves a
 * second at a time; the real time the functions take is on it too (it is real time plus an offset).
 */
final class CutoffToSms {
    static final Duration BUDGET = Duration.ofMinutes(2);
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    /** Monday 23 November 2026 (no holiday that week); the clock is set there, whatever day it is. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    /** Where the detection's schedule runs against the cutoff's minute, one trial each (seconds). */
    private static final int[] PHASES = {1, 15, 30, 45, 59};

    record Result(List<Duration> lags, List<Integer> phases) {
        Duration max() {
            return lags.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    private CutoffToSms() {
    }

    static Result measure(SamTemplate template, String settingsJson) {
        Instant start = MONDAY.atTime(7, 0).atZone(CPH).toInstant();
        LocalClock clock = new LocalClock(Clock.systemUTC(), start);
        java.util.Queue<Instant> handedToSns = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (LocalDynamo db = new LocalDynamo(template, settingsJson);
             FakeAwsEndpoint ses = FakeAwsEndpoint.start(r -> FakeAwsEndpoint.sesSent("0100018c-bench-ses"));
             FakeAwsEndpoint sns = FakeAwsEndpoint.start(r -> {
                 String message = r.form().getOrDefault("Message", "");
                 if (message.contains("Fravær i dag") && !message.startsWith("Påmindelse")) {
                     handedToSns.add(clock.instant());
                 }
                 return FakeAwsEndpoint.snsPublished("bench-sns");
             })) {
            Map<String, String> env = new HashMap<>(LocalDynamo.TABLES);
            env.put("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint());
            env.put("AWS_ENDPOINT_URL_SES", ses.endpoint());
            env.put("AWS_ENDPOINT_URL_SNS", sns.endpoint());
            env.put("AWS_REGION", "eu-north-1");
            RampeConfig config = RampeConfig.from(env);
            NudgeConfig nudges = NudgeConfig.from(env);
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
            var notifier = Notifiers.byChannel(
                    new SesEmailSender(SesEmailSender.client("eu-north-1", ses.endpoint(), credentials),
                            nudges.emailSender(), null),
                    new SnsSmsSender(SnsSmsSender.client("eu-north-1", sns.endpoint(), credentials), nudges.smsSenderId()));
            OutboxDispatcher dispatcher = FollowUps.dispatcher(config, nudges, db.client(), notifier, clock);
            AbsenceDetectionHandler detection = new AbsenceDetectionHandler(config, nudges, db.client(), clock);
            RequestHandler<Map<String, Object>, Map<String, Object>> nothing = (in, c) -> Map.of();
            String referralId = BenchItems.plannedParticipant(db.client(), db.table(),
                    new DynamoAuditLog(db.client(), config.auditTable(), config.auditRetention()), "RBLATENCY0001", MONDAY,
                    LocalTime.of(9, 0), clock);

            List<Duration> lags = new ArrayList<>();
            List<Integer> phases = new ArrayList<>();
            for (int day = 0; day < PHASES.length; day++) {
                LocalDate date = MONDAY.plusDays(day);
                Instant cutoff = date.atTime(9, 30).atZone(CPH).toInstant();
                // a schedule made three minutes before the cutoff's minute, plus the phase: it runs every minute
                // from then on, so at the phase's second of each minute
                advanceTo(clock, cutoff.minus(Duration.ofMinutes(3)).plusSeconds(PHASES[day]));
                handedToSns.clear();
                LocalScheduler scheduler = LocalScheduler.manual(template,
                        handler -> handler.equals(AbsenceDetectionHandler.class.getName()) ? detection : nothing, clock);
                while (handedToSns.isEmpty() && clock.instant().isBefore(cutoff.plus(Duration.ofMinutes(10)))) {
                    clock.advance(Duration.ofSeconds(1));
                    scheduler.fireDue();
                    dispatcher.dispatchDue(100);
                }
                scheduler.close();
                Instant handed = handedToSns.stream().min(Instant::compareTo).orElse(null);
                if (handed == null) throw new IllegalStateException("no SMS for " + referralId + " on " + date);
                lags.add(Duration.between(cutoff, handed));
                phases.add(PHASES[day]);
                BenchMain.log(String.format(Locale.ROOT, "cutoff → SMS, %s (schedule at :%02d): %.1f s", date, PHASES[day],
                        Duration.between(cutoff, handed).toMillis() / 1000.0));
            }
            return new Result(lags, phases);
        }
    }

    private static void advanceTo(LocalClock clock, Instant t) {
        Duration d = Duration.between(clock.instant(), t);
        if (d.isNegative()) throw new IllegalStateException("the local clock is past " + t);
        clock.advance(d);
    }
}
