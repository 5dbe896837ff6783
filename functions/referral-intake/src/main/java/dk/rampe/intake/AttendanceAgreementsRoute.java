package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.api.HttpApi;
import dk.rampe.attendance.Agreement;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import dk.rampe.schedule.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * {@code POST /v1/referrals/{referralId}/attendance-agreements}: a one-day agreement, quick to record:
 * {@code {"date": "2026-11-25", "dayOff": true}} or {@code {"date": …, "start": "10:00", "minutes": 120}}.
 * The latest agreement of a date counts.
 */
final class AttendanceAgreementsRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/attendance-agreements";

    private final ReferralService referrals;
    private final AttendanceService attendance;
    private final Clock clock;
    private final int maxBodyBytes;

    AttendanceAgreementsRoute(ReferralService referrals, AttendanceService attendance, Clock clock, int maxBodyBytes) {
        this.referrals = referrals;
        this.attendance = attendance;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("date", "dayOff", "start", "minutes"));
        JsonReader r = new JsonReader();
        LocalDate today = WorkingDays.today(clock);
        LocalDate date = r.date(body, "", "date", true, today.minusDays(31), today.plusYears(1));
        Boolean dayOff = r.bool(body, "", "dayOff", false);
        boolean off = Boolean.TRUE.equals(dayOff);
        LocalTime start = AttendanceJson.time(r, body, "", "start", !off);
        Integer minutes = r.integer(body, "", "minutes", !off, 15, 720);
        if (off && body.hasNonNull("start")) r.add("start", "unknownField");
        if (off && body.hasNonNull("minutes")) r.add("minutes", "unknownField");
        r.throwIfAny();
        Referral referral = referrals.activeReferralForStaff(req.caller(), Requests.referralId(req.event()));
        Agreement a = new Agreement(date, off, off ? null : start, off ? null : minutes, req.caller().id(),
                clock.instant());
        // a repeat of the latest agreement of the date answers that agreement (nothing written)
        return HttpApi.json(201, AttendanceJson.agreement(attendance.addAgreement(referral, a)));
    }
}
