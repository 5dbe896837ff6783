package dk.rampe.attendance;

import dk.rampe.core.EmailAddress;
import dk.rampe.referral.Benefit;
import dk.rampe.settings.Settings;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A programme's attendance settings as the rules use them, with their defaults
 * ({@link Settings.Attendance#DEFAULTS}): a 30-minute grace period; the caseworker is told after two
 * unexcused absences in a row or three within ten working days, and of every unexcused absence for
 * the listed benefits; an open absence follow-up is escalated after two working hours (to the
 * team lead, if one is set); no participant SMS unless the programme turns it on. {@code extraDays}: a one-day
 * agreement may put a session on a day without sessions (the programme's calendar switch, off by default).
 */
public record AttendanceRules(Duration grace, int inARow, int withinCount, int withinWorkingDays,
                              Set<Benefit> reportEveryAbsence, Duration escalateAfter, EmailAddress teamLeadEmail,
                              boolean participantSms, boolean extraDays) {

    public static final AttendanceRules DEFAULTS = of(Settings.Attendance.DEFAULTS);

    public AttendanceRules {
        reportEveryAbsence = reportEveryAbsence.isEmpty() ? EnumSet.noneOf(Benefit.class)
                : EnumSet.copyOf(reportEveryAbsence);
    }

    /** Without extra days: an agreement for a day without sessions is refused. */
    public AttendanceRules(Duration grace, int inARow, int withinCount, int withinWorkingDays,
                           Set<Benefit> reportEveryAbsence, Duration escalateAfter, EmailAddress teamLeadEmail,
                           boolean participantSms) {
        this(grace, inARow, withinCount, withinWorkingDays, reportEveryAbsence, escalateAfter, teamLeadEmail,
                participantSms, false);
    }

    /** The rules of a programme's settings; a benefit name not known (any more) is left out. */
    public static AttendanceRules of(Settings.Attendance s) {
        Set<Benefit> benefits = EnumSet.noneOf(Benefit.class);
        for (String b : s.reportEveryAbsence()) Benefit.fromWire(b).ifPresent(benefits::add);
        return new AttendanceRules(s.grace(), s.inARow(), s.withinCount(), s.withinWorkingDays(), benefits,
                s.escalateAfter(), s.teamLeadEmail(), s.participantSms());
    }

    /** The rules of the programme in the current settings; the defaults for a programme not (yet) known. */
    public static AttendanceRules of(Supplier<Settings> settings, String programmeId) {
        Optional<Settings.Programme> p = settings.get().programme(programmeId);
        return p.map(x -> {
            AttendanceRules r = of(x.attendance());
            return new AttendanceRules(r.grace(), r.inARow(), r.withinCount(), r.withinWorkingDays(),
                    r.reportEveryAbsence(), r.escalateAfter(), r.teamLeadEmail(), r.participantSms(),
                    x.calendar().extraDays());
        }).orElse(DEFAULTS);
    }
}
