package dk.rampe.dynamodb;

import dk.rampe.path.ExitDescription;
import dk.rampe.path.JobKind;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.PathService;
import dk.rampe.path.PathStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Milestones as items under the referral's partition ({@code REFERRAL#{id}} /
 * {@code MILESTONE#{recordedAt}#{id}}), written once and never changed: one Query reads a path. Every record
 * moves the path's revision ({@code REFERRAL#{id}} / {@code PATH}, attribute {@code rev}) on by one in its
 * transaction, so a record decided on the path as it stood is written only if nothing came in between. A record
 * is written in one transaction with its reminders (generic due work of kind aftercare, scheduled, moved
 * or cancelled) and, when they change, the participant's internships in the attendance partition with the
 * session chain that carries them ({@link DynamoAttendanceStore}).
 */
public final class DynamoPathStore implements PathStore {
    static final String TYPE = "milestone";
    static final String REVISION_TYPE = "pathRevision";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPathStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Milestone> milestones(String referralId) {
        List<Milestone> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(Keys.referralPk(referralId)),
                            ":prefix", Attrs.s(Keys.MILESTONE_SK_PREFIX)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) out.add(read(item));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean add(Milestone m) {
        Map<String, AttributeValue> item = milestoneItem(m);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public long revision(String referralId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Keys.pathRevisionKey(referralId))).item();
        if (item == null || !item.containsKey("rev")) return 0;
        return Long.parseLong(item.get("rev").n());
    }

    @Override
    public boolean record(Milestone m, Changes changes) {
        return write(m, changes, null) == Outcome.RECORDED;
    }

    @Override
    public Outcome record(Milestone m, Changes changes, long expected) {
        return write(m, changes, expected);
    }

    /**
     * The record, its reminders, its internships and the path's revision in one transaction; with {@code expected},
     * on the condition that the revision is still that (STALE otherwise), without it the revision just moves on.
     */
    private Outcome write(Milestone m, Changes changes, Long expected) {
        DynamoDueWork dueWork = new DynamoDueWork(dynamo, table);
        DynamoAttendanceStore attendance = new DynamoAttendanceStore(dynamo, table);
        Set<String> skip = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(milestoneItem(m))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            writes.add(TransactWriteItem.builder().update(revisionUpdate(m.referralId(), expected)).build());
            List<String> scheduled = new ArrayList<>();
            for (Scheduled s : changes.schedule()) {
                if (skip.contains(s.id())) continue;
                scheduled.add(s.id());
                writes.add(TransactWriteItem.builder().put(dueWork.put(PathService.DUE_KIND, s.id(), s.dueAt(), s.work()))
                        .build());
            }
            for (String id : changes.cancel()) {
                writes.add(TransactWriteItem.builder().update(dueWork.cancel(PathService.DUE_KIND, id, m.recordedAt()))
                        .build());
            }
            if (changes.internships() != null) {
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(DynamoAttendanceStore.internshipsItem(m.referralId(), changes.internships())).build()).build());
                List<dk.rampe.attendance.Internship> periods = changes.internships();
                writes.add(attendance.chainAfterWrite(m.referralId(), c -> c.withInternships(periods)));
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return Outcome.RECORDED;
            } catch (TransactionCanceledException e) {
                if (DynamoAttendanceStore.failed(e, 0)) return Outcome.DUPLICATE; // recorded already
                if (DynamoAttendanceStore.failed(e, 1)) return Outcome.STALE; // the path moved on since it was read
                boolean doneMeanwhile = false;
                for (int i = 0; i < scheduled.size(); i++) {
                    // a reminder done already (sent) stays done: left out, the rest written
                    if (DynamoAttendanceStore.failed(e, 2 + i)) {
                        skip.add(scheduled.get(i));
                        doneMeanwhile = true;
                    }
                }
                boolean chain = changes.internships() != null && DynamoAttendanceStore.failed(e, writes.size() - 1);
                if (expected != null && !doneMeanwhile && DynamoAttendanceStore.conflicted(e)) {
                    return Outcome.STALE; // met another write of the path: the caller reads again and decides again
                }
                if (attempt >= 8 || !(doneMeanwhile || chain || DynamoAttendanceStore.conflicted(e))) throw e;
                if (!doneMeanwhile) Attrs.backoff(attempt);
            }
        }
    }

    /** The path's revision moved on by one: from {@code expected} (null: whatever it was, none counting as 0). */
    private Update revisionUpdate(String referralId, Long expected) {
        Update.Builder u = Update.builder().tableName(table).key(Keys.pathRevisionKey(referralId));
        if (expected == null) {
            return u.updateExpression("SET rev = if_not_exists(rev, :zero) + :one, #t = :type")
                    .expressionAttributeNames(Map.of("#t", "type"))
                    .expressionAttributeValues(Map.of(":zero", Attrs.n(0), ":one", Attrs.n(1),
                            ":type", Attrs.s(REVISION_TYPE))).build();
        }
        u.updateExpression("SET rev = :next, #t = :type").expressionAttributeNames(Map.of("#t", "type"));
        if (expected == 0) {
            u.conditionExpression("attribute_not_exists(rev)")
                    .expressionAttributeValues(Map.of(":next", Attrs.n(1), ":type", Attrs.s(REVISION_TYPE)));
        } else {
            u.conditionExpression("rev = :expected").expressionAttributeValues(Map.of(":next", Attrs.n(expected + 1),
                    ":expected", Attrs.n(expected), ":type", Attrs.s(REVISION_TYPE)));
        }
        return u.build();
    }

    /** The item of a milestone (also how the bench seeds paths). */
    static Map<String, AttributeValue> milestoneItem(Milestone m) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.milestoneKey(m.referralId(), m.recordedAt(), m.id()));
        item.put("type", Attrs.s(TYPE));
        item.put("milestoneId", Attrs.s(m.id()));
        item.put("referralId", Attrs.s(m.referralId()));
        item.put("milestone", Attrs.s(m.type().wireName()));
        item.put("effectiveOn", Attrs.s(m.effectiveOn().toString()));
        item.put("recordedBy", Attrs.s(m.recordedBy()));
        item.put("recordedAt", Attrs.s(m.recordedAt().toString()));
        put(item, "corrects", m.corrects());
        put(item, "employer", m.employer());
        put(item, "jobKind", m.jobKind() == null ? null : m.jobKind().wireName());
        put(item, "hoursPerWeek", m.hoursPerWeek() == null ? null : m.hoursPerWeek().toPlainString());
        put(item, "expectedEnd", m.expectedEnd() == null ? null : m.expectedEnd().toString());
        put(item, "reason", m.reason());
        put(item, "note", m.note());
        return item;
    }

    /**
     * The path's records and the exit text, and with them every other item about the participant written
     * since the referral ended (the exit's own path record and reminders come just after it), get the
     * referral's retention ({@link Retention#stampAll}; safe to repeat).
     */
    @Override
    public void expireAll(String referralId, Instant at) {
        new Retention(dynamo, table).stampAll(referralId, at);
    }

    @Override
    public void saveExitText(String referralId, ExitDescription.ConsultantText text) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.exitTextKey(referralId));
        item.put("type", Attrs.s("exitText"));
        put(item, "progress", text.progress());
        put(item, "stability", text.stability());
        put(item, "clarified", text.clarified());
        put(item, "direction", text.direction());
        item.put("employersContacted", ReferralItems.strings(text.employersContacted()));
        item.put("tasksTried", ReferralItems.strings(text.tasksTried()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<ExitDescription.ConsultantText> exitText(String referralId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.exitTextKey(referralId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new ExitDescription.ConsultantText(Attrs.str(item, "progress"), Attrs.str(item, "stability"),
                Attrs.str(item, "clarified"), ReferralItems.list(item, "employersContacted"),
                ReferralItems.list(item, "tasksTried"), Attrs.str(item, "direction")));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, Attrs.s(value));
    }

    static Milestone read(Map<String, AttributeValue> item) {
        String jobKind = Attrs.str(item, "jobKind");
        String hours = Attrs.str(item, "hoursPerWeek");
        String expectedEnd = Attrs.str(item, "expectedEnd");
        return new Milestone(Attrs.str(item, "milestoneId"), Attrs.str(item, "referralId"),
                MilestoneType.fromWire(Attrs.str(item, "milestone")).orElseThrow(),
                LocalDate.parse(Attrs.str(item, "effectiveOn")), Attrs.str(item, "recordedBy"),
                Instant.parse(Attrs.str(item, "recordedAt")), Attrs.str(item, "corrects"), Attrs.str(item, "employer"),
                jobKind == null ? null : JobKind.fromWire(jobKind).orElseThrow(),
                hours == null ? null : new BigDecimal(hours), expectedEnd == null ? null : LocalDate.parse(expectedEnd),
                Attrs.str(item, "reason"), Attrs.str(item, "note"));
    }
}
