package dk.rampe.attendance;

import dk.rampe.schedule.DecisionIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An early warning that started for a participant: the day it started (the date evaluated), its reasons (each
 * signal's code and the figures that made it fire) and when it was decided. Its id is derived from the decision
 * (referral and date), so a run repeated or raced writes it once.
 */
public record Warning(String id, String referralId, LocalDate date, List<EarlyWarning.Signal> signals,
                      Instant decidedAt) {
    public Warning {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(date, "date");
        signals = List.copyOf(signals);
    }

    /** The warning of {@code referralId} started on {@code date}. */
    public static Warning of(String referralId, LocalDate date, List<EarlyWarning.Signal> signals, Instant decidedAt) {
        return new Warning(id(referralId, date), referralId, date, signals, decidedAt);
    }

    /** The id of this warning's {@code attention_due} follow-up (the decision {@code warning|{date}}). */
    public String followUpTaskId(String programmeId) {
        return dk.rampe.followup.NudgeService.taskId(dk.rampe.followup.FollowUpKind.ATTENTION_DUE, programmeId,
                referralId, WarningRun.decision(date));
    }

    public static String id(String referralId, LocalDate date) {
        return DecisionIds.of("W", "warning", referralId, date.toString());
    }
}
