package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.core.Caller;
import dk.rampe.core.Language;

/** One route of the referral API: parses the request, calls a service, renders its outcome. */
@FunctionalInterface
interface Route {
    /** What every route gets: the event, who is calling (already authenticated) and the answer's language. */
    record Request(APIGatewayV2HTTPEvent event, Caller caller, Language language) {
    }

    APIGatewayV2HTTPResponse handle(Request request);
}
