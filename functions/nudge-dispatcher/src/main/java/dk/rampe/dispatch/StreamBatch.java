package dk.rampe.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dk.rampe.platform.LambdaJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DynamoDB stream batch as Lambda hands it to the dispatcher (its JSON bytes), and the dispatcher's
 * answer ({@code batchItemFailures}). Read here rather than by the Lambda runtime's event serializer, which
 * loads its own Jackson with date and Joda-Time modules for {@code DynamodbEvent} at every cold start (about
 * 800 classes, more than the SES v2 and SNS clients together): the dispatcher needs five strings of each
 * record. The reader is the platform's strict one ({@link LambdaJson}: RFC 8259, UTF-8); anything else fails the whole batch, as the runtime's
 * serializer did, so Lambda retries it. The images' attribute values (a message's text and recipient among
 * them) are parsed only to be skipped: nothing of them is kept or logged.
 */
final class StreamBatch {
    /** What the dispatcher reads of one stream record; {@code keys} false when the record has no key map. */
    record Record(String eventId, String eventName, String sequenceNumber, boolean keys, String pk, String sk) {
    }

    private StreamBatch() {
    }

    /** The records of a stream batch (none when it has no {@code Records}); a batch that is not JSON fails. */
    static List<Record> read(InputStream in) throws IOException {
        Object document;
        try {
            document = LambdaJson.read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JSON stream batch: " + e.getMessage());
        }
        return records(document);
    }

    static List<Record> records(Object document) {
        if (!(document instanceof Map<?, ?> event)) throw new IllegalArgumentException("a stream batch is a JSON object");
        Object list = event.get("Records");
        if (list == null) return List.of();
        if (!(list instanceof List<?> records)) throw new IllegalArgumentException("Records is not a list");
        List<Record> out = new ArrayList<>(records.size());
        for (Object r : records) {
            if (!(r instanceof Map<?, ?> record)) throw new IllegalArgumentException("a record is not an object");
            Map<?, ?> dynamodb = object(record.get("dynamodb"));
            Map<?, ?> keys = dynamodb == null ? null : object(dynamodb.get("Keys"));
            out.add(new Record(LambdaJson.text(record.get("eventID")), LambdaJson.text(record.get("eventName")),
                    dynamodb == null ? null : LambdaJson.text(dynamodb.get("SequenceNumber")), keys != null,
                    keys == null ? null : stringAttribute(keys.get("pk")),
                    keys == null ? null : stringAttribute(keys.get("sk"))));
        }
        return out;
    }

    /** The answer Lambda reads with {@code ReportBatchItemFailures}: the records to retry from. */
    static void writeAnswer(List<String> failedItems, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder(32 + failedItems.size() * 48).append("{\"batchItemFailures\":[");
        for (int i = 0; i < failedItems.size(); i++) {
            if (i > 0) s.append(',');
            s.append("{\"itemIdentifier\":");
            quote(failedItems.get(i), s);
            s.append('}');
        }
        out.write(s.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal of {@code value}, or {@code null}. */
    static void quote(String value, StringBuilder s) {
        if (value == null) s.append("null");
        else LambdaJson.string(s, value);
    }

    private static Map<?, ?> object(Object o) {
        return o instanceof Map<?, ?> m ? m : null;
    }


    /** The S of a DynamoDB attribute value ({@code {"S": "…"}}), or null. */
    private static String stringAttribute(Object attribute) {
        Map<?, ?> a = object(attribute);
        return a == null || !(a.get("S") instanceof String s) ? null : s;
    }
}
