package dk.rampe.bench.meter;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Measures what each DynamoDB request costs, from outside the function: it asks every request
 * for {@code ReturnConsumedCapacity=INDEXES} and writes one line per request to stderr:
 * <pre>METER op=GetItem table=rampe consistent=true read=1 written=0 rcu=1.0 wcu=0.0 cu=1.0</pre>
 * {@code read} and {@code written} count items: found by a read, put/updated/deleted by a write.
 * For a Query or Scan, {@code read} is the items DynamoDB examined (ScannedCount), which is
 * what is paid for. A {@code ConditionCheck} in a transaction is {@code checked}, neither read nor
 * written: DynamoDB bills it as a transactional write (2 write units per KB, in {@code estW}), and
 * it reads nothing back to the caller. The function is not changed; the SDK finds this class through
 * software/amazon/awssdk/global/handlers/execution.interceptors on the classpath.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    /** {@code -Dbench.meter=time}: only time each DynamoDB call (one METER-TIME line per call, with its start). */
    private static final boolean TIME_ONLY = "time".equals(System.getProperty("bench.meter"));
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");
    /** Index name → its key attributes, from -Dbench.indexKeys=gsi1:gsi1pk,gsi1sk;… (the template's GSIs). */
    private static final Map<String, List<String>> INDEX_KEYS = indexKeys(System.getProperty("bench.indexKeys", ""));

    /**
     * Which invocation a request belongs to: the Lambda runtime interface client sets this system
     * property to the invocation's X-Ray trace header (Lambda-Runtime-Trace-Id) while it runs the
     * handler, and the bench's Runtime API gives each invocation a trace header of its own.
     */
    private static String invocation() {
        String t = System.getProperty("com.amazonaws.xray.traceHeader");
        return t == null || t.isBlank() ? "-" : t.replace(' ', '_');
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        if (TIME_ONLY) return r;
        ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
        if (r instanceof GetItemRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof PutItemRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof UpdateItemRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof DeleteItemRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof QueryRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof ScanRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof BatchGetItemRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof BatchWriteItemRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof TransactGetItemsRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof TransactWriteItemsRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (TIME_ONLY) {
            if (started != null) {
                System.err.println("METER-TIME trace=" + invocation() + " nanos=" + (System.nanoTime() - started)
                        + " start=" + started);
            }
            return;
        }
        SdkRequest req = context.request();
        SdkResponse res = context.response();
        String op = req.getClass().getSimpleName().replace("Request", "");
        String table = "-";
        boolean consistent = false;
        long read = 0;
        long written = 0;
        long checked = 0;
        List<ConsumedCapacity> cc = List.of();
        if (res instanceof GetItemResponse r) {
            GetItemRequest q = (GetItemRequest) req;
            table = q.tableName();
            consistent = Boolean.TRUE.equals(q.consistentRead());
            read = r.hasItem() && !r.item().isEmpty() ? 1 : 0;
            cc = one(r.consumedCapacity());
        } else if (res instanceof PutItemResponse r) {
            table = ((PutItemRequest) req).tableName();
            written = 1;
            cc = one(r.consumedCapacity());
        } else if (res instanceof UpdateItemResponse r) {
            table = ((UpdateItemRequest) req).tableName();
            written = 1;
            cc = one(r.consumedCapacity());
        } else if (res instanceof DeleteItemResponse r) {
            table = ((DeleteItemRequest) req).tableName();
            written = 1;
            cc = one(r.consumedCapacity());
        } else if (res instanceof QueryResponse r) {
            QueryRequest q = (QueryRequest) req;
            table = q.tableName() + (q.indexName() == null ? "" : "/" + q.indexName());
            consistent = Boolean.TRUE.equals(q.consistentRead());
            read = r.scannedCount() == null ? r.count() : r.scannedCount();
            cc = one(r.consumedCapacity());
        } else if (res instanceof ScanResponse r) {
            ScanRequest q = (ScanRequest) req;
            table = q.tableName() + (q.indexName() == null ? "" : "/" + q.indexName());
            consistent = Boolean.TRUE.equals(q.consistentRead());
            read = r.scannedCount() == null ? r.count() : r.scannedCount();
            cc = one(r.consumedCapacity());
        } else if (res instanceof BatchGetItemResponse r) {
            table = String.join("+", ((BatchGetItemRequest) req).requestItems().keySet());
            read = r.responses().values().stream().mapToLong(List::size).sum();
            cc = r.consumedCapacity();
        } else if (res instanceof BatchWriteItemResponse r) {
            BatchWriteItemRequest q = (BatchWriteItemRequest) req;
            table = String.join("+", q.requestItems().keySet());
            written = q.requestItems().values().stream().mapToLong(List::size).sum()
                    - r.unprocessedItems().values().stream().mapToLong(List::size).sum();
            cc = r.consumedCapacity();
        } else if (res instanceof TransactGetItemsResponse r) {
            table = "transaction";
            consistent = true;
            read = r.responses().stream().filter(x -> x.hasItem() && !x.item().isEmpty()).count();
            cc = r.consumedCapacity();
        } else if (res instanceof TransactWriteItemsResponse r) {
            table = "transaction";
            written = ((TransactWriteItemsRequest) req).transactItems().stream()
                    .filter(x -> x.conditionCheck() == null).count();
            checked = ((TransactWriteItemsRequest) req).transactItems().stream()
                    .filter(x -> x.conditionCheck() != null).count();
            cc = r.consumedCapacity();
        } else {
            return;
        }
        double[] est = estimate(req, res);
        double rcu = 0;
        double wcu = 0;
        double cu = 0;
        StringBuilder tables = new StringBuilder();
        for (ConsumedCapacity c : cc == null ? List.<ConsumedCapacity>of() : cc) {
            rcu += nz(c.readCapacityUnits());
            wcu += nz(c.writeCapacityUnits());
            cu += nz(c.capacityUnits());
            if (tables.length() > 0) tables.append('+');
            tables.append(c.tableName());
            if (c.table() != null) tables.append(':').append(nz(c.table().capacityUnits()));
            if (c.hasGlobalSecondaryIndexes()) {
                c.globalSecondaryIndexes().forEach((name, gsi) -> tables.append("+gsi/").append(name).append(':')
                        .append(nz(gsi.capacityUnits())));
            }
        }
        if ("transaction".equals(table)) table = "-";
        System.err.println("METER trace=" + invocation() + " op=" + op + " table=" + table + " consistent=" + consistent + " read=" + read
                + " written=" + written + " checked=" + checked + " rcu=" + rcu + " wcu=" + wcu + " cu=" + cu
                + " reported=" + (cc != null && !cc.isEmpty()) + " split=" + (tables.length() == 0 ? "-" : tables)
                + " estR=" + est[0] + " estW=" + est[1]);
    }

    /**
     * What AWS on-demand would charge, by its published rules, from the items' sizes: a read unit per
     * 4 KB (half for an eventually consistent read, and at least that even when nothing is found), a
     * write unit per KB, twice that inside a transaction, and one write unit per index an item is put
     * into (keys-only projections stay under 1 KB). Updates and deletes (their item is not in the
     * request) take DynamoDB Local's reported units, or 1 if it reports none. Returns {read units, write units}.
     */
    static double[] estimate(SdkRequest req, SdkResponse res) {
        double r = 0;
        double w = 0;
        if (res instanceof GetItemResponse g) {
            long size = g.hasItem() ? size(g.item()) : 0;
            r = units(size, 4096) * (Boolean.TRUE.equals(((GetItemRequest) req).consistentRead()) ? 1 : 0.5);
        } else if (res instanceof QueryResponse q) {
            long size = q.items().stream().mapToLong(CapacityMeter::size).sum();
            r = units(size, 4096) * (Boolean.TRUE.equals(((QueryRequest) req).consistentRead()) ? 1 : 0.5);
        } else if (res instanceof ScanResponse q) {
            long size = q.items().stream().mapToLong(CapacityMeter::size).sum();
            r = units(size, 4096) * (Boolean.TRUE.equals(((ScanRequest) req).consistentRead()) ? 1 : 0.5);
        } else if (res instanceof BatchGetItemResponse b) {
            for (List<Map<String, AttributeValue>> items : b.responses().values()) {
                for (Map<String, AttributeValue> item : items) r += units(size(item), 4096) * 0.5;
            }
        } else if (res instanceof TransactGetItemsResponse t) {
            for (var item : t.responses()) r += 2 * units(item.hasItem() ? size(item.item()) : 0, 4096);
        } else if (res instanceof PutItemResponse) {
            Map<String, AttributeValue> item = ((PutItemRequest) req).item();
            w = units(size(item), 1024) + indexWrites(item);
        } else if (res instanceof UpdateItemResponse || res instanceof DeleteItemResponse) {
            // The item is not in the request; DynamoDB Local sizes it (the larger of before and after)
            // and counts the index writes (2 when an index key changes, 1 when the entry is added or
            // removed) by the same rules as AWS, so its figure is the estimate when it reports one.
            ConsumedCapacity c = res instanceof UpdateItemResponse u ? u.consumedCapacity()
                    : ((DeleteItemResponse) res).consumedCapacity();
            w = c != null && c.capacityUnits() != null && c.capacityUnits() > 0 ? c.capacityUnits() : 1;
        } else if (res instanceof BatchWriteItemResponse) {
            for (List<WriteRequest> writes : ((BatchWriteItemRequest) req).requestItems().values()) {
                for (WriteRequest x : writes) {
                    w += x.putRequest() != null ? units(size(x.putRequest().item()), 1024) + indexWrites(x.putRequest().item()) : 1;
                }
            }
        } else if (res instanceof TransactWriteItemsResponse) {
            for (TransactWriteItem x : ((TransactWriteItemsRequest) req).transactItems()) {
                if (x.put() != null) w += 2 * units(size(x.put().item()), 1024) + indexWrites(x.put().item());
                else w += 2;
            }
        }
        return new double[] {r, w};
    }

    private static double units(long bytes, int per) {
        return Math.max(1, (bytes + per - 1) / per);
    }

    private static int indexWrites(Map<String, AttributeValue> item) {
        int n = 0;
        for (List<String> keys : INDEX_KEYS.values()) if (item.keySet().containsAll(keys)) n++;
        return n;
    }

    /** DynamoDB's item size: attribute names plus values (strings and binaries by length, numbers by digits). */
    static long size(Map<String, AttributeValue> item) {
        long n = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) n += utf8(e.getKey()) + size(e.getValue());
        return n;
    }

    private static long size(AttributeValue v) {
        if (v.s() != null) return utf8(v.s());
        if (v.n() != null) return (v.n().replaceAll("[^0-9]", "").length() + 1) / 2 + 1;
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.bool() != null || v.nul() != null) return 1;
        if (v.hasSs()) return v.ss().stream().mapToLong(CapacityMeter::utf8).sum();
        if (v.hasNs()) return v.ns().stream().mapToLong(x -> (x.length() + 1) / 2 + 1).sum();
        if (v.hasBs()) return v.bs().stream().mapToLong(x -> x.asByteArray().length).sum();
        if (v.hasL()) return 3 + v.l().stream().mapToLong(x -> 1 + size(x)).sum();
        if (v.hasM()) return 3 + v.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
        return 0;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Map<String, List<String>> indexKeys(String spec) {
        Map<String, List<String>> m = new HashMap<>();
        for (String part : spec.split(";")) {
            int colon = part.indexOf(':');
            if (colon > 0) m.put(part.substring(0, colon), List.of(part.substring(colon + 1).split(",")));
        }
        return m;
    }

    private static List<ConsumedCapacity> one(ConsumedCapacity c) {
        return c == null ? List.of() : List.of(c);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
