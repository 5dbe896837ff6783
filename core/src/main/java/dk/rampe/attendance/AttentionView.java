package dk.rampe.attendance;

import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.Ids;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the follow-up page shows of an {@code attention_due} follow-up: the warning it is about (its reasons, each
 * in one plain sentence, {@link EarlyWarning.Signal#sentence}) and the participant's last four weeks as days
 * (planned days and days with a registration; a weekday without a session and nothing registered is left out, and so
 * is a planned day the programme is closed, a public holiday or a closing day, as the early warning counts them).
 * Read by the referral: its warnings (one query) and its attendance of the four weeks.
 */
public record AttentionView(Warning warning, List<Day> days) {
    /** How many days back the page shows (four weeks, today included). */
    public static final int DAYS = 28;

    public enum State { PRESENT, LATE, EXCUSED, ABSENT, DETECTED, DAY_OFF, NOTHING }

    /** One day: what counts for it (the latest registration), the arrival when late. */
    public record Day(LocalDate date, State state, LocalTime arrival) {
    }

    public AttentionView {
        days = List.copyOf(days);
    }

    /**
     * The view of {@code task} on {@code today}, with the programme's working days; empty for another kind or when its
     * warning is not found.
     */
    public static Optional<AttentionView> of(AttendanceStore store, FollowUpTask task, LocalDate today,
                                             dk.rampe.schedule.WorkingDays workingDays) {
        if (task.kind() != FollowUpKind.ATTENTION_DUE) return Optional.empty();
        Warning warning = null;
        for (Warning w : store.warnings(task.referralId())) {
            if (Ids.taskId(FollowUpKind.ATTENTION_DUE.wireName() + "|" + task.programmeId() + "|" + task.referralId()
                    + "|" + WarningRun.decision(w.date())).equals(task.taskId())) {
                warning = w;
            }
        }
        if (warning == null) return Optional.empty();
        LocalDate from = today.minusDays(DAYS - 1L);
        return Optional.of(new AttentionView(warning, days(store.load(task.referralId(), from, today), from, today,
                d -> workingDays.isWorkingDay(task.programmeId(), d))));
    }

    static List<Day> days(Attendance a, LocalDate from, LocalDate to, java.util.function.Predicate<LocalDate> open) {
        List<Day> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Optional<Registration> r = a.registrationOn(d);
            if (r.isPresent()) {
                Registration g = r.get();
                State s = switch (g.status()) {
                    case PRESENT -> State.PRESENT;
                    case LATE -> State.LATE;
                    case EXCUSED -> State.EXCUSED;
                    case ABSENT -> g.detected() ? State.DETECTED : State.ABSENT;
                    case NONE -> State.NOTHING;
                };
                out.add(new Day(d, s, s == State.LATE ? g.arrival() : null));
                continue;
            }
            Optional<Agreement> agreed = a.agreementOn(d);
            LocalDate day = d;
            boolean planned = a.planOn(d).map(p -> p.plannedOn(day)).orElse(false) && open.test(d);
            if (agreed.isPresent() && agreed.get().dayOff() && planned) out.add(new Day(d, State.DAY_OFF, null));
            else if (planned) out.add(new Day(d, State.NOTHING, null));
        }
        return out;
    }
}
