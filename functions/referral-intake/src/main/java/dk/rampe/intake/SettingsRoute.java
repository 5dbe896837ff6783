package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.api.HttpApi;
import dk.rampe.json.SettingsCodec;
import dk.rampe.log.Log;
import dk.rampe.settings.Settings;
import dk.rampe.settings.SettingsStore;

/** {@code GET} and {@code PUT /v1/admin/settings}: administrators read and replace programmes, jobcentres, consultants. */
final class SettingsRoute {
    static final String GET = "GET /v1/admin/settings";
    static final String PUT = "PUT /v1/admin/settings";

    private final SettingsStore settings;
    private final int maxBodyBytes;
    /** The referrals, to refuse removing a programme or partnership that still has active participants. */
    private final dk.rampe.referral.ReferralStore referrals;

    SettingsRoute(SettingsStore settings, int maxBodyBytes, dk.rampe.referral.ReferralStore referrals) {
        this.settings = settings;
        this.maxBodyBytes = maxBodyBytes;
        this.referrals = referrals;
    }

    APIGatewayV2HTTPResponse read(Route.Request req) {
        Requests.requireAdmin(req.caller());
        return HttpApi.json(200, SettingsCodec.write(settings.current()));
    }

    APIGatewayV2HTTPResponse replace(Route.Request req) {
        Requests.requireAdmin(req.caller());
        Settings parsed = SettingsCodec.parse(HttpApi.jsonBody(req.event(), maxBodyBytes));
        dk.rampe.referral.SettingsReplacement.refuseRemovalsInUse(settings.current(), parsed, referrals);
        settings.replace(parsed, req.caller().id());
        Log.info("settings.replaced", "by", req.caller().id(), "programmes", Integer.toString(parsed.programmes().size()));
        return HttpApi.json(200, SettingsCodec.write(parsed));
    }
}
