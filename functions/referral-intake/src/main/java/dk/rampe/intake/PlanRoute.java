package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.HttpApi;
import dk.rampe.core.Caller;
import dk.rampe.json.Json;
import dk.rampe.plan.Plan;
import dk.rampe.plan.PlanService;

/**
 * {@code GET /v1/referrals/{referralId}/plan}: the participant's plan for whoever may read the
 * referral (the referring jobcentre, the programme's staff); 404 for anyone else. The read is
 * audited as a read of the referral. 
 */
final class PlanRoute implements Route {
    static final String KEY = "GET /v1/referrals/{referralId}/plan";

    private final PlanService plans;

    PlanRoute(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        return get(req.caller(), Requests.referralId(req.event()));
    }

    APIGatewayV2HTTPResponse get(Caller caller, String referralId) {
        Plan p = plans.read(caller, referralId).plan();
        ObjectNode o = Json.object();
        o.put("referralId", p.referralId());
        o.put("version", p.version());
        ArrayNode steps = o.putArray("steps");
        for (Plan.Step s : p.steps()) steps.addObject().put("text", s.text()).put("status", s.status().wireName());
        if (p.agreements() != null) o.put("agreements", p.agreements());
        if (p.tovholder() != null) o.put("tovholder", p.tovholder());
        ArrayNode people = o.putArray("supporters");
        for (Plan.Supporter s : p.supporters()) people.addObject().put("name", s.name()).put("role", s.role().wireName());
        ArrayNode changes = o.putArray("history");
        for (Plan.Change c : p.changes()) {
            changes.addObject().put("version", c.version()).put("at", c.at().toString()).put("by", c.by());
        }
        return HttpApi.json(200, o);
    }
}
