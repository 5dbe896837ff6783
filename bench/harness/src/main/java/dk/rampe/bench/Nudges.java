package dk.rampe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.dynamodb.BenchItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Events and seeds for the nudge functions: the dispatcher's stream batch (its events/ sample with
 * message ids that vary per invocation and exist in the table), the sweep's scheduled input, and the
 * follow-up page's GET/POST with a valid token for a seeded task.
 */
final class Nudges {
    /** The task the follow-up page shows (seeded with its four messages before every page child). */
    static final String PAGE_TASK = "TBENCH0000001";

    private Nudges() {
    }

    /** Message ids: M + E/S (email/SMS) + the invocation's SEQ in 19 digits (Crockford base32 holds digits, E and S). */
    static String messageId(boolean email, long seq) {
        return "M" + (email ? "E" : "S") + String.format("%019d", seq);
    }

    static String taskId(long n) {
        return "TB" + String.format("%011d", n % 100_000_000_000L); // T + 12 characters
    }

    /**
     * The stream sample with each record's keys and image pointing at this invocation's messages:
     * {@code perInvocation} records (1: one email; 2: the sample's email and SMS).
     */
    static Path streamBatch(String sample, int perInvocation, Path out) {
        ObjectNode ev = Templates.object(sample);
        ArrayNode records = (ArrayNode) ev.get("Records");
        while (records.size() > perInvocation) records.remove(records.size() - 1);
        for (JsonNode r : records) {
            ObjectNode ddb = (ObjectNode) r.get("dynamodb");
            String channel = ddb.path("NewImage").path("channel").path("S").asText();
            String id = "M" + (channel.equals("sms") ? "S" : "E") + "{{SEQ19}}";
            ((ObjectNode) ddb.get("Keys").get("pk")).put("S", "OUTBOX#" + id);
            ((ObjectNode) ddb.get("NewImage").get("pk")).put("S", "OUTBOX#" + id);
            ((ObjectNode) ddb.get("NewImage").get("messageId")).put("S", id);
            ((ObjectNode) ddb.get("NewImage").get("taskId")).put("S", "TB{{SEQ}}");
        }
        return Templates.write(ev, out);
    }

    /** Both messages (email and SMS) of invocations {@code [fromSeq, toSeq)}, pending and due a minute ago. */
    static void seedPendingPairs(LocalDynamo db, long fromSeq, long toSeq) {
        Instant due = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Seeder.put(db.client(), db.table(), 2 * (toSeq - fromSeq), i -> {
            long seq = fromSeq + i / 2;
            boolean email = i % 2 == 0;
            return BenchItems.pendingMessage(messageId(email, seq), taskId(seq % 100_000_000_000L), email, due);
        }, Seeder.THREADS);
    }

    /** {@code n} messages due now (half email, half SMS), numbered from {@code from}. */
    static Map<String, AttributeValue> dueMessage(long n, Instant due) {
        boolean email = n % 2 == 0;
        return BenchItems.pendingMessage(messageId(email, 900_000_000_000_000L + n), taskId(n), email, due);
    }

    static void seedDue(LocalDynamo db, int n) {
        Instant due = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Seeder.put(db.client(), db.table(), n, i -> dueMessage(i, due), 1);
    }

    /** The scheduled input of the sweep, as the template's schedule sends it. */
    static Path sweepInput(Path out) {
        try {
            Files.writeString(out, "{\"sweep\":true}", StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void seedPageTask(LocalDynamo db) {
        Instant due = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        db.client().putItem(b -> b.tableName(db.table()).item(BenchItems.openTask(PAGE_TASK, "RBENCH0001", due)));
        // its nudges: the first email and SMS sent, their reminders pending (the form post cancels them)
        for (Map<String, AttributeValue> m : BenchItems.taskMessages(PAGE_TASK, due, due.plus(4, ChronoUnit.HOURS))) {
            db.client().putItem(b -> b.tableName(db.table()).item(m));
        }
    }

    /** A token for {@link #PAGE_TASK}, signed with the key the page function gets from its environment. */
    static String pageToken(Map<String, String> pageEnv) {
        return BenchItems.followUpToken(pageEnv, PAGE_TASK);
    }

    /** The GET sample with a valid token for the seeded task. */
    static Path pageGet(String sample, String token, Path out) {
        ObjectNode ev = Templates.object(sample);
        retoken(ev, token);
        ((ObjectNode) ev.get("requestContext")).put("requestId", "bench-page-{{SEQ}}");
        return Templates.write(ev, out);
    }

    /** The POST sample (base64 form) for the seeded task, with the same answers as the sample. */
    static Path pagePost(String sample, String token, Path out) {
        ObjectNode ev = Templates.object(sample);
        retoken(ev, token);
        String form = new String(Base64.getDecoder().decode(ev.get("body").asText()), StandardCharsets.UTF_8);
        form = form.replaceFirst("^task=[^&]*", "task=" + PAGE_TASK);
        ev.put("body", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
        ((ObjectNode) ev.get("requestContext")).put("requestId", "bench-post-{{SEQ}}");
        return Templates.write(ev, out);
    }

    private static void retoken(ObjectNode ev, String token) {
        ev.put("rawPath", "/f/" + token);
        ((ObjectNode) ev.get("requestContext").get("http")).put("path", "/f/" + token);
        ((ObjectNode) ev.get("pathParameters")).put("token", token);
    }

    /**
     * The growth table for the sweep. Items {@code [0, due)} of the first call are the due messages
     * (half email, half SMS, due a minute ago); the rest, per 100 items: 40 referrals, 35 sent
     * messages (no gsi1 entry), 15 closed tasks, 9 open tasks (gsi1 OPENTASKS#…) and 1 pending SMS
     * held until tomorrow (in the OUTBOX#DUE partition, but after now).
     */
    static void seedSweepTable(LocalDynamo db, int from, int to, int due) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant dueAt = now.minus(1, ChronoUnit.MINUTES);
        Instant tomorrow = now.plus(1, ChronoUnit.DAYS);
        Instant past = now.minus(30, ChronoUnit.DAYS);
        // the due messages again each time (the previous size's run sent them), then the new items
        Seeder.put(db.client(), db.table(), due, i -> dueMessage(i, dueAt), 1);
        int start = Math.max(from, due);
        Seeder.put(db.client(), db.table(), Math.max(0, to - start), k -> {
            long i = start + k;
            long n = i % 100;
            if (n < 40) return Seeds.referral(i);
            if (n < 75) return BenchItems.sentMessage(messageId(n % 2 == 0, i), taskId(i / 2), n % 2 == 0, past);
            if (n < 90) return BenchItems.closedTask(taskId(i), "RSEED" + i, past);
            if (n < 99) return BenchItems.openTask(taskId(i), "RSEED" + i, tomorrow);
            return BenchItems.pendingMessage(messageId(false, i), taskId(i), false, tomorrow);
        }, Seeder.THREADS);
    }

    static final String SWEEP_TABLE = "per 100 items: 40 referrals, 35 sent messages, 15 closed tasks, 9 open tasks,"
            + " 1 pending SMS due tomorrow";
}
