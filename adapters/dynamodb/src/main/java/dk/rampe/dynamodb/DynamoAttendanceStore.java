package dk.rampe.dynamodb;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.followup.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attendance in the Rampe table, one partition per referral ({@code ATTENDANCE#{referralId}}):
 * plan steps by from-date, agreements and registrations by date then time (so a date range is one
 * Query each), notices by time, and the flag. Corrections are new items: nothing is overwritten
 * but a plan step with the same from-date.
 */
public final class DynamoAttendanceStore implements AttendanceStore {
    static final String TYPE = "attendance";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAttendanceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void putPlan(String referralId, AttendancePlan plan) {
        Map<String, AttributeValue> item = planItem(referralId, plan);
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The item of a referral's plan (also how the bench seeds plans). */
    static Map<String, AttributeValue> planItem(String referralId, AttendancePlan plan) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendancePlanKey(referralId, plan.validFrom()));
        item.put("type", Attrs.s(TYPE));
        item.put("validFrom", Attrs.s(plan.validFrom().toString()));
        item.put("weekdays", Attrs.s(String.join(",", plan.weekdays().stream().map(DayOfWeek::name).toList())));
        item.put("start", Attrs.s(plan.start().toString()));
        item.put("minutes", Attrs.n(plan.minutes()));
        item.put("recordedBy", Attrs.s(plan.recordedBy()));
        item.put("recordedAt", Attrs.s(plan.recordedAt().toString()));
        return item;
    }

    @Override
    public void addAgreement(String referralId, Agreement a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceAgreementKey(referralId, a.date(),
                a.recordedAt(), Integer.toHexString(a.hashCode())));
        item.put("type", Attrs.s(TYPE));
        item.put("date", Attrs.s(a.date().toString()));
        item.put("dayOff", Attrs.bool(a.dayOff()));
        if (a.start() != null) item.put("start", Attrs.s(a.start().toString()));
        if (a.minutes() != null) item.put("minutes", Attrs.n(a.minutes()));
        item.put("recordedBy", Attrs.s(a.recordedBy()));
        item.put("recordedAt", Attrs.s(a.recordedAt().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean addRegistration(String referralId, Registration r) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceRegistrationKey(referralId, r.date(),
                r.recordedAt(), r.id()));
        item.put("type", Attrs.s(TYPE));
        item.put("registrationId", Attrs.s(r.id()));
        item.put("date", Attrs.s(r.date().toString()));
        item.put("status", Attrs.s(r.status().wireName()));
        if (r.arrival() != null) item.put("arrival", Attrs.s(r.arrival().toString()));
        if (r.reason() != null) item.put("reason", Attrs.s(r.reason().wireName()));
        item.put("recordedBy", Attrs.s(r.recordedBy()));
        item.put("recordedAt", Attrs.s(r.recordedAt().toString()));
        item.put("detected", Attrs.bool(r.detected()));
        item.put("review", Attrs.bool(r.review()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Attendance load(String referralId, LocalDate from, LocalDate to) {
        String pk = Keys.attendancePk(referralId);
        List<AttendancePlan> plans = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(pk, Keys.ATTENDANCE_PLAN, null)) {
            plans.add(new AttendancePlan(LocalDate.parse(Attrs.str(m, "validFrom")), weekdays(Attrs.str(m, "weekdays")),
                    LocalTime.parse(Attrs.str(m, "start")), (int) Attrs.num(m, "minutes"), Attrs.str(m, "recordedBy"),
                    Instant.parse(Attrs.str(m, "recordedAt"))));
        }
        List<Agreement> agreements = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(pk, null,
                Keys.attendanceRange(Keys.ATTENDANCE_AGREEMENT, from, to))) {
            boolean dayOff = Attrs.flag(m, "dayOff");
            agreements.add(new Agreement(LocalDate.parse(Attrs.str(m, "date")), dayOff,
                    dayOff ? null : LocalTime.parse(Attrs.str(m, "start")),
                    dayOff ? null : (int) Attrs.num(m, "minutes"), Attrs.str(m, "recordedBy"),
                    Instant.parse(Attrs.str(m, "recordedAt"))));
        }
        List<Registration> registrations = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(pk, null,
                Keys.attendanceRange(Keys.ATTENDANCE_REGISTRATION, from, to))) {
            registrations.add(registration(m));
        }
        Map<String, AttributeValue> flag = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.attendanceFlagKey(referralId))).item();
        return new Attendance(referralId, plans, agreements, registrations, flag != null && !flag.isEmpty());
    }

    @Override
    public boolean addNotice(Notice notice, boolean flag, OutboxMessage email) {
        List<TransactWriteItem> writes = new ArrayList<>(3);
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceNoticeKey(notice.referralId(),
                notice.date(), notice.id()));
        item.put("type", Attrs.s(TYPE));
        item.put("noticeId", Attrs.s(notice.id()));
        item.put("referralId", Attrs.s(notice.referralId()));
        item.put("jobcentreId", Attrs.s(notice.jobcentreId()));
        item.put("date", Attrs.s(notice.date().toString()));
        item.put("reasons", Attrs.s(String.join(",", notice.reasons().stream().map(Notice.Reason::name).toList())));
        item.put("createdAt", Attrs.s(notice.createdAt().toString()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        if (flag) {
            Map<String, AttributeValue> f = new HashMap<>(Keys.attendanceFlagKey(notice.referralId()));
            f.put("type", Attrs.s(TYPE));
            f.put("flaggedAt", Attrs.s(notice.createdAt().toString()));
            f.put("noticeId", Attrs.s(notice.id()));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(f).build()).build());
        }
        if (email != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(OutboxItems.messageItem(email)).conditionExpression("attribute_not_exists(pk)").build())
                    .build());
        }
        // the notice key is derived from the decision (referral and date): a second run writes nothing
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public List<Notice> notices(String referralId) {
        List<Notice> out = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(Keys.attendancePk(referralId), Keys.ATTENDANCE_NOTICE, null)) {
            List<Notice.Reason> reasons = Arrays.stream(Attrs.str(m, "reasons").split(","))
                    .filter(s -> !s.isEmpty()).map(Notice.Reason::valueOf).toList();
            out.add(new Notice(Attrs.str(m, "noticeId"), Attrs.str(m, "referralId"), Attrs.str(m, "jobcentreId"),
                    LocalDate.parse(Attrs.str(m, "date")), reasons, Instant.parse(Attrs.str(m, "createdAt"))));
        }
        return out;
    }

    @Override
    public void recordSmsConsent(String referralId, boolean consent, String actor, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceSmsConsentKey(referralId));
        item.put("type", Attrs.s(TYPE));
        item.put("consent", Attrs.bool(consent));
        item.put("recordedBy", Attrs.s(actor));
        item.put("recordedAt", Attrs.s(at.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean smsConsent(String referralId) {
        Map<String, AttributeValue> m = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Keys.attendanceSmsConsentKey(referralId))).item();
        return m != null && !m.isEmpty() && Attrs.flag(m, "consent");
    }

    private static Registration registration(Map<String, AttributeValue> m) {
        String arrival = Attrs.str(m, "arrival");
        String reason = Attrs.str(m, "reason");
        return new Registration(Attrs.str(m, "registrationId"), LocalDate.parse(Attrs.str(m, "date")),
                Registration.Status.fromWire(Attrs.str(m, "status")).orElseThrow(),
                arrival == null ? null : LocalTime.parse(arrival),
                reason == null ? null : Registration.Reason.fromWire(reason).orElseThrow(),
                Attrs.str(m, "recordedBy"), Instant.parse(Attrs.str(m, "recordedAt")), Attrs.flag(m, "detected"),
                Attrs.flag(m, "review"));
    }

    private static Set<DayOfWeek> weekdays(String s) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : s.split(",")) if (!d.isEmpty()) out.add(DayOfWeek.valueOf(d));
        return out;
    }

    /** All items of the partition with a sort-key prefix, or in a sort-key range; every page. */
    private List<Map<String, AttributeValue>> query(String pk, String prefix, String[] range) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", Attrs.s(pk));
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true);
            if (prefix != null) {
                values.put(":p", Attrs.s(prefix));
                q.keyConditionExpression("pk = :pk AND begins_with(sk, :p)");
            } else {
                values.put(":a", Attrs.s(range[0]));
                values.put(":b", Attrs.s(range[1]));
                q.keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b");
            }
            q.expressionAttributeValues(values);
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse r = dynamo.query(q.build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
