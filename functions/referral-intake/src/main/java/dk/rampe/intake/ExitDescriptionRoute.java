package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.HttpApi;
import dk.rampe.json.Json;
import dk.rampe.path.ExitDescription;
import dk.rampe.path.PathService;
import java.util.List;

/**
 * {@code GET /v1/referrals/{referralId}/exit-description}: what goes back to the referring jobcentre
 * when a participant leaves without a job or education (the jobcentre and the programme's staff).
 */
final class ExitDescriptionRoute implements Route {
    static final String KEY = "GET /v1/referrals/{referralId}/exit-description";

    private final PathService paths;

    ExitDescriptionRoute(PathService paths) {
        this.paths = paths;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        ExitDescription d = paths.exitDescription(req.caller(), Requests.referralId(req.event()));
        ObjectNode o = Json.object();
        o.put("referralId", d.referralId());
        if (d.enrolledOn() != null) o.put("enrolledOn", d.enrolledOn().toString());
        if (d.exitedOn() != null) o.put("exitedOn", d.exitedOn().toString());
        o.put("outcome", d.outcome());
        list(o, "progress", d.progress());
        if (d.stability() != null) o.put("stability", d.stability());
        if (d.clarified() != null) o.put("clarified", d.clarified());
        list(o, "employersContacted", d.employersContacted());
        list(o, "tasksTried", d.tasksTried());
        if (d.direction() != null) o.put("direction", d.direction());
        return HttpApi.json(200, o);
    }

    private static void list(ObjectNode o, String name, List<String> items) {
        ArrayNode a = o.putArray(name);
        items.forEach(a::add);
    }
}
