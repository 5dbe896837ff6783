package dk.rampe.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DynamoDB stream batch as Lambda hands it to the dispatcher (its JSON bytes), and the dispatcher's
 * answer ({@code batchItemFailures}). Read here rather than by the Lambda runtime's event serializer, which
 * loads its own Jackson with date and Joda-Time modules for {@code DynamodbEvent} at every cold start (about
 * 800 classes, more than the SES v2 and SNS clients together): the dispatcher needs five strings of each
 * record. The reader is strict JSON (RFC 8259); anything else fails the whole batch, as the runtime's
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
        return records(new Json(new String(in.readAllBytes(), StandardCharsets.UTF_8)).document());
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
            out.add(new Record(text(record.get("eventID")), text(record.get("eventName")),
                    dynamodb == null ? null : text(dynamodb.get("SequenceNumber")), keys != null,
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
        if (value == null) {
            s.append("null");
            return;
        }
        s.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                s.append(c);
            }
        }
        s.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static Map<?, ?> object(Object o) {
        return o instanceof Map<?, ?> m ? m : null;
    }

    /** A string field as the runtime's serializer read it: a string, or a number or boolean as its text. */
    private static String text(Object o) {
        if (o == null) return null;
        if (o instanceof BigDecimal n) return n.toString();
        if (o instanceof String || o instanceof Boolean) return o.toString();
        throw new IllegalArgumentException("not a text field");
    }

    /** The S of a DynamoDB attribute value ({@code {"S": "…"}}), or null. */
    private static String stringAttribute(Object attribute) {
        Map<?, ?> a = object(attribute);
        return a == null || !(a.get("S") instanceof String s) ? null : s;
    }

    /**
     * Strict JSON into maps (in order), lists, strings, {@link BigDecimal} numbers, booleans and nulls. No
     * lambdas, regular expressions or formatting: it runs on a cold start's first event.
     */
    static final class Json {
        /** Deeper than any stream record (DynamoDB nests attribute values 32 levels at most). */
        private static final int MAX_DEPTH = 256;
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        /** The one value the text holds, with nothing but white space around it. */
        Object document() {
            Object v = value(0);
            space();
            if (i != s.length()) throw bad("text after the document");
            return v;
        }

        private Object value(int depth) {
            if (depth > MAX_DEPTH) throw bad("nested too deep");
            space();
            if (i >= s.length()) throw bad("document ends early");
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    word("true");
                    return Boolean.TRUE;
                case 'f':
                    word("false");
                    return Boolean.FALSE;
                case 'n':
                    word("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw bad("unexpected character");
            }
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                space();
                if (peek() != '"') throw bad("a name is a string");
                String name = string();
                space();
                expect(':');
                m.put(name, value(depth + 1));
                space();
                char c = next();
                if (c == '}') return m;
                if (c != ',') throw bad("expected , or }");
            }
        }

        private List<Object> array(int depth) {
            List<Object> l = new ArrayList<>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value(depth + 1));
                space();
                char c = next();
                if (c == ']') return l;
                if (c != ',') throw bad("expected , or ]");
            }
        }

        private String string() {
            i++; // the opening quote
            StringBuilder b = null;
            int from = i;
            while (true) {
                char c = next();
                if (c == '"') {
                    return b == null ? s.substring(from, i - 1) : b.append(s, from, i - 1).toString();
                }
                if (c < 0x20) throw bad("control character in a string");
                if (c != '\\') continue;
                if (b == null) b = new StringBuilder();
                b.append(s, from, i - 1);
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> b.append(hex4());
                    default -> throw bad("unknown escape");
                }
                from = i;
            }
        }

        private char hex4() {
            if (i + 4 > s.length()) throw bad("document ends early");
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(s.charAt(i++), 16);
                if (d < 0) throw bad("bad \\u escape");
                v = v * 16 + d;
            }
            return (char) v;
        }

        private BigDecimal number() {
            int from = i;
            if (peek() == '-') i++;
            if (peek() == '0') {
                i++;
            } else if (digits() == 0) {
                throw bad("bad number");
            }
            if (peek() == '.') {
                i++;
                if (digits() == 0) throw bad("bad number");
            }
            if (peek() == 'e' || peek() == 'E') {
                i++;
                if (peek() == '+' || peek() == '-') i++;
                if (digits() == 0) throw bad("bad number");
            }
            return new BigDecimal(s.substring(from, i));
        }

        private int digits() {
            int from = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            return i - from;
        }

        private void word(String w) {
            if (!s.startsWith(w, i)) throw bad("unexpected word");
            i += w.length();
        }

        private void space() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private char next() {
            if (i >= s.length()) throw bad("document ends early");
            return s.charAt(i++);
        }

        private void expect(char c) {
            if (next() != c) throw bad("expected " + c);
        }

        /** Says where, never what: the document may hold personal data. */
        private IllegalArgumentException bad(String what) {
            return new IllegalArgumentException("not a JSON stream batch: " + what + " at offset " + i);
        }
    }
}
