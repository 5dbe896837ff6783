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
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The participant's plan: {@code REFERRAL#{id} / PLAN}, versioned, written with its audit entry in one transaction. */
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
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (plan.version() == 1) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", Attrs.n(plan.version() - 1)));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(put.build()).build(),
                    TransactWriteItem.builder().put(audit.put(auditEntry)).build()));
        } catch (TransactionCanceledException e) {
            throw new ReferralStore.ConcurrentChange();
        }
    }
}
