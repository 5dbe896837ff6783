package dk.rampe.followup;

import dk.rampe.schedule.DecisionIds;

/** Deterministic ids of tasks and messages: the same decision always gives the same id ({@link DecisionIds}). */
public final class Ids {
    private Ids() {
    }

    /** A task id from the decision that made it, e.g. "absence_today|R…|2026-11-23". */
    public static String taskId(String decisionKey) {
        return "T" + DecisionIds.base32(DecisionIds.sha256(decisionKey), 12);
    }

    public static String messageId(String dedupeKey) {
        return "M" + DecisionIds.base32(DecisionIds.sha256(dedupeKey), 20);
    }

    public static boolean isTaskId(String s) {
        return s != null && s.matches("^T[0-9A-HJKMNP-TV-Z]{12}$");
    }
}
