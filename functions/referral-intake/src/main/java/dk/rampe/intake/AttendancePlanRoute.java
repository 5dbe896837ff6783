package dk.rampe.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.HttpApi;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceService;
import dk.rampe.json.Json;
import dk.rampe.json.JsonReader;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code PUT /v1/referrals/{referralId}/attendance-plan}: the plan as steps (a step-up plan has
 * several), each {@code {validFrom, weekdays, start, minutesPerDay}} and optionally
 * {@code duringInternship} (a boolean, default false: the step also applies while the participant is in
 * an internship); a step with the same from-date as a stored one replaces it. Every step is checked
 * before anything is written.
 */
final class AttendancePlanRoute implements Route {
    static final String KEY = "PUT /v1/referrals/{referralId}/attendance-plan";

    private final ReferralService referrals;
    private final AttendanceService attendance;
    private final Clock clock;
    private final int maxBodyBytes;

    AttendancePlanRoute(ReferralService referrals, AttendanceService attendance, Clock clock, int maxBodyBytes) {
        this.referrals = referrals;
        this.attendance = attendance;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        JsonNode body = Requests.objectBody(req.event(), maxBodyBytes, Set.of("steps"));
        JsonReader r = new JsonReader();
        JsonNode steps = body.get("steps");
        List<AttendancePlan> plans = new ArrayList<>();
        if (steps == null || steps.isNull()) r.add("steps", "required");
        else if (!steps.isArray() || steps.isEmpty()) r.add("steps", steps.isArray() ? "required" : "type.array");
        else if (steps.size() > 12) r.add("steps", "tooMany", 12);
        else {
            Set<LocalDate> froms = new HashSet<>();
            for (int i = 0; i < steps.size(); i++) {
                String p = "steps[" + i + "]";
                JsonNode s = steps.get(i);
                if (!s.isObject()) {
                    r.add(p, "type.object");
                    continue;
                }
                r.onlyKnown(s, p, Set.of("validFrom", "weekdays", "start", "minutesPerDay", "duringInternship"));
                LocalDate from = r.date(s, p, "validFrom", true, AttendanceJson.MIN, AttendanceJson.MAX);
                List<String> days = r.texts(s, p, "weekdays", true, 5, 9);
                Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
                for (int d = 0; d < days.size(); d++) {
                    DayOfWeek day = AttendanceJson.weekday(days.get(d));
                    String dp = p + ".weekdays[" + d + "]";
                    if (day == null) r.add(dp, "enum", "monday, tuesday, wednesday, thursday, friday");
                    else if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) r.add(dp, "weekdays.weekend");
                    else if (!weekdays.add(day)) r.add(dp, "weekdays.duplicate");
                }
                if (s.has("weekdays") && s.get("weekdays").isArray() && s.get("weekdays").isEmpty()) {
                    r.add(p + ".weekdays", "required");
                }
                LocalTime start = AttendanceJson.time(r, s, p, "start", true);
                Integer minutes = r.integer(s, p, "minutesPerDay", true, 15, 720);
                Boolean duringInternship = r.bool(s, p, "duringInternship", false);
                if (from != null && !froms.add(from)) r.add(p + ".validFrom", "plan.duplicateFrom");
                if (from != null && start != null && minutes != null && !weekdays.isEmpty()) {
                    plans.add(new AttendancePlan(from, weekdays, start, minutes, req.caller().id(), clock.instant(),
                            Boolean.TRUE.equals(duringInternship)));
                }
            }
        }
        r.throwIfAny();
        Referral referral = referrals.activeReferralForStaff(req.caller(), Requests.referralId(req.event()));
        for (AttendancePlan plan : plans) attendance.putPlan(referral, plan);
        ObjectNode out = Json.object();
        out.put("referralId", referral.id());
        ArrayNode written = out.putArray("steps");
        plans.forEach(p -> written.add(AttendanceJson.plan(p)));
        return HttpApi.json(200, out);
    }
}
