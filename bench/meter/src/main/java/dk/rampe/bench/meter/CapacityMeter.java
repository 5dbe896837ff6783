package dk.rampe.bench.meter;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Measures what each DynamoDB request costs, from outside the function: it asks every request
 * for {@code ReturnConsumedCapacity=INDEXES} and writes one line per request to stderr:
 * <pre>METER op=GetItem table=rampe consistent=true read=1 written=0 rcu=1.0 wcu=0.0 cu=1.0</pre>
 * {@code read} and {@code written} count items: found by a read, put/updated/deleted by a write.
 * For a Query or Scan, {@code read} is the items DynamoDB examined (ScannedCount), which is
 * what is paid for. The function is not changed; the SDK finds this class through
 * software/amazon/awssdk/global/handlers/execution.interceptors on the classpath.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    /** {@code -Dbench.meter=time}: only add up the time spent in DynamoDB calls, print nothing. */
    private static final boolean TIME_ONLY = "time".equals(System.getProperty("bench.meter"));
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");
    private static long spentNanos;

    /** Nanoseconds spent in DynamoDB calls (request built to response read) since the last call; read by LambdaSim. */
    public static synchronized long drainNanos() {
        long n = spentNanos;
        spentNanos = 0;
        return n;
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
        if (started != null) {
            synchronized (CapacityMeter.class) {
                spentNanos += System.nanoTime() - started;
            }
        }
        if (TIME_ONLY) return;
        SdkRequest req = context.request();
        SdkResponse res = context.response();
        String op = req.getClass().getSimpleName().replace("Request", "");
        String table = "-";
        boolean consistent = false;
        long read = 0;
        long written = 0;
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
            read = ((TransactWriteItemsRequest) req).transactItems().stream()
                    .filter(x -> x.conditionCheck() != null).count();
            cc = r.consumedCapacity();
        } else {
            return;
        }
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
        System.err.println("METER op=" + op + " table=" + table + " consistent=" + consistent + " read=" + read
                + " written=" + written + " rcu=" + rcu + " wcu=" + wcu + " cu=" + cu
                + " reported=" + (cc != null && !cc.isEmpty()) + " split=" + (tables.length() == 0 ? "-" : tables));
    }

    private static List<ConsumedCapacity> one(ConsumedCapacity c) {
        return c == null ? List.of() : List.of(c);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
