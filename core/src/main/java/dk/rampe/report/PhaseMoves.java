package dk.rampe.report;

import java.util.List;

/**
 * Phase moves beyond what the referral history holds (enrolment = course, exit = exited): the
 * path records internships, paid hours or jobs and education. Until that store is
 * plugged in, {@link #none()} answers no moves, so every enrolled participant stays in the course
 * until exit.
 */
public interface PhaseMoves {
    /** Every recorded move of the programme's participants, whenever recorded (the maker filters). */
    List<PhaseMove> moves(String programmeId);

    static PhaseMoves none() {
        return programmeId -> List.of();
    }
}
