package dk.rampe.dynamodb;

import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.EarlyWarning;
import dk.rampe.attendance.Warning;
import dk.rampe.attendance.Internship;
import dk.rampe.attendance.SessionChain;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.followup.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Attendance in the Rampe table, one partition per referral ({@code ATTENDANCE#{referralId}}):
 * plan steps by from-date, agreements and registrations by date then time (so a date range is one
 * Query each), notices by time, the flag, the SMS consent, the internships, and the referral's
 * {@link SessionChain} ({@code NEXT}: on gsi1 under {@code DUE#absence#{day}} while it waits for a session,
 * its copy in the projected map {@code dueWork}, so the detection reads it from the index alone).
 * Corrections are new items: nothing is overwritten but a plan step with the same from-date.
 * <p>
 * Every write of a plan step, agreement, registration, consent or the internships writes the chain in the
 * same transaction ({@link SessionChain#afterWrite}), conditional on the chain's revision as read (or on
 * there being none): a write that meets a concurrent one reads the chain again and is tried again.
 */
public final class DynamoAttendanceStore implements AttendanceStore {
    static final String TYPE = "attendance";
    private static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAttendanceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void putPlan(String referralId, AttendancePlan plan) {
        withChain(referralId, put(planItem(referralId, plan), null), c -> c.with(plan));
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
        if (plan.duringInternship()) item.put("duringInternship", Attrs.bool(true));
        return item;
    }

    @Override
    public void addAgreement(String referralId, Agreement a) {
        withChain(referralId, put(agreementItem(referralId, a), null), c -> c.with(a));
    }

    /** The item of an agreement (also how the bench seeds them). */
    static Map<String, AttributeValue> agreementItem(String referralId, Agreement a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceAgreementKey(referralId, a.date(),
                a.recordedAt(), Integer.toHexString(a.hashCode())));
        item.put("type", Attrs.s(TYPE));
        item.put("date", Attrs.s(a.date().toString()));
        item.put("dayOff", Attrs.bool(a.dayOff()));
        if (a.start() != null) item.put("start", Attrs.s(a.start().toString()));
        if (a.minutes() != null) item.put("minutes", Attrs.n(a.minutes()));
        item.put("recordedBy", Attrs.s(a.recordedBy()));
        item.put("recordedAt", Attrs.s(a.recordedAt().toString()));
        return item;
    }

    @Override
    public boolean addRegistration(String referralId, Registration r) {
        return withChain(referralId, put(registrationItem(referralId, r), "attribute_not_exists(pk)"), c -> c.with(r));
    }

    @Override
    public boolean addRegistration(String referralId, Registration r, long expected) {
        Optional<SessionChain> stored = chain(referralId);
        if (stored.map(SessionChain::revision).orElse(0L) != expected) return false;
        SessionChain next = SessionChain.afterWrite(referralId, stored, c -> c.with(r));
        List<TransactWriteItem> writes = List.of(put(registrationItem(referralId, r), "attribute_not_exists(pk)"),
                chainPut(table, next, expected));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (failed(e, 1) || conflicted(e)) return false;
            throw e;
        }
    }

    /** The item of a registration (also how the bench seeds them). */
    static Map<String, AttributeValue> registrationItem(String referralId, Registration r) {
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
        return item;
    }

    @Override
    public Attendance load(String referralId, LocalDate from, LocalDate to) {
        String pk = Keys.attendancePk(referralId);
        List<AttendancePlan> plans = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(pk, Keys.ATTENDANCE_PLAN, null)) plans.add(plan(m));
        List<Agreement> agreements = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(pk, null,
                Keys.attendanceRange(Keys.ATTENDANCE_AGREEMENT, from, to))) {
            agreements.add(agreement(m));
        }
        List<Registration> registrations = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(pk, null,
                Keys.attendanceRange(Keys.ATTENDANCE_REGISTRATION, from, to))) {
            registrations.add(registration(m));
        }
        Map<String, AttributeValue> flag = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.attendanceFlagKey(referralId))).item();
        return new Attendance(referralId, plans, agreements, registrations, flag != null && !flag.isEmpty(),
                internships(referralId));
    }

    private List<Internship> internships(String referralId) {
        return internships(dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Keys.attendanceInternshipsKey(referralId))).item());
    }

    /**
     * The referral's attendance (agreements and registrations dated {@code from} to {@code to}) and its
     * notices, from ONE query of its partition (every page): the monthly report's read, two requests a
     * participant with its path. Items outside the dates are read and left out.
     */
    AttendanceHistory history(String referralId, LocalDate from, LocalDate to) {
        List<AttendancePlan> plans = new ArrayList<>();
        List<Agreement> agreements = new ArrayList<>();
        List<Registration> registrations = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        List<Internship> internships = List.of();
        List<Warning> warnings = new ArrayList<>();
        boolean flagged = false;
        String agreementFrom = Keys.attendanceRange(Keys.ATTENDANCE_AGREEMENT, from, to)[0];
        String agreementTo = Keys.attendanceRange(Keys.ATTENDANCE_AGREEMENT, from, to)[1];
        String registrationFrom = Keys.attendanceRange(Keys.ATTENDANCE_REGISTRATION, from, to)[0];
        String registrationTo = Keys.attendanceRange(Keys.ATTENDANCE_REGISTRATION, from, to)[1];
        for (Map<String, AttributeValue> m : query(Keys.attendancePk(referralId), null, null)) {
            String sk = Attrs.str(m, "sk");
            if (sk.startsWith(Keys.ATTENDANCE_PLAN)) plans.add(plan(m));
            else if (sk.startsWith(Keys.ATTENDANCE_AGREEMENT)) {
                if (sk.compareTo(agreementFrom) >= 0 && sk.compareTo(agreementTo) <= 0) agreements.add(agreement(m));
            } else if (sk.startsWith(Keys.ATTENDANCE_REGISTRATION)) {
                if (sk.compareTo(registrationFrom) >= 0 && sk.compareTo(registrationTo) <= 0) registrations.add(registration(m));
            } else if (sk.startsWith(Keys.ATTENDANCE_NOTICE)) notices.add(notice(m));
            else if (sk.equals(Keys.ATTENDANCE_FLAG)) flagged = true;
            else if (sk.equals(Keys.ATTENDANCE_INTERNSHIPS)) internships = internships(m);
            else if (sk.startsWith(Keys.ATTENDANCE_WARNING)) warnings.add(warning(m));
        }
        return new AttendanceHistory(new Attendance(referralId, plans, agreements, registrations, flagged, internships),
                notices, warnings);
    }

    /** A referral's attendance, notices and early warnings started, as {@link #history} read them. */
    record AttendanceHistory(Attendance attendance, List<Notice> notices, List<Warning> warnings) {
    }

    private static List<Internship> internships(Map<String, AttributeValue> item) {
        List<Internship> out = new ArrayList<>();
        if (item == null || item.isEmpty() || !item.containsKey("periods")) return out;
        for (AttributeValue v : item.get("periods").l()) {
            Map<String, AttributeValue> m = v.m();
            String to = Attrs.str(m, "to");
            out.add(new Internship(LocalDate.parse(Attrs.str(m, "from")), to == null ? null : LocalDate.parse(to)));
        }
        return out;
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
            out.add(notice(m));
        }
        return out;
    }

    private static Notice notice(Map<String, AttributeValue> m) {
        List<Notice.Reason> reasons = Arrays.stream(Attrs.str(m, "reasons").split(","))
                .filter(s -> !s.isEmpty()).map(Notice.Reason::valueOf).toList();
        String correctedBy = Attrs.str(m, "correctedBy");
        Notice.Correction correction = correctedBy == null ? null : new Notice.Correction(
                Registration.Status.valueOf(Attrs.str(m, "correctedTo")), Attrs.str(m, "correctedByRegistration"),
                correctedBy, Instant.parse(Attrs.str(m, "correctedAt")));
        return new Notice(Attrs.str(m, "noticeId"), Attrs.str(m, "referralId"), Attrs.str(m, "jobcentreId"),
                LocalDate.parse(Attrs.str(m, "date")), reasons, Instant.parse(Attrs.str(m, "createdAt")), correction);
    }

    private static AttendancePlan plan(Map<String, AttributeValue> m) {
        return new AttendancePlan(LocalDate.parse(Attrs.str(m, "validFrom")), weekdays(Attrs.str(m, "weekdays")),
                LocalTime.parse(Attrs.str(m, "start")), (int) Attrs.num(m, "minutes"), Attrs.str(m, "recordedBy"),
                Instant.parse(Attrs.str(m, "recordedAt")), Attrs.flag(m, "duringInternship"));
    }

    private static Agreement agreement(Map<String, AttributeValue> m) {
        boolean dayOff = Attrs.flag(m, "dayOff");
        return new Agreement(LocalDate.parse(Attrs.str(m, "date")), dayOff,
                dayOff ? null : LocalTime.parse(Attrs.str(m, "start")),
                dayOff ? null : (int) Attrs.num(m, "minutes"), Attrs.str(m, "recordedBy"),
                Instant.parse(Attrs.str(m, "recordedAt")));
    }

    @Override
    public boolean correctNotice(Notice notice, String expectedRegistrationId, OutboxMessage email) {
        List<TransactWriteItem> writes = new ArrayList<>(2);
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = "attribute_exists(pk) AND ";
        if (expectedRegistrationId == null) {
            condition += "attribute_not_exists(correctedByRegistration)";
        } else {
            condition += "correctedByRegistration = :was";
            values.put(":was", Attrs.s(expectedRegistrationId));
        }
        Notice.Correction c = notice.correction();
        String expression;
        if (c == null) {
            expression = "REMOVE correctedTo, correctedByRegistration, correctedBy, correctedAt";
        } else {
            expression = "SET correctedTo = :to, correctedByRegistration = :g, correctedBy = :by, correctedAt = :at";
            values.put(":to", Attrs.s(c.status().name()));
            values.put(":g", Attrs.s(c.registrationId()));
            values.put(":by", Attrs.s(c.correctedBy()));
            values.put(":at", Attrs.s(c.correctedAt().toString()));
        }
        Update.Builder update = Update.builder().tableName(table)
                .key(Keys.attendanceNoticeKey(notice.referralId(), notice.date(), notice.id()))
                .conditionExpression(condition).updateExpression(expression);
        if (!values.isEmpty()) update.expressionAttributeValues(values);
        writes.add(TransactWriteItem.builder().update(update.build()).build());
        if (email != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(OutboxItems.messageItem(email)).conditionExpression("attribute_not_exists(pk)").build())
                    .build());
        }
        // conditional on the correction as read, the email by its decision-derived id: written once
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public void recordSmsConsent(String referralId, boolean consent, String actor, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceSmsConsentKey(referralId));
        item.put("type", Attrs.s(TYPE));
        item.put("consent", Attrs.bool(consent));
        item.put("recordedBy", Attrs.s(actor));
        item.put("recordedAt", Attrs.s(at.toString()));
        withChain(referralId, put(item, null), c -> c.withSmsConsent(consent));
    }

    @Override
    public boolean smsConsent(String referralId) {
        Map<String, AttributeValue> m = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Keys.attendanceSmsConsentKey(referralId))).item();
        return m != null && !m.isEmpty() && Attrs.flag(m, "consent");
    }

    @Override
    public void recordInternships(String referralId, List<Internship> periods) {
        withChain(referralId, put(internshipsItem(referralId, periods), null), c -> c.withInternships(periods));
    }

    /** The item of the participant's internships (the path's store writes it with its records). */
    static Map<String, AttributeValue> internshipsItem(String referralId, List<Internship> periods) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceInternshipsKey(referralId));
        item.put("type", Attrs.s(TYPE));
        List<AttributeValue> list = new ArrayList<>();
        for (Internship i : periods) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("from", Attrs.s(i.from().toString()));
            if (i.to() != null) m.put("to", Attrs.s(i.to().toString()));
            list.add(AttributeValue.fromM(m));
        }
        item.put("periods", AttributeValue.fromL(list));
        return item;
    }

    // --- the session chain -----------------------------------------------------------------------

    @Override
    public Optional<SessionChain> chain(String referralId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Keys.attendanceChainKey(referralId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(chainOf(item));
    }

    @Override
    public boolean writeChain(SessionChain chain, long expected, With with) {
        if (chain.stale() || chain.revision() != expected + 1) throw new IllegalArgumentException("revision");
        String id = chain.referralId();
        List<TransactWriteItem> writes = new ArrayList<>(4);
        if (with.plan() != null) writes.add(put(planItem(id, with.plan()), null));
        if (with.agreement() != null) writes.add(put(agreementItem(id, with.agreement()), null));
        // decision-derived (the detection's) or random id: written as it is, the chain's revision decides
        if (with.registration() != null) writes.add(put(registrationItem(id, with.registration()), null));
        // derived from the decision, written once: a second run's write of it fails with the chain's
        if (with.warning() != null) writes.add(put(warningItem(with.warning()), "attribute_not_exists(pk)"));
        writes.add(chainPut(table, chain, expected));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (failed(e, writes.size() - 1) || conflicted(e)) return false;
            if (with.warning() != null && failed(e, writes.size() - 2)) return false;
            throw e;
        }
    }

    /** An early warning started: its date, its reasons (code and figures, as the page's sentence names them). */
    public static Map<String, AttributeValue> warningItem(Warning w) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceWarningKey(w.referralId(), w.date(), w.id()));
        item.put("type", Attrs.s(TYPE));
        item.put("warningId", Attrs.s(w.id()));
        item.put("referralId", Attrs.s(w.referralId()));
        item.put("date", Attrs.s(w.date().toString()));
        item.put("decidedAt", Attrs.s(w.decidedAt().toString()));
        List<AttributeValue> signals = new ArrayList<>();
        for (EarlyWarning.Signal s : w.signals()) {
            signals.add(AttributeValue.fromM(Map.of("code", Attrs.s(s.code()),
                    "values", AttributeValue.fromL(s.values().stream().map(v -> Attrs.n(v)).toList()))));
        }
        item.put("signals", AttributeValue.fromL(signals));
        return item;
    }

    @Override
    public List<Warning> warnings(String referralId) {
        List<Warning> out = new ArrayList<>();
        for (Map<String, AttributeValue> m : query(Keys.attendancePk(referralId), Keys.ATTENDANCE_WARNING, null)) {
            out.add(warning(m));
        }
        return out;
    }

    private static Warning warning(Map<String, AttributeValue> m) {
        List<EarlyWarning.Signal> signals = new ArrayList<>();
        for (AttributeValue s : m.get("signals").l()) {
            signals.add(new EarlyWarning.Signal(s.m().get("code").s(),
                    s.m().get("values").l().stream().map(v -> Integer.parseInt(v.n())).toList()));
        }
        return new Warning(Attrs.str(m, "warningId"), Attrs.str(m, "referralId"),
                LocalDate.parse(Attrs.str(m, "date")), signals, Instant.parse(Attrs.str(m, "decidedAt")));
    }

    /** The chain as an item: on the due index at its time unless parked or stale. */
    static Map<String, AttributeValue> chainItem(SessionChain c) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.attendanceChainKey(c.referralId()));
        item.put("type", Attrs.s(TYPE));
        item.put("kind", Attrs.s(AttendanceService.KIND));
        item.put("referralId", Attrs.s(c.referralId()));
        Map<String, AttributeValue> texts = new LinkedHashMap<>();
        c.toWork().forEach((k, v) -> texts.put(k, Attrs.s(v)));
        item.put("dueWork", AttributeValue.fromM(texts));
        if (!c.stale() && !c.parked()) {
            item.put("dueAt", Attrs.s(Keys.time(c.dueAt())));
            item.putAll(Keys.due(AttendanceService.KIND, c.dueAt(), SessionChain.id(c.referralId())));
        }
        return item;
    }

    static SessionChain chainOf(Map<String, AttributeValue> item) {
        Map<String, String> work = new LinkedHashMap<>();
        AttributeValue m = item.get("dueWork");
        if (m != null && m.hasM()) m.m().forEach((k, v) -> work.put(k, v.s()));
        String dueAt = Attrs.str(item, "dueAt");
        return SessionChain.fromWork(work, dueAt == null ? null : Keys.parseTime(dueAt));
    }

    /**
     * The chain's write, on the condition that the stored chain still has revision {@code expected} (0: none).
     * An update of every attribute of {@link #chainItem} rather than a Put, so the chain keeps the referral's
     * retention ({@code expiresAt}) once it has it: a chain moved or parked after the exit still goes with it.
     */
    static TransactWriteItem chainPut(String table, SessionChain c, long expected) {
        Map<String, AttributeValue> item = chainItem(c);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey().equals("pk") || e.getKey().equals("sk")) continue;
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            set.add("#a" + i + " = :a" + i);
            i++;
        }
        List<String> remove = new ArrayList<>();
        for (String name : List.of("dueAt", "gsi1pk", "gsi1sk")) {
            if (item.containsKey(name)) continue;
            names.put("#r" + remove.size(), name);
            remove.add("#r" + remove.size());
        }
        Update.Builder update = Update.builder().tableName(table).key(Keys.attendanceChainKey(c.referralId()))
                .updateExpression("SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove)));
        if (expected == 0) {
            update.conditionExpression("attribute_not_exists(pk)");
        } else {
            names.put("#w", "dueWork");
            names.put("#rev", "rev");
            values.put(":rev", Attrs.s(Long.toString(expected)));
            update.conditionExpression("#w.#rev = :rev");
        }
        return TransactWriteItem.builder().update(update.expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build();
    }

    /**
     * The Put of the chain as it is after a write of something recorded for the referral (read now; see
     * {@link SessionChain#afterWrite}), for a transaction; tried again by the caller when the chain changed.
     */
    TransactWriteItem chainAfterWrite(String referralId, UnaryOperator<SessionChain> change) {
        Optional<SessionChain> stored = chain(referralId);
        SessionChain next = SessionChain.afterWrite(referralId, stored, change);
        return chainPut(table, next, stored.map(SessionChain::revision).orElse(0L));
    }

    /**
     * Writes {@code source} with the chain after it in one transaction, again with the chain read anew while
     * they meet a concurrent write; false if {@code source}'s own condition failed (nothing written).
     */
    private boolean withChain(String referralId, TransactWriteItem source, UnaryOperator<SessionChain> change) {
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = List.of(source, chainAfterWrite(referralId, change));
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if (failed(e, 0)) return false;
                if (!(failed(e, 1) || conflicted(e))) throw e;
                // the chain kept changing (many writes at once): a clear 409, never a 500
                if (attempt >= ATTEMPTS) throw dk.rampe.core.DomainException.conflict("attendance.changedMeanwhile", null);
                Attrs.backoff(attempt);
            }
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) put.conditionExpression(condition);
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** Whether the transaction's item {@code i} was refused by its condition. */
    static boolean failed(TransactionCanceledException e, int i) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > i
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(i).code());
    }

    /** Whether the transaction met another one on the same items (worth trying again). */
    static boolean conflicted(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
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

    /** All items of the partition (no prefix, no range), with a sort-key prefix, or in a sort-key range; every page. */
    private List<Map<String, AttributeValue>> query(String pk, String prefix, String[] range) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", Attrs.s(pk));
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true);
            if (prefix == null && range == null) {
                q.keyConditionExpression("pk = :pk");
            } else if (prefix != null) {
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
