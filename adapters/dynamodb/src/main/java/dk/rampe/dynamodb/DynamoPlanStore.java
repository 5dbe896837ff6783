package dk.rampe.dynamodb;

import dk.rampe.audit.AuditEntry;
import dk.rampe.plan.Plan;
import dk.rampe.plan.PlanStore;
import dk.rampe.referral.ReferralStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The participant's plan: {@code REFERRAL#{id} / PLAN}, versioned, written with its audit entry in one
 * transaction. It carries the referral's retention ({@code expiresAt}): set with the referral's in the
 * transaction that ends it ({@link #retention}), and copied onto any later write, which checks in the same
 * transaction that the referral's retention is still the one it copied.
 */
public final class DynamoPlanStore implements PlanStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog audit;

    public DynamoPlanStore(DynamoDbClient dynamo, String table, DynamoAuditLog audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.audit = audit;
    }

    static Map<String, AttributeValue> key(String referralId) {
        return Keys.planKey(referralId);
    }

    @Override
    public Optional<Plan> find(String referralId) {
        Map<String, AttributeValue> m = dynamo.getItem(b -> b.tableName(table).key(key(referralId)).consistentRead(true))
                .item();
        if (m == null || m.isEmpty()) return Optional.empty();
        List<Plan.Step> steps = new ArrayList<>();
        for (AttributeValue v : list(m, "steps")) {
            steps.add(new Plan.Step(ReferralItems.text(v.m(), "text"),
                    Plan.StepStatus.fromWire(ReferralItems.text(v.m(), "status")).orElse(Plan.StepStatus.OPEN)));
        }
        List<Plan.Supporter> supporters = new ArrayList<>();
        for (AttributeValue v : list(m, "supporters")) {
            supporters.add(new Plan.Supporter(ReferralItems.text(v.m(), "name"),
                    Plan.SupporterRole.fromWire(ReferralItems.text(v.m(), "role")).orElse(Plan.SupporterRole.OTHER)));
        }
        List<Plan.Change> changes = new ArrayList<>();
        for (AttributeValue v : list(m, "changes")) {
            changes.add(new Plan.Change(Instant.parse(ReferralItems.text(v.m(), "at")), ReferralItems.text(v.m(), "by"),
                    Long.parseLong(v.m().get("version").n())));
        }
        return Optional.of(new Plan(referralId, steps, ReferralItems.text(m, "agreements"),
                ReferralItems.text(m, "tovholder"), supporters, Attrs.num(m, "version"), changes));
    }

    private static List<AttributeValue> list(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null || !v.hasL() ? List.of() : v.l();
    }

    @Override
    public void save(Plan plan, AuditEntry auditEntry) {
        Map<String, AttributeValue> item = key(plan.referralId());
        item.put("type", Attrs.s("plan"));
        item.put("version", Attrs.n(plan.version()));
        ReferralItems.put(item, "agreements", plan.agreements());
        ReferralItems.put(item, "tovholder", plan.tovholder());
        List<AttributeValue> steps = new ArrayList<>();
        for (Plan.Step s : plan.steps()) {
            Map<String, AttributeValue> e = new LinkedHashMap<>();
            e.put("text", Attrs.s(s.text()));
            e.put("status", Attrs.s(s.status().wireName()));
            steps.add(AttributeValue.fromM(e));
        }
        item.put("steps", AttributeValue.fromL(steps));
        List<AttributeValue> supporters = new ArrayList<>();
        for (Plan.Supporter s : plan.supporters()) {
            Map<String, AttributeValue> e = new LinkedHashMap<>();
            e.put("name", Attrs.s(s.name()));
            e.put("role", Attrs.s(s.role().wireName()));
            supporters.add(AttributeValue.fromM(e));
        }
        item.put("supporters", AttributeValue.fromL(supporters));
        List<AttributeValue> changes = new ArrayList<>();
        for (Plan.Change c : plan.changes()) {
            Map<String, AttributeValue> e = new LinkedHashMap<>();
            e.put("at", Attrs.s(c.at().toString()));
            e.put("by", Attrs.s(c.by()));
            e.put("version", Attrs.n(c.version()));
            changes.add(AttributeValue.fromM(e));
        }
        item.put("changes", AttributeValue.fromL(changes));
        Map<String, AttributeValue> referral = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.referralKey(plan.referralId())).projectionExpression("expiresAt").consistentRead(true)).item();
        AttributeValue expiresAt = referral == null ? null : referral.get("expiresAt");
        if (expiresAt != null) item.put("expiresAt", expiresAt);
        ConditionCheck sameRetention = expiresAt == null
                ? ConditionCheck.builder().tableName(table).key(Keys.referralKey(plan.referralId()))
                        .conditionExpression("attribute_not_exists(expiresAt)").build()
                : ConditionCheck.builder().tableName(table).key(Keys.referralKey(plan.referralId()))
                        .conditionExpression("expiresAt = :e").expressionAttributeValues(Map.of(":e", expiresAt)).build();
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (plan.version() == 1) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", Attrs.n(plan.version() - 1)));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(put.build()).build(),
                    TransactWriteItem.builder().conditionCheck(sameRetention).build(),
                    TransactWriteItem.builder().put(audit.put(auditEntry)).build()));
        } catch (TransactionCanceledException e) {
            throw new ReferralStore.ConcurrentChange();
        }
    }

    /**
     * The write that gives the plan the referral's {@code expiresAt}, for the transaction that ends the
     * referral: an update of the plan if it exists, else a check that it still does not (a plan written
     * meanwhile fails the transaction, which is then retried as a concurrent change).
     */
    static TransactWriteItem retention(DynamoDbClient dynamo, String table, String referralId, Instant expiresAt) {
        Map<String, AttributeValue> planKey = key(referralId);
        Map<String, AttributeValue> found = dynamo.getItem(b -> b.tableName(table).key(planKey).projectionExpression("pk")
                .consistentRead(true)).item();
        if (found == null || found.isEmpty()) {
            return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(planKey)
                    .conditionExpression("attribute_not_exists(pk)").build()).build();
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(planKey)
                .conditionExpression("attribute_exists(pk)").updateExpression("SET expiresAt = :e")
                .expressionAttributeValues(Map.of(":e", Attrs.n(expiresAt.getEpochSecond()))).build()).build();
    }
}
