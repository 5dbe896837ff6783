package dk.rampe.settings;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Programme, jobcentre and consultant settings: loaded from a JSON file by the local runner and
 * through the admin route in AWS.
 */
public record Settings(List<Programme> programmes, List<Jobcentre> jobcentres) {

    public Settings {
        programmes = List.copyOf(programmes);
        jobcentres = List.copyOf(jobcentres);
    }

    public static Settings empty() {
        return new Settings(List.of(), List.of());
    }

    public Optional<Programme> programme(String id) {
        return programmes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Jobcentre> jobcentreByClientId(String clientId) {
        return jobcentres.stream().filter(j -> j.clientIds().contains(clientId)).findFirst();
    }

    /** A jobcentre; {@code clientIds} are the OAuth2 client ids its systems authenticate with. */
    public record Jobcentre(String id, String name, List<String> clientIds) {
        public Jobcentre {
            clientIds = List.copyOf(clientIds);
        }
    }

    /** A jobcentre's part in a programme: its intake quota and its default consultant. */
    public record Partner(String jobcentreId, int quota, String defaultConsultantId) {
    }

    /** A consultant: the participant's named contact person, nudged by SMS and/or email. */
    public record Consultant(String id, String name, EmailAddress email, PhoneNumber phone, Channel channel,
                             Language language) {
        @Override
        public String toString() {
            return "Consultant[" + id + "]";
        }
    }

    /**
     * A programme. {@code name} is neutral (it can appear in messages); intake is open from
     * {@code intakeOpens} to {@code intakeStops}, both inclusive, in the programme's time zone.
     * {@code staff} are usernames of project owners and managers who may act on its referrals.
     * {@code closingDays} are dates the programme is closed besides weekends and public holidays
     * (no attendance expected, nothing falls due on them).
     */
    public record Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                            List<Partner> partners, List<Consultant> consultants, List<String> staff,
                            List<LocalDate> closingDays, ReportSettings report, String projectManagerId,
                            Attendance attendance, Calendar calendar, Map<String, Integer> earlyWarning) {
        public Programme {
            calendar = calendar == null ? Calendar.DEFAULTS : calendar;
            earlyWarning = earlyWarning == null ? Map.of() : Map.copyOf(earlyWarning);
            report = report == null ? ReportSettings.none() : report;
            attendance = attendance == null ? Attendance.DEFAULTS : attendance;
            partners = List.copyOf(partners);
            consultants = List.copyOf(consultants);
            staff = List.copyOf(staff);
            closingDays = closingDays == null ? List.of() : List.copyOf(closingDays);
        }

        /**
         * A programme with the early warning's default thresholds ({@code earlyWarning}: the thresholds set, by
         * name, the others at their defaults; see {@code dk.rampe.attendance.EarlyWarning.Thresholds}).
         */
        public Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                         List<Partner> partners, List<Consultant> consultants, List<String> staff,
                         List<LocalDate> closingDays, ReportSettings report, String projectManagerId,
                         Attendance attendance, Calendar calendar) {
            this(id, name, intakeOpens, intakeStops, partners, consultants, staff, closingDays, report, projectManagerId,
                    attendance, calendar, null);
        }

