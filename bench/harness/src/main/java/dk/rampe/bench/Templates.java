package dk.rampe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Event templates made from the events/ samples: the same event, with the fields that must
 * differ between invocations replaced by LambdaSim's placeholders ({{SEQ}}, {{CPR}}, {{PREV:…}}).
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
        ev.put("body", Json.write(body));
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
        ObjectNode body = Json.object();
        body.put("kind", "follow_up_due");
        body.put("dueAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        ev.put("body", Json.write(body));
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

    static ObjectNode object(String json) {
        try {
            JsonNode n = Json.parse(json);
            if (!(n instanceof ObjectNode o)) throw new IllegalStateException("not a JSON object: " + json);
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(JsonNode node, Path out) {
        try {
            Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node), StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
