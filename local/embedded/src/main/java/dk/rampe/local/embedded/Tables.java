package dk.rampe.local.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Creates the tables locally from the SAM template's own definitions. Which local name a table
 * gets follows the functions' environment: a variable set to {@code !Ref SomeTable} names it.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * Creates each table of the template that an environment variable refers to, named by the
     * value that variable has in {@code localEnvironment}. Existing tables are kept (restart).
     * Returns the logical ids created or found.
     */
    @SuppressWarnings("unchecked")
    public static List<String> createAll(SamTemplate template, DynamoDbClient dynamo,
                                         Map<String, String> localEnvironment) {
        Map<String, Map<String, Object>> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        List<String> done = new ArrayList<>();
        Map<String, Object> globals = template.environment(Map.of());
        for (Map.Entry<String, Object> v : globals.entrySet()) {
            if (!(v.getValue() instanceof Map<?, ?> ref) || !(ref.get("Ref") instanceof String logicalId)) continue;
            Map<String, Object> table = tables.get(logicalId);
            if (table == null) continue;
            String name = localEnvironment.get(v.getKey());
            if (name == null) throw new IllegalArgumentException("no local name for " + v.getKey());
            create(dynamo, name, SamTemplate.properties(table));
            done.add(logicalId);
        }
        return done;
    }

    @SuppressWarnings("unchecked")
    static void create(DynamoDbClient dynamo, String name, Map<String, Object> p) {
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(((List<Map<String, Object>>) p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build()).toList())
                .keySchema(keySchema((List<Map<String, Object>>) p.get("KeySchema")));
        Object gsis = p.get("GlobalSecondaryIndexes");
        if (gsis != null) {
            b.globalSecondaryIndexes(((List<Map<String, Object>>) gsis).stream().map(g -> {
                Map<String, Object> proj = (Map<String, Object>) g.get("Projection");
                Projection.Builder pb = Projection.builder().projectionType((String) proj.get("ProjectionType"));
                if (proj.get("NonKeyAttributes") != null) pb.nonKeyAttributes((List<String>) proj.get("NonKeyAttributes"));
                return GlobalSecondaryIndex.builder().indexName((String) g.get("IndexName"))
                        .keySchema(keySchema((List<Map<String, Object>>) g.get("KeySchema")))
                        .projection(pb.build()).build();
            }).toList());
        }
        if (p.get("StreamSpecification") instanceof Map<?, ?> s) {
            b.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType((String) s.get("StreamViewType")).build());
        }
        CreateTableRequest request = b.build();
        try {
            dynamo.createTable(request);
        } catch (ResourceInUseException alreadyThere) {
            // the local runner restarted on its data folder: keep what is there, adding any index
            // the template has gained since (e.g. gsi2), so an old .rampe/data keeps working
            addMissingIndexes(dynamo, name, request);
        }
    }

    private static void addMissingIndexes(DynamoDbClient dynamo, String name, CreateTableRequest wanted) {
        if (!wanted.hasGlobalSecondaryIndexes()) return;
        var existing = dynamo.describeTable(d -> d.tableName(name)).table();
        java.util.Set<String> have = new java.util.HashSet<>();
        if (existing.hasGlobalSecondaryIndexes()) existing.globalSecondaryIndexes().forEach(g -> have.add(g.indexName()));
        for (GlobalSecondaryIndex g : wanted.globalSecondaryIndexes()) {
            if (have.contains(g.indexName())) continue;
            dynamo.updateTable(u -> u.tableName(name).attributeDefinitions(wanted.attributeDefinitions())
                    .globalSecondaryIndexUpdates(x -> x.create(c -> c.indexName(g.indexName()).keySchema(g.keySchema())
                            .projection(g.projection()))));
        }
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> ks) {
        return ks.stream().map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                .keyType((String) k.get("KeyType")).build()).toList();
    }
}
