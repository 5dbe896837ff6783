package dk.rampe.web;

import dk.rampe.core.FieldError;
import dk.rampe.core.InputFields;
import dk.rampe.core.TextField;
import dk.rampe.core.ValidationException;
import dk.rampe.path.JobKind;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.PathService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quick milestone form of the participant page, read with the rules and error codes of
 * POST /v1/referrals/{id}/milestones (MilestonesRoute): the same required fields per type, the same
 * lengths and ranges; fields carry the prefix {@code ms.} so its errors never mix with the page's
 * other forms. Fields that do not belong to the chosen type are ignored (one form serves every type).
 * Sequence rules (an end without a start, a date before the referral) stay with {@link PathService}.
 * A correction is the same form with {@code ms.corrects}: the id of the step's latest record.
 */
final class MilestoneForm {
    static final List<MilestoneType> TYPES = List.of(MilestoneType.INTERNSHIP_STARTED, MilestoneType.INTERNSHIP_ENDED,
            MilestoneType.JOB_STARTED, MilestoneType.HOURS_CHANGED, MilestoneType.JOB_ENDED,
            MilestoneType.EDUCATION_STARTED);
    private static final BigDecimal MAX_HOURS = new BigDecimal("80");
    /** A milestone record's id, as the API's {@code corrects} takes it. */
    static final java.util.regex.Pattern MILESTONE_ID = java.util.regex.Pattern.compile("^M[0-9A-HJKMNP-TV-Z]{12}$");

    private MilestoneForm() {
    }

    static PathService.NewMilestone parse(Map<String, String> f) {
        List<FieldError> errors = new ArrayList<>();
        MilestoneType type = null;
        String typeText = f.getOrDefault("ms.type", "").strip();
        if (typeText.isEmpty()) {
            errors.add(new FieldError("ms.type", "required"));
        } else {
            type = MilestoneType.fromWire(typeText).filter(MilestoneType::recordedOnMilestonesRoute).orElse(null);
            if (type == null) errors.add(new FieldError("ms.type", "enum", MilestoneType.wireNames()));
        }
        LocalDate effectiveOn = date(f, "ms.effectiveOn", true, errors);
        // a correction (the path's "correct" form): the record it corrects, as the API's corrects
        String corrects = f.getOrDefault("ms.corrects", "").strip();
        if (corrects.isEmpty()) {
            corrects = null;
        } else if (!MILESTONE_ID.matcher(corrects).matches()) {
            errors.add(new FieldError("ms.corrects", "id.format"));
            corrects = null;
        }
        String note = text(f, "ms.note", false, InputFields.MILESTONE_NOTE, errors);
        Set<String> fields = type == null ? Set.of() : switch (type) {
            case INTERNSHIP_STARTED -> Set.of("employer", "expectedEnd", "hoursPerWeek");
            case JOB_STARTED -> Set.of("employer", "jobKind", "hoursPerWeek");
            case HOURS_CHANGED -> Set.of("hoursPerWeek");
            case INTERNSHIP_ENDED, JOB_ENDED -> Set.of("reason");
            default -> Set.of();
        };
        String employer = fields.contains("employer") ? text(f, "ms.employer", true, InputFields.EMPLOYER, errors)
                : null;
        LocalDate expectedEnd = fields.contains("expectedEnd") ? date(f, "ms.expectedEnd", false, errors) : null;
        BigDecimal hours = fields.contains("hoursPerWeek")
                ? hours(f, type == MilestoneType.JOB_STARTED || type == MilestoneType.HOURS_CHANGED, errors) : null;
        JobKind jobKind = null;
        if (fields.contains("jobKind")) {
            String k = f.getOrDefault("ms.jobKind", "").strip();
            if (k.isEmpty()) errors.add(new FieldError("ms.jobKind", "required"));
            else {
                jobKind = JobKind.fromWire(k).orElse(null);
                if (jobKind == null) errors.add(new FieldError("ms.jobKind", "enum", JobKind.wireNames()));
            }
        }
        String reason = fields.contains("reason") ? text(f, "ms.reason", true, InputFields.MILESTONE_REASON, errors) : null;
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new PathService.NewMilestone(type, effectiveOn, corrects, employer, jobKind, hours, expectedEnd, reason, note);
    }

    /** A field error from the service (named as the API names it) on the form's field. */
    static String formField(String field) {
        return field.startsWith("ms.") ? field : "ms." + field;
    }

    /** A text field as its one definition in core says (the API's MilestonesRoute reads the same one). */
    private static String text(Map<String, String> f, String name, boolean required, TextField field,
                               List<FieldError> errors) {
        return field.read(name, f.get(name), required, errors);
    }

    private static LocalDate date(Map<String, String> f, String name, boolean required, List<FieldError> errors) {
        return FormDates.read(f, name, required, errors);
    }

    /** Hours a week: 0 to 80 with at most two decimals; a decimal comma is read as a point. */
    private static BigDecimal hours(Map<String, String> f, boolean required, List<FieldError> errors) {
        String s = f.getOrDefault("ms.hoursPerWeek", "").strip().replace(',', '.');
        if (s.isEmpty()) {
            if (required) errors.add(new FieldError("ms.hoursPerWeek", "required"));
            return null;
        }
        BigDecimal h;
        try {
            if (s.length() > 12 || !s.matches("^[0-9]+(\\.[0-9]+)?$")) throw new NumberFormatException();
            h = new BigDecimal(s);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("ms.hoursPerWeek", "hours.range", 0, 80));
            return null;
        }
        if (h.compareTo(MAX_HOURS) > 0 || h.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("ms.hoursPerWeek", "hours.range", 0, 80));
            return null;
        }
        return h.stripTrailingZeros().scale() < 0 ? h.setScale(0) : h.stripTrailingZeros();
    }
}
