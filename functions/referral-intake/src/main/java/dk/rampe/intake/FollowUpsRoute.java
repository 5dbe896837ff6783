package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.HttpApi;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.json.Json;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.FollowUpPlanning;
import java.time.Instant;
import java.util.Set;

/**
 * {@code POST /v1/referrals/{referralId}/follow-ups}: staff plan a follow-up for the referral's
 * consultant ({@link FollowUpPlanning}); 201 with the new task, 200 with the one planned before.
 */
final class FollowUpsRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/follow-ups";

    private final FollowUpPlanning planning;
    private final int maxBodyBytes;

    FollowUpsRoute(FollowUpPlanning planning, int maxBodyBytes) {
        this.planning = planning;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("kind", "dueAt"));
        JsonReader r = new JsonReader();
        String kindText = r.text(body, "", "kind", true, 32);
        Instant dueAt = r.dateTime(body, "", "dueAt", true);
        FollowUpKind kind = null;
        if (kindText != null) {
            kind = FollowUpKind.fromWire(kindText).orElse(null);
            if (kind == null) r.add("kind", "enum", FollowUpKind.wireNames());
        }
        r.throwIfAny();
        FollowUpPlanning.Outcome outcome = planning.plan(req.caller(), Requests.referralId(req.event()), kind, dueAt);
        FollowUpTask task = outcome.task();
        ObjectNode out = Json.object();
        out.put("taskId", task.taskId());
        out.put("referralId", task.referralId());
        out.put("kind", task.kind().wireName());
        out.put("consultantId", task.consultantId());
        out.put("dueAt", task.dueAt().toString());
        out.put("status", task.isOpen() ? "open" : "closed");
        return HttpApi.json(outcome instanceof FollowUpPlanning.Planned ? 201 : 200, out);
    }
}
