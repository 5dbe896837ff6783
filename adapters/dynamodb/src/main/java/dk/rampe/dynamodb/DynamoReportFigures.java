package dk.rampe.dynamodb;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendanceRules;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.path.Path;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.report.ProgrammeFigures;
import dk.rampe.report.ProgrammeSnapshot;
import dk.rampe.report.ReportPeriod;
import dk.rampe.report.ReportSources;
import dk.rampe.schedule.WorkingDays;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads what the report's figures are computed from ({@link ProgrammeSnapshot}); the rules are core's
 * ({@link ProgrammeFigures}). Read by query, never a scan, and each item once per report ({@link #open}):
 * the programme's referrals from gsi2 ({@link DynamoReportReferrals}), then, for each participant enrolled
 * by the month's end, its path records (one query of {@code MILESTONE#}) and, unless it left before the
 * twelve months the report shows, its whole attendance partition in one query (plans, agreements,
 * registrations, notices, flag, internships, early warnings started), several participants at a time: two
 * requests a participant. The follow-up tasks the figures ask for are read by key in batches of 100, their ids
 * derived from the decision that made them (the absence's date, the path's reminder, the warning's start),
 * each once per snapshot.
 */
public final class DynamoReportFigures implements ReportSources {
    /** Participants read at the same time (each is a few queries; DynamoDB serves them in parallel). */
    static final int PARALLEL = 16;
    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoReportReferrals referrals;
    private final DynamoAttendanceStore attendance;
    private final DynamoPathStore paths;
    /** Reads only (a referral's tasks, for the early warning's figures): no audit log needed. */
    private final DynamoFollowUpStore followUps;
    private final ProgrammeFigures figures;

    public DynamoReportFigures(DynamoDbClient dynamo, String table, WorkingDays workingDays,
                               Function<String, AttendanceRules> rules) {
        this.dynamo = dynamo;
        this.table = table;
        this.referrals = new DynamoReportReferrals(dynamo, table);
        this.attendance = new DynamoAttendanceStore(dynamo, table);
        this.paths = new DynamoPathStore(dynamo, table);
        this.followUps = new DynamoFollowUpStore(dynamo, table, null);
        this.figures = new ProgrammeFigures(workingDays, rules);
    }

    /** One report's sources: the programme is read once, when a figure first needs it. */
    @Override
    public Sources open(String programmeId, ReportPeriod period) {
        return figures.sources(new Snapshot(programmeId, period), referrals);
    }

    /** The programme's history as the report reads it, loaded once (lazily) and computed from. */
    final class Snapshot implements ProgrammeSnapshot {
        private final String programmeId;
        private final ReportPeriod period;
        private final LocalDate windowFirst;
        private final LocalDate windowLast;
        private List<Referral> all;
        private Map<String, Participant> participants;
        private final Map<String, Optional<FollowUpTask>> tasks = new HashMap<>();

        Snapshot(String programmeId, ReportPeriod period) {
            this.programmeId = programmeId;
            this.period = period;
            this.windowFirst = period.month().minusMonths(11).atDay(1);
            this.windowLast = period.month().atEndOfMonth();
        }

        @Override
        public synchronized List<Referral> referrals() {
            if (all == null) all = referrals.ofProgramme(programmeId);
            return all;
        }

        /** Each referral enrolled before the month's end, with its path and (if it can matter) its attendance. */
        @Override
        public synchronized Collection<Participant> participants() {
            if (participants != null) return participants.values();
            Instant end = period.end();
            Instant windowStart = windowFirst.atStartOfDay(WorkingDays.ZONE).toInstant();
            List<Referral> enrolled = new ArrayList<>();
            for (Referral r : referrals()) {
                if (r.asOf(end).lastChangeTo(ReferralStatus.ENROLLED) != null) enrolled.add(r);
            }
            Map<String, Participant> out = new LinkedHashMap<>();
            for (Participant x : ParallelReads.map(enrolled, PARALLEL, "report-read", r -> {
                Instant exited = r.asOf(end).lastChangeTo(ReferralStatus.EXITED);
                Path path = new Path(paths.milestones(r.id()));
                if (exited != null && exited.isBefore(windowStart)) {
                    return new Participant(r, path, Attendance.empty(r.id()), List.of());
                }
                DynamoAttendanceStore.AttendanceHistory h = attendance.history(r.id(), windowFirst, windowLast);
                return new Participant(r, path, h.attendance(), h.notices(), h.warnings());
            })) {
                out.put(x.referral().id(), x);
            }
            participants = out;
            return out.values();
        }

        /** The tasks of these ids (read by key, 100 a request, each id once per snapshot). */
        @Override
        public synchronized Map<String, FollowUpTask> tasks(Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !tasks.containsKey(id)).distinct().toList();
            for (int i = 0; i < missing.size(); i += BATCH_GET) {
                List<String> chunk = missing.subList(i, Math.min(missing.size(), i + BATCH_GET));
                chunk.forEach(id -> tasks.put(id, Optional.empty()));
                Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                        .keys(chunk.stream().map(Keys::taskKey).toList()).build());
                while (request != null && !request.isEmpty()) {
                    Map<String, KeysAndAttributes> send = request;
                    BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(send));
                    for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
                        FollowUpTask t = OutboxItems.task(item);
                        tasks.put(t.taskId(), Optional.of(t));
                    }
                    request = r.hasUnprocessedKeys() && !r.unprocessedKeys().isEmpty() ? r.unprocessedKeys() : null;
                    if (request != null) Attrs.backoff(1);
                }
            }
            Map<String, FollowUpTask> out = new HashMap<>();
            for (String id : ids) tasks.getOrDefault(id, Optional.empty()).ifPresent(t -> out.put(id, t));
            return out;
        }

    }


}