        /** A programme with the default calendar switches ({@link Calendar#DEFAULTS}). */
        public Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                         List<Partner> partners, List<Consultant> consultants, List<String> staff,
                         List<LocalDate> closingDays, ReportSettings report, String projectManagerId,
                         Attendance attendance) {
            this(id, name, intakeOpens, intakeStops, partners, consultants, staff, closingDays, report, projectManagerId,
                    attendance, null);
        }

        /** Whether the programme is closed on {@code date} by its settings: a closing day listed, or a customary one. */
        public boolean closedOn(LocalDate date) {
            return closingDays.contains(date) || calendar.closedOn(date);
        }

        /** A programme without report settings, without a named project manager, with the default attendance rules. */
        public Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                         List<Partner> partners, List<Consultant> consultants, List<String> staff,
                         List<LocalDate> closingDays) {
            this(id, name, intakeOpens, intakeStops, partners, consultants, staff, closingDays, ReportSettings.none(), null,
                    null);
        }

        /** A programme without a named project manager (aftercare escalations then only raise an alarm). */
        public Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                         List<Partner> partners, List<Consultant> consultants, List<String> staff,
                         List<LocalDate> closingDays, ReportSettings report) {
            this(id, name, intakeOpens, intakeStops, partners, consultants, staff, closingDays, report, null, null);
        }

        /** A programme with the default attendance rules. */
        public Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                         List<Partner> partners, List<Consultant> consultants, List<String> staff,
                         List<LocalDate> closingDays, ReportSettings report, String projectManagerId) {
            this(id, name, intakeOpens, intakeStops, partners, consultants, staff, closingDays, report, projectManagerId,
                    null);
        }

        /** A programme with its own attendance rules and nothing else beyond the defaults. */
        public Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                         List<Partner> partners, List<Consultant> consultants, List<String> staff,
                         List<LocalDate> closingDays, Attendance attendance) {
            this(id, name, intakeOpens, intakeStops, partners, consultants, staff, closingDays, ReportSettings.none(), null,
                    attendance);
        }

        /** A programme without closing days. */
        public Programme(String id, String name, LocalDate intakeOpens, LocalDate intakeStops,
                         List<Partner> partners, List<Consultant> consultants, List<String> staff) {
            this(id, name, intakeOpens, intakeStops, partners, consultants, staff, List.of());
        }

        public Optional<Partner> partner(String jobcentreId) {
            return partners.stream().filter(p -> p.jobcentreId().equals(jobcentreId)).findFirst();
        }

        public Optional<Consultant> consultant(String id) {
            return consultants.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        /** Consultants and listed staff may read and change the programme's referrals. */
        public boolean hasStaff(String username) {
            return staff.contains(username) || consultant(username).isPresent();
        }
    }

    /**
     * A programme's calendar switches. Christmas Eve (24 December), New Year's Eve (31 December) and Constitution
     * Day (Grundlovsdag, 5 June) are not public holidays by law, but most workplaces close on them: each is a
     * closing day unless switched off. {@code extraDays}: a one-day agreement may plan a session on a day
     * without sessions (a weekend, a public holiday, a closing day); off by default, so such an agreement is
     * refused.
     */
    public record Calendar(boolean closedOnChristmasEve, boolean closedOnNewYearsEve, boolean closedOnConstitutionDay,
                           boolean extraDays) {
        public static final Calendar DEFAULTS = new Calendar(true, true, true, false);

        /** Whether {@code date} is one of the customary closing days switched on. */
        public boolean closedOn(LocalDate date) {
            int m = date.getMonthValue();
            int d = date.getDayOfMonth();
            return closedOnChristmasEve && m == 12 && d == 24
                    || closedOnNewYearsEve && m == 12 && d == 31
                    || closedOnConstitutionDay && m == 6 && d == 5;
        }
    }

    /**
     * A programme's attendance settings, each optional with its default: the grace
     * period after a session's start before it counts as an unexcused absence; the benefits (wire
     * names, see {@code dk.rampe.referral.Benefit}) for which every unexcused absence reaches the
     * jobcentre; the thresholds for telling the caseworker ({@code inARow} unexcused absences in a
     * row, or {@code withinCount} within {@code withinWorkingDays} working days; 0 turns a rule
     * off); the working time after which an open absence follow-up is escalated (a reminder to the
     * consultant and an email to {@code teamLeadEmail}, if set); and whether a participant who
     * consented at enrolment gets a neutral SMS at the cutoff (off by default).
     */
    public record Attendance(Duration grace, List<String> reportEveryAbsence, int inARow, int withinCount,
                             int withinWorkingDays, Duration escalateAfter, EmailAddress teamLeadEmail,
                             boolean participantSms) {
        public static final Attendance DEFAULTS = new Attendance(Duration.ofMinutes(30),
                List.of("kontanthjaelp", "uddannelseshjaelp", "integrationsydelse"), 2, 3, 10, Duration.ofHours(2),
                null, false);

        public Attendance {
            grace = grace == null ? Duration.ofMinutes(30) : grace;
            reportEveryAbsence = reportEveryAbsence == null ? List.of() : List.copyOf(reportEveryAbsence);
            escalateAfter = escalateAfter == null ? Duration.ofHours(2) : escalateAfter;
        }

        @Override
        public String toString() {
            return "Attendance[grace=" + grace + ", inARow=" + inARow + ", withinCount=" + withinCount + "]";
        }
    }
}
