package dk.rampe.intake;

import dk.rampe.core.InputFields;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.api.HttpApi;
import dk.rampe.json.JsonReader;
import dk.rampe.path.JobKind;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.PathService;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/referrals/{referralId}/milestones} (staff): a step of the participant's path with the
 * date it took effect; a correction names the record it corrects. Each type takes its own fields:
 * <pre>
 * internship_started  employer (required), expectedEnd, hoursPerWeek
 * internship_ended    reason (required)
 * job_started         employer, jobKind, hoursPerWeek (required)
 * hours_changed       hoursPerWeek (required)
 * job_ended           reason (required)
 * education_started   (nothing more)
 * </pre>
 * Every type takes {@code type}, {@code effectiveOn}, {@code corrects} and {@code note}.
 */
final class MilestonesRoute implements Route {
    static final String KEY = "POST /v1/referrals/{referralId}/milestones";
    private static final Pattern MILESTONE_ID = Pattern.compile("^M[0-9A-HJKMNP-TV-Z]{12}$");
    private static final Set<String> COMMON = Set.of("type", "effectiveOn", "corrects", "note");
    private static final Map<MilestoneType, Set<String>> FIELDS = Map.of(
            MilestoneType.INTERNSHIP_STARTED, Set.of("employer", "expectedEnd", "hoursPerWeek"),
            MilestoneType.INTERNSHIP_ENDED, Set.of("reason"),
            MilestoneType.JOB_STARTED, Set.of("employer", "jobKind", "hoursPerWeek"),
            MilestoneType.HOURS_CHANGED, Set.of("hoursPerWeek"),
            MilestoneType.JOB_ENDED, Set.of("reason"),
            MilestoneType.EDUCATION_STARTED, Set.of());
    private static final BigDecimal MAX_HOURS = new BigDecimal("80");

    private final PathService paths;
    private final int maxBodyBytes;

    MilestonesRoute(PathService paths, int maxBodyBytes) {
        this.paths = paths;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(Request req) {
        String referralId = Requests.referralId(req.event());
        JsonNode body = HttpApi.jsonBody(req.event(), maxBodyBytes);
        JsonReader r = new JsonReader();
        if (!body.isObject()) {
            r.add("body", "type.object");
            r.throwIfAny();
        }
        String typeText = r.text(body, "", "type", true, 32);
        MilestoneType type = null;
        if (typeText != null) {
            type = MilestoneType.fromWire(typeText).filter(MilestoneType::recordedOnMilestonesRoute).orElse(null);
            if (type == null) r.add("type", "enum", MilestoneType.wireNames());
        }
        Set<String> allowed = new HashSet<>(COMMON);
        if (type != null) allowed.addAll(FIELDS.get(type));
        else allowed.addAll(Set.of("employer", "expectedEnd", "hoursPerWeek", "jobKind", "reason"));
        r.onlyKnown(body, "", allowed);
        var effectiveOn = r.date(body, "", "effectiveOn", true);
        String corrects = r.text(body, "", "corrects", false, 13);
        if (corrects != null && !MILESTONE_ID.matcher(corrects).matches()) {
            r.add("corrects", "id.format");
            corrects = null;
        }
        String note = r.field(body, "", InputFields.MILESTONE_NOTE, false);
        boolean employerRequired = type == MilestoneType.INTERNSHIP_STARTED || type == MilestoneType.JOB_STARTED;
        String employer = allowed.contains("employer") ? r.field(body, "", InputFields.EMPLOYER, employerRequired) : null;
        var expectedEnd = allowed.contains("expectedEnd") ? r.date(body, "", "expectedEnd", false) : null;
        boolean hoursRequired = type == MilestoneType.JOB_STARTED || type == MilestoneType.HOURS_CHANGED;
        BigDecimal hours = allowed.contains("hoursPerWeek") ? hours(r, body, hoursRequired) : null;
        JobKind jobKind = null;
        if (allowed.contains("jobKind")) {
            String kindText = r.text(body, "", "jobKind", type == MilestoneType.JOB_STARTED, 32);
            if (kindText != null) {
                jobKind = JobKind.fromWire(kindText).orElse(null);
                if (jobKind == null) r.add("jobKind", "enum", JobKind.wireNames());
            }
        }
        boolean reasonRequired = type == MilestoneType.INTERNSHIP_ENDED || type == MilestoneType.JOB_ENDED;
        String reason = allowed.contains("reason") ? r.field(body, "", InputFields.MILESTONE_REASON, reasonRequired) : null;
        if (reason != null && reason.isBlank()) r.add("reason", "required");
        r.throwIfAny();
        Milestone m = paths.record(req.caller(), referralId, new PathService.NewMilestone(type, effectiveOn, corrects,
                employer, jobKind, hours, expectedEnd, reason, note));
        return HttpApi.json(201, PathViews.milestone(m, true),
                Map.of("location", "/v1/referrals/" + referralId));
    }

    /** Hours a week: a number from 0 to 80 with at most two decimals. */
    private static BigDecimal hours(JsonReader r, JsonNode body, boolean required) {
        JsonNode n = body.get("hoursPerWeek");
        if (n == null || n.isNull()) {
            if (required) r.add("hoursPerWeek", "required");
            return null;
        }
        if (!n.isNumber()) {
            r.add("hoursPerWeek", "range", 0, 80);
            return null;
        }
        BigDecimal h;
        try {
            if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) throw new NumberFormatException();
            h = n.decimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            r.add("hoursPerWeek", "range", 0, 80);
            return null;
        }
        if (h.signum() < 0 || h.compareTo(MAX_HOURS) > 0 || h.stripTrailingZeros().scale() > 2) {
            r.add("hoursPerWeek", "range", 0, 80);
            return null;
        }
        return h.stripTrailingZeros().scale() < 0 ? h.setScale(0) : h.stripTrailingZeros();
    }
}
