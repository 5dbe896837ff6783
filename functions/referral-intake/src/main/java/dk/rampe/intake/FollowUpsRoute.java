package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.HttpApi;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.NudgeService;
import dk.rampe.json.Json;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code POST /v1/referrals/{referralId}/follow-ups}: staff plan a follow-up for the referral's
 * consultant: the task and its nudges (email and/or SMS, as the consultant prefers) are written
 * in one transaction. The same kind and due time for the same referral is the same decision:
 * posting it again creates and sends nothing.
 */
final class FollowUpsRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/follow-ups";
    /** A follow-up is due within two years of now, either way (one recorded late, or planned far ahead). */
    static final Duration WINDOW = Duration.ofDays(2 * 366);

    private final ReferralService referrals;
    private final NudgeService nudges;
    private final Clock clock;
    private final int maxBodyBytes;

    FollowUpsRoute(ReferralService referrals, NudgeService nudges, Clock clock, int maxBodyBytes) {
        this.referrals = referrals;
        this.nudges = nudges;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("kind", "dueAt"));
        JsonReader r = new JsonReader();
        String kindText = r.text(body, "", "kind", true, 32);
        Instant now = clock.instant();
        Instant dueAt = r.dateTime(body, "", "dueAt", true, now.minus(WINDOW), now.plus(WINDOW));
        FollowUpKind kind = null;
        if (kindText != null) {
            kind = FollowUpKind.fromWire(kindText).orElse(null);
            if (kind == null) r.add("kind", "enum", FollowUpKind.wireNames());
        }
        r.throwIfAny();
        Referral referral = referrals.activeReferralForStaff(req.caller(), Requests.referralId(req.event()));
        FollowUpStore.CreateResult result = nudges.create(new NudgeService.NewFollowUp(kind, referral.programmeId(),
                referral.id(), referral.consultantId(), dueAt, null, "planned:" + dueAt), req.caller().id());
        FollowUpTask task = result instanceof FollowUpStore.Created c ? c.task()
                : ((FollowUpStore.AlreadyExists) result).task();
        ObjectNode out = Json.object();
        out.put("taskId", task.taskId());
        out.put("referralId", task.referralId());
        out.put("kind", task.kind().wireName());
        out.put("consultantId", task.consultantId());
        out.put("dueAt", task.dueAt().toString());
        out.put("status", task.isOpen() ? "open" : "closed");
        return HttpApi.json(result instanceof FollowUpStore.Created ? 201 : 200, out);
    }
}
