package dk.rampe.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that counts the items every read examines, as DynamoDB bills them (and the bench's meter
 * counts them): a Query's scanned items, a GetItem's item if found, a BatchGetItem's items. A scan is
 * refused: the report must never scan.
 */
final class ReadCountingDynamo implements DynamoDbClient {
    final AtomicLong items = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    private final DynamoDbClient delegate;

    ReadCountingDynamo(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public QueryResponse query(QueryRequest r) {
        QueryResponse q = delegate.query(r);
        requests.incrementAndGet();
        items.addAndGet(q.scannedCount() == null ? q.count() : q.scannedCount());
        return q;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
        GetItemResponse g = delegate.getItem(r);
        requests.incrementAndGet();
        if (g.hasItem() && !g.item().isEmpty()) items.incrementAndGet();
        return g;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        BatchGetItemResponse b = delegate.batchGetItem(r);
        requests.incrementAndGet();
        items.addAndGet(b.responses().values().stream().mapToLong(List::size).sum());
        return b;
    }

    @Override
    public ScanResponse scan(ScanRequest r) {
        throw new AssertionError("the report scanned " + r.tableName());
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
    }
}
