package dk.rampe.dynamodb;

import dk.rampe.report.MonthlyFacts;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A programme's monthly facts, one item per month ({@code REPORT#{programme}} / {@code FACTS#{yyyy-mm}}),
 * written on the condition that there is none yet (the first stays) and without {@code expiresAt}: they name
 * no person (figure ids are section, key and jobcentre), so they outlive the participants' data. Read with one
 * query of the programme's report partition, eventually consistent (the months read were kept by earlier
 * runs; a month read just after its first write is computed again to the same numbers), paged past 1 MB.
 */
public final class DynamoMonthlyFacts implements MonthlyFacts {
    private static final String NOT_A_NUMBER = "NaN";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMonthlyFacts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public NavigableMap<YearMonth, Month> months(String programmeId) {
        NavigableMap<YearMonth, Month> out = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :facts)")
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(Keys.reportPk(programmeId)),
                            ":facts", Attrs.s(Keys.REPORT_FACTS_PREFIX)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) {
                Month m = month(item);
                out.put(m.month(), m);
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean keepFirst(String programmeId, Month month) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.reportFactsKey(programmeId, month.month().toString()));
        item.put("type", Attrs.s("reportFacts"));
        item.put("programmeId", Attrs.s(programmeId));
        item.put("month", Attrs.s(month.month().toString()));
        item.put("scopes", AttributeValue.fromL(month.scopes().stream().map(Attrs::s).toList()));
        Map<String, AttributeValue> values = new HashMap<>();
        month.values().forEach((id, v) -> values.put(id, Double.isNaN(v) ? Attrs.s(NOT_A_NUMBER)
                : AttributeValue.fromN(number(v))));
        item.put("values", AttributeValue.fromM(values));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Month month(Map<String, AttributeValue> item) {
        List<String> scopes = item.get("scopes").l().stream().map(AttributeValue::s).toList();
        Map<String, Double> values = new HashMap<>();
        item.get("values").m().forEach((id, v) -> values.put(id, v.n() != null ? Double.parseDouble(v.n()) : Double.NaN));
        return new Month(YearMonth.parse(Attrs.str(item, "month")), scopes, values);
    }

    /** A whole number as one (DynamoDB keeps numbers exactly; a double's text would be "7.0"). */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
