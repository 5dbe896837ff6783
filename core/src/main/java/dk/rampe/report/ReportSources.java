package dk.rampe.report;

/**
 * Where one report's data comes from, opened once per report: an adapter reads the programme's dated
 * history once and answers every port from it (the report then reads each item of the programme once,
 * however many figures and trend months use it).
 */
@FunctionalInterface
public interface ReportSources {

    Sources open(String programmeId, ReportPeriod period);

    record Sources(ReportReferrals referrals, PhaseMoves moves, AttendanceFigures attendance,
                   AftercareFigures aftercare, DeliveryFigures delivery, WarningFigures warnings) {
        /** Without the early warning's figures: its section shows as pending. */
        public Sources(ReportReferrals referrals, PhaseMoves moves, AttendanceFigures attendance,
                       AftercareFigures aftercare, DeliveryFigures delivery) {
            this(referrals, moves, attendance, aftercare, delivery, WarningFigures.notRecordedYet());
        }
    }

    /** The same ports for every report (tests, in-memory fakes). */
    static ReportSources of(ReportReferrals referrals, PhaseMoves moves, AttendanceFigures attendance,
                            AftercareFigures aftercare, DeliveryFigures delivery) {
        Sources s = new Sources(referrals, moves, attendance, aftercare, delivery);
        return (programmeId, period) -> s;
    }
}
