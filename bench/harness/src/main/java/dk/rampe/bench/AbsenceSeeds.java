package dk.rampe.bench;

import dk.rampe.dynamodb.BenchItems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The growth table of the absence detection (one run of the every-minute sweep). */
final class AbsenceSeeds {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final String TABLE = "per participant: the enrolled referral, an attendance plan of every day and its next"
            + " session on the due index (the due ones: today's, its cutoff passed a minute ago, nothing registered;"
            + " the others: tomorrow's)";

    private AbsenceSeeds() {
    }

    /**
     * Participants {@code [from, to)}; the first {@code due} of them (of each size's new ones: the previous
     * size's run handled its due ones and put their next session on tomorrow) have today's session due now.
     * The session starts two hours ago on today's date in Copenhagen (the day the detection nudges for), or at
     * midnight if that is yesterday, so its cutoff (start + the programme's grace, 30 minutes) has passed;
     * between 00:00 and 00:30 Copenhagen time no session of today can have passed its cutoff, so the row
     * must not be run then (the due sessions would move to their cutoff instead of being nudged).
     */
    static void seed(LocalDynamo db, int from, int to, int due) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, CPH);
        Instant twoHoursAgo = now.minus(Duration.ofHours(2));
        LocalTime start = LocalDate.ofInstant(twoHoursAgo, CPH).equals(today)
                ? LocalTime.ofInstant(twoHoursAgo, CPH).truncatedTo(ChronoUnit.MINUTES) : LocalTime.MIDNIGHT;
        Instant dueAt = now.minus(Duration.ofMinutes(1));
        Instant tomorrowsCutoff = today.plusDays(1).atTime(start).atZone(CPH).toInstant().plus(Duration.ofMinutes(30));
        long n = Math.max(0, to - from);
        Seeder.put(db.client(), db.table(), 3 * n, k -> {
            long i = from + k / 3;
            boolean isDue = i - from < due;
            List<Map<String, AttributeValue>> items = BenchItems.absenceParticipant(referralId(i), start,
                    isDue ? today : today.plusDays(1), isDue ? dueAt : tomorrowsCutoff);
            return items.get((int) (k % 3));
        }, 2);
    }

    /** R + 12 Crockford base32 characters, like the referral ids the intake makes. */
    static String referralId(long i) {
        StringBuilder sb = new StringBuilder("RB");
        long v = i;
        char[] c = new char[11];
        for (int p = 10; p >= 0; p--) {
            c[p] = CROCKFORD.charAt((int) (v & 31));
            v >>>= 5;
        }
        return sb.append(c).toString();
    }
}
