package dk.rampe.core;

import java.util.List;

/**
 * Every text field a person fills in, defined once: the API's JSON readers, the web app's forms
 * and the follow-up page read each field with the same definition, so a value one door refuses
 * no other door stores. Names are the API's; a door may prefix them (the web app's {@code ms.}).
 */
public final class InputFields {
    private InputFields() {
    }

    // the referral (POST /v1/referrals, the web app's referral form)
    public static final TextField JOBCENTRE_REFERENCE = TextField.identifier("jobcentreReference", 64);
    /**
     * The jobcentre's own case reference as caseworkers write it ("AAR-2026-0042", "AAR 2026 0042"): a letter or
     * digit first, then letters, digits, dot, hyphen, underscore and single spaces, at most 64; the same rule at
     * every door (the API's referral, the web app's form).
     */
    public static final java.util.regex.Pattern JOBCENTRE_REFERENCE_FORMAT =
            java.util.regex.Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9._-]| [A-Za-z0-9._-]){0,63}$");
    public static final TextField CITIZEN_NAME = TextField.singleLine("name", 200);
    public static final TextField CASEWORKER_NAME = TextField.singleLine("name", 200);
    public static final TextField JOB_WISH = TextField.singleLine("jobWishes", 200);
    public static final TextField MOTIVATION = TextField.freeText("motivation", 4000);
    public static final TextField TRANSPORT = TextField.freeText("transport", 1000);
    public static final TextField OTHER_ISSUES = TextField.freeText("otherIssues", 4000);
    public static final TextField SUB_GOAL = TextField.singleLine("subGoals", 300);

    // the visitation (POST …/visitation, the web app's visitation form)
    public static final TextField VISITATION_REASON = TextField.freeText("reason", 1000);

    // the path (POST …/milestones, POST …/exit, the web app's milestone and exit forms)
    public static final TextField MILESTONE_NOTE = TextField.freeText("note", 2000);
    public static final TextField MILESTONE_REASON = TextField.freeText("reason", 2000);
    public static final TextField EMPLOYER = TextField.singleLine("employer", 120);
    public static final TextField EXIT_NOTE = TextField.freeText("note", 2000);
    public static final TextField EXIT_PROGRESS = TextField.freeText("progress", 4000);
    public static final TextField EXIT_STABILITY = TextField.freeText("stability", 4000);
    public static final TextField EXIT_CLARIFIED = TextField.freeText("clarified", 4000);
    public static final TextField EXIT_DIRECTION = TextField.freeText("direction", 4000);
    public static final TextField EMPLOYER_CONTACTED = TextField.singleLine("employersContacted", 200);
    public static final TextField TASK_TRIED = TextField.singleLine("tasksTried", 200);

    // the plan (the web app's plan form)
    public static final TextField PLAN_STEP = TextField.freeText("steps", 300);
    public static final TextField PLAN_AGREEMENTS = TextField.freeText("agreements", 4000);
    public static final TextField TOVHOLDER = TextField.singleLine("tovholder", 200);
    public static final TextField SUPPORTER_NAME = TextField.singleLine("supporters", 200);

    // a follow-up's outcome (the follow-up page, the web app's close form)
    public static final TextField FOLLOW_UP_NOTE = TextField.freeText("note", 1000);

    /** Every field a person writes about a participant, for the tests that walk them all. */
    public static final List<TextField> ALL = List.of(JOBCENTRE_REFERENCE, CITIZEN_NAME, CASEWORKER_NAME, JOB_WISH,
            MOTIVATION, TRANSPORT, OTHER_ISSUES, SUB_GOAL, VISITATION_REASON, MILESTONE_NOTE, MILESTONE_REASON,
            EMPLOYER, EXIT_NOTE, EXIT_PROGRESS, EXIT_STABILITY, EXIT_CLARIFIED, EXIT_DIRECTION, EMPLOYER_CONTACTED,
            TASK_TRIED, PLAN_STEP, PLAN_AGREEMENTS, TOVHOLDER, SUPPORTER_NAME, FOLLOW_UP_NOTE);
}
