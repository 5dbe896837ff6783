package dk.rampe.attendance;

import dk.rampe.referral.Benefit;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A programme's attendance settings, with the defaults of issue 9: a 30-minute grace period; the
 * caseworker is told after two unexcused absences in a row or three within ten working days, and
 * of every unexcused absence for the listed benefits; an open absence follow-up is escalated after
 * two hours.
 */
public record AttendanceRules(Duration grace, int inARow, int withinCount, int withinWorkingDays,
                              Set<Benefit> reportEveryAbsence, Duration escalateAfter) {

    public static final AttendanceRules DEFAULTS = new AttendanceRules(Duration.ofMinutes(30), 2, 3, 10,
            EnumSet.of(Benefit.KONTANTHJAELP, Benefit.UDDANNELSESHJAELP, Benefit.INTEGRATIONSYDELSE),
            Duration.ofHours(2));

    public AttendanceRules {
        reportEveryAbsence = reportEveryAbsence.isEmpty() ? EnumSet.noneOf(Benefit.class)
                : EnumSet.copyOf(reportEveryAbsence);
    }
}
