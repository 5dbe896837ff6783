package dk.rampe.bench;

import dk.rampe.dynamodb.BenchItems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The growth table of the aftercare sweep (one run of the daily sweep). */
final class AftercareSeeds {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    static final String TABLE = "per participant: the enrolled referral, a job start on its path and the job's aftercare"
            + " reminder on the due index (the due ones: job started three months and a day ago, reminder due a minute ago;"
            + " the others: job started a month ago, reminder in two months)";

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
        long n = Math.max(0, to - from);
        Seeder.put(db.client(), db.table(), 3 * n, k -> {
            long i = from + k / 3;
            boolean isDue = i - from < due;
            LocalDate started = isDue ? dueStart : laterStart;
            List<Map<String, AttributeValue>> items = BenchItems.aftercareParticipant(AbsenceSeeds.referralId(i),
                    started, started.plusMonths(3), isDue ? dueAt : laterAt);
            return items.get((int) (k % 3));
        }, 2);
    }
}
