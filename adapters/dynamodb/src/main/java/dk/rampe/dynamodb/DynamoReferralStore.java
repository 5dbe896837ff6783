package dk.rampe.dynamodb;

import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.audit.AuditEntry;
import dk.rampe.referral.IdempotencyKey;
import dk.rampe.referral.IntakeAnswer;
import dk.rampe.referral.ReferralStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Referrals in the single Rampe table. Keys (built in {@link Keys}; see docs/decisions.md):
 * <pre>
 * REFERRAL#{id}                     / REFERRAL       the referral (gsi1: JOBCENTRE#{jc} / {receivedAt}#{id})
 * IDEMPOTENCY#{jc}#{field}#{value}  / IDEMPOTENCY    first answer and request fingerprint
 * CITIZEN#{programme}#{matchKey}    / ACTIVE         one active referral per citizen and programme
 * PROGRAMME#{programme}             / INTAKE#{jc}    intake counter for the jobcentre's quota
 * </pre>
 * The referral also carries gsi2 (PROGRAMME#{programme}#REFERRAL / {status}#{receivedAt}#{id}), so the
 * web app lists a programme's referrals, or those in one status, in one query (and reads them by key: gsi2
 * projects no details). At the exit or decline every item about the participant gets the referral's
 * retention ({@link Retention}).
 * Every create and change is one transaction together with its audit entry.
 */
public final class DynamoReferralStore implements ReferralStore {
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog audit;

    public DynamoReferralStore(DynamoDbClient dynamo, String table, DynamoAuditLog audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.audit = audit;
    }

