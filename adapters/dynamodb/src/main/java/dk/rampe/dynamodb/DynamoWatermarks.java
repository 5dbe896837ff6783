package dk.rampe.dynamodb;

import dk.rampe.schedule.Watermarks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** One item per sweep ({@code SWEEP#{sweep}} / {@code WATERMARK}); it only moves forward (conditional update). */
public final class DynamoWatermarks implements Watermarks {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoWatermarks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Instant> read(String sweep) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.watermarkKey(sweep))
                .consistentRead(true)).item();
        String until = item == null ? null : Attrs.str(item, "until");
        return until == null ? Optional.empty() : Optional.of(Keys.parseTime(until));
    }

    @Override
    public void advance(String sweep, Instant to) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.watermarkKey(sweep))
                    .conditionExpression("attribute_not_exists(#until) OR #until < :to")
                    .updateExpression("SET #until = :to, #type = :type")
                    .expressionAttributeNames(Map.of("#until", "until", "#type", "type"))
                    .expressionAttributeValues(Map.of(":to", Attrs.s(Keys.time(to)), ":type", Attrs.s("sweepWatermark"))));
        } catch (ConditionalCheckFailedException e) {
            // an overlapping run got further: keep its watermark
        }
    }
}
