package dk.rampe.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import dk.rampe.json.Json;
import dk.rampe.json.ReferralCodec;
import dk.rampe.referral.ReferralDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The referral form: its fields are named by the API's JSON paths ({@code citizen.cpr},
 * {@code jobWishes[0]} …), turned into the API's JSON and validated by the very same
 * {@link ReferralCodec#parse}, so the form and the API accept and refuse the same referrals and
 * name the same fields. Empty fields are left out, as a JSON client would leave them out. The day it was received
 * ({@code receivedAt}, today unless the caseworker sends an older referral) is read by {@link ReferralCodec#receivedOn}.
 */
final class ReferralForm {
    static final int JOB_WISHES = 3;
    static final int SUB_GOALS = 5;
    static final String[] TEXT_FIELDS = {"programmeId", "jobcentreReference", "benefit", "motivation", "transport",
            "otherIssues", "desiredStart"};

    /** {@code receivedOn}: the day the jobcentre received it (the API's {@code receivedAt}), null for today. */
    record Parsed(ReferralDetails details, java.time.LocalDate receivedOn, List<FieldError> errors) {
    }

    private ReferralForm() {
    }

    /** The form as the API's JSON, read by the API's own parsers; a received day of {@code today} is today (null). */
    static Parsed parse(Map<String, String> form, java.time.LocalDate today) {
        ObjectNode o = Json.object();
        for (String f : TEXT_FIELDS) put(o, f, form.get(f));
        put(o, "receivedAt", form.get("receivedAt"));
        ObjectNode citizen = o.putObject("citizen");
        for (String f : new String[] {"cpr", "name", "phone", "email"}) put(citizen, f, form.get("citizen." + f));
        ObjectNode caseworker = o.putObject("caseworker");
        for (String f : new String[] {"name", "email", "phone"}) put(caseworker, f, form.get("caseworker." + f));
        List<String> wishFields = list(o.putArray("jobWishes"), form, "jobWishes", JOB_WISHES);
        List<String> goalFields = list(o.putArray("subGoals"), form, "subGoals", SUB_GOALS);
        String consent = form.get("relativesConsent");
        if ("yes".equals(consent)) o.put("relativesConsent", true);
        else if ("no".equals(consent)) o.put("relativesConsent", false);
        List<FieldError> errors = new ArrayList<>();
        ReferralDetails details = null;
        java.time.LocalDate receivedOn = null;
        try {
            details = ReferralCodec.parse(o);
        } catch (ValidationException e) {
            for (FieldError fe : e.errors()) {
                errors.add(new FieldError(formField(fe.field(), wishFields, goalFields), fe.code(), fe.args()));
            }
        }
        try {
            receivedOn = ReferralCodec.receivedOn(o);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) return new Parsed(null, null, errors);
        return new Parsed(details, today.equals(receivedOn) ? null : receivedOn, List.of());
    }

    /** A list field's filled-in boxes, in order; returns the form field name of each item put. */
    private static List<String> list(ArrayNode into, Map<String, String> form, String name, int boxes) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < boxes; i++) {
            String v = form.get(name + "[" + i + "]");
            if (v != null && !v.isBlank()) {
                into.add(v.strip());
                fields.add(name + "[" + i + "]");
            }
        }
        return fields;
    }

    /** The API names the n-th item given; the form shows it beside the box it came from. */
    private static String formField(String apiField, List<String> wishFields, List<String> goalFields) {
        for (var e : Map.of("jobWishes[", wishFields, "subGoals[", goalFields).entrySet()) {
            if (apiField.startsWith(e.getKey()) && apiField.endsWith("]")) {
                try {
                    int i = Integer.parseInt(apiField.substring(e.getKey().length(), apiField.length() - 1));
                    if (i < e.getValue().size()) return e.getValue().get(i);
                } catch (NumberFormatException ignored) {
                    // not an item index: keep the API's name
                }
            }
        }
        return apiField;
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value == null) return;
        String v = value.replace("\r\n", "\n").strip();
        if (!v.isEmpty()) o.put(name, v);
    }
}
