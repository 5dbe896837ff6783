package dk.rampe.bench;

import dk.rampe.dynamodb.BenchItems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The growth table of the absence detection (one run of the every-minute sweep). */
final class AbsenceSeeds {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** The table holds at least this many items at every size (other referrals fill it up). */
    static final int MIN_ITEMS = 100_000;

    static final String TABLE = "per participant, as the routes write them: the enrolled referral, a plan step of 2-5"
            + " weekdays, a one-day agreement, registrations (mostly present, some late, excused or detected absent) and"
            + " the session chain built from them on the due index; the due ones three weeks into a five-day plan (15"
            + " registrations), an agreement for today whose cutoff passed a minute ago, nothing registered today; a"
            + " quarter of the others one to three weeks into their plan, the rest enrolled this week (nothing registered"
            + " yet), their chains at their next session; other referrals fill the table up to at least 100,000 items";

    private static final AtomicLong items = new AtomicLong();

    private AbsenceSeeds() {
    }

    /**
     * Participants {@code [from, to)}; the first {@code due} of them (of each size's new ones: the previous
     * size's run handled its due ones and moved their chains on) have today's session due now: an agreement for
     * today starting 31 minutes ago (so it is a session whatever the weekday), its cutoff (start + the
     * programme's grace, 30 minutes) a minute ago. Between 00:00 and 00:31 Copenhagen time no session of today
     * can have passed its cutoff, so the row must not be run then.
     */
    static void seed(LocalDynamo db, int from, int to, int due) {
        if (from == 0) items.set(0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = LocalDate.ofInstant(now, CPH);
        LocalTime start = LocalTime.ofInstant(now.minus(Duration.ofMinutes(31)), CPH);
        if (!LocalDate.ofInstant(now.minus(Duration.ofMinutes(31)), CPH).equals(today)) {
            throw new IllegalStateException("the absence growth row cannot run between 00:00 and 00:31 Copenhagen time");
        }
        items.addAndGet(Seeder.participants(db.client(), db.table(), from, to, i -> {
            boolean isDue = i - from < due;
            // the due ones three weeks into a five-day plan; of the others a quarter one to three weeks into a plan
            // of 2-5 days, the rest enrolled this week (a plan, nothing registered yet)
            int history = isDue ? 21 : i % 4 == 0 ? 7 * (1 + (int) (i / 4 % 3)) : 0;
            return BenchItems.absenceParticipant(referralId(i), today, start, isDue, isDue ? 5 : 2 + (int) (i % 4 == 0
                    ? i / 4 % 4 : i % 4), history);
        }, Seeder.THREADS));
        // other referrals (enrolled, no plan) up to the table's size
        long fill = MIN_ITEMS - items.get();
        if (fill > 0) {
            long base = 50_000_000L + items.get();
            Seeder.put(db.client(), db.table(), fill, k -> Seeds.referral(base + k), Seeder.THREADS);
            items.addAndGet(fill);
        }
    }

    /** Items in the table after the last {@link #seed} (participants' and the filling). */
    static long items() {
        return items.get();
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
