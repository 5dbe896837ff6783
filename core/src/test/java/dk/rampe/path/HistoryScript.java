package dk.rampe.path;

import dk.rampe.referral.ExitOutcome;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A programme's history up to {@code today}, scripted: 132 participants enrolled from January to October 2026 at
 * three jobcentres, 60 of them in an internship (the last three started in the days before today and still on),
 * 29 of those in a job afterwards (22 ordinary, 7 in a social-economy enterprise), a quarter of the jobs and every
 * sixth participant without one left (by their job, or to further assessment, a pension process, moving, absence);
 * and 6 more referrals, declined, outside the target group or waiting. Each step on a working day. The same
 * history is written as the import's CSV ({@link #csv()}) and as the steps of each day ({@link #on(LocalDate)}).
 */
final class HistoryScript {
    static final String PROGRAMME = "p1";
    static final List<String> JOBCENTRES = List.of("jc-aarhus", "jc-odder", "jc-randers");
    static final int PARTICIPANTS = 132;
    static final int INTERNSHIPS = 60;
    static final int JOBS = 29;
    static final int ORDINARY_JOBS = 22;

    /** One row: a referral and the day of each of its steps (null: not taken). */
    record Row(int n, String jobcentreId, String reference, String cpr, LocalDate received, String decision,
               LocalDate decided, LocalDate started, LocalDate internshipStarted, LocalDate internshipEnded,
               LocalDate jobStarted, JobKind jobKind, LocalDate exited, ExitOutcome outcome) {
    }

    /** A step of a row on a day, as the API records it that day. */
    enum Step { RECEIVED, DECIDED, STARTED, INTERNSHIP_STARTED, INTERNSHIP_ENDED, JOB_STARTED, EXITED }

    record Dated(Row row, Step step) {
    }

    final LocalDate today;
    final List<Row> rows = new ArrayList<>();

    HistoryScript(LocalDate today) {
        this.today = today;
        LocalDate first = LocalDate.of(2026, 1, 12);
        List<ExitOutcome> without = List.of(ExitOutcome.FURTHER_ASSESSMENT, ExitOutcome.PENSION_PROCESS, ExitOutcome.MOVED,
                ExitOutcome.DROPPED_ABSENCE);
        for (int k = 0; k < PARTICIPANTS; k++) {
            LocalDate received = working(first.plusDays(2L * k));
            LocalDate decided = working(received.plusDays(3));
            LocalDate started = working(decided.plusDays(4));
            LocalDate internship = null;
            LocalDate internshipEnded = null;
            LocalDate job = null;
            JobKind kind = null;
            LocalDate exited = null;
            ExitOutcome outcome = null;
            if (k < INTERNSHIPS) {
                // the last three internships started in the days before today (one today) and are still on
                internship = k >= INTERNSHIPS - 3 ? working(today.minusDays(3L * (INTERNSHIPS - 1 - k)))
                        : working(started.plusDays(14 + 2L * k));
                LocalDate end = working(internship.plusWeeks(8));
                if (end.isBefore(today)) internshipEnded = end;
            }
            if (k < JOBS) {
                job = working(internshipEnded.plusDays(7 + 4L * k));
                kind = k < ORDINARY_JOBS ? JobKind.ORDINARY : JobKind.SOCIAL_ECONOMY;
                if (k % 4 == 0 && working(job.plusDays(30)).isBefore(today)) {
                    exited = working(job.plusDays(30));
                    outcome = kind == JobKind.ORDINARY ? ExitOutcome.ORDINARY_JOB : ExitOutcome.SOCIAL_ECONOMY_JOB;
                }
            } else if (k >= INTERNSHIPS && k % 6 == 0 && working(started.plusDays(90)).isBefore(today)) {
                exited = working(started.plusDays(90));
                outcome = without.get(k / 6 % without.size());
            }
            rows.add(new Row(k + 1, JOBCENTRES.get(k % 3), "HIS-" + (k + 1), cpr(k), received, "accepted", decided,
                    started, internship, internshipEnded, job, kind, exited, outcome));
        }
        // referrals that never started: declined, outside the target group, waiting for the visitation
        for (int k = 0; k < 6; k++) {
            LocalDate received = working(first.plusDays(45L * k + 5));
            String decision = k < 3 ? "declined" : k < 5 ? "outside_target_group" : null;
            rows.add(new Row(PARTICIPANTS + k + 1, JOBCENTRES.get(k % 3), "HIS-N" + (k + 1), cpr(PARTICIPANTS + k),
                    received, decision, decision == null ? null : working(received.plusDays(3)), null, null, null, null,
                    null, null, null));
        }
        for (Row r : rows) {
            for (LocalDate d : new LocalDate[] {r.received(), r.decided(), r.started(), r.internshipStarted(),
                    r.internshipEnded(), r.jobStarted(), r.exited()}) {
                if (d != null && d.isAfter(today)) throw new IllegalStateException("row " + r.n() + " after today: " + d);
            }
        }
    }

