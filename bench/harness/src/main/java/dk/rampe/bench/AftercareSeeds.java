package dk.rampe.bench;

import dk.rampe.dynamodb.BenchItems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The growth table of the aftercare sweep (one run of the daily sweep). */
final class AftercareSeeds {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    static final String TABLE = "per participant: the enrolled referral, its path (the enrolment and a job start) and the"
            + " job's aftercare and retention reminders on the due index (the due ones: job started three months and a"
            + " day ago, aftercare due a minute ago; the others: job started a month ago, aftercare in two months)";

    private AftercareSeeds() {
    }

    /**
     * Participants {@code [from, to)}; the first {@code due} of each size's new ones have their aftercare
     * reminder due now (the previous size's run created their tasks and took their reminders off the index).
     */
    static void seed(LocalDynamo db, int from, int to, int due) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, CPH);
        // aftercare yesterday (a job started three months and a day ago): due, and its escalation (five
        // working days later) not yet, so each size's run reads the reminders due, not the previous run's
        // escalations; on a day after a weekend or holiday the reminder moves to today (not due before 08:00)
        LocalDate dueStart = today.minusDays(1).minusMonths(3);
        LocalDate laterStart = today.minusMonths(1);
        Instant dueAt = now.minus(Duration.ofMinutes(1));
        Instant laterAt = laterStart.plusMonths(3).atTime(8, 0).atZone(CPH).toInstant();
        Seeder.participants(db.client(), db.table(), from, to, i -> {
            boolean isDue = i - from < due;
            LocalDate started = isDue ? dueStart : laterStart;
            return BenchItems.aftercareParticipant(AbsenceSeeds.referralId(i), started, started.plusMonths(3),
                    isDue ? dueAt : laterAt);
        }, Seeder.THREADS);
    }
}
