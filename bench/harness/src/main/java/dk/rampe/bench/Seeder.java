package dk.rampe.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a table quickly for the growth rows: BatchWriteItem, 25 items a request, a few requests
 * in flight ({@value #THREADS} for the growth rows), unprocessed items sent again. {@code item} makes item number i (0 ≤ i < count).
 * Writes straight to the table from the harness, so seeding is never part of what is measured.
 */
final class Seeder {
    private static final int BATCH = 25;
    /**
     * Requests in flight while seeding: DynamoDB Local answers each batch in a few milliseconds of its own
     * work and more of the round trip, so 8 in flight fill a table about twice as fast as 2 on 2 cores.
     */
    static final int THREADS = 8;

    private Seeder() {
    }

    static void put(DynamoDbClient dynamo, String table, long count, LongFunction<Map<String, AttributeValue>> item,
                    int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> pending = new ArrayList<>();
            long perThread = (count + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                long from = t * perThread;
                long to = Math.min(count, from + perThread);
                if (from >= to) break;
                pending.add(pool.submit(() -> {
                    List<WriteRequest> batch = new ArrayList<>(BATCH);
                    for (long i = from; i < to; i++) {
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item.apply(i)).build()).build());
                        if (batch.size() == BATCH) {
                            write(dynamo, table, batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!batch.isEmpty()) write(dynamo, table, batch);
                }));
            }
            for (Future<?> f : pending) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("seeding " + table + " failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same for participants of several items each: participant {@code i} ({@code from ≤ i < to}) is the
     * list {@code participant} makes; their items are written 25 a request, a few requests in flight.
     */
    static long participants(DynamoDbClient dynamo, String table, long from, long to,
                             LongFunction<List<Map<String, AttributeValue>>> participant, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        try {
            List<Future<?>> pending = new ArrayList<>();
            long count = Math.max(0, to - from);
            long perThread = (count + threads - 1) / Math.max(1, threads);
            for (int t = 0; t < threads; t++) {
                long a = from + t * perThread;
                long b = Math.min(to, a + perThread);
                if (a >= b) break;
                pending.add(pool.submit(() -> {
                    List<WriteRequest> batch = new ArrayList<>(BATCH);
                    for (long i = a; i < b; i++) {
                        for (Map<String, AttributeValue> item : participant.apply(i)) {
                            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                            if (batch.size() == BATCH) {
                                write(dynamo, table, batch);
                                written.addAndGet(batch.size());
                                batch = new ArrayList<>(BATCH);
                            }
                        }
                    }
                    if (!batch.isEmpty()) {
                        write(dynamo, table, batch);
                        written.addAndGet(batch.size());
                    }
                }));
            }
            for (Future<?> f : pending) f.get();
            return written.get();
        } catch (Exception e) {
            throw new IllegalStateException("seeding " + table + " failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> items = new HashMap<>(Map.of(table, batch));
        for (int attempt = 0; !items.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> send = items;
            BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(send));
            items = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            if (!items.isEmpty() && attempt > 0) {
                try {
                    Thread.sleep(Math.min(1000, 10L << attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