    /** Monday for a Saturday or Sunday. */
    static LocalDate working(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY) return d.plusDays(2);
        if (d.getDayOfWeek() == DayOfWeek.SUNDAY) return d.plusDays(1);
        return d;
    }

    private static String cpr(int k) {
        return String.format("%02d%02d80%04d", 1 + k % 28, 1 + k / 28, 1000 + k);
    }

    /** The steps taken on {@code day}, row by row, each row's in the order of its path. */
    List<Dated> on(LocalDate day) {
        List<Dated> out = new ArrayList<>();
        for (Row r : rows) {
            if (day.equals(r.received())) out.add(new Dated(r, Step.RECEIVED));
            if (day.equals(r.decided())) out.add(new Dated(r, Step.DECIDED));
            if (day.equals(r.started())) out.add(new Dated(r, Step.STARTED));
            if (day.equals(r.internshipStarted())) out.add(new Dated(r, Step.INTERNSHIP_STARTED));
            if (day.equals(r.internshipEnded())) out.add(new Dated(r, Step.INTERNSHIP_ENDED));
            if (day.equals(r.jobStarted())) out.add(new Dated(r, Step.JOB_STARTED));
            if (day.equals(r.exited())) out.add(new Dated(r, Step.EXITED));
        }
        return out;
    }

    /** The history as the import's CSV (English column names, semicolons, UTF-8). */
    String csv() {
        StringBuilder sb = new StringBuilder("programmeId;jobcentreId;jobcentreReference;cpr;name;phone;benefit;"
                + "caseworkerName;caseworkerEmail;receivedAt;decision;decidedOn;startedOn;internshipStartedOn;"
                + "internshipEndedOn;employer;jobStartedOn;jobKind;hoursPerWeek;exitedOn;exitOutcome\r\n");
        for (Row r : rows) {
            sb.append(PROGRAMME).append(';').append(r.jobcentreId()).append(';').append(r.reference()).append(';')
                    .append(r.cpr()).append(";Deltager ").append(r.n()).append(';').append(phone(r.n()))
                    .append(";kontanthjaelp;Sag Behandler;sag@jobcenter.dk;").append(r.received()).append(';')
                    .append(text(r.decision())).append(';').append(text(r.decided())).append(';')
                    .append(text(r.started())).append(';').append(text(r.internshipStarted())).append(';')
                    .append(text(r.internshipEnded())).append(';')
                    .append(r.internshipStarted() == null ? "" : "Gartneri ApS").append(';')
                    .append(text(r.jobStarted())).append(';')
                    .append(r.jobKind() == null ? "" : r.jobKind().wireName()).append(';')
                    .append(r.jobKind() == null ? "" : "15").append(';').append(text(r.exited())).append(';')
                    .append(r.outcome() == null ? "" : r.outcome().wireName()).append("\r\n");
        }
        return sb.toString();
    }

    static String phone(int n) {
        return String.format("22 34 %02d %02d", n / 100, n % 100);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
