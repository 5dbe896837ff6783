package dk.rampe.dynamodb;

import dk.rampe.schedule.Due;
import dk.rampe.schedule.DueIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads due work from gsi1: one query per UTC day of the window ({@code DUE#{kind}#{day}}), sort
 * key between the window's ends, oldest first; never a scan, and never a GetItem per hit (the
 * index projects what sweeps read, see docs/decisions.md).
 */
public final class DueQuery {
    private DueQuery() {
    }

    /** A due index of {@code kind} on the table, each item mapped by {@code read} from its index attributes. */
    public static <T> DueIndex<T> index(DynamoDbClient dynamo, String table, String kind,
                                        Function<Map<String, AttributeValue>, T> read) {
        return (from, to, limit) -> {
            List<Due<T>> out = new ArrayList<>();
            for (Map<String, AttributeValue> item : items(dynamo, table, kind, from, to, limit)) {
                String sk = Attrs.str(item, "gsi1sk");
                out.add(new Due<>(Keys.idOfTimeSk(sk), Keys.parseTime(sk.substring(0, sk.indexOf('#'))), read.apply(item)));
            }
            return out;
        };
    }

    static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table, String kind, Instant from,
                                                   Instant to, int limit) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        if (to.isBefore(from) || limit <= 0) return out;
        String lo = Keys.skFrom(from);
        String hi = Keys.skTo(to);
        for (String bucket : Keys.dueBuckets(kind, from, to)) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse r = page(dynamo, table, bucket, lo, hi, limit - out.size(), start);
                out.addAll(r.items());
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
            if (out.size() >= limit) break;
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * Every item of {@code kind} due in the window, oldest day first, the days' queries {@code threads} at a time
     * (a month's window is 32 queries: one after another they were most of a small report's reads).
     */
    static List<Map<String, AttributeValue>> everyItem(DynamoDbClient dynamo, String table, String kind, Instant from,
                                                       Instant to, int threads) {
        if (to.isBefore(from)) return List.of();
        String lo = Keys.skFrom(from);
        String hi = Keys.skTo(to);
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (List<Map<String, AttributeValue>> day : ParallelReads.map(Keys.dueBuckets(kind, from, to), threads, "due-read",
                bucket -> {
                    List<Map<String, AttributeValue>> items = new ArrayList<>();
                    Map<String, AttributeValue> start = null;
                    do {
                        QueryResponse r = page(dynamo, table, bucket, lo, hi, null, start);
                        items.addAll(r.items());
                        start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                    } while (start != null);
                    return items;
                })) {
            out.addAll(day);
        }
        return out;
    }

    /** One page of a day's bucket between the window's ends ({@code limit} null: as many as a page holds). */
    private static QueryResponse page(DynamoDbClient dynamo, String table, String bucket, String lo, String hi,
                                      Integer limit, Map<String, AttributeValue> after) {
        return dynamo.query(b -> b.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :day AND gsi1sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":day", Attrs.s(bucket), ":lo", Attrs.s(lo), ":hi", Attrs.s(hi)))
                .limit(limit).exclusiveStartKey(after));
    }
}
