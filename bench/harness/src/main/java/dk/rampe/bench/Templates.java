package dk.rampe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Event templates made from the events/ samples: the same event, with the fields that must
 * differ between invocations replaced by placeholders ({{SEQ}}, {{CPR}}, {{PREV:…}}) that
 * {@link #fill} resolves when the bench's Runtime API hands the event out.
 */
final class Templates {
    private Templates() {
    }

    /** POST /v1/referrals for a new citizen each time: CPR, jobcentre reference and Idempotency-Key vary. */
    static Path postReferral(String sample, Path out) {
        ObjectNode ev = object(sample);
        ObjectNode body = object(ev.get("body").textValue());
        ((ObjectNode) body.get("citizen")).put("cpr", "{{CPR}}");
        body.put("jobcentreReference", "BENCH-{{SEQ}}");
        ev.put("body", BenchJson.write(body));
        ev.put("isBase64Encoded", false);
        ObjectNode headers = (ObjectNode) ev.get("headers");
        if (headers.has("idempotency-key")) headers.put("idempotency-key", "bench-{{SEQ}}");
        ((ObjectNode) ev.get("requestContext")).put("requestId", "bench-{{SEQ}}");
        return write(ev, out);
    }

    /** GET /v1/referrals/{id} of the referral the previous invocation answered with, by the same jobcentre. */
    static Path getReferral(String postSample, Path out) {
        ObjectNode ev = object(postSample);
        ev.put("routeKey", "GET /v1/referrals/{referralId}");
        ev.put("rawPath", "/v1/referrals/{{PREV:referralId}}");
        ev.remove("body");
        ev.put("isBase64Encoded", false);
        ObjectNode headers = (ObjectNode) ev.get("headers");
        headers.remove("content-type");
        headers.remove("idempotency-key");
        ev.putObject("pathParameters").put("referralId", "{{PREV:referralId}}");
        ObjectNode ctx = (ObjectNode) ev.get("requestContext");
        ctx.put("routeKey", "GET /v1/referrals/{referralId}");
        ctx.put("requestId", "bench-get-{{SEQ}}");
        ((ObjectNode) ctx.get("http")).put("method", "GET").put("path", "/v1/referrals/{{PREV:referralId}}");
        return write(ev, out);
    }

    /**
     * POST /v1/referrals/{id}/follow-ups by staff (the visitation sample's caller) for the referral the
     * previous invocation answered with: a follow-up due tomorrow, so its nudges are written pending.
     */
    static Path planFollowUp(String staffSample, Path out) {
        ObjectNode ev = object(staffSample);
        String route = "POST /v1/referrals/{referralId}/follow-ups";
        ev.put("routeKey", route);
        ev.put("rawPath", "/v1/referrals/{{PREV:referralId}}/follow-ups");
        ObjectNode body = BenchJson.object();
        body.put("kind", "follow_up_due");
        body.put("dueAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        ev.put("body", BenchJson.write(body));
        ev.put("isBase64Encoded", false);
        ObjectNode headers = (ObjectNode) ev.get("headers");
        headers.remove("idempotency-key");
        ev.putObject("pathParameters").put("referralId", "{{PREV:referralId}}");
        ObjectNode ctx = (ObjectNode) ev.get("requestContext");
        ctx.put("routeKey", route);
        ctx.put("requestId", "bench-follow-up-{{SEQ}}");
        ((ObjectNode) ctx.get("http")).put("method", "POST").put("path", "/v1/referrals/{{PREV:referralId}}/follow-ups");
        return write(ev, out);
    }

    /** The web app's sample GET, for {@code /app/participants}, carrying the given session cookie. */
    static Path webAppGet(String sample, String cookie, Path out) {
        ObjectNode ev = object(sample);
        ev.put("rawPath", "/app/participants");
        ev.putArray("cookies").add(cookie);
        ObjectNode ctx = (ObjectNode) ev.get("requestContext");
        ctx.put("requestId", "bench-web-{{SEQ}}");
        ((ObjectNode) ctx.get("http")).put("path", "/app/participants");
        return write(ev, out);
    }

    /**
     * A web-app session cookie as functions/web-app's Session signs it with the local development
     * key (the app uses that key only on a local base URL, as in the bench). It must stay in step
     * with Session.encode: the child's log line in bench/target/work (cold-*-web-app-*.stdout)
     * shows "role":"STAFF","status":"200" when it does, "status":"303" (to the login) when not.
     */
    static String webSessionCookie(String role, String id) {
        long now = java.time.Instant.now().getEpochSecond();
        String payload = "v1|" + role + "|" + id + "|0|" + now + "|" + (now + 7200) + "|benchbenchbench1";
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String p = b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    BenchMain.benchSecret("RAMPE_WEB_SESSION_KEY").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "rampe_session=" + p + "." + b64.encodeToString(mac.doFinal(("session|" + p).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object(String json) {
        try {
            JsonNode n = BenchJson.parse(json);
            if (!(n instanceof ObjectNode o)) throw new IllegalStateException("not a JSON object: " + json);
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(JsonNode node, Path out) {
        try {
            Files.writeString(out, BenchJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node), StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An event from its template: {@code {{SEQ}}} (a number unique to the invocation, or the previous
     * one's for a step marked {@code same}; {@code {{SEQ19}}}: the same, zero-padded to 19 digits, for ids
     * of a fixed length), {@code {{CPR}}} (a valid CPR number made from it) and {@code {{PREV:field}}}
     * (a string field of the previous answer's body).
     */
    static String fill(String template, long seq, String previousAnswer) {
        String padded = Long.toString(seq);
        padded = "0000000000000000000".substring(Math.min(19, padded.length())) + padded; // 19 digits
        String s = template.replace("{{SEQ}}", Long.toString(seq)).replace("{{SEQ19}}", padded).replace("{{CPR}}", cpr(seq));
        int at;
        while ((at = s.indexOf("{{PREV:")) >= 0) {
            int end = s.indexOf("}}", at);
            String name = s.substring(at + 7, end);
            String v = field(previousAnswer, name);
            s = s.substring(0, at) + (v == null ? "" : v) + s.substring(end + 2);
        }
        return s;
    }

    /** Ten digits DDMMYY-SSSS with a real birth date, distinct for every seq below 100 million. */
    static String cpr(long seq) {
        long s = seq;
        int serial = (int) (s % 10000);
        s /= 10000;
        int day = 1 + (int) (s % 28);
        s /= 28;
        int month = 1 + (int) (s % 12);
        s /= 12;
        int yy = 60 + (int) (s % 30);
        return two(day) + two(month) + two(yy) + Integer.toString(10000 + serial).substring(1);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /**
     * The first value of {@code "name": value} in a JSON text, also when the JSON sits escaped inside
     * a string (the HTTP body in an API Gateway answer). Enough for status codes and ids.
     */
    static String field(String json, String name) {
        int at = json.indexOf(name + "\\\"");
        int skip = name.length() + 2;
        if (at < 0) {
            at = json.indexOf(name + "\"");
            skip = name.length() + 1;
        }
        if (at < 0) return null;
        int i = at + skip;
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) i++;
        while (i < json.length() && (json.charAt(i) == '\\' || json.charAt(i) == '"')) i++;
        int start = i;
        while (i < json.length() && json.charAt(i) != '"' && json.charAt(i) != '\\' && json.charAt(i) != ','
                && json.charAt(i) != '}') i++;
        return json.substring(start, i);
    }
}
