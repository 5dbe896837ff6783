package dk.rampe.intake;

import dk.rampe.core.InputFields;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.path.ExitDescription;
import dk.rampe.path.ExitNotice;
import dk.rampe.path.ParticipantExit;
import dk.rampe.path.PathService;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import java.util.Set;

/** {@code POST /v1/referrals/{referralId}/exit}: the participant leaves, with an outcome and a note. */
final class ExitRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/exit";

    private final int maxBodyBytes;
    /** The exit's rules, shared with the web app's exit form. */
    private final ParticipantExit exit;

    ExitRoute(ReferralService service, int maxBodyBytes, PathService paths, ExitNotice notice, java.time.Clock clock) {
        this.maxBodyBytes = maxBodyBytes;
        this.exit = new ParticipantExit(service, paths, notice, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("outcome", "note", "description", "exitedOn"));
        JsonReader r = new JsonReader();
        String outcomeText = r.text(body, "", "outcome", true, 32);
        String note = r.field(body, "", InputFields.EXIT_NOTE, false);
        ExitOutcome outcome = null;
        if (outcomeText != null) {
            outcome = ExitOutcome.fromWire(outcomeText).orElse(null);
            if (outcome == null) r.add("outcome", "enum", ExitOutcome.wireNames());
        }
        ExitDescription.ConsultantText text = description(r, body);
        java.time.LocalDate exitedOn = r.date(body, "", "exitedOn", false);
        r.throwIfAny();
        Referral exited = exit.exit(req.caller(), new ParticipantExit.Command(Requests.referralId(req.event()), outcome,
                note, text, exitedOn));
        return Requests.staffView(exited);
    }

    /** The consultant's part of the exit description: {@code description} {progress, stability, clarified, employersContacted, tasksTried, direction}. */
    private static ExitDescription.ConsultantText description(JsonReader r, JsonNode body) {
        JsonNode d = r.object(body, "", "description", false);
        if (d == null) return null;
        r.onlyKnown(d, "description", Set.of("progress", "stability", "clarified", "employersContacted", "tasksTried",
                "direction"));
        return new ExitDescription.ConsultantText(r.field(d, "description", InputFields.EXIT_PROGRESS, false),
                r.field(d, "description", InputFields.EXIT_STABILITY, false),
                r.field(d, "description", InputFields.EXIT_CLARIFIED, false),
                r.fields(d, "description", InputFields.EMPLOYER_CONTACTED, false, 50),
                r.fields(d, "description", InputFields.TASK_TRIED, false, 50),
                r.field(d, "description", InputFields.EXIT_DIRECTION, false));
    }
}