    @Override
    public Optional<KeyTaken> findKey(String jobcentreId, List<IdempotencyKey> keys) {
        for (IdempotencyKey k : keys) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                    .key(Keys.idempotencyKey(jobcentreId, k.field(), k.value())).consistentRead(true)).item();
            if (item != null && !item.isEmpty()) return Optional.of(keyTaken(k, item));
        }
        return Optional.empty();
    }

    private static KeyTaken keyTaken(IdempotencyKey k, Map<String, AttributeValue> item) {
        return new KeyTaken(k, Attrs.str(item, "fingerprint"), new IntakeAnswer(Attrs.str(item, "referralId"),
                Attrs.str(item, "consultantId"), Attrs.flag(item, "overQuota"),
                Instant.parse(Attrs.str(item, "receivedAt"))));
    }

    @Override
    public CreateResult create(Referral received, String citizenKey, List<IdempotencyKey> keys,
                               String requestFingerprint, int quota, AuditEntry auditEntry) {
        // First try unflagged, on the condition that the counter is still below the quota; when
        // that condition fails, the referral is over quota and is written flagged, unconditionally.
        boolean overQuota = quota <= 0;
        int firstKey = 1;
        int citizenIndex = firstKey + keys.size();
        int counterIndex = citizenIndex + 1;
        for (int attempt = 1; ; attempt++) {
            Referral referral = overQuota == received.overQuota() ? received : new Referral(received.id(),
                    received.jobcentreId(), received.details(), received.consultantId(), received.status(), overQuota,
                    received.history(), received.createdAt(), received.version());
            IntakeAnswer answer = new IntakeAnswer(referral.id(), referral.consultantId(), overQuota,
                    referral.createdAt());
            List<TransactWriteItem> writes = createWrites(referral, citizenKey, keys, requestFingerprint, answer,
                    overQuota ? null : quota, auditEntry);
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return new Created(answer);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = firstKey; i < citizenIndex; i++) {
                    if (failedCondition(reasons, i)) {
                        IdempotencyKey k = keys.get(i - firstKey);
                        Optional<KeyTaken> taken = findKey(referral.jobcentreId(), List.of(k));
                        if (taken.isPresent()) return taken.get();
                    }
                }
                if (failedCondition(reasons, citizenIndex)) {
                    Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table)
                            .key(Keys.citizenKey(referral.programmeId(), citizenKey))
                            .consistentRead(true)).item();
                    if (existing != null && !existing.isEmpty()) {
                        return new CitizenActive(Attrs.str(existing, "referralId"), Attrs.str(existing, "jobcentreId"));
                    }
                }
                if (!overQuota && failedCondition(reasons, counterIndex)) {
                    overQuota = true; // the quota is used up: write it flagged (not counted as an attempt)
                    attempt--;
                    continue;
                }
                // A conflicting transaction in flight (or a guard that vanished meanwhile): try again.
                if (attempt >= MAX_ATTEMPTS) throw e;
                Attrs.backoff(attempt);
            }
        }
    }

    /** The writes of one referral; with {@code belowQuota} set, the counter must be below it. */
    private List<TransactWriteItem> createWrites(Referral referral, String citizenKey, List<IdempotencyKey> keys,
                                                 String requestFingerprint, IntakeAnswer answer, Integer belowQuota,
                                                 AuditEntry auditEntry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> item = referralItem(referral, citizenKey, null);
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        for (IdempotencyKey k : keys) {
            Map<String, AttributeValue> key = Keys.idempotencyKey(referral.jobcentreId(), k.field(), k.value());
            key.put("type", Attrs.s("idempotency"));
            key.put("referralId", Attrs.s(answer.referralId()));
            key.put("fingerprint", Attrs.s(requestFingerprint));
            key.put("consultantId", Attrs.s(answer.consultantId()));
            key.put("overQuota", Attrs.bool(answer.overQuota()));
            key.put("receivedAt", Attrs.s(answer.receivedAt().toString()));
            key.putAll(Keys.aboutReferral(answer.referralId(), key)); // found again at the referral's retention
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(key)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        Map<String, AttributeValue> guard = Keys.citizenKey(referral.programmeId(), citizenKey);
        guard.put("type", Attrs.s("citizenGuard"));
        guard.put("referralId", Attrs.s(referral.id()));
        guard.put("jobcentreId", Attrs.s(referral.jobcentreId()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(guard)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":one", Attrs.n(1));
        values.put(":type", Attrs.s("intakeCounter"));
        Update.Builder counter = Update.builder().tableName(table)
                .key(Keys.intakeCounterKey(referral.programmeId(), referral.jobcentreId()))
                .updateExpression("ADD #c :one SET #t = :type")
                .expressionAttributeNames(Map.of("#c", "count", "#t", "type"));
        if (belowQuota != null) {
            values.put(":quota", Attrs.n(belowQuota));
            counter.conditionExpression("attribute_not_exists(#c) OR #c < :quota");
        }
        writes.add(TransactWriteItem.builder().update(counter.expressionAttributeValues(values).build()).build());
        writes.add(TransactWriteItem.builder().put(audit.put(auditEntry)).build());
        return writes;
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && index < reasons.size()
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    @Override
    public Optional<Referral> find(String referralId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.referralKey(referralId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(fromItem(item));
    }

    @Override
    public void update(Referral updated, String citizenKey, boolean releaseCitizen, Instant expiresAt,
                       AuditEntry auditEntry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(referralItem(updated, citizenKey, expiresAt))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":expected", Attrs.n(updated.version() - 1)))
                .build()).build());
        if (releaseCitizen) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(Keys.citizenKey(updated.programmeId(), citizenKey))
                    .conditionExpression("attribute_not_exists(pk) OR referralId = :id")
                    .expressionAttributeValues(Map.of(":id", Attrs.s(updated.id())))
                    .build()).build());
        }
        // the participant's plan goes with the referral's personal data at retention (one transaction)
        if (expiresAt != null) writes.add(DynamoPlanStore.retention(dynamo, table, updated.id(), expiresAt));
        // and every other item about the participant: as many as the transaction holds, the rest just after
        Retention retention = new Retention(dynamo, table);
        List<Map<String, AttributeValue>> about = List.of();
        List<Map<String, AttributeValue>> rest = List.of();
        if (expiresAt != null) {
            about = retention.keysAbout(updated.id(), List.of(Keys.planKey(updated.id())));
            int room = Retention.MAX_TRANSACTION_ITEMS - writes.size() - 1;
            for (Map<String, AttributeValue> key : about.subList(0, Math.min(room, about.size()))) {
                writes.add(retention.stamp(key, expiresAt));
            }
            rest = about.subList(Math.min(room, about.size()), about.size());
        }
        writes.add(TransactWriteItem.builder().put(audit.put(auditEntry)).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChange();
        }
        if (expiresAt != null) { // what did not fit, then the nudges of its tasks (single updates, repeatable)
            retention.stamp(rest, expiresAt);
            retention.stampMessages(about, expiresAt);
        }
    }

    /**
     * Every item about an ended referral gets its retention again: the follow-up of the exit's transaction
     * for a participant with more items than it holds, repeated when the same exit or decline is repeated.
     */
    @Override
    public void applyRetention(String referralId, Instant expiresAt) {
        new Retention(dynamo, table).stampAll(referralId, expiresAt);
    }

    @Override
    public long intakeCount(String programmeId, String jobcentreId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.intakeCounterKey(programmeId, jobcentreId)).consistentRead(true)).item();
        return item == null ? 0 : Attrs.num(item, "count");
    }

    @Override
    public List<Referral> listByProgramme(String programmeId, ReferralStatus statusOrNull) {
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":pk", Attrs.s(Keys.programmeReferralsGsi2pk(programmeId)));
        String condition = "gsi2pk = :pk";
        if (statusOrNull != null) {
            condition += " AND begins_with(gsi2sk, :status)";
            values.put(":status", Attrs.s(Keys.programmeReferralsGsi2skPrefix(statusOrNull.wireName())));
        }
        return query(condition, values, null);
    }

    @Override
    public List<Referral> listByProgrammeForJobcentre(String programmeId, String jobcentreId) {
        // a programme has a handful of partner jobcentres and a few hundred referrals: one query
        // of gsi2, filtered on the server, answers in one round
        return query("gsi2pk = :pk", new java.util.HashMap<>(Map.of(":pk", Attrs.s(Keys.programmeReferralsGsi2pk(programmeId)),
                ":jc", Attrs.s(jobcentreId))), "jobcentreId = :jc");
    }

    /**
     * The referrals gsi2 lists, read by key: the index projects no {@code details} (CPR number, benefit),
     * so it gives the keys and {@code BatchGetItem} the referrals, 100 a request (a few hundred a programme).
     */
    private List<Referral> query(String condition, Map<String, AttributeValue> values, String filter) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> {
                b.tableName(table).indexName("gsi2").keyConditionExpression(condition)
                        .expressionAttributeValues(values).exclusiveStartKey(from);
                if (filter != null) b.filterExpression(filter);
            });
            for (Map<String, AttributeValue> item : page.items()) {
                if ("referral".equals(Attrs.str(item, "type"))) keys.add(Attrs.key(Attrs.str(item, "pk"), Attrs.str(item, "sk")));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        List<Referral> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(i, Math.min(i + 100, keys.size()))).build());
            for (int attempt = 1; request != null && !request.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(ask));
                // a referral gone meanwhile (its retention) is simply not listed
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) out.add(fromItem(item));
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
                if (request != null && !request.isEmpty()) Attrs.backoff(Math.min(attempt, MAX_ATTEMPTS));
            }
        }
        out.sort(java.util.Comparator.comparing(Referral::createdAt).thenComparing(Referral::id));
        return out;
    }

    static Map<String, AttributeValue> referralItem(Referral r, String citizenKey, Instant expiresAt) {
        Map<String, AttributeValue> m = Keys.referralKey(r.id());
        m.put("type", Attrs.s("referral"));
        m.put("gsi1pk", Attrs.s(Keys.jobcentreGsi1pk(r.jobcentreId())));
        m.put("gsi1sk", Attrs.s(Keys.timeSk(r.createdAt(), r.id())));
        m.put("gsi2pk", Attrs.s(Keys.programmeReferralsGsi2pk(r.programmeId())));
        m.put("gsi2sk", Attrs.s(Keys.programmeReferralsGsi2sk(r.status().wireName(), r.createdAt(), r.id())));
        m.put("programmeId", Attrs.s(r.programmeId()));
        m.put("jobcentreId", Attrs.s(r.jobcentreId()));
        m.put("consultantId", Attrs.s(r.consultantId()));
        m.put("status", Attrs.s(r.status().wireName()));
        m.put("overQuota", Attrs.bool(r.overQuota()));
        m.put("createdAt", Attrs.s(r.createdAt().toString()));
        m.put("version", Attrs.n(r.version()));
        if (citizenKey != null) m.put("citizenKey", Attrs.s(citizenKey));
        m.put("details", ReferralItems.details(r.details()));
        m.put("history", ReferralItems.history(r.history()));
        if (expiresAt != null) m.put("expiresAt", Attrs.n(expiresAt.getEpochSecond()));
        return m;
    }

    private static Referral fromItem(Map<String, AttributeValue> m) {
        ReferralDetails details = ReferralItems.details(m.get("details"));
        return new Referral(Keys.referralIdOf(Attrs.str(m, "pk")), Attrs.str(m, "jobcentreId"),
                details, Attrs.str(m, "consultantId"), ReferralStatus.fromWire(Attrs.str(m, "status")),
                Attrs.flag(m, "overQuota"), ReferralItems.history(m.get("history")),
                Instant.parse(Attrs.str(m, "createdAt")), Attrs.num(m, "version"));
    }
}
