package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.api.HttpApi;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.attendance.Registration;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import dk.rampe.schedule.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/referrals/{referralId}/attendance}: a registration, {@code {"date", "status":
 * present|late|excused|absent, "arrival" (late), "reason": sick|appointment|agreed (excused)}}.
 * A correction is simply a newer registration of the same date; the older ones stay as history.
 */
final class AttendanceRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/attendance";

    private final ReferralService referrals;
    private final AttendanceService attendance;
    private final Clock clock;
    private final int maxBodyBytes;

    AttendanceRoute(ReferralService referrals, AttendanceService attendance, Clock clock, int maxBodyBytes) {
        this.referrals = referrals;
        this.attendance = attendance;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("date", "status", "arrival", "reason"));
        JsonReader r = new JsonReader();
        LocalDate today = WorkingDays.today(clock);
        LocalDate date = r.date(body, "", "date", true, today.minusDays(62), today.plusDays(31));
        String statusText = r.text(body, "", "status", true, 16);
        Registration.Status status = null;
        if (statusText != null) {
            status = Registration.Status.fromWire(statusText).orElse(null);
            if (status == null) r.add("status", "enum", names(Registration.Status.values()));
        }
        LocalTime arrival = AttendanceJson.time(r, body, "", "arrival", status == Registration.Status.LATE);
        String reasonText = r.text(body, "", "reason", status == Registration.Status.EXCUSED, 16);
        Registration.Reason reason = null;
        if (reasonText != null) {
            reason = Registration.Reason.fromWire(reasonText).orElse(null);
            if (reason == null) r.add("reason", "enum", names(Registration.Reason.values()));
        }
        if (status != null && status != Registration.Status.LATE && body.hasNonNull("arrival")) {
            r.add("arrival", "unknownField");
        }
        if (status != null && status != Registration.Status.EXCUSED && body.hasNonNull("reason")) {
            r.add("reason", "unknownField");
        }
        r.throwIfAny();
        Referral referral = referrals.activeReferralForStaff(req.caller(), Requests.referralId(req.event()));
        Registration g = attendance.register(referral, date, status, arrival, reason, req.caller().id());
        return HttpApi.json(201, AttendanceJson.registration(g));
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
